// Faults a new user met within minutes (issue 12), each kept from coming back: the pager
// that showed Rust source, the USCC stored as typed, display and wording faults of the
// money pages, edits lost on reload, half-stored changes, restores of ill-shaped backups,
// a binary file read as a CSV, page titles and focus.
import fs from "node:fs";
import { test, expect, becomeRole, localOnly, plant, settleArrears, startSession, actAs, sampleData, remoteGap } from "./modes.mjs";
import { WORDS } from "./words.mjs";
import { files } from "./fixtures.mjs";

const NAME = "深圳示例科技有限公司";
const USCC = "91440300708461136T";
const UIN = "100012345678";
const profile = {
  company_name: NAME, uscc: USCC, contact_person: "李雷", phone: "13800138000", email: "li@example.com",
  qq: "12345", mailing_address: "深圳市南山区科技园", bank_account_name: NAME, bank: "招商银行",
  bank_location: "深圳", bank_branch: "科技园支行", bank_account_number: "6225880112345678",
  bank_proof: "proof-planted", partner_type: "Agent", website: "www.example.com", account_id: UIN,
};

async function asMain(page, path, extra = []) {
  page.on("dialog", (d) => d.accept());
  await page.goto("settings");
  if (extra.length) await plant(page, extra);
  await startSession(page, { role: "MainAccount", account_id: UIN, company_name: NAME });
  await page.goto(path);
  await expect(page.getByTestId("current-role")).toContainText("主账号");
}

test("the learner pager reaches every learner", async ({ page }) => {
  const learners = Array.from({ length: 62 }, (_, i) => {
    const id = String(300001 + i);
    return ["learners", id, {
      id, method: "AccountApplication", state: "Active", name: `学员${String(i + 1).padStart(2, "0")}`,
      mobile: "13800138000", email: "", account_id: id,
      requested_at: `2026-10-${String(1 + (i % 28)).padStart(2, "0")}T08:00:00Z`, records: [],
    }];
  });
  await asMain(page, "learners", learners);
  const table = page.getByTestId("learners-table");
  const next = page.getByRole("button", { name: "下一页", exact: true });
  await expect(table.locator("tbody tr")).toHaveCount(20);
  await expect(next).toBeEnabled();
  await expect(page.locator("main")).not.toContainText("on : click");
  const seen = new Set();
  for (let p = 0; p < 4; p++) {
    for (const name of await table.locator("tbody tr td:nth-child(2)").allTextContents()) seen.add(name);
    if (p < 3) await next.click();
  }
  expect(seen.size).toBe(62);
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(next).toBeDisabled();
});

test("the profile stores the USCC's one spelling: no history line, the same code on the certificate", async ({ page }) => {
  await asMain(page, "profile", [["profiles", "partner", profile]]);
  const field = page.locator("#app-uscc");
  await field.fill("９１４４０３００ 7084-6113 6t");
  await field.blur();
  await expect(field).toHaveValue(USCC);
  await page.locator("#app-contact").fill("韩梅梅");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  const history = page.getByTestId("profile-history");
  await expect(history).toContainText("韩梅梅");
  await expect(history).not.toContainText("统一社会信用代码");
  await page.reload();
  await expect(field).toHaveValue(USCC);

  // A profile an older version stored as typed: the certificate prints the code's one spelling.
  await plant(page, [["profiles", "partner", { ...profile, uscc: "91440300708461136t " }]]);
  await page.goto("certificate");
  await page.getByRole("button", { name: /申请 \d{4} 年度电子授权书/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "已提交申请。" })).toBeVisible();
  await actAs(page, "manager");
  await page.goto("certificate");
  await page.getByRole("button", { name: "通过并签发" }).click();
  await expect(page.locator(".pc-certificate")).toContainText(USCC);
});

test("one field to fix is one field, and the profile has no steps", async ({ page }) => {
  await asMain(page, "profile", [["profiles", "partner", profile]]);
  await page.locator("#app-phone").fill("12");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("alert")).toHaveText("还有 1 处需要修改，请查看标红的字段。");
});

