// Usable on a phone, a tablet and a laptop (issue 13): no page is wider than the screen
// (tables scroll inside their own box), the navigation folds behind a menu button on a
// phone, and at 1280 px the statement table shows the figures it exists for without
// sideways scrolling.
import { test, expect, localOnly, plant, startSession, sampleData } from "./modes.mjs";
import { WORDS } from "./words.mjs";

const NAME = "深圳示例科技有限公司";
const profile = {
  company_name: NAME, uscc: "91440300708461136T", contact_person: "李雷", phone: "13800138000", email: "li@example.com",
  qq: "12345", mailing_address: "深圳市南山区科技园", bank_account_name: NAME, bank: "招商银行",
  bank_location: "深圳", bank_branch: "科技园支行", bank_account_number: "6225880112345678",
  bank_proof: null, partner_type: "Agent", website: "www.example.com", account_id: "100012345678",
};
const PAGES = [
  "", "eligibility", "apply/1", "profile", "certificate", "termination", "announcements", "customers",
  "statements", "settlements", "settlements/2026-01", "special-rebates", "learners", "join", "settings",
  "todos", "reconciliation", "help",
];

async function withSample(page) {
  page.on("dialog", (d) => d.accept());
  await page.goto("settings");
  await plant(page, [["profiles", "partner", profile]]);
  await startSession(page, { role: "MainAccount", account_id: "100012345678", company_name: NAME });
  await page.goto("statements");
  await sampleData(page, { rows: 1000, last: "2026-02", lang: "zh-CN" });
  await expect(page.getByTestId("total-rows")).toHaveText("1000");
}

for (const width of [390, 768, 1280]) {
  test(`no page is wider than a ${width} px screen`, async ({ page, mode }) => {
    localOnly(mode, "one layout whatever the data source; sample data is loaded locally");
    page.pcNoAxe = true; // the guard's axe pass runs at its own (default) width
    await page.setViewportSize({ width, height: 800 });
    await withSample(page);
    for (const path of PAGES) {
      await page.goto(path);
      await page.locator("main h1").first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `/${path} at ${width} px`).toBeLessThanOrEqual(0);
    }
  });
}

test("on a phone the navigation folds behind a menu button", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("settings");
  const menu = page.getByRole("button", { name: "菜单" });
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  // The header is short enough to leave the page on screen.
  const header = await page.locator("header").boundingBox();
  expect(header.height).toBeLessThanOrEqual(120);
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav).toBeVisible();
  await nav.getByRole("link", { name: "准入自查" }).click();
  await expect(page).toHaveURL(/eligibility$/);
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  // The new page takes the focus once its area has loaded (slowly on a busy machine):
  // only then is the menu focused, or the page's heading would take the focus back.
  await expect(page.locator("main h1").first()).toBeFocused();
  // Keyboard: the menu opens with Enter.
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(nav).toBeVisible();
});

test("at 1280 px the statement table shows month, customer, product, consumption and rebate without scrolling", async ({ page, mode }) => {
  localOnly(mode, "layout");
  await page.setViewportSize({ width: 1280, height: 800 });
  await withSample(page);
  const box = await page.getByTestId("statement-scroll").boundingBox();
  for (const name of ["月份", "客户名称", "产品", "消费金额", "返佣金额"]) {
    const cell = page.getByTestId("statement-table").locator("thead th").filter({ hasText: name }).first();
    const b = await cell.boundingBox();
    expect(b.x, name).toBeGreaterThanOrEqual(box.x - 1);
    expect(b.x + b.width, name).toBeLessThanOrEqual(box.x + box.width + 1);
  }
});

test("the file controls speak the page's language", async ({ page }) => {
  await page.goto("apply");
  await page.getByLabel("我已完成《腾讯集团供应商关系申报表》申报").check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("radio", { name: "微信", exact: true }).check();
  await page.getByRole("radio", { name: "对公账户打款" }).check();
  await page.getByRole("textbox", { name: "认证企业名称", exact: true }).fill(NAME);
  await page.getByRole("textbox", { name: "认证企业统一社会信用代码", exact: true }).fill("91440300708461136T");
  await page.getByRole("button", { name: "下一步" }).click();
  const picker = page.locator(".pc-file-picker").first();
  await expect(picker).toContainText("选择图片");
  await expect(picker).toContainText("未选择文件");
  await expect(picker).not.toContainText("Choose File");
  // The real input still opens the chooser and carries the field's label.
  const input = page.locator("#app-licence");
  await expect(input).toHaveAttribute("type", "file");
  expect(await input.evaluate((e) => [...e.labels].map((l) => l.textContent).join(""))).toContain("营业执照");
  await input.focus();
  await expect(picker.locator(".pc-file-button")).toHaveCSS("outline-style", "solid");
});
