// The statement benchmark in headless Chromium against the release build (figures, not
// pass/fail), at 100,000 and 1,000,000 rows: generates 100,000 rows with the app's own
// sample generator and exports them; imports that file, and the 1,000,000-row file the
// native benchmark writes with the same generator, each into a fresh browser profile;
// then filters, sorts and totals, and reloads the page with the rows stored. It reports
// what a user feels — the app's own `performance.measure` entries, the longest main-thread
// task during the import (a page answers scrolling and typing between tasks), the first
// rows after a reload — and what it costs: JS heap, wasm linear memory and the browser
// storage used, next to the same work done natively (the NATIVE lines of
// `cargo bench --bench domain`, saved by `make bench` in target/bench-native.txt).
// Usage: node scripts/bench-statements.mjs [dist-dir] [native-figures-file]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";

const dist = process.argv[2] || "target/dist-e2e";
const nativeFile = process.argv[3] || "target/bench-native.txt";
const SAMPLE = 100_000;
const LARGE = 1_000_000;
const largeFile = join(dirname(nativeFile), `bench-statements-${LARGE}.csv`);
const port = 4199;
const base = `http://127.0.0.1:${port}/partners/`;
// A large import runs for tens of seconds.
const SLOW = 600_000;

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
  // Long tasks, from the start of the page (the observer is not the page's own script,
  // so the strict CSP does not apply to it).
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
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
const mb = (v) => (v == null ? "n/a" : `${(v / 1048576).toFixed(1)} MB`);

/** JS heap, wasm linear memory (the main module's instance: importing its script again
 * gives the same module, whose `initSync` returns the running instance) and storage. */
const memory = (page) =>
  page.evaluate(async () => {
    const script = performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .find((n) => /partner_console-[0-9a-f]+\.js$/.test(n));
    let wasm = null;
    try {
      wasm = (await import(script)).initSync(undefined).memory.buffer.byteLength;
    } catch {}
    const estimate = await navigator.storage.estimate();
    return { heap: performance.memory?.usedJSHeapSize ?? null, wasm, stored: estimate.usage ?? null };
  });

/** The longest main-thread task since `from`, and how many passed 100 ms. */
const longTasks = (page, from) =>
  page.evaluate((t) => {
    const after = window.__longTasks.filter((e) => e.start >= t);
    return { longest: Math.max(0, ...after.map((e) => e.duration)), over100: after.filter((e) => e.duration > 100).length };
  }, from);

/** Imports `file` (a buffer or a path) into a fresh profile and measures the rest. */
async function measure(rows, file) {
  const context = await browser.newContext();
  const page = await openStatements(context);
  const m = { rows };
  const from = await page.evaluate(() => performance.now());
  const t0 = Date.now();
  await page.locator("#stmt-import").setInputFiles(file);
  await page.getByTestId("import-summary").waitFor({ timeout: SLOW });
  await page.waitForFunction(() => performance.getEntriesByName("pc:import", "measure").length > 0, null, { timeout: SLOW });
  m.importWall = Date.now() - t0;
  m.importMs = await lastMeasure(page, "pc:import");
  m.phases = {};
  // The file is read and checked piece by piece: one phase.
  for (const [label, phase] of [["read + check", "check"], ["merge", "merge"], ["store", "store"], ["show", "show"]]) m.phases[label] = await lastMeasure(page, `pc:import-${phase}`);
  m.tasks = await longTasks(page, from);
  m.shown = await totalRows(page);

  // A filter, then a sort: each recomputes the view and its totals in Rust.
  await page.locator("#stmt-product").selectOption("云服务器 CVM");
  await page.waitForFunction((n) => document.querySelector("[data-testid=total-rows]")?.textContent !== String(n), rows, { timeout: SLOW });
  m.filterMs = await lastMeasure(page, "pc:statements-view");
  const rebate = page.getByTestId("statement-table").locator("thead th").nth(5).getByRole("button");
  await rebate.click();
  await rebate.click();
  await page.locator("th[aria-sort=descending]").waitFor({ timeout: SLOW });
  m.sortMs = await lastMeasure(page, "pc:statements-view");
  m.filtered = await totalRows(page);
  // Scroll to the middle: still only the rows in view are in the DOM.
  await page.getByTestId("statement-scroll").evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
  await page.waitForTimeout(200);
  m.domRows = await page.locator("[data-testid=statement-table] tbody tr").count();
  m.memory = await memory(page);

  // Reopen the page with the rows stored: time to the first rows of the table.
  await page.reload();
  await page.locator("[data-testid=statement-table] tbody tr:not(.pc-spacer)").first().waitFor({ timeout: SLOW });
  m.reloadMs = await page.evaluate(() => performance.now());
  m.loadMs = await lastMeasure(page, "pc:statements-load");
  m.reloadTasks = await longTasks(page, 0);
  m.afterReload = await memory(page);
  await context.close();
  return m;
}