test("a profile change is stored with its history line or not at all", async ({ page, mode }) => {
  localOnly(mode, "a full browser storage");
  await asMain(page, "profile", [["profiles", "partner", profile]]);
  // The history write is refused for want of space, as a full quota would.
  await page.evaluate(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === "pc/r/profiles/history") throw new DOMException("full", "QuotaExceededError");
      return set.call(this, key, value);
    };
  });
  await page.locator("#app-contact").fill("韩梅梅");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("alert")).toContainText("存储空间已满");
  // Nothing was stored: the profile still has the old contact, and the form keeps the new.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("pc/r/profiles/partner")).data.contact_person);
  expect(stored).toBe("李雷");
  await expect(page.locator("#app-contact")).toHaveValue("韩梅梅");
});

test("a wizard edit made just before a reload is kept", async ({ page }) => {
  await page.goto("apply");
  await page.getByLabel("我已完成《腾讯集团供应商关系申报表》申报").check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("radio", { name: "微信", exact: true }).check();
  await page.getByRole("radio", { name: "对公账户打款" }).check();
  await page.getByRole("textbox", { name: "认证企业名称", exact: true }).fill(NAME);
  // No pause for the autosave: reload at once.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "认证企业名称", exact: true })).toHaveValue(NAME);
});

test("money pages: aligned figures, coloured states, a chart with values, honest invoice and payment words", async ({ page, mode }) => {
  remoteGap(mode, "the payment window the server's sheet moves leave differs");
  await asMain(page, "statements");
  await sampleData(page, { rows: 1000, last: "2026-02", lang: "zh-CN" });
  await expect(page.getByTestId("total-rows")).toHaveText("1000");

  // The month table: a visible header over every column, figures right-aligned under
  // right-aligned headers.
  const months = page.getByTestId("month-totals");
  const heads = await months.locator("thead th").count();
  expect(await months.locator("tbody tr").first().locator("th, td").count()).toBe(heads);
  const shown = await months.locator("thead th").evaluateAll((ths) => ths.map((th) => {
    const range = document.createRange();
    range.selectNodeContents(th);
    return range.getBoundingClientRect().width > 2 && th.innerText.trim().length > 0;
  }));
  expect(shown).toEqual(Array(heads).fill(true));
  await expect(months.locator("tbody td.pc-num").first()).toHaveCSS("text-align", "right");
  await expect(months.locator("thead th.pc-num").first()).toHaveCSS("text-align", "right");
  // The chart has values on both axes.
  await expect(page.locator(".pc-chart .pc-chart-label").filter({ hasText: "¥" }).first()).toBeVisible();
  expect(await page.locator(".pc-chart .pc-chart-label-rebate").count()).toBeGreaterThan(1);
  // The special invoice deducts nothing: its card does not name a 6 % deduction.
  const special = page.getByTestId("tax-preview").locator("[data-kind=special]");
  await expect(special).not.toContainText("6%");

  // Settlement states are told apart by colour, not only by words.
  await page.goto("settlements");
  const tags = page.getByTestId("settlements-table").locator(".pc-badge-state");
  await expect(tags.first()).toBeVisible();
  const colours = new Set(await tags.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor)));
  expect(colours.size).toBeGreaterThan(1);

  // The payment rule says when the window is counted from.
  await page.getByTestId("settlements-table").getByRole("link", { name: "2026-01" }).click();
  await expect(page.locator("main")).toContainText("预计在签收之日起第 10–15 个工作日内");
  await actAs(page, "manager");
  await settleArrears(page, { arrears: "欠费", paid: "确认欠费已结清" });
  await page.goto("settlements/2026-01");
  await page.getByLabel("日期").fill("2026-02-10");
  await page.getByRole("button", { name: "标记为：已签收" }).click();
  await expect(page.getByTestId("payment-window")).toHaveText("2026-03-02 – 2026-03-09");
  // The abnormal move's own date is shown, next to when it was recorded.
  await page.getByLabel("日期").fill("2026-02-12");
  await page.getByLabel("异常原因").fill("发票金额与结算单不一致");
  await page.getByRole("button", { name: "标记为：资料异常" }).click();
  await expect(page.getByTestId("timeline")).toContainText("生效日期 2026-02-12");
  await expect(page.getByTestId("timeline")).toContainText("生效日期 2026-02-10");
  await expect(page.getByTestId("timeline")).toContainText("记录于");

  // A sheet with a clawback, and the customers' arrears: payment is held, so no window.
  await page.goto("settlements/2025-06");
  await expect(page.getByTestId("sheet-lines").locator("tr.pc-negative")).not.toHaveCount(0);
  // A customer in arrears again: payment is held, and no window is promised.
  await plant(page, [["customers", "owing", {
    uin: "199999999999", name: "欠费客户", associated_since: "2024-01-01", arrears: "500.00", special_rebates: false,
  }]]);
  await page.goto("settlements/2026-01");
  await expect(page.getByTestId("payment-hold")).toContainText("有欠费，暂停付款");
  await expect(page.getByTestId("payment-window")).toContainText("暂停付款期间不计算");
  await expect(page.getByTestId("payment-window")).not.toContainText("2026-03");
});

