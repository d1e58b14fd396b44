// The load benchmark (figures, not pass/fail): on a throttled network (9 Mbit/s down,
// 40 ms round trip, no cache), the time from navigation to the home page's heading and to
// the statements page's heading (a deep link: main module, then the statements area), next to
// a static HTML page from the same server — the floor any page has on that network.
// The server sends the build's precompressed files (brotli) as a CDN would.
// Usage: node scripts/bench-load.mjs [dist-dir]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] || "target/dist-e2e";
const port = 4198;
const base = `http://127.0.0.1:${port}/partners/`;
const RUNS = 3;
const staticPage = join(dist, "bench-static.html");
writeFileSync(staticPage, "<!doctype html><title>static</title><h1>static</h1>\n");

const server = spawn("node", ["tests/e2e/serve.mjs", dist, "/partners/", String(port)], { stdio: "ignore" });
process.on("exit", () => {
  server.kill();
  rmSync(staticPage, { force: true });
});
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 100));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});

/** Milliseconds from navigation to `heading` visible, on the throttled network. */
async function timeTo(path, heading, { role } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (role) {
    // The role is stored in the browser: set it once, unthrottled, before measuring.
    await page.goto(base);
    await page.locator("#pc-role-switch").selectOption(role);
    await page.getByTestId("current-role").waitFor();
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 40,
    downloadThroughput: (9 * 1024 * 1024) / 8,
    uploadThroughput: (2 * 1024 * 1024) / 8,
  });
  const bytes = { n: 0 };
  cdp.on("Network.loadingFinished", (e) => (bytes.n += e.encodedDataLength));
  const start = Date.now();
  await page.goto(base + path, { waitUntil: "commit" });
  await page.getByRole("heading", { name: heading, level: 1 }).waitFor({ timeout: 60_000 });
  const ms = Date.now() - start;
  await context.close();
  return { ms, kb: bytes.n / 1024 };
}

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function figure(label, path, heading, opts) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timeTo(path, heading, opts));
  const ms = median(runs.map((r) => r.ms));
  const kb = median(runs.map((r) => r.kb));
  console.log(`  ${label.padEnd(52)}${String(ms).padStart(6)} ms   ${kb.toFixed(1).padStart(7)} KB on the wire`);
}

try {
  console.log(`Load on a throttled network (9 Mbit/s, 40 ms RTT, no cache; median of ${RUNS}):`);
  await figure("static HTML page (the floor)", "bench-static.html", "static");
  await figure("home page: heading shown", "", "欢迎使用合作伙伴控制台");
  await figure("/statements (deep link, main account): heading", "statements", "返佣对账单", { role: "main" });
} finally {
  await browser.close();
  // The server child keeps the event loop alive: end here (the exit hook stops it).
  process.exit(0);
}
