// One suite, two modes. Every spec imports `test` from here; playwright.config.mjs runs
// it once per project: "local" (browser storage) and "remote" (the app in remote mode
// against the reference server, behind tests/e2e/api-server.mjs). The helpers
// below do what differs: becoming a role (local: the demo switcher; remote: signing in
// with another token, as a host page would) and planting records (local: browser
// storage; remote: the server's database).
import { test as base, expect } from "@playwright/test";
import { watchPage, checkVisited } from "./guard.mjs";
import { WORDS, ROLE_KEYS } from "./words.mjs";

export { expect };

export const API_PORT = Number(process.env.E2E_API_PORT || 4174);
export const API_ROOT = `http://127.0.0.1:${API_PORT}`;

/** The tokens the test server knows, by the role's name in either language. */
const TOKENS = Object.fromEntries(
  Object.values(WORDS).flatMap((w) => ROLE_KEYS.map((key) => [w[key], `tok-${key}`])),
);

export const test = base.extend({
  mode: ["local", { option: true }],
  // Page errors, console errors and panics of every page in the context (see guard.mjs).
  problems: async ({}, use) => {
    await use([]);
  },
  visited: async ({}, use) => {
    await use(new Set());
  },
  context: async ({ context, problems, visited }, use) => {
    context.on("page", (p) => watchPage(p, problems, visited));
    // The pages are served under the strict CSP (serve.mjs): any violation is reported
    // as a console error, which fails the scenario.
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
      });
    });
    await use(context);
  },
  page: async ({ page, mode, problems, visited }, use, testInfo) => {
    page.pcMode = mode;
    if (mode === "remote") {
      // Its own database on the server, so parallel tests never meet.
      page.pcTenant = `${testInfo.testId}-${testInfo.retry}`;
      await signIn(page, "tok-visitor");
    }
    await use(page);
    // Only a scenario that passed is checked further: a failure has its own message.
    if (testInfo.status === testInfo.expectedStatus && !page.pcNoAxe) {
      await checkVisited(page, mode, visited, problems);
    }
    // A scenario that provokes a failure on purpose names the console lines it expects.
    const unexpected = page.pcExpectedConsole
      ? problems.filter((p) => !page.pcExpectedConsole.test(p))
      : problems;
    expect(unexpected, "the page raised errors, logged console errors or failed axe").toEqual([]);
  },
});

/** The API root the app is pointed at in remote mode: the app's own origin, where the
 * static server passes /t/ on to the test API — so the strict CSP's connect-src 'self'
 * holds (a host puts its backend behind its console's domain, or names the backend's
 * origin in connect-src). The helpers below talk to the API directly. */
const APP_ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT || 4173)}`;
export const backendUrl = (page) => `${APP_ORIGIN}/t/${page.pcTenant}/api`;

/** Remote mode: the host page's configuration, set before the app starts (and again on
 * every reload), as a page serving index.html would set it. */
async function signIn(page, token) {
  page.pcToken = token;
  await page.addInitScript((cfg) => {
    window.partnerConsoleConfig = cfg;
  }, { mode: "remote", backendUrl: backendUrl(page), authToken: token });
}

/** Remote mode: another browser — a context of its own, with its own storage — signed
 * in as the role with this key on a tenant (the scenario's own unless named), as a second
 * person at another desk would be. */
export async function otherBrowser(browser, page, key, { tenant = page.pcTenant, locale = "en-US" } = {}) {
  const context = await browser.newContext({ baseURL: `${APP_ORIGIN}/partners/`, locale });
  const other = await context.newPage();
  other.pcMode = "remote";
  other.pcTenant = tenant;
  await signIn(other, `tok-${key}`);
  return other;
}

/** The reference server itself, serving the app that signs its users in. */
export const SERVER_APP = `http://127.0.0.1:${Number(process.env.E2E_SERVER_PORT || 4175)}/partners/`;