test("a negative month explains the clawback in the invoice preview", async ({ page, mode }) => {
  localOnly(mode, "plants statement chunks in browser storage");
  await asMain(page, "statements");
  const csv = [
    "customer_uin,month,product,sub_product,payment_mode,consumption,rebate_ratio,rebate,customer_name",
    "100001,2026-03,云服务器 CVM,S5,prepaid,-1000.00,10%,-100.00,甲公司",
  ].join("\n");
  await page.getByLabel("导入对账单（CSV）").setInputFiles({ name: "neg.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByTestId("import-summary")).toBeVisible();
  const preview = page.getByTestId("tax-preview");
  await expect(preview.getByTestId("negative-note")).toBeVisible();
  await expect(preview.getByTestId("negative-note")).toContainText("返佣追回");
});

test("a backup whose records have the wrong shape is refused before anything changes", async ({ page, mode }, info) => {
  localOnly(mode, "backups are of browser storage");
  await asMain(page, "settings", [["profiles", "partner", profile]]);
  const backup = {
    format: "partner-console-backup", schema: 1, exported_at: "2026-11-29T00:00:00Z",
    session: { role: "Visitor", account_id: null, company_name: null },
    settings: {},
    records: [{ collection: "profiles", id: "partner", rev: 1, data: "garbage" }],
    blobs: [],
  };
  const file = info.outputPath("bad-shape.json");
  fs.writeFileSync(file, JSON.stringify(backup));
  await page.getByLabel("备份文件").setInputFiles(file);
  await expect(page.getByRole("alert")).toContainText("profiles/partner");
  await expect(page.getByTestId("current-role")).toContainText("主账号");
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("pc/r/profiles/partner")).data.company_name);
  expect(stored).toBe(NAME);
});

test("a binary file given as learner records is named as not text", async ({ page }) => {
  await asMain(page, "learners");
  await page.getByLabel("选择 CSV 文件").setInputFiles({ name: "records.csv", mimeType: "text/csv", buffer: files.licence.buffer });
  await expect(page.getByRole("alert")).toContainText("不是 UTF-8 文本");
  await expect(page.getByRole("alert")).not.toContainText("缺少");
});

test("every page has its own title, in the reader's language", async ({ page }) => {
  await page.goto("settings");
  await expect(page).toHaveTitle("设置 · 合作伙伴控制台");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page).toHaveTitle("Settings · Partner Console");
  await page.getByRole("link", { name: "Eligibility check" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(page).toHaveTitle(/ · Partner Console$/);
  expect(await page.title()).not.toBe("Settings · Partner Console");
  await page.goto("./");
  await expect(page).toHaveTitle("Partner Console");
});
