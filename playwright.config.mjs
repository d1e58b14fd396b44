// End-to-end tests: the release build served like a CDN would serve it (under a
// sub-path, with the SPA fallback), driven in Debian's Chromium — every scenario twice:
// in local mode (browser storage) and in remote mode against the reference server
// (server/, behind tests/e2e/api-server.mjs; see tests/e2e/modes.mjs).
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 4173);
const apiPort = Number(process.env.E2E_API_PORT || 4174);
const serverPort = Number(process.env.E2E_SERVER_PORT || 4175);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/partners/`,
    locale: "en-US",
    launchOptions: {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "local", use: { mode: "local" } },
    { name: "remote", use: { mode: "remote" } },
  ],
  webServer: [
    {
      command: `node tests/e2e/serve.mjs target/dist-e2e /partners/ ${port} ${apiPort}`,
      url: `http://127.0.0.1:${port}/partners/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The reference server on the cluster `make e2e` starts (DATABASE_URL), serving
      // the same build; its test hooks give each scenario a tenant of its own.
      command: `target/release/partner_server serve`,
      env: {
        DATABASE_URL: process.env.DATABASE_URL || "",
        BIND: `127.0.0.1:${serverPort}`,
        DIST: "target/dist-e2e",
        TEST_HOOKS: "1",
      },
      url: `http://127.0.0.1:${serverPort}/partners/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node tests/e2e/api-server.mjs ${apiPort} ${serverPort}`,
      url: `http://127.0.0.1:${apiPort}/t/ready/__log`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
