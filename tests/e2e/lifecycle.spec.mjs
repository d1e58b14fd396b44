// The partner lifecycle (RULES §Profile–§Termination, §Announcements) in both languages: profile changes with
// history and the renamed settlement sheet, the certificate, termination to deregistered,
// announcements. The partner is planted as approval writes it (the approval itself is
// covered by apply.spec.mjs).
import { test, expect, becomeRole, plant, startSession, sampleData, remoteGap } from "./modes.mjs";
import { WORDS } from "./words.mjs";
import { files } from "./fixtures.mjs";

const NAME = "深圳示例科技有限公司";
const NEW_NAME = "深圳新名科技有限公司";
const USCC = "91440300708461136T";
const UIN = "100012345678";

const L = {
  "zh-CN": {
    ...WORDS["zh-CN"],
    save: "保存修改", newEntity: "新的统一社会信用代码代表另一个法律主体", proof: "修改了银行信息，请上传新的银行账号证明",
    saved: "新银行信息核实期间，结算付款可能暂停", companyField: "公司名称",
    apply: (y) => `申请 ${y} 年度电子授权书`, approve: "通过并签发", validUntil: (y) => `有效期至 ${y}年12月31日`,
    print: "打印 / 另存为 PDF", arrears: "¥500.00", requestUnbind: "申请解除关联", paid: "确认欠费已结清", unbound: "确认已解除关联",
    sentOk: "发件邮箱属于公司域名（example.com）", stamp: "请附上加盖公章的申请附件", sent: "我已发送申请邮件",
    requested: "已申请终止", settle: "开始结算", deregister: "注销资质", deregistered: "已注销", banner: "控制台仅供查看",
    post: "发布", titleLabel: "标题", bodyLabel: "正文", unread: "未读", titleRequired: "标题为必填项", requestedDone: "已提交申请。",
  },
  "en-US": {
    ...WORDS["en-US"],
    save: "Save changes", newEntity: "a new USCC is a different legal entity", proof: "Bank information changed: upload a new bank account proof",
    saved: "Settlement payment may pause while the new bank account is verified", companyField: "Company name",
    apply: (y) => `Apply for the ${y} certificate`, approve: "Approve and issue", validUntil: (y) => `Valid until 31 December ${y}`,
    print: "Print / save as PDF", arrears: "CNY 500.00", requestUnbind: "Request unbinding", paid: "Record arrears paid", unbound: "Confirm unbound",
    sentOk: "The sender is on the company’s domain (example.com)", stamp: "attach the application stamped with the company seal", sent: "I have sent the email",
    requested: "Termination requested", settle: "Start settling", deregister: "Deregister", deregistered: "Deregistered", banner: "the console is read-only",
    post: "Post", titleLabel: "Title", bodyLabel: "Body", unread: "Unread", titleRequired: "Title is required", requestedDone: "Application sent.",
  },
};

const profile = {
  company_name: NAME, uscc: USCC, contact_person: "李雷", phone: "13800138000", email: "li@example.com",
  qq: "12345", mailing_address: "深圳市南山区科技园", bank_account_name: NAME, bank: "招商银行",
  bank_location: "深圳", bank_branch: "科技园支行", bank_account_number: "6225880112345678",
  bank_proof: "proof-planted", partner_type: "Agent", website: "www.example.com",
};

/** Opens the console as the main account of a partner (plus any extra planted records,
 * `[collection, id, data]`). */
async function asPartner(page, lang, path, extra = []) {
  page.on("dialog", (d) => d.accept());
  await page.goto("settings");
  await plant(page, [["profiles", "partner", profile], ...extra]);
  await startSession(page, { role: "MainAccount", account_id: UIN, company_name: NAME });
  await page.goto(path);
  if (lang === "en-US") await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByTestId("current-role")).toContainText(L[lang].main);
}

async function role(page, t, name) {
  await becomeRole(page, t.roleSwitch, name);
}

const month = (offset) => {
  const d = new Date();
  const m = new Date(d.getFullYear(), d.getMonth() + offset, 1);
  return `${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, "0")}`;
};

