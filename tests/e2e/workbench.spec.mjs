// The workbench (issue 17): the home page per role with figures that match the pages
// they link to, to-dos computed from the data (done → gone, the header's count drops),
// recording a sheet's invoice (a wrong amount refused, naming the sheet amount), the
// self-reconciliation with a planted difference, its CSV export and print view, the
// channel manager's queues, and the help pages — in both modes, zh-CN and en-US.
import { test, expect, actAs, plant, sampleData, remoteGap } from "./modes.mjs";
import { WORDS } from "./words.mjs";
import { readFile } from "node:fs/promises";

const L = {
  "zh-CN": {
    ...WORDS["zh-CN"],
    sampleRows: "示例数据行数", sampleMonth: "示例数据截止月份", from: "起始月份", to: "截止月份",
    todos: "待办事项", badge: (n) => `待办 ${n}`, docs: "寄送 2026-10 结算单（盖章）和发票",
    sent: "标记为：资料已寄出", openForm: "填写发票信息", number: "发票号码", amount: "发票金额（元）", record: "登记发票",
    differs: "必须与结算单金额", recorded: "已登记发票", recon: "主动对账", export: "导出对账表（CSV）",
    print: "打印对账表（A4）", header: "月份,公司名称,状态,下一步,对账单返佣（计费周期）",
  },
  "en-US": {
    ...WORDS["en-US"],
    sampleRows: "Sample rows", sampleMonth: "Sample ends with month", from: "From month", to: "To month",
    todos: "To-dos", badge: (n) => `To-dos ${n}`, docs: "Send the stamped 2026-10 settlement sheet and the invoice",
    sent: "Mark as: Documents sent", openForm: "Enter the invoice details", number: "Invoice number", amount: "Invoice amount (CNY)", record: "Record invoice",
    differs: "must equal the sheet amount", recorded: "Recorded invoice", recon: "Reconciliation", export: "Export (CSV)",
    print: "Print (A4)", header: "Month,Company,Status,Next step,Statement rebate (billing)",
  },
};

/** The main account with 1,000 sample rows ending October 2026 (so the October sheet waits
 * for its documents, September's are sent, August's received), in `lang`. */
async function mainWithSample(page, lang) {
  const w = L[lang];
  page.on("dialog", (d) => d.accept());
  await page.goto("statements");
  if (lang === "en-US") await page.getByRole("button", { name: /English/ }).click();
  await actAs(page, "main", lang);
  // Nothing stored yet: the sample tools are open by themselves.
  await sampleData(page, { rows: 1000, last: "2026-10", lang });
  await expect(page.getByTestId("total-rows")).toHaveText("1000");
}

/** The statements page's rebate total for a month range. */
async function statementTotal(page, lang, from, to) {
  const w = L[lang];
  await page.goto("statements");
  // The rows are read after the page draws: the months' table appears with them.
  await expect(page.getByTestId("month-rebate").first()).toBeVisible();
  await page.getByLabel(w.from, { exact: true }).fill(from);
  await page.getByLabel(w.to, { exact: true }).fill(to);
  await page.getByLabel(w.to, { exact: true }).press("Tab");
  return page.getByTestId("total-rebate").textContent();
}

