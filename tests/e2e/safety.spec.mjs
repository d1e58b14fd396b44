// Safe as a security reviewer would try it (issue 13): user text is only ever text,
// files are only ever the images their bytes are, exports never start a spreadsheet
// formula, bank accounts show by their last four digits. Every page runs under the strict
// Content-Security-Policy (serve.mjs); the shared guard fails a scenario on any violation.
import fs from "node:fs";
import { test, expect, becomeRole, localOnly, plant, startSession, actAs, remoteGap } from "./modes.mjs";
import { files, fakePng, png } from "./fixtures.mjs";

const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"><svg onload=window.__xss=3>`;
const NAME = "深圳示例科技有限公司";

async function noScriptRan(page) {
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(await page.locator("main img[src=x], main svg[onload], main script").count()).toBe(0);
}

test("markup typed into free-text fields is shown as text, never run", async ({ page }) => {
  page.on("dialog", (d) => d.accept());
  // The wizard: company name, address, products, how the applicant heard of us.
  await page.goto("apply");
  await page.getByLabel("我已完成《腾讯集团供应商关系申报表》申报").check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("radio", { name: "微信", exact: true }).check();
  await page.getByRole("radio", { name: "对公账户打款" }).check();
  await page.getByRole("textbox", { name: "认证企业名称", exact: true }).fill(XSS);
  await page.getByRole("textbox", { name: "认证企业统一社会信用代码", exact: true }).fill("91440300708461136T");
  await page.getByRole("button", { name: "下一步" }).click();
  for (const label of ["公司名称", "主营业务", "公司地址", "主要售卖产品", "链接途径"]) {
    await page.getByRole("textbox", { name: label, exact: true }).fill(XSS);
  }
  await page.getByRole("textbox", { name: "公司名称", exact: true }).blur();
  await expect(page.locator("#app-company-name")).toHaveValue(XSS);
  await noScriptRan(page);

  // Announcements: the channel manager posts markup; partners read it as text.
  await actAs(page, "manager");
  await page.goto("announcements");
  await page.getByLabel("标题").fill(XSS);
  await page.getByLabel("正文").fill(`${XSS}\n第二行`);
  await page.getByRole("button", { name: "发布" }).click();
  await expect(page.getByTestId("announcements")).toContainText(XSS);
  await page.getByTestId("announcements").getByRole("link").first().click();
  await expect(page.getByTestId("announcement")).toContainText(XSS);
  await noScriptRan(page);
  // The page title is the heading's text, not markup (the title follows the heading
  // within 50 ms of it changing: wait for it rather than read it once).
  await expect(page).toHaveTitle(/<img src=x/);
});

/** A partner whose profile is stored (bank account 6225880112345678), signed in as its
 * main account, on the profile page. */
async function openPlantedProfile(page) {
  page.on("dialog", (d) => d.accept());
  const profile = {
    company_name: NAME, uscc: "91440300708461136T", contact_person: "李雷", phone: "13800138000", email: "li@example.com",
    qq: "12345", mailing_address: "深圳市南山区科技园", bank_account_name: NAME, bank: "招商银行",
    bank_location: "深圳", bank_branch: "科技园支行", bank_account_number: "6225880112345678",
    bank_proof: "proof-planted", partner_type: "Agent", website: "www.example.com", account_id: "100012345678",
  };
  await page.goto("settings");
  await plant(page, [["profiles", "partner", profile]]);
  await startSession(page, { role: "MainAccount", account_id: "100012345678", company_name: NAME });
  await page.goto("profile");
}

test("markup in the profile, its history and a join request stays text", async ({ page }) => {
  await openPlantedProfile(page);
  await page.locator("#app-contact").fill(XSS);
  await page.locator("#app-mailing").fill(XSS);
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByTestId("profile-history")).toContainText(XSS);
  await noScriptRan(page);
  await page.goto("join");
  await page.getByRole("textbox", { name: "姓名", exact: true }).fill(XSS);
  await expect(page.getByRole("textbox", { name: "姓名", exact: true })).toHaveValue(XSS);
  await noScriptRan(page);
});

