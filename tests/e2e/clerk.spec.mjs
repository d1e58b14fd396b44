// The workbench as a partner's finance clerk uses it (issue 33): one month status on the
// home page, the to-dos and the reconciliation; differences as a gap with its direction
// and the next step; the basis in the address; the reconciliation on A4 paper with every
// column; a CSV a spreadsheet opens; one partnership status in the header, the home page
// and the to-dos; home figures that open the records behind them; the skip link; help in
// both languages; and the smaller points — in both modes.
import { test, expect, actAs, plant, sampleData, remoteGap } from "./modes.mjs";
import { WORDS } from "./words.mjs";
import { readFile } from "node:fs/promises";

const COMPANY = "杭州示例云科技有限公司";

/** The main account with 1,000 sample rows ending October 2026 (today is after it): July
 * and older paid, August received, September sent, October's documents to send; the
 * sample's arrears hold the unpaid ones. */
async function sample(page, lang = "zh-CN") {
  page.on("dialog", (d) => d.accept());
  await page.goto("statements");
  if (lang === "en-US") await page.getByRole("button", { name: /English/ }).click();
  await actAs(page, "main", lang);
  await sampleData(page, { rows: 1000, last: "2026-10", lang });
  await expect(page.getByTestId("total-rows")).toHaveText("1000");
}

