// The money pages (RULES §Customers–§Special rebates): statement import with refused lines, filters and
// totals checked against an independent count, the basis switch, the tax preview,
// export → re-import, the settlement payment window, and special rebates for the main
// account only.
import { test, expect, becomeRole, openStatementTools, settleArrears, sampleData, remoteGap } from "./modes.mjs";
import { WORDS } from "./words.mjs";
import { readFile, writeFile } from "node:fs/promises";

const ROLE = WORDS["en-US"];

// The words of the statement scenario in both languages.
const L = {
  "zh-CN": {
    ...WORDS["zh-CN"], importLabel: "导入对账单（CSV）",
    summary: (n) => `读取 ${n + 3} 行：新增 ${n} 行，替换 0 行，拒绝 3 行。`,
    bad: ["第 5 行：月份“2026-13”不是 YYYY-MM 格式", "第 6 行：付费模式“月付”应为 预付费/后付费", "第 7 行：“消费金额”的值“abc”不是最多两位小数的金额"],
    product: "产品", from: "起始月份", to: "截止月份", rebate: "返佣金额", clear: "清除筛选", customer: "客户（UIN 或名称）",
    deducted: "（2026-03 扣费）", used: "（2026-02 使用）",
    deduction: "按扣费周期（扣费月份）", billing: "按计费周期（资源实际使用月份）",
    preview: (m) => `预览 ${m}`, money: (v) => `¥${v}`, consent: "同意接受扣除税金后的金额",
    export: "导出当前筛选结果（CSV）", header: "月份,扣费月份,客户UIN", reimport: (n) => `新增 0 行，替换 ${n} 行，拒绝 0 行`,
  },
  "en-US": {
    ...WORDS["en-US"], importLabel: "Import statements (CSV)",
    summary: (n) => `Read ${n + 3} lines: ${n} added, 0 replaced, 3 refused.`,
    bad: ["Line 5: month “2026-13” is not YYYY-MM", "Line 6: payment mode “月付” must be prepaid or postpaid", "Line 7: “consumption” value “abc” is not an amount"],
    product: "Product", from: "From month", to: "To month", rebate: "Rebate", clear: "Clear filters", customer: "Customer (UIN or name)",
    deducted: "(deducted 2026-03)", used: "(used 2026-02)",
    deduction: "Deduction period (month deducted)", billing: "Billing period (month of use)",
    preview: (m) => `Preview ${m}`, money: (v) => `CNY ${v}`, consent: "accept the reduced amount",
    export: "Export this view (CSV)", header: "month,deduction_month,customer_uin", reimport: (n) => `0 added, ${n} replaced, 0 refused`,
  },
};

async function start(page, path, lang = "en-US") {
  page.on("dialog", (d) => d.accept());
  await page.goto(path);
  if (lang === "en-US") await page.getByRole("button", { name: /English/ }).click();
  await becomeRole(page, L[lang].roleSwitch, L[lang].main);
}

async function role(page, name) {
  await becomeRole(page, WORDS["en-US"].roleSwitch, name);
}

/** "CNY -1,234.50" / "-¥1,234.50" → -123450 (fen), so sums are exact. */
const fen = (text) => {
  const t = text.replace(/CNY|¥|,|\s/g, "");
  const neg = t.startsWith("-");
  const [y, f = "0"] = t.replace("-", "").split(".");
  const v = Number(y) * 100 + Number(f.padEnd(2, "0"));
  return neg ? -v : v;
};
const yuan = (f) => `${Math.trunc(f / 100)}.${String(Math.abs(f) % 100).padStart(2, "0")}`;

// A statement file: Chinese headers in an unusual order, good rows (January's rebate is
// exactly 100.00 and February's exactly 0.25) and three bad lines (5, 6 and 7).
const products = ["云服务器 CVM", "对象存储 COS", "内容分发网络 CDN"];
const good = [
  { uin: "100001", name: "甲公司", month: "2026-01", product: products[0], sub: "S5", mode: "预付费", consumption: 100000, ratio: "10%", rebate: 10000 },
  { uin: "100002", name: "乙公司", month: "2026-02", product: products[1], sub: "标准存储", mode: "后付费", consumption: 500, ratio: "5%", rebate: 25 },
  { uin: "100001", name: "甲公司", month: "2026-03", product: products[0], sub: "S5", mode: "预付费", consumption: 200000, ratio: "10%", rebate: 20000 },
];
for (let i = 0; i < 40; i++) {
  const consumption = 1000 + ((i * 7919) % 90000);
  good.push({
    uin: `1000${10 + (i % 5)}`, name: `客户${i % 5}`, month: `2026-0${3 + (i % 6)}`,
    product: products[i % 3], sub: `规格${i % 4}`, mode: i % 2 ? "后付费" : "预付费",
    consumption, ratio: "8%", rebate: Math.round(consumption * 0.08),
  });
}
const line = (r) => [r.uin, r.month, r.product, r.sub, r.mode, yuan(r.consumption), r.ratio, yuan(r.rebate), r.name].join(",");
const csv = [
  "客户UIN,月份,产品,子产品,付费模式,消费金额,返佣比例,返佣金额,客户名称",
  line(good[0]), line(good[1]), line(good[2]),
  "100003,2026-13,云服务器 CVM,S5,预付费,10.00,10%,1.00,丙公司",
  "100003,2026-04,云服务器 CVM,S5,月付,10.00,10%,1.00,丙公司",
  "100003,2026-04,云服务器 CVM,S5,预付费,abc,10%,1.00,丙公司",
  ...good.slice(3).map(line),
].join("\n");