for (const [lang, t] of Object.entries(L)) {
  test(`profile: a rename keeps the USCC, bank changes need a proof, history and next month's sheet (${lang})`, async ({ page }) => {
    await asPartner(page, lang, "profile");
    // A new USCC is a new legal entity: refused at the field.
    await page.locator("#app-uscc").fill("911101085636549482");
    await page.getByRole("button", { name: t.save }).click();
    await expect(page.locator("#app-uscc-error")).toContainText(t.newEntity);
    await page.locator("#app-uscc").fill(USCC);
    // A rename puts the bank account in the new name: a bank change without a new proof is refused.
    await page.locator("#app-company-name").fill(NEW_NAME);
    await page.locator("#app-bank-name").fill(NEW_NAME);
    await page.locator("#app-bank-number").fill("6225880198765432");
    await page.getByRole("button", { name: t.save }).click();
    await expect(page.locator("#app-bank-proof-error")).toHaveText(t.proof);
    await page.locator("#app-bank-proof").setInputFiles(files.proof);
    await expect(page.locator("#app-bank-proof-error")).toHaveText(""); // stored (remote: on the server)
    await page.getByRole("button", { name: t.save }).click();
    await expect(page.getByRole("status").filter({ hasText: t.saved })).toBeVisible();
    const history = page.getByTestId("profile-history");
    await expect(history.locator("tr").filter({ hasText: t.companyField }).filter({ hasText: NEW_NAME })).toContainText(NAME);
    // The history names the new account by its last four digits only.
    await expect(history).toContainText("•••• 5432");
    await expect(history).not.toContainText("6225880198765432");
    // Nothing lost on reload; the header carries the new name.
    await page.reload();
    await expect(page.locator("#app-company-name")).toHaveValue(NEW_NAME);

    // This month's sheet keeps the old name; next month's carries the new one.
    await page.goto("statements");
    await sampleData(page, { rows: 1000, last: month(1), lang });
    await expect(page.getByTestId("total-rows")).toHaveText("1000");
    await page.goto(`settlements/${month(0)}`);
    await expect(page.getByTestId("sheet-company")).toHaveText(NAME);
    await page.goto(`settlements/${month(1)}`);
    await expect(page.getByTestId("sheet-company")).toHaveText(NEW_NAME);

    // A sub-account sees the profile read-only.
    await role(page, t, t.sub);
    await page.goto("profile");
    await expect(page.locator("#app-company-name")).toBeDisabled();
    await expect(page.getByRole("button", { name: t.save })).toBeHidden();
  });

  test(`certificate: apply, approve, print with its validity (${lang})`, async ({ page }) => {
    const year = new Date().getFullYear();
    await asPartner(page, lang, "certificate");
    await page.getByRole("button", { name: t.apply(year) }).click();
    // Stored (remote: on the server) before the next role looks.
    await expect(page.getByRole("status").filter({ hasText: t.requestedDone })).toBeVisible();
    await role(page, t, t.manager);
    await page.getByRole("button", { name: t.approve }).click();
    const cert = page.getByTestId("certificate");
    await expect(cert.getByTestId("cert-holder")).toHaveText(NAME);
    await expect(cert.getByTestId("cert-number")).toHaveText(`PC-${year}-000001`);
    await expect(cert.getByTestId("cert-validity")).toHaveText(t.validUntil(year));
    await expect(cert).toContainText(USCC);
    await role(page, t, t.main);
    await page.emulateMedia({ media: "print" });
    await expect(cert).toBeVisible();
    await expect(page.getByRole("navigation").first()).toBeHidden();
    await expect(page.getByRole("button", { name: t.print })).toBeHidden();
    await page.emulateMedia({ media: "screen" });
    await expect(page.getByRole("button", { name: t.apply(year) })).toBeHidden();
  });

  test(`termination: blockers, the exact email, settling to deregistered and read-only (${lang})`, async ({ page, mode }) => {
    remoteGap(mode, "the email names the tenant partner's UIN, not the planted profile's");
    const customer = { uin: "100001", name: "甲公司", associated_since: "2024-01-01", arrears: "500.00", special_rebates: false, unbind: "NotRequested" };
    await asPartner(page, lang, "termination", [["customers", "100001", customer]]);
    const arrears = page.getByTestId("precondition-arrears");
    const customers = page.getByTestId("precondition-customers");
    await expect(arrears).toHaveAttribute("data-met", "false");
    await expect(arrears).toContainText(t.arrears);
    await expect(customers).toHaveAttribute("data-met", "false");
    await expect(customers).toContainText("100001 甲公司");
    await expect(page.getByTestId("termination-email")).toHaveCount(0);

    // The partner asks to unbind; the provider records the payment and the unbinding.
    await customers.getByRole("link", { name: "100001 甲公司" }).click();
    await page.getByRole("button", { name: t.requestUnbind }).click();
    await role(page, t, t.manager);
    await page.getByRole("button", { name: t.paid }).click();
    await expect(page.getByRole("button", { name: t.paid })).toBeDisabled();
    await page.getByRole("button", { name: t.unbound }).click();
    await expect(page.getByRole("button", { name: t.unbound })).toBeDisabled();
    await role(page, t, t.main);
    await page.goto("termination");
    await expect(arrears).toHaveAttribute("data-met", "true");
    await expect(customers).toHaveAttribute("data-met", "true");

    // The email, exactly per the guide's template.
    await page.locator("#term-manager").fill("manager@tencent.com");
    await page.locator("#term-reason").fill("业务调整");
    await page.locator("#term-sender").fill("admin@example.com");
    await expect(page.getByTestId("sender-check")).toContainText(t.sentOk);
    await expect(page.getByTestId("email-to")).toHaveText("cloudpartner@tencent.com");
    await expect(page.getByTestId("email-cc")).toHaveText("manager@tencent.com");
    await expect(page.getByTestId("email-subject")).toHaveText(`${NAME} 注销腾讯云合作伙伴资质申请`);
    expect(await page.getByTestId("email-body").textContent()).toBe(`合作伙伴 UIN：${UIN}\n合作伙伴公司名：${NAME}\n申请退出原因：业务调整`);
    const mailto = await page.locator("a[href^='mailto:']").getAttribute("href");
    expect(decodeURIComponent(mailto.split("subject=")[1].split("&")[0])).toBe(`${NAME} 注销腾讯云合作伙伴资质申请`);
    await page.locator("#term-sender").fill("boss@qq.com");
    await expect(page.getByTestId("sender-check")).toContainText(t.stamp);
    await page.getByRole("button", { name: t.sent }).click();
    await expect(page.getByTestId("partner-state")).toHaveText(t.requested);

    // The provider settles and deregisters; the console becomes read-only.
    await role(page, t, t.manager);
    await page.getByRole("button", { name: t.settle }).click();
    await page.getByRole("button", { name: t.deregister }).click();
    await expect(page.getByTestId("partner-state")).toHaveText(t.deregistered);
    await role(page, t, t.main);
    await expect(page.getByTestId("read-only-banner")).toContainText(t.banner);
    await page.goto("profile");
    await expect(page.getByTestId("read-only-banner")).toBeVisible();
    await expect(page.locator("#app-company-name")).toBeDisabled();
    await expect(page.getByRole("button", { name: t.save })).toBeHidden();
  });

  test(`announcements: posted by the manager, newest first, unread until opened (${lang})`, async ({ page, mode }) => {
    remoteGap(mode, "announcements are global on the server, shared by every scenario's tenant");
    await asPartner(page, lang, "announcements");
    await role(page, t, t.manager);
    await page.getByRole("button", { name: t.post, exact: true }).click();
    await expect(page.locator("#ann-title-error")).toHaveText(t.titleRequired);
    await page.getByLabel(t.titleLabel).fill("2026 年渠道政策");
    await page.getByLabel(t.bodyLabel).fill("第一条 <b>不是 HTML</b>\n第二条");
    await page.getByRole("button", { name: t.post, exact: true }).click();
    await page.getByLabel(t.titleLabel).fill("返佣结算时间调整");
    await page.getByLabel(t.bodyLabel).fill("自下月起按新时间结算。");
    await page.getByRole("button", { name: t.post, exact: true }).click();
    await role(page, t, t.main);
    const items = page.getByTestId("announcements").getByRole("listitem");
    await expect(items).toHaveCount(2);
    await expect(items.first()).toContainText("返佣结算时间调整");
    await expect(items.filter({ hasText: t.unread })).toHaveCount(2);
    await items.nth(1).getByRole("link").click();
    const article = page.getByTestId("announcement");
    await expect(article).toContainText("<b>不是 HTML</b>");
    await expect(article.locator("b")).toHaveCount(0);
    await page.goBack();
    await expect(items.filter({ hasText: t.unread })).toHaveCount(1);
  });
}
