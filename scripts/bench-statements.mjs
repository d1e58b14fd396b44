// The statement benchmark in headless Chromium against the release build (figures, not
// pass/fail): generates 100,000 rows with the app's own sample generator, exports them,
// imports the file into a fresh browser profile, then filters, sorts and totals; reports
// the app's own `performance.measure` entries, the table rows in the DOM and the JS heap,
// next to the same work done natively (the NATIVE line of `cargo bench --bench domain`,
// saved by `make bench` in target/bench-native.txt).
// Usage: node scripts/bench-statements.mjs [dist-dir] [native-figures-file]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";

const dist = process.argv[2] || "target/dist-e2e";
const nativeFile = process.argv[3] || "target/bench-native.txt";
const ROWS = 100_000;
const port = 4199;
const base = `http://127.0.0.1:${port}/partners/`;

const server = spawn("node", ["tests/e2e/serve.mjs", dist, "/partners/", String(port)], { stdio: "ignore" });
const stopServer = () => server.kill();
process.on("exit", stopServer);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("static server did not start");
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-precise-memory-info"],
});

async function openStatements(context) {
  const page = await context.newPage();
  page.on("dialog", (d) => d.accept());
  await page.goto(base + "statements");
  await page.locator("#pc-role-switch").selectOption("main");
  await page.locator("#stmt-import").waitFor();
  return page;
}

const lastMeasure = (page, name) =>
  page.evaluate((n) => {
    const all = performance.getEntriesByName(n, "measure");
    return all.length ? all[all.length - 1].duration : null;
  }, name);
const totalRows = (page) => page.getByTestId("total-rows").textContent();
const ms = (v) => (v == null ? "n/a" : `${v.toFixed(1)} ms`);

try {
  await waitForServer();
  // 1. Generate 100,000 rows in the app and export them as the import file.
  const first = await browser.newContext({ acceptDownloads: true });
  let page = await openStatements(first);
  await page.locator("#stmt-sample-size").selectOption(String(ROWS));
  let t0 = Date.now();
  await page.getByRole("button", { name: /加载示例数据|Load sample data/ }).click();
  await page.waitForFunction((n) => document.querySelector("[data-testid=total-rows]")?.textContent === String(n), ROWS, { timeout: 120_000 });
  const generateMs = Date.now() - t0;
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: /导出当前筛选结果|Export this view/ }).click(),
  ]);
  const csv = await readFile(await download.path());
  await first.close();

  // 2. Import the file into a fresh profile (empty storage).
  const second = await browser.newContext();
  page = await openStatements(second);
  t0 = Date.now();
  await page.locator("#stmt-import").setInputFiles({ name: "statements.csv", mimeType: "text/csv", buffer: csv });
  await page.getByTestId("import-summary").waitFor({ timeout: 120_000 });
  const importWall = Date.now() - t0;
  const importMs = await lastMeasure(page, "pc:import");
  const rowsAfterImport = await totalRows(page);

  // 3. A filter, then a sort: each recomputes the view and its totals in Rust.
  await page.locator("#stmt-product").selectOption("云服务器 CVM");
  await page.waitForFunction((n) => document.querySelector("[data-testid=total-rows]")?.textContent !== String(n), ROWS);
  const filterMs = await lastMeasure(page, "pc:statements-view");
  const rebate = page.getByTestId("statement-table").locator("thead th").nth(5).getByRole("button");
  await rebate.click();
  await rebate.click();
  await page.locator("th[aria-sort=descending]").waitFor();
  const sortMs = await lastMeasure(page, "pc:statements-view");
  const filtered = await totalRows(page);
  // Scroll to the middle: still only the rows in view are in the DOM.
  await page.getByTestId("statement-scroll").evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
  await page.waitForTimeout(200);
  const domRows = await page.locator("[data-testid=statement-table] tbody tr").count();
  const firstShown = await page.locator("[data-testid=statement-table] tbody tr:not(.pc-spacer)").first().getAttribute("aria-rowindex");
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  await second.close();

  let native = {};
  try {
    const text = await readFile(nativeFile, "utf8");
    const lineText = text.split("\n").find((l) => l.startsWith("NATIVE "));
    for (const kv of lineText.slice(7).trim().split(/\s+/)) {
      const [k, v] = kv.split("=");
      native[k] = Number(v);
    }
  } catch {
    native = {};
  }
  const ratio = (b, n) => (b != null && n ? `${(b / n).toFixed(1)}×` : "n/a");

  console.log(`\nStatement benchmark, headless Chromium, release build (${dist}) — figures, not assertions`);
  console.log(`  sample of ${ROWS.toLocaleString("en")} rows generated and stored          ${generateMs} ms (wall)`);
  console.log(`  CSV import of ${(csv.length / 1048576).toFixed(1)} MB (${rowsAfterImport} rows): parse + check + store  ${ms(importMs)} (app measure; ${importWall} ms wall incl. file hand-over)   native ${ms(native.import_ms)}  ratio ${ratio(importMs, native.import_ms)}   target ≤ 2000 ms`);
  console.log(`  filter (product) + totals over ${ROWS.toLocaleString("en")} rows                 ${ms(filterMs)}   native ${ms(native.filter_ms)}  ratio ${ratio(filterMs, native.filter_ms)}   target ≤ 100 ms, ≤ 3× native`);
  console.log(`  filter + sort (rebate desc) + totals → ${filtered} rows          ${ms(sortMs)}   native ${ms(native.sort_ms)}  ratio ${ratio(sortMs, native.sort_ms)}   target ≤ 100 ms, ≤ 3× native`);
  console.log(`  table rows in the DOM (scrolled to the middle, first drawn row ${firstShown})   ${domRows} (limit ~200)`);
  console.log(`  JS heap used                                                ${heap == null ? "n/a" : (heap / 1048576).toFixed(1) + " MB"}`);
} finally {
  await browser.close();
  stopServer();
}