async function importCsv(page, label, text, name = "statements.csv") {
  await page.getByLabel(label).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  await expect(page.getByTestId("import-summary")).toBeVisible();
}

for (const [lang, t] of Object.entries(L)) {
  test(`statements: import, filters and totals, basis, tax preview, export and re-import (${lang})`, async ({ page, mode }) => {
    remoteGap(mode, "statements are the provider's to import on a server; the scenario imports as the main account");
    await start(page, "statements", lang);
    await importCsv(page, t.importLabel, csv);
    const summary = page.getByTestId("import-summary");
    await expect(summary).toContainText(t.summary(good.length));
    const refused = page.getByTestId("refused-lines");
    await expect(refused.getByRole("listitem")).toHaveCount(3);
    for (const b of t.bad) await expect(refused).toContainText(b);
    await expect(page.getByTestId("total-rows")).toHaveText(String(good.length));
    const allRebate = good.reduce((s, r) => s + r.rebate, 0);
    expect(fen(await page.getByTestId("total-rebate").textContent())).toBe(allRebate);

    // Filters (product and a month range, billing basis) against an independent count.
    await page.getByLabel(t.product, { exact: true }).selectOption(products[0]);
    await page.getByLabel(t.from, { exact: true }).fill("2026-03");
    await page.getByLabel(t.to, { exact: true }).fill("2026-06");
    const expected = good.filter((r) => r.product === products[0] && r.month >= "2026-03" && r.month <= "2026-06");
    await expect(page.getByTestId("total-rows")).toHaveText(String(expected.length));
    expect(fen(await page.getByTestId("total-rebate").textContent())).toBe(expected.reduce((s, r) => s + r.rebate, 0));
    expect(fen(await page.getByTestId("total-consumption").textContent())).toBe(expected.reduce((s, r) => s + r.consumption, 0));
    // Per-month totals agree too.
    for (const m of new Set(expected.map((r) => r.month))) {
      const cell = page.getByTestId("month-totals").locator(`tr[data-month="${m}"] [data-testid=month-rebate]`);
      expect(fen(await cell.textContent())).toBe(expected.filter((r) => r.month === m).reduce((s, r) => s + r.rebate, 0));
    }
    // The table sorts on a column: rebate descending puts the largest first.
    const table = page.getByTestId("statement-table");
    await table.getByRole("button", { name: t.rebate, exact: true }).click();
    await table.getByRole("button", { name: t.rebate, exact: true }).click();
    await expect(table.locator("th[aria-sort=descending]")).toContainText(t.rebate);
    const top = Math.max(...expected.map((r) => r.rebate));
    expect(fen(await table.locator("tbody tr:not(.pc-spacer)").first().locator("td").nth(5).textContent())).toBe(top);
    await page.getByRole("button", { name: t.clear }).click();
    await expect(page.getByTestId("total-rows")).toHaveText(String(good.length));

    // The basis switch moves postpaid rows to the month they are deducted.
    await page.getByLabel(t.customer).fill("100002");
    const monthCell = table.locator("tbody tr:not(.pc-spacer) td[data-col=month]").first();
    await expect(monthCell).toContainText("2026-02");
    await expect(monthCell).toContainText(t.deducted);
    await page.getByLabel(t.deduction).check();
    await expect(monthCell).toContainText("2026-03");
    await expect(monthCell).toContainText(t.used);
    await page.getByLabel(t.billing).check();
    await page.getByLabel(t.customer).fill("");

    // Tax preview of a month: 100.00 → 6.00 / 94.00; 0.25 → 0.02 / 0.23.
    const preview = page.getByTestId("tax-preview");
    const general = preview.locator("[data-kind=general]");
    await page.getByRole("button", { name: t.preview("2026-01") }).click();
    await expect(general.getByTestId("tax-amount")).toHaveText(t.money("100.00"));
    await expect(general.getByTestId("tax-deduction")).toHaveText(t.money("6.00"));
    await expect(general.getByTestId("tax-net")).toHaveText(t.money("94.00"));
    await expect(preview.locator("[data-kind=special]").getByTestId("tax-net")).toHaveText(t.money("100.00"));
    await expect(general).toContainText(t.consent);
    await page.getByRole("button", { name: t.preview("2026-02") }).click();
    await expect(general.getByTestId("tax-deduction")).toHaveText(t.money("0.02"));
    await expect(general.getByTestId("tax-net")).toHaveText(t.money("0.23"));

    // Export the view and import it again: every row is replaced, the totals unchanged.
    const before = await page.getByTestId("total-rebate").textContent();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: t.export }).click(),
    ]);
    const exported = await readFile(await download.path(), "utf8");
    expect(exported.split("\n")[0]).toContain(t.header);
    await importCsv(page, t.importLabel, exported, "statements-export.csv");
    await expect(page.getByTestId("import-summary")).toContainText(t.reimport(good.length));
    await expect(page.getByTestId("total-rebate")).toHaveText(before);
    await expect(page.getByTestId("total-rows")).toHaveText(String(good.length));

    // Nothing is lost on reload; the virtualised table holds only what is in view.
    await page.reload();
    await expect(page.getByTestId("total-rebate")).toHaveText(before);
    expect(await table.locator("tbody tr").count()).toBeLessThanOrEqual(200);
  });
}