try {
  await waitForServer();
  // 1. Generate 100,000 rows in the app and export them as the import file.
  const first = await browser.newContext({ acceptDownloads: true });
  let page = await openStatements(first);
  await page.locator("#stmt-sample-size").selectOption(String(SAMPLE));
  let t0 = Date.now();
  await page.getByRole("button", { name: /加载示例数据|Load sample data/ }).click();
  await page.waitForFunction((n) => document.querySelector("[data-testid=total-rows]")?.textContent === String(n), SAMPLE, { timeout: SLOW });
  const generateMs = Date.now() - t0;
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: /导出当前筛选结果|Export this view/ }).click(),
  ]);
  // Handed over as a file, as the large one is (a buffer would be sent through the
  // page's main thread and show up as its long task).
  const sampleFile = join(dirname(nativeFile), `bench-statements-${SAMPLE}.csv`);
  await download.saveAs(sampleFile);
  // The reconciliation of those rows and the sample's settlement sheets, on its page.
  await page.goto(base + "reconciliation");
  await page.getByTestId("recon-table").waitFor({ timeout: SLOW });
  const reconcileMs = await lastMeasure(page, "pc:reconcile");
  await first.close();

  // 2. Import each file into a fresh profile (empty storage).
  const results = [await measure(SAMPLE, sampleFile)];
  let largeNote = "";
  try {
    await stat(largeFile);
    results.push(await measure(LARGE, largeFile));
  } catch (e) {
    largeNote = `  ${LARGE.toLocaleString("en")} rows: not measured (${e.message.split("\n")[0]})`;
  }

  // 3. The sample of a million rows, made in the app in slices (progress bar, Cancel).
  const sampleContext = await browser.newContext();
  page = await openStatements(sampleContext);
  await page.locator("#stmt-sample-size").selectOption(String(LARGE));
  const sampleFrom = await page.evaluate(() => performance.now());
  t0 = Date.now();
  await page.getByRole("button", { name: /加载示例数据|Load sample data/ }).click();
  await page.waitForFunction((n) => document.querySelector("[data-testid=total-rows]")?.textContent === String(n), LARGE, { timeout: SLOW });
  const largeSample = { ms: Date.now() - t0, tasks: await longTasks(page, sampleFrom), memory: await memory(page) };
  await sampleContext.close();

  // Native figures per size: `NATIVE rows=… import_ms=… filter_ms=… sort_ms=… row_bytes=…`.
  const native = {};
  try {
    for (const line of (await readFile(nativeFile, "utf8")).split("\n").filter((l) => l.startsWith("NATIVE "))) {
      const figures = Object.fromEntries(line.slice(7).trim().split(/\s+/).map((kv) => kv.split("=")).map(([k, v]) => [k, Number(v)]));
      native[figures.rows] = figures;
    }
  } catch {}
  const ratio = (b, n) => (b != null && n ? `${(b / n).toFixed(1)}×` : "n/a");
  let nativeReconcile = null;
  try {
    const line = (await readFile(nativeFile, "utf8")).split("\n").find((l) => l.startsWith("NATIVE_RECONCILE "));
    nativeReconcile = line ? Number(/reconcile_ms=([\d.]+)/.exec(line)[1]) : null;
  } catch {}

  console.log(`\nStatement benchmark, headless Chromium, release build (${dist}) — figures, not assertions`);
  console.log(`  sample of ${SAMPLE.toLocaleString("en")} rows generated and stored in the app: ${generateMs} ms (wall)`);
  console.log(`  reconciliation of those rows and the sample's sheets (months on both bases, differences)   ${ms(reconcileMs)}   native ${ms(nativeReconcile)}  ratio ${ratio(reconcileMs, nativeReconcile)}`);
  const sampleMemory = largeSample.memory.heap != null ? `; JS heap ${mb(largeSample.memory.heap)} + wasm ${mb(largeSample.memory.wasm)}` : "";
  console.log(`  sample of ${LARGE.toLocaleString("en")} rows generated and stored in the app: ${largeSample.ms} ms (wall); longest task ${ms(largeSample.tasks.longest)} (${largeSample.tasks.over100} over 100 ms)${sampleMemory}`);
  for (const m of results) {
    const n = native[m.rows] ?? {};
    const big = m.rows >= LARGE;
    const mem = m.memory;
    console.log(`  — ${m.rows.toLocaleString("en")} rows (${m.shown} shown after the import)`);
    console.log(`    import: file read → rows checked → stored → table shown   ${ms(m.importMs)} (${m.importWall} ms wall incl. file hand-over)   native ${ms(n.import_ms)}  ratio ${ratio(m.importMs, n.import_ms)}   target ≤ ${big ? "6000" : "600"} ms`);
    console.log(`      of which: ${Object.entries(m.phases).map(([k, v]) => `${k} ${ms(v)}`).join(", ")}`);
    console.log(`    longest main-thread task during the import               ${ms(m.tasks.longest)} (${m.tasks.over100} tasks over 100 ms)   target: none over 100 ms`);
    console.log(`    filter (product) + totals                                ${ms(m.filterMs)}   native ${ms(n.filter_ms)}  ratio ${ratio(m.filterMs, n.filter_ms)}   target ≤ ${big ? 100 : 10} ms`);
    console.log(`    filter + sort (rebate desc) + totals → ${m.filtered} rows     ${ms(m.sortMs)}   native ${ms(n.sort_ms)}  ratio ${ratio(m.sortMs, n.sort_ms)}   target ≤ ${big ? 100 : 10} ms`);
    console.log(`    reload with the rows stored: first rows of the table     ${ms(m.reloadMs)} (stored rows read in ${ms(m.loadMs)}; longest task ${ms(m.reloadTasks.longest)})   target ≤ 1000 ms`);
    console.log(`    memory after the import: JS heap ${mb(mem.heap)} + wasm ${mb(mem.wasm)} = ${mb(mem.heap + mem.wasm)}   (after a reload: ${mb(m.afterReload.heap)} + ${mb(m.afterReload.wasm)})   target ≤ 150 MB at 1M   native rows alone ${n.row_bytes ?? "n/a"} B/row`);
    console.log(`    browser storage used                                     ${mb(mem.stored)} = ${mem.stored == null ? "n/a" : Math.round(mem.stored / m.rows)} bytes a row`);
    console.log(`    table rows in the DOM (scrolled to the middle)           ${m.domRows} (limit ~200)`);
  }
  if (largeNote) console.log(largeNote);
} finally {
  await browser.close();
  stopServer();
}