test("a restored backup cannot carry a page or a script disguised as an image", async ({ page, mode }, info) => {
  localOnly(mode, "backups are of browser storage");
  page.on("dialog", (d) => d.accept());
  await page.goto("settings");
  await startSession(page, { role: "MainAccount", account_id: "100012345678", company_name: NAME });
  await page.goto("settings");
  const backup = (blob) => ({
    format: "partner-console-backup", schema: 1, exported_at: "2026-11-29T00:00:00Z",
    session: { role: "MainAccount", account_id: "100012345678", company_name: NAME },
    settings: {}, records: [], blobs: [blob],
  });
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"><script>window.__xss=2</script></svg>`);
  const html = Buffer.from(`<!doctype html><script>window.__xss=1</script>`);
  for (const [name, bytes, mime] of [["svg", svg, "image/png"], ["html", html, "image/jpeg"], ["png-front", fakePng(), "image/png"]]) {
    const file = info.outputPath(`${name}.json`);
    fs.writeFileSync(file, JSON.stringify(backup({ id: `licence-${name}`, mime, base64: bytes.toString("base64") })));
    await page.getByLabel("备份文件").setInputFiles(file);
    await expect(page.getByRole("alert")).toContainText(`licence-${name}`);
  }
  // Nothing was restored: the files are not there.
  expect(await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open("partner-console");
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains("blobs")) return resolve(0);
      const count = db.transaction("blobs").objectStore("blobs").count();
      count.onsuccess = () => resolve(count.result);
    };
    open.onerror = () => resolve(0);
  }))).toBe(0);
  await noScriptRan(page);

  // A real image restores and shows, typed as what it is.
  const good = info.outputPath("good.json");
  fs.writeFileSync(good, JSON.stringify(backup({ id: "licence-ok", mime: "text/html", base64: png().toString("base64") })));
  await page.getByLabel("备份文件").setInputFiles(good);
  await expect(page.getByRole("status").filter({ hasText: "已从备份恢复" })).toBeVisible();
});

test("exports neutralise formula cells, and re-importing the export gives back the same values", async ({ page, mode }) => {
  remoteGap(mode, "statements are the provider's to import on a server; the scenario imports as the main account");
  page.on("dialog", (d) => d.accept());
  await page.goto("settings");
  await startSession(page, { role: "MainAccount", account_id: "100012345678", company_name: NAME });
  await page.goto("statements");
  const csv = [
    "客户UIN,月份,产品,子产品,付费模式,消费金额,返佣比例,返佣金额,客户名称",
    `100001,2026-03,=HYPERLINK("http://evil.example"),S5,预付费,1000.00,10%,100.00,"=HYPERLINK(""http://evil.example"",""点我"")"`,
    `100002,2026-03,@SUM(A1),S5,后付费,-500.00,10%,-50.00,+cmd|' /C calc'!A0`,
    `100003,2026-03,云服务器,"\t=1+1",预付费,10.00,10%,1.00,-2+3`,
  ].join("\n");
  await page.getByLabel("导入对账单（CSV）").setInputFiles({ name: "evil.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByTestId("import-summary")).toBeVisible();
  await expect(page.getByTestId("total-rebate")).toHaveText("¥51.00");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "导出当前筛选结果（CSV）" }).click();
  const exported = fs.readFileSync(await (await downloading).path(), "utf8");
  for (const line of exported.split(/\r?\n/).slice(1).filter(Boolean)) {
    for (const cell of line.match(/("([^"]|"")*"|[^,]*)/g).filter((c) => c !== "")) {
      const value = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      expect(/^[=+@\t\r]/.test(value) || /^-(?![\d.]+%?$)/.test(value), `live formula: ${value}`).toBe(false);
    }
  }
  expect(exported).toContain("-50.00"); // a clawback stays a number
  // Back in: the same rows and totals.
  await page.getByLabel("导入对账单（CSV）").setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(exported) });
  await expect(page.getByTestId("import-summary")).toContainText("3");
  await expect(page.getByTestId("total-rows")).toHaveText("3");
  await expect(page.getByTestId("total-rebate")).toHaveText("¥51.00");
  await expect(page.getByTestId("customer-totals")).toContainText('=HYPERLINK("http://evil.example","点我")');
});

test("bank account numbers show by their last four digits outside the editor", async ({ page }) => {
  await openPlantedProfile(page);
  const field = page.locator("#app-bank-number");
  await expect(field).toHaveValue("•••• 5678");
  await expect(page.locator("main")).not.toContainText("6225880112345678");
  // Revealed on request, and while it is being edited.
  await page.getByRole("button", { name: "显示完整账号" }).click();
  await expect(field).toHaveValue("6225880112345678");
  await expect(page.getByRole("button", { name: "隐藏账号" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "隐藏账号" }).click();
  await expect(field).toHaveValue("•••• 5678");
  await field.focus();
  await expect(field).toHaveValue("6225880112345678");
  // A sub-account sees it masked and has no reveal.
  await actAs(page, "sub");
  await page.goto("profile");
  await expect(page.locator("#app-bank-number")).toHaveValue("•••• 5678");
  await expect(page.getByRole("button", { name: "显示完整账号" })).toHaveCount(0);
});