test("statements: a file that fails as a whole stores nothing", async ({ page }) => {
  await start(page, "statements");
  await page.getByLabel("Import statements (CSV)").setInputFiles({
    name: "wrong.csv", mimeType: "text/csv", buffer: Buffer.from("name,value\nx,1\n"),
  });
  await expect(page.getByRole("alert")).toContainText("Nothing was imported: The header lacks required columns: month, customer_uin, product, payment_mode, consumption, rebate.");
  await page.getByLabel("Import statements (CSV)").setInputFiles({
    name: "gbk.csv", mimeType: "text/csv", buffer: Buffer.from([0xd4, 0xc2, 0xb7, 0xdd, 0x0a]),
  });
  await expect(page.getByRole("alert")).toContainText("not UTF-8");
  await expect(page.getByText("No statements yet.")).toBeVisible();
});

test("statements: Cancel mid-import stores nothing; a page closed mid-import leaves the rows", async ({ page, mode }, testInfo) => {
  remoteGap(mode, "statements are the provider's to import on a server; the scenario imports as the main account");
  await start(page, "statements");
  await importCsv(page, "Import statements (CSV)", csv);
  const total = await page.getByTestId("total-rebate").textContent();
  // A file that takes a while to read: 600,000 lines (as a file, like a user's).
  const big = testInfo.outputPath("big.csv");
  const lines = ["month,customer_uin,customer_name,product,sub_product,payment_mode,consumption,ratio,rebate"];
  for (let i = 0; i < 600_000; i++) {
    lines.push(`2025-${String(1 + (i % 12)).padStart(2, "0")},${200000 + i},客户${i},云服务器 CVM,S5,prepaid,100.00,10%,10.00`);
  }
  await writeFile(big, lines.join("\n"));
  await page.getByLabel("Import statements (CSV)").setInputFiles(big);
  // Cancel takes the focus the disabled picker had: a keyboard user stops it with Enter.
  const cancel = page.getByRole("button", { name: "Cancel", exact: true });
  await expect(cancel).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Import cancelled: nothing was stored and the statements are unchanged.")).toBeVisible();
  await expect(page.getByTestId("import-progress")).toBeHidden();
  await expect(page.getByTestId("total-rebate")).toHaveText(total);
  await expect(page.getByLabel("Import statements (CSV)")).toBeEnabled();
  // …and the focus is back on the file picker.
  await expect(page.getByLabel("Import statements (CSV)")).toBeFocused();
  await page.reload();
  await expect(page.getByTestId("total-rebate")).toHaveText(total);
  // The page goes away while the file is read: the stored rows are those of before.
  await openStatementTools(page, "en-US");
  await page.getByLabel("Import statements (CSV)").setInputFiles(big);
  await expect(page.getByTestId("import-progress")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("total-rebate")).toHaveText(total);
});