/** Remote mode: gives the tenant's account in this role a password; its email address. */
export async function givePassword(tenant, key, password) {
  const r = await fetch(`${API_ROOT}/t/${tenant}/__password`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ role: key, password }),
  });
  expect(r.ok).toBe(true);
  return (await r.json()).email;
}

/** Remote mode: the session of the role with this key, as the server gives it. */
export async function serverSession(page, key = "main") {
  const r = await fetch(`${backendUrl(page)}/session`, { headers: { authorization: `Bearer tok-${key}` } });
  expect(r.ok).toBe(true);
  return r.json();
}

/** Remote mode: a record as the server holds it (null when absent), read as the role with
 * this key — a partner's under its partner, an application under the applicant. */
export async function serverRecord(page, collection, id, key = "main") {
  let path = `/${collection}/${encodeURIComponent(id)}`;
  if (!["applications", "announcements"].includes(collection)) {
    const s = await serverSession(page, key);
    path = `/partners/${s.partner_id ?? s.partners[0].id}${path}`;
  }
  const r = await fetch(`${backendUrl(page)}${path}`, { headers: { authorization: `Bearer tok-${key}` } });
  return r.ok ? r.json() : null;
}

/** Remote mode: an API call as the role with this key on a tenant, through the test
 * proxy (`path` under /api). */
export async function apiAs(tenant, key, method, path) {
  const r = await fetch(`${API_ROOT}/t/${tenant}/api${path}`, { method, headers: { authorization: `Bearer tok-${key}` } });
  return { status: r.status, body: await r.json().catch(() => null) };
}

/** Becomes the role with this (translated) name: the demo switcher in local mode, another
 * sign-in (token) and a reload in remote mode, where the server decides the role. */
export async function becomeRole(page, switchLabel, name) {
  if (page.pcMode === "remote") {
    await signIn(page, TOKENS[name]);
    await page.reload();
  } else {
    await page.getByLabel(switchLabel).selectOption({ label: name });
  }
  await expect(page.getByTestId("current-role")).toContainText(name);
}

/** Becomes a role by its key (`visitor`, `main`, `sub`, `manager`) with the console in
 * `lang`. */
export async function actAs(page, key, lang = "zh-CN") {
  await becomeRole(page, WORDS[lang].roleSwitch, WORDS[lang][key]);
}

/** Clicks the settings page's sample-data button (the page must be open). */
export async function loadSample(page, lang = "zh-CN") {
  await page.getByRole("button", { name: WORDS[lang].loadSample }).click();
}

/** Sample data of `rows` statement rows ending with month `last` (with its customers,
 * sheets and special rebates, and the sample company when there is no partner yet): in
 * local mode the statements page's button (the page open on its tools, as the main
 * account); in remote mode, where money data comes from the provider, the same data
 * planted on the server as an import, then the page reloaded. */
export async function sampleData(page, { rows = 1000, last, lang = "zh-CN" } = {}) {
  if (page.pcMode === "remote") {
    const r = await fetch(`${API_ROOT}/t/${page.pcTenant}/__sample`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rows: Number(rows), last }),
    });
    expect(r.ok).toBe(true);
    await page.reload();
    return;
  }
  await page.locator("#stmt-sample-size").selectOption(String(rows));
  if (last) await page.locator("#stmt-sample-month").fill(last);
  await page.getByRole("button", { name: WORDS[lang].loadSample }).click();
  // Stored whole: the message comes after the sheets and the profile are written.
  await expect(page.getByRole("status").filter({ hasText: lang === "zh-CN" ? "已加载" : "Loaded a sample" })).toBeVisible();
}

/** Opens the statements page's import and sample tools (they open by themselves only
 * while no statements are stored). */
export async function openStatementTools(page, lang = "zh-CN") {
  const toggle = page.getByRole("button", { name: WORDS[lang].statementTools });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
}

/** Plants records as the app would have stored them: `[collection, id, data]` triples.
 * Local mode needs the page open on the app (browser storage is per origin). */