/** "¥1,234.50" from a count of fen. */
const yuan = (fen) => {
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  const int = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}¥${int}.${(abs % 100n).toString().padStart(2, "0")}`;
};
const fen = (text) => BigInt(text.replace(/[^0-9-]/g, ""));

/** The channel manager verifies August and pays it short: 1.00 where `due` was due.
 * Returns the gap in fen. */
async function payAugustShort(page) {
  await actAs(page, "manager");
  await page.goto("settlements/2026-08");
  await page.getByRole("button", { name: "标记为：已核实" }).click();
  await expect(page.getByTestId("sheet-state")).toHaveText("已核实");
  const due = await page.getByLabel("实付金额（元）").inputValue();
  await page.getByLabel("实付金额（元）").fill("1.00");
  await page.getByRole("button", { name: "标记为：已付款" }).click();
  await expect(page.getByTestId("sheet-state")).toHaveText("已付款");
  return fen(due) - 100n;
}

test("a short-paid month says the same status, gap and next step on the home page, the to-dos and the reconciliation; an unpaid month never agrees", async ({ page, mode }) => {
  remoteGap(mode, "the server refuses the manager's paid move after verification");
  await sample(page);
  const gap = await payAugustShort(page);
  const status = `少付 ${yuan(gap)} — 请联系渠道经理`;
  await actAs(page, "main");
  await page.goto("./");
  const home = page.locator('[data-testid=home-months] li[data-month="2026-08"] [data-testid=month-status]');
  await expect(home).toHaveText(status);
  await page.goto("todos");
  await expect(page.getByTestId("todo-month-differs-2026-08").getByRole("link")).toHaveText(`2026-08 结算：${status}`);
  await page.goto("reconciliation");
  const aug = page.locator('[data-testid=recon-table] tr[data-month="2026-08"]');
  await expect(aug.getByTestId("month-status")).toHaveText(status);
  await expect(aug.getByTestId("recon-gap")).toHaveText(yuan(-gap));
  // The provider reads what the provider does.
  await actAs(page, "manager");
  await page.goto("reconciliation");
  await expect(aug.getByTestId("month-status")).toHaveText(`少付 ${yuan(gap)} — 请补付差额`);
  // A hold stops the payment, not the provider's paperwork: September's documents are to
  // be received.
  await expect(page.locator('[data-testid=recon-table] tr[data-month="2026-09"] [data-testid=month-status]'))
    .toHaveText("伙伴有欠费，暂停支付 — 请签收资料");
  await actAs(page, "main");
  await page.goto("reconciliation");
  // September's documents are sent but unpaid (held by the sample's arrears); October's
  // are still to send: neither agrees, and the summary never says every month does.
  const sep = page.locator('[data-testid=recon-table] tr[data-month="2026-09"]');
  await expect(sep.getByTestId("month-status")).toHaveText("因欠费暂停支付 — 结清欠费后恢复支付");
  const oct = page.locator('[data-testid=recon-table] tr[data-month="2026-10"]');
  await expect(oct.getByTestId("month-status")).toHaveText("待寄送结算单和发票 — 打印盖章后连同发票寄出");
  const summary = page.getByTestId("recon-summary");
  await expect(summary).toContainText("有差异 1 个月");
  await expect(summary).toContainText("超期或暂停支付 1 个月");
  await expect(summary).not.toContainText("全部");
  // The same statuses on the home page.
  await page.goto("./");
  await expect(page.locator('[data-testid=home-months] li[data-month="2026-09"] [data-testid=month-status]'))
    .toHaveText("因欠费暂停支付 — 结清欠费后恢复支付");
});

test("the reconciliation on A4: every month's expected, paid and gap, the company, the basis, the date and the totals", async ({ page, mode }) => {
  remoteGap(mode, "the server refuses the manager's paid move after verification");
  await sample(page);
  const gap = await payAugustShort(page);
  await actAs(page, "main");
  await page.goto("reconciliation?basis=billing");
  const rows = page.locator("[data-testid=recon-table] tbody tr");
  // A year of months, and November (its deduction-basis rebate only).
  await expect(rows).toHaveCount(13);
  const months = [];
  for (const row of await rows.all()) {
    months.push({
      month: await row.getAttribute("data-month"),
      expected: (await row.getByTestId("recon-expected").textContent()).trim(),
      paid: (await row.getByTestId("recon-paid").textContent()).trim(),
      gap: (await row.getByTestId("recon-gap").textContent()).trim(),
    });
  }
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: "screen" });
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  let text = "";
  for (let p = 1; p <= doc.numPages; p++) {
    const pdfPage = await doc.getPage(p);
    const [, , w, h] = pdfPage.view;
    expect(w, "landscape").toBeGreaterThan(h);
    // A4 landscape: 297 × 210 mm in points.
    expect(Math.round(w)).toBe(842);
    text += (await pdfPage.getTextContent()).items.map((i) => i.str).join(" ") + "\n";
  }
  // pdf.js reads some CJK glyphs of the Noto fonts as their compatibility forms (⽰ for 示)
  // and the dash as ―: compared after NFKC.
  const flat = text.normalize("NFKC").replace(/\s+/g, "").replace(/―/g, "—");
  for (const m of months) {
    expect(flat, `${m.month} on paper`).toContain(m.month);
    for (const figure of [m.expected, m.paid, m.gap]) {
      if (figure !== "—") expect(flat, `${m.month}: ${figure}`).toContain(figure.replace(/\s+/g, ""));
    }
  }
  expect(flat).toContain(yuan(-gap));
  expect(flat).toContain(COMPANY);
  expect(flat).toContain("结算口径:按计费周期");
  expect(flat).toMatch(/打印日期\d{4}-\d{2}-\d{2}/);
  expect(flat).toContain("合计");
  expect(flat).toContain("少付");
});

for (const lang of ["zh-CN", "en-US"]) {
  test(`${lang}: the CSV opens in a spreadsheet — BOM, the company and basis, two decimals everywhere, a totals line, one separator per language`, async ({ page }) => {
    await sample(page, lang);
    // A month with two differences, so its reasons are joined.
    await plant(page, [["settlements", "2025-10", {
      id: "2025-10", month: "2025-10", lines: [{ kind: { Rebate: "2025-10" }, amount: "100.00" }],
      state: "DocumentsSent", history: [], received_on: null, corrected_on: null, paid_on: null,
      contract_on_file: true, checked: [],
      invoice: { number: "87654321", date: "2025-11-20", kind: "SpecialVat", amount: "90.00" },
    }]]);
    await page.goto("reconciliation");
    await expect(page.locator('[data-testid=recon-table] tr[data-month="2025-10"]')).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: lang === "zh-CN" ? "导出对账表（CSV）" : "Export (CSV)" }).click();
    const raw = await readFile(await (await download).path());
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = raw.toString("utf8").slice(1).trimEnd().split("\n");
    if (lang === "zh-CN") {
      expect(lines[0]).toBe(`公司名称,${COMPANY}`);
      expect(lines[1]).toBe("结算口径,按计费周期");
      expect(lines[2]).toMatch(/^导出日期,\d{4}-\d{2}-\d{2}$/);
      expect(lines[4].startsWith("月份,公司名称,状态,下一步,")).toBe(true);
      expect(lines.at(-1).startsWith("合计,")).toBe(true);
    } else {
      expect(lines[0]).toBe(`Company,${COMPANY}`);
      expect(lines[1]).toBe("Settlement basis,Billing period");
      expect(lines[4].startsWith("Month,Company,Status,Next step,")).toBe(true);
      expect(lines.at(-1).startsWith("Total,")).toBe(true);
      expect(raw.toString("utf8")).not.toMatch(/[；、，（）：]/);
    }
    expect(lines[3]).toBe("");
    const header = lines[4].split(",");
    const moneyColumns = header
      .map((h, i) => [h, i])
      .filter(([h]) => /返佣|金额|扣回|应付|实付金额|差额|rebate|amount|clawbacks|Expected|^Paid$|Gap/i.test(h) && !/日期|on$/.test(h))
      .map(([, i]) => i);
    expect(moneyColumns.length).toBeGreaterThanOrEqual(8);
    // Every amount has two decimals (a zero clawback is 0.00, never 0); none is empty in
    // the totals line.
    for (const line of lines.slice(5)) {
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, ""));
      for (const i of moneyColumns) {
        if (cells[i] !== "") expect(cells[i], `${line}: column ${header[i]}`).toMatch(/^-?\d+\.\d{2}$/);
      }
    }
    const oct25 = lines.find((l) => l.startsWith("2025-10,"));
    const reasons = lang === "zh-CN" ? "；" : "; ";
    expect(oct25.split(reasons).length).toBe(2);
  });
}

test("the basis is kept in the address; a month that differs only on one basis says it agrees on the other", async ({ page }) => {
  await sample(page);
  await page.goto("reconciliation");
  await expect(page.getByTestId("recon-other-basis")).toHaveCount(0);
  await page.getByLabel("结算口径").selectOption("deduction");
  await expect(page).toHaveURL(/\/reconciliation\?basis=deduction$/);
  const note = page.getByTestId("recon-other-basis");
  await expect(note).toContainText("按计费周期一致");
  // A month made on the billing basis says so, and what to do.
  const jun = page.locator('[data-testid=recon-table] tr[data-month="2026-06"] [data-testid=month-status]');
  await expect(jun).toContainText("按计费周期一致，请确认结算口径");
  await page.reload();
  await expect(page.getByLabel("结算口径")).toHaveValue("deduction");
  await expect(note).toBeVisible();
});

test("one partnership status: header, home and to-dos agree before admission and after; the certificate to-do is one the user can act on", async ({ page }) => {
  await page.goto("./");
  await actAs(page, "main");
  await expect(page.getByTestId("company-name")).toHaveText("尚未成为合作伙伴");
  await expect(page.getByTestId("fig-partnership")).toHaveText("尚未成为合作伙伴");
  await expect(page.getByTestId("fig-partnership").getByRole("link")).toHaveAttribute("href", /\/apply$/);
  await page.goto("todos");
  await expect(page.getByTestId("todo-certificate-missing")).toHaveCount(0);
  // The sample makes the company its partner: everything says so at once.
  await sample(page);
  await expect(page.getByTestId("company-name")).toHaveText(COMPANY);
  await page.goto("./");
  await expect(page.getByTestId("fig-partnership")).toHaveText("合作中");
  await expect(page.getByTestId("fig-partnership").getByRole("link")).toHaveAttribute("href", /\/profile$/);
  await page.goto("todos");
  await page.getByTestId("todo-certificate-missing").getByRole("link").click();
  await expect(page).toHaveURL(/\/certificate$/);
  await expect(page.getByRole("button", { name: /申请 \d{4} 年度电子授权书/ })).toBeVisible();
});

test("home figures open the records behind them, filtered", async ({ page }) => {
  await sample(page);
  await page.goto("./");
  const month = page.getByTestId("fig-month-rebate");
  const figure = (await month.textContent()).trim();
  await expect(month.getByRole("link")).toHaveAttribute("href", /\/statements\?from=2026-10&to=2026-10$/);
  await month.getByRole("link").click();
  await expect(page.getByLabel("起始月份", { exact: true })).toHaveValue("2026-10");
  await expect(page.getByTestId("total-rebate")).toHaveText(figure);
  await page.goto("./");
  await page.getByTestId("fig-pending").getByRole("link").click();
  await expect(page).toHaveURL(/\/learners\?state=pending$/);
  await expect(page.locator("#learn-state")).toHaveValue("pending");
  await actAs(page, "manager");
  await page.goto("./");
  await expect(page.getByTestId("queue-sheets")).toHaveText("2");
  await page.getByTestId("queue-sheets").getByRole("link").click();
  await expect(page).toHaveURL(/\/settlements\?state=to-check$/);
  await expect(page.locator("[data-testid=settlements-table] tbody tr")).toHaveCount(2);
  await expect(page.getByLabel("显示")).toHaveValue("to-check");
  // A reload keeps the filter; "all" clears it from the address.
  await page.reload();
  await expect(page.locator("[data-testid=settlements-table] tbody tr")).toHaveCount(2);
  await page.getByLabel("显示").selectOption("all");
  await expect(page).toHaveURL(/\/settlements$/);
  await expect(page.locator("[data-testid=settlements-table] tbody tr")).toHaveCount(12);
});

test("the skip link stays on the page and moves the focus to its content", async ({ page }) => {
  await sample(page);
  await page.goto("todos");
  await expect(page.getByRole("heading", { name: "待办事项", level: 1 })).toBeVisible();
  const skip = page.getByRole("link", { name: "跳到主要内容" });
  await expect(skip).toHaveAttribute("href", "/partners/todos#pc-main");
  await skip.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/partners\/todos$/);
  await expect(page.locator("#pc-main")).toBeFocused();
  await expect(page.getByRole("heading", { name: "待办事项", level: 1 })).toBeVisible();
});

test("help: searched in both languages and by synonyms; a topic opens in view and marked; an unknown topic says so", async ({ page }) => {
  await page.goto("help");
  await page.getByLabel("搜索帮助").fill("invoice");
  await expect(page.locator("#help-invoice")).toBeVisible();
  await expect(page.locator("#help-invoice")).toHaveAttribute("open", "");
  await page.getByLabel("搜索帮助").fill("clawback");
  await expect(page.locator("#help-clawbacks")).toContainText("扣回");
  await page.getByLabel("搜索帮助").fill(".ics");
  await expect(page.locator("#help-calendar")).toBeVisible();
  await page.getByLabel("搜索帮助").fill("CSV Excel");
  await expect(page.locator("#help-csv")).toBeVisible();
  await page.getByRole("button", { name: /English/ }).click();
  await page.getByLabel("Search help").fill("发票");
  await expect(page.locator("#help-invoice")).toContainText("How must the invoice be made out?");
  // Deep link to the last topic: its question in view, marked.
  await page.goto("help/termination");
  const entry = page.locator("#help-termination");
  await expect(entry).toHaveAttribute("open", "");
  await expect(entry).toHaveClass(/pc-help-current/);
  await expect(entry.locator("summary")).toBeInViewport();
  await page.goto("help/no-such-topic");
  await expect(page.getByTestId("help-unknown")).toContainText("no-such-topic");
});

test("an empty reconciliation says so, offers no export, and never says every month agrees", async ({ page }) => {
  await page.goto("./");
  await actAs(page, "main");
  await page.goto("reconciliation");
  await expect(page.getByTestId("recon-summary")).toHaveText("还没有对账单或结算单：导入对账单或加载示例数据后即可逐月对账。");
  await expect(page.getByRole("button", { name: "导出对账表（CSV）" })).toHaveCount(0);
  await expect(page.getByTestId("recon-summary")).not.toHaveClass(/pc-alert-ok/);
});

test("en-US: the arrears to-do lists each debtor with a link and the total; words and counts read as English", async ({ page }) => {
  await sample(page, "en-US");
  await page.goto("todos");
  const held = page.getByTestId("todo-payment-held");
  await expect(held).toContainText("Payment held by arrears: 2026-08, 2026-09");
  const debtors = held.getByTestId("debtors").locator("li");
  expect(await debtors.count()).toBeGreaterThan(0);
  await expect(held).toContainText(/owe CNY [\d,]+\.\d{2}/);
  const first = debtors.first().getByRole("link");
  await expect(first).toHaveAttribute("href", /\/partners\/customers\/\d+$/);
  for (const text of await page.locator("main").allTextContents()) {
    expect(text).not.toMatch(/[、；（）]/);
  }
  await expect(page.getByTestId("todos-count")).toHaveText("3 to-dos");
});

test("the overdue payment's calendar event carries its detail and its link", async ({ page }) => {
  await page.goto("./");
  await actAs(page, "main");
  // A sheet received on 1 October 2026, unpaid long after its window, no arrears.
  await plant(page, [["settlements", "2026-09", {
    id: "2026-09", month: "2026-09", lines: [{ kind: { Rebate: "2026-09" }, amount: "500.00" }],
    state: "Received", history: [], received_on: "2026-10-09", corrected_on: null, paid_on: null,
    contract_on_file: true, checked: [],
    invoice: { number: "12345678", date: "2026-10-08", kind: "SpecialVat", amount: "500.00" },
  }]]);
  await page.goto("todos");
  const todo = page.getByTestId("todo-payment-overdue-2026-09");
  await expect(todo.getByRole("link")).toContainText(/2026-09 结算：付款已超期 \d+ 个工作日 — 请联系渠道经理/);
  // A payment window never wraps between its two days.
  await expect(todo.locator("p").first()).toHaveText("预计付款时间为 2026-10-22 – 2026-10-29。");
  expect(await todo.locator("p").first().textContent()).toContain("2026-10-22\u00a0–\u00a02026-10-29");
  // The same status on the home page and in the reconciliation.
  const overdue = (await todo.getByRole("link").textContent()).replace("2026-09 结算：", "");
  await page.goto("./");
  await expect(page.locator('[data-testid=home-months] li[data-month="2026-09"] [data-testid=month-status]')).toHaveText(overdue);
  await page.goto("reconciliation");
  await expect(page.locator('[data-testid=recon-table] tr[data-month="2026-09"] [data-testid=month-status]')).toHaveText(overdue);
  await page.goto("todos");
  // One to-do, counted as one in English too.
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByTestId("todos-count")).toHaveText("1 to-do");
  await page.goto("./");
  await expect(page.getByRole("link", { name: "Open the to-do list" })).toBeVisible();
  await page.getByRole("button", { name: /中文/ }).click();
  await page.goto("todos");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: /\.ics/ }).click();
  const ics = (await readFile(await (await download).path(), "utf8")).replace(/\r\n /g, "");
  expect(ics).toMatch(/SUMMARY:2026-09 结算：付款已超期 \d+ 个工作日 — 请联系渠道经理/);
  expect(ics).toContain("DESCRIPTION:预计付款时间为 2026-10-22");
  expect(ics).toMatch(/URL:http:\/\/127\.0\.0\.1:\d+\/partners\/settlements\/2026-09\r\n/);
});

test("en-US on a phone: the header takes three rows at most", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await sample(page, "en-US");
  await page.goto("todos");
  await expect(page.getByTestId("todo-count")).toBeVisible();
  const header = await page.locator("header.pc-header").boundingBox();
  // Three rows of controls (about 32 px each) and the padding; it was five (≈ 170 px).
  expect(header.height).toBeLessThanOrEqual(124);
});

test("the reconciliation's layout: month and status stay in view while the figures scroll at 1280 px; a card per month at 390 px", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await sample(page);
  await page.goto("reconciliation");
  const wrap = page.locator(".pc-recon-wrap");
  const oct = page.locator('[data-testid=recon-table] tr[data-month="2026-10"]');
  await expect(oct).toBeVisible();
  // The box is shorter than the window: scrolled to, its horizontal scrollbar is in view
  // (the table's rows scroll inside it).
  await wrap.scrollIntoViewIfNeeded();
  await wrap.evaluate((el) => el.scrollIntoView({ block: "start" }));
  const box = await wrap.boundingBox();
  expect(box.height).toBeLessThan(800);
  expect(box.y + box.height).toBeLessThanOrEqual(800);
  expect(await wrap.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  // Scrolled all the way right, the month and its status are still at the box's left,
  // beside the last column.
  await wrap.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  const month = await oct.locator("th").boundingBox();
  const status = await oct.getByTestId("recon-status").boundingBox();
  expect(Math.abs(month.x - box.x)).toBeLessThanOrEqual(2);
  expect(status.x).toBeLessThan(box.x + box.width / 2);
  const gap = await oct.getByTestId("recon-gap").boundingBox();
  expect(gap.x + gap.width).toBeLessThanOrEqual(box.x + box.width + 1);
  // A phone: each month a card as wide as the screen, the gap and the status in it
  // without scrolling sideways; nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const aug = page.locator('[data-testid=recon-table] tr[data-month="2026-08"]');
  const card = await aug.boundingBox();
  expect(card.width).toBeLessThanOrEqual(390);
  for (const cell of [aug.getByTestId("recon-status"), aug.getByTestId("recon-expected")]) {
    const b = await cell.boundingBox();
    expect(b.x + b.width).toBeLessThanOrEqual(390);
  }
  await expect(aug.getByTestId("recon-expected")).toHaveAttribute("data-label", "应付金额");
  // A figure a month does not have is left out of its card (November has no sheet).
  const nov = page.locator('[data-testid=recon-table] tr[data-month="2026-11"]');
  await expect(nov.getByTestId("recon-billing")).toBeVisible();
  await expect(nov.getByTestId("recon-sheet")).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("the home page's cards line up, its links are not styled as errors, and the manager reads the provider's task", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await sample(page);
  await page.goto("./");
  const cards = page.locator(".pc-work-grid > .pc-card");
  const first = await cards.nth(0).boundingBox();
  const second = await cards.nth(1).boundingBox();
  expect(second.y).toBe(first.y);
  expect(second.height).toBe(first.height);
  // A month's link reads as a link, like the card's own "all months" link — not in an
  // error's colour; its status is a badge beside it.
  const months = page.locator("[data-testid=home-months]");
  const link = months.locator("li a").first();
  const plain = page.getByRole("link", { name: "逐月对账" });
  const colour = (l) => l.evaluate((a) => getComputedStyle(a).color);
  expect(await colour(link)).toBe(await colour(plain));
  await expect(months.locator("li.pc-not-met")).toHaveCount(0);
  await actAs(page, "manager");
  await page.goto("./");
  await expect(page.locator('[data-testid=home-months] li[data-month="2026-09"] [data-testid=month-status]'))
    .toHaveText("伙伴有欠费，暂停支付 — 请签收资料");
  await expect(page.locator('[data-testid=home-months] li[data-month="2026-10"] [data-testid=month-status]'))
    .toHaveText("等待伙伴寄送资料");
});