for (const lang of ["zh-CN", "en-US"]) {
  test(`${lang}: the workbench's figures match the statements page; a to-do done disappears and the count drops`, async ({ page }) => {
    const w = L[lang];
    await mainWithSample(page, lang);
    const month = await statementTotal(page, lang, "2026-10", "2026-10");
    const year = await statementTotal(page, lang, "2026-01", "2026-12");
    await page.goto("./");
    await expect(page.getByTestId("fig-month-rebate")).toHaveText(month);
    await expect(page.getByTestId("fig-year-rebate")).toHaveText(year);
    // Every figure opens the records behind it.
    await expect(page.getByTestId("fig-month-rebate").getByRole("link")).toHaveAttribute("href", /\/statements\?from=2026-10&to=2026-10$/);
    await expect(page.getByTestId("fig-certificate").getByRole("link")).toHaveAttribute("href", /\/certificate$/);
    // No certificate yet, October's documents to send, payment held by the sample's arrears.
    const badge = page.getByTestId("todo-count");
    await expect(badge).toHaveText(w.badge(3));
    await badge.click();
    await expect(page.getByRole("heading", { name: w.todos, level: 1 })).toBeVisible();
    const todos = page.getByTestId("todos");
    await expect(todos.locator(":scope > li")).toHaveCount(3);
    await expect(page.getByTestId("todo-payment-held")).toContainText("2026-08");
    // Done where it links to: the October sheet's documents are sent.
    await todos.getByRole("link", { name: w.docs }).click();
    await expect(page).toHaveURL(/\/settlements\/2026-10$/);
    await page.getByRole("button", { name: w.sent }).click();
    await expect(badge).toHaveText(w.badge(2));
    await page.getByRole("link", { name: w.todos }).first().click();
    await expect(todos.locator(":scope > li")).toHaveCount(2);
    await expect(page.getByTestId("todo-sheet-documents-2026-10")).toHaveCount(0);
    // The dated to-dos go to the user's calendar as a file (the certificate here has none:
    // the button is offered only when one has a date).
    await expect(page.getByRole("button", { name: /\.ics/ })).toHaveCount(0);
  });

  test(`${lang}: an invoice with a wrong amount is refused naming the sheet amount; reconciliation flags a planted difference and exports`, async ({ page }) => {
    const w = L[lang];
    await mainWithSample(page, lang);
    await page.goto("settlements/2026-10");
    const sheetAmount = (await page.getByTestId("sheet-amount").textContent()).trim();
    // The form comes with its own module, when opened.
    await page.getByRole("button", { name: w.openForm }).click();
    await page.getByLabel(w.number).fill("12345678");
    await page.getByLabel(w.amount).fill("1.00");
    await page.getByRole("button", { name: w.record }).click();
    const error = page.locator("#inv-amount-error");
    await expect(error).toContainText(w.differs);
    await expect(error).toContainText(sheetAmount);
    await expect(page.getByLabel(w.amount)).toBeFocused();
    // Nothing typed is lost; the right amount is recorded.
    await expect(page.getByLabel(w.number)).toHaveValue("12345678");
    const plain = sheetAmount.replace(/[^0-9.-]/g, "");
    await page.getByLabel(w.amount).fill(plain);
    await page.getByRole("button", { name: w.record }).click();
    await expect(page.getByTestId("invoice-recorded")).toContainText("12345678");

    // A sheet an older tool stored: its invoice does not match it, and November has no
    // statement rows.
    await plant(page, [["settlements", "2026-11", {
      id: "2026-11", month: "2026-11", lines: [{ kind: { Rebate: "2026-11" }, amount: "100.00" }],
      state: "DocumentsSent", history: [], received_on: null, corrected_on: null, paid_on: null,
      contract_on_file: true, checked: [],
      invoice: { number: "87654321", date: "2026-11-20", kind: "SpecialVat", amount: "90.00" },
    }]]);
    await page.goto("reconciliation");
    await expect(page.getByRole("heading", { name: w.recon, level: 1 })).toBeVisible();
    const nov = page.locator('[data-testid=recon-table] tr[data-month="2026-11"]');
    await expect(nov).toHaveClass(/pc-differs/);
    await expect(nov.locator('[data-difference="invoice-vs-sheet"]')).toBeVisible();
    await expect(nov.locator('[data-difference="sheet-vs-statement"]')).toBeVisible();
    // October agrees: statement, sheet and the invoice just recorded.
    const oct = page.locator('[data-testid=recon-table] tr[data-month="2026-10"]');
    await expect(oct.getByTestId("recon-invoice")).toContainText("12345678");
    await expect(oct).not.toHaveClass(/pc-differs/);
    await expect(page.getByTestId("recon-summary")).toBeVisible();

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: w.export }).click();
    const csv = await readFile(await (await download).path(), "utf8");
    expect(csv.split("\n")[4].startsWith(w.header)).toBe(true);
    const novLine = csv.split("\n").find((l) => l.startsWith("2026-11,"));
    expect(novLine).toContain("87654321");
    expect(novLine).toContain("90.00");
    // The print view: the table on paper, the buttons not.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: w.print })).toBeHidden();
    await expect(page.getByTestId("recon-table")).toBeVisible();
    await page.emulateMedia({ media: "screen" });
  });
}