export async function plant(page, records) {
  if (page.pcMode === "remote") {
    for (const [collection, id, data] of records) {
      const r = await fetch(`${API_ROOT}/t/${page.pcTenant}/__seed`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ collection, id, data }),
      });
      expect(r.ok).toBe(true);
    }
    return;
  }
  await page.evaluate((records) => {
    for (const [collection, id, data] of records) {
      localStorage.setItem(`pc/r/${collection}/${id}`, JSON.stringify({ v: 1, rev: 1, data }));
    }
  }, records);
}

/** Remote mode: scripts a fault on the test server (see api-server.mjs). */
export async function fault(page, spec) {
  const r = await fetch(`${API_ROOT}/t/${page.pcTenant}/__fault`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(spec),
  });
  expect(r.ok).toBe(true);
}

/** Remote mode: the requests the app sent so far. */
export async function requestLog(page) {
  return (await fetch(`${API_ROOT}/t/${page.pcTenant}/__log`)).json();
}

/** Skips a scenario that is about browser storage itself (backups, quarantine, other
 * tabs, the demo role switcher): remote mode has none of it. */
export function localOnly(mode, why) {
  test.skip(mode === "remote", `local mode only: ${why}`);
}

/** Skips a scenario in remote mode that does not yet run against the reference server,
 * naming why. Each is a known gap of issue 34, listed in its closing note — not a
 * scenario that cannot run remotely by nature (those use `localOnly`). */
export function remoteGap(mode, why) {
  test.skip(mode === "remote", `remote gap (issue 34): ${why}`);
}

/** Starts signed in as this role. Local mode writes the session the app would have
 * (the page must be open on the app); remote mode signs in with the role's token, the
 * server deriving account and company from its own data. */
export async function startSession(page, session) {
  if (page.pcMode === "remote") {
    const token = { Visitor: "tok-visitor", MainAccount: "tok-main", SubAccount: "tok-sub", ChannelManager: "tok-manager" }[session.role];
    await signIn(page, token);
    return;
  }
  await page.evaluate((session) => {
    localStorage.setItem("pc/session", JSON.stringify({ v: 1, rev: 1, data: session }));
  }, session);
}

/** The confirmation code just mailed to `email`: local mode shows it in its simulated
 * mailbox; in remote mode the server holds it (a real backend mails it). */
export async function mailedCode(page, email) {
  if (page.pcMode === "remote") {
    let code = null;
    await expect(async () => {
      // What the server's outbox would have mailed (a test hook: no client reads codes).
      const r = await fetch(`${API_ROOT}/t/${page.pcTenant}/__code?email=${encodeURIComponent(email)}`);
      expect(r.ok).toBe(true);
      code = (await r.json()).code;
      expect(code).toMatch(/^\d{6}$/);
    }).toPass({ timeout: 15_000 });
    return code;
  }
  await expect(page.getByTestId("mailbox")).toContainText(email);
  return (await page.getByTestId("mailbox").textContent()).match(/(\d{6})/)[1];
}

/** The channel manager records every customer's arrears as paid (the sample data has a
 * few customers in arrears, which holds payment of every sheet). The page must be in the
 * language of `words`; the current role must be the channel manager. */
export async function settleArrears(page, words = { arrears: "Arrears", paid: "Record arrears paid" }) {
  await page.goto("customers");
  const table = page.getByTestId("customers-table");
  const sortBy = table.getByRole("button", { name: words.arrears });
  await sortBy.click();
  await sortBy.click(); // largest first
  const owing = table.locator("tbody tr").filter({ has: page.locator("td.pc-negative") });
  while ((await owing.count()) > 0) {
    const uin = await owing.first().getAttribute("data-uin");
    await owing.first().getByRole("link").click();
    await page.getByRole("button", { name: words.paid }).click();
    await expect(page.getByRole("button", { name: words.paid })).toBeDisabled();
    await page.goto("customers");
    await sortBy.click();
    await sortBy.click();
    await expect(table.locator(`tr[data-uin="${uin}"] td.pc-negative`)).toHaveCount(0);
  }
}