test("statements: a browser storage too full for the rows names the space needed and keeps the old rows", async ({ page, mode }) => {
  test.skip(mode === "remote", "a full browser storage is local mode's");
  await start(page, "statements");
  await importCsv(page, "Import statements (CSV)", csv);
  const total = await page.getByTestId("total-rebate").textContent();
  // Every new chunk of rows is refused for want of space, as a full quota would.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (String(key).startsWith("r/statements/g")) throw new DOMException("full", "QuotaExceededError");
      return put.call(this, value, key);
    };
  });
  const more = csv.replace("2026-01,", "2025-12,");
  await page.getByLabel("Import statements (CSV)").setInputFiles({ name: "more.csv", mimeType: "text/csv", buffer: Buffer.from(more) });
  await expect(page.getByRole("alert")).toContainText(/Browser storage is full: these statements need about 0\.\d MB\. Nothing was stored/);
  await expect(page.getByTestId("total-rebate")).toHaveText(total);
  await page.reload();
  await expect(page.getByTestId("total-rebate")).toHaveText(total);
});

test("settlements: payment window, hold, clawbacks, print; customers; special rebates main account only", async ({ page }) => {
  await start(page, "statements");
  await sampleData(page, { rows: 1000, last: "2026-02", lang: "en-US" });
  await expect(page.getByTestId("total-rows")).toHaveText("1000");
  // The table really scrolls through all 1,000 rows while drawing only those in view.
  const scroller = page.getByTestId("statement-scroll");
  const drawn = page.locator("[data-testid=statement-table] tbody tr:not(.pc-spacer)");
  await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect(drawn.last()).toHaveAttribute("aria-rowindex", "1001");
  expect(await drawn.count()).toBeLessThanOrEqual(60);
  await scroller.focus();
  await page.keyboard.press("Home");
  await expect(drawn.first()).toHaveAttribute("aria-rowindex", "2");

  // Customers: search, then a customer's page leads to its special rebates.
  await page.getByRole("link", { name: "Customers", exact: true }).click();
  const customers = page.getByTestId("customers-table");
  await expect(customers.locator("tbody tr")).not.toHaveCount(0);
  const special = customers.locator("tbody tr").filter({ has: page.locator("td:nth-child(5)", { hasText: "Yes" }) }).first();
  const uin = await special.getAttribute("data-uin");
  await page.getByLabel("Search (UIN or name)").fill(uin);
  await expect(customers.locator("tbody tr")).toHaveCount(1);
  await customers.getByRole("link", { name: uin }).click();
  await expect(page.getByTestId("customer-facts")).toContainText(uin);
  await page.getByRole("link", { name: "This customer’s special rebates" }).click();
  const rebates = page.getByTestId("special-rebates-table");
  await expect(rebates.locator("tbody tr")).not.toHaveCount(0);
  await expect(rebates).toContainText("Expired");

  // Settlements: January's sheet has its documents sent; the manager receives them on
  // 10 February 2026 → paid between 2 and 9 March (Spring Festival and adjusted days).
  await page.getByRole("link", { name: "Settlement & payment" }).click();
  await page.getByTestId("settlements-table").getByRole("link", { name: "2026-01" }).click();
  await expect(page.getByTestId("sheet-state")).toHaveText("Documents sent");
  // While any customer owes, payment is held: no window is promised.
  await expect(page.getByTestId("payment-hold")).toContainText("Arrears: payment held");
  await expect(page.getByTestId("payment-window")).toContainText("Not counted while payment is held");
  await role(page, ROLE.manager);
  await settleArrears(page);
  await page.goto("settlements/2026-01");
  await page.getByLabel("Date").fill("2026-02-10");
  await page.getByRole("button", { name: "Mark as: Received" }).click();
  await expect(page.getByTestId("payment-window")).toHaveText("2026-03-02 – 2026-03-09");
  await expect(page.getByTestId("timeline")).toContainText("Received");
  // An abnormal mark needs a reason, named at the field.
  await page.getByRole("button", { name: "Mark as: Abnormal" }).click();
  await expect(page.locator("#settle-reason-error")).toHaveText("Reason for abnormal is required");

  // A sheet with a clawback shows it as a negative line that reduces the total.
  await page.getByRole("link", { name: "Back to settlement sheets" }).click();
  await page.getByTestId("settlements-table").getByRole("link", { name: "2025-06" }).click();
  const lines = page.getByTestId("sheet-lines");
  await expect(lines).toContainText("Clawback");
  await expect(lines.locator("tr.pc-negative")).toContainText("-CNY");
  await expect(page.getByTestId("invoice-details")).toContainText("911101085636549482");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print the sheet (A4)" })).toBeHidden();
  await expect(lines).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // A sub-account sees why not; the link is not offered and the page refuses.
  await role(page, ROLE.sub);
  await expect(page.getByRole("link", { name: "Special rebates" })).toHaveCount(0);
  await page.goto(`special-rebates?customer=${uin}`);
  await expect(page.getByTestId("refused")).toBeVisible();
  await expect(page.getByTestId("refused")).toContainText("only be viewed by the main account");
  await expect(page.getByTestId("special-rebates-table")).toHaveCount(0);
});