test("the channel manager sees the queues; paying records the amount, and a wrong one shows in the reconciliation", async ({ page, mode }) => {
  remoteGap(mode, "the server refuses the manager's paid move after verification");
  await mainWithSample(page, "zh-CN");
  await plant(page, [["applications", "planted-applicant", {
    id: "planted-applicant", applicant: "planted", step: "SupplierDeclaration",
    status: { state: "Submitted", rejection: null, history: [] },
  }]]);
  await actAs(page, "manager");
  await page.goto("./");
  // September's documents to receive and August's to verify.
  await expect(page.getByTestId("queue-sheets")).toHaveText("2");
  await expect(page.getByTestId("queue-applications")).toHaveText("1");
  await expect(page.getByTestId("queue-certificates")).toHaveText("0");
  await expect(page.getByTestId("queue-sheets").getByRole("link")).toHaveAttribute("href", /\/settlements\?state=to-check$/);
  // August: verified, then paid — the amount prefilled with what the invoice says is due.
  await page.goto("settlements/2026-08");
  await page.getByRole("button", { name: "标记为：已核实" }).click();
  await expect(page.getByTestId("sheet-state")).toHaveText("已核实");
  const due = await page.getByLabel("实付金额（元）").inputValue();
  expect(due).toMatch(/^\d+\.\d{2}$/);
  await page.getByLabel("实付金额（元）").fill("");
  await page.getByRole("button", { name: "标记为：已付款" }).click();
  await expect(page.locator("#settle-paid-error")).toHaveText("实付金额（元）为必填项");
  await page.getByLabel("实付金额（元）").fill("1.00");
  await page.getByRole("button", { name: "标记为：已付款" }).click();
  await expect(page.getByTestId("sheet-state")).toHaveText("已付款");
  await page.goto("reconciliation");
  const aug = page.locator('[data-testid=recon-table] tr[data-month="2026-08"]');
  await expect(aug.locator('[data-difference="paid-vs-expected"]')).toContainText("¥1.00");
  await page.goto("./");
  await expect(page.getByTestId("queue-sheets")).toHaveText("1");
});

test("a visitor sees the eligibility check and where the application stands; a sub-account is refused the reconciliation", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByTestId("application-progress")).toHaveText("尚未开始申请。");
  await page.getByRole("link", { name: "开始自查" }).click();
  await expect(page).toHaveURL(/\/eligibility$/);
  // A visitor has no to-dos: the header offers none (and fetches no count).
  await expect(page.getByTestId("todo-count")).toHaveCount(0);
  await page.goto("./");
  await actAs(page, "sub");
  await expect(page.getByRole("link", { name: "主动对账" })).toHaveCount(0);
  await page.goto("reconciliation");
  await expect(page.getByTestId("refused")).toContainText("主账号和渠道经理");
});

test("help: searchable in both languages, and each page's help link opens its answer", async ({ page }) => {
  await page.goto("./");
  await actAs(page, "main");
  await page.goto("settlements");
  await page.getByRole("link", { name: "本页规则与常见问题" }).click();
  await expect(page).toHaveURL(/\/help\/settlement$/);
  const entry = page.locator("#help-settlement");
  await expect(entry).toHaveAttribute("open", "");
  await expect(entry).toContainText("10 至 15 个工作日");
  await expect(entry).toContainText("出处：合作伙伴返佣问题指引");
  await expect(page.locator("#help-termination")).not.toHaveAttribute("open", "");
  // Search: every word must match; the count is announced.
  await page.getByLabel("搜索帮助").fill("普通发票 94.00");
  await expect(page.getByTestId("help-entries").locator("details")).toHaveCount(1);
  await expect(page.locator("#help-invoice-kind")).toContainText("实付 94.00 元");
  await page.getByLabel("搜索帮助").fill("不存在的词");
  await expect(page.getByTestId("help-found")).toHaveText("没有找到相关内容，请换个关键词。");
  // The same in English.
  await page.getByRole("button", { name: /English/ }).click();
  await page.getByLabel("Search help").fill("arrears");
  await expect(page.locator("#help-arrears")).toContainText("Arrears only hold payment");
  await expect(page.locator("#help-arrears")).toHaveAttribute("open", "");
});
