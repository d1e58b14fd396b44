// The application wizard filled as an applicant would, in either language: shared by the
// wizard's own scenarios and the two-browser scenario against the server.
import { expect } from "@playwright/test";
import { WORDS } from "./words.mjs";
import { files } from "./fixtures.mjs";

export const company = "深圳示例科技有限公司";
export const uscc = "91440300708461136T";

export const zh = {
  ...WORDS["zh-CN"],
  next: "下一步", submit: "提交申请", saved: "草稿已自动保存",
  supplier: "我已完成《腾讯集团供应商关系申报表》申报",
  wechat: "微信", transfer: "对公账户打款", verifiedName: "认证企业名称", verifiedUscc: "认证企业统一社会信用代码",
  companyName: "公司名称", size: "公司规模", sizeOption: "50–99 人", website: "公司网站", business: "主营业务",
  address: "公司地址", agent: "代理合作", products: "主要售卖产品", uscc: "统一社会信用代码",
  licenceName: "营业执照上的公司名称", licence: "营业执照", resells: "是否代理云产品", no: "否", heard: "链接途径",
  contact: "联系人", phone: "联系电话", email: "联系邮箱", qq: "联系QQ", mailing: "邮寄地址",
  bankName: "银行开户名", bank: "开户银行", bankLocation: "银行所在地", branch: "开户支行", number: "银行账号", proof: "银行账号证明",
  submitted: "已提交，待审核", approved: "已通过", rejected: "已驳回",
};
export const en = {
  ...WORDS["en-US"],
  next: "Next", submit: "Submit application", saved: "Draft saved",
  supplier: "I have filed the supplier relationship declaration",
  wechat: "WeChat", transfer: "Corporate bank-account transfer", verifiedName: "Verified company name", verifiedUscc: "Verified USCC",
  companyName: "Company name", size: "Company size", sizeOption: "50–99", website: "Company website", business: "Main business",
  address: "Company address", agent: "Agent", products: "Main products sold", uscc: "Unified social credit code (USCC)",
  licenceName: "Company name on the business licence", licence: "Business licence", resells: "Already resells cloud products", no: "No", heard: "How you heard of the programme",
  contact: "Contact person", phone: "Phone", email: "Email", qq: "QQ", mailing: "Mailing address",
  bankName: "Bank account name", bank: "Bank", bankLocation: "Bank location", branch: "Branch", number: "Account number", proof: "Bank account proof",
  submitted: "Submitted, waiting for review", approved: "Approved", rejected: "Rejected",
};

const exact = { exact: true };

export async function stepOne(page, t) {
  await page.getByLabel(t.supplier).check();
  await page.getByRole("button", { name: t.next }).click();
}

export async function stepTwo(page, t) {
  await page.getByRole("radio", { name: t.wechat, ...exact }).check();
  await page.getByRole("radio", { name: t.transfer }).check();
  await page.getByRole("textbox", { name: t.verifiedName, exact: true }).fill(company);
  await page.getByRole("textbox", { name: t.verifiedUscc, exact: true }).fill(uscc);
  await page.getByRole("button", { name: t.next }).click();
}

export async function stepThree(page, t, { upload = true } = {}) {
  await page.getByRole("textbox", { name: t.companyName, exact: true }).fill(company);
  await page.getByLabel(t.size).selectOption({ label: t.sizeOption });
  await page.getByRole("textbox", { name: t.website, exact: true }).fill("www.example.com");
  await page.getByRole("textbox", { name: t.business, exact: true }).fill("云计算集成与运维");
  await page.getByRole("textbox", { name: t.address, exact: true }).fill("深圳市南山区科技园");
  await page.getByRole("radio", { name: t.agent, ...exact }).check();
  await page.getByRole("textbox", { name: t.products, exact: true }).fill("云服务器、云数据库");
  await page.getByRole("textbox", { name: t.uscc, exact: true }).fill(uscc);
  await page.getByRole("textbox", { name: t.licenceName, exact: true }).fill(company);
  if (upload) {
    await page.locator("#app-licence").setInputFiles(files.licence);
    await expect(page.locator(".pc-thumb")).toHaveCount(1); // stored (in remote mode: on the server)
  }
  await page.getByRole("group", { name: t.resells }).getByRole("radio", { name: t.no }).check();
  await page.getByRole("textbox", { name: t.heard, exact: true }).fill("渠道经理介绍");
}

export async function stepFour(page, t, { wait = true } = {}) {
  await page.getByRole("textbox", { name: t.contact, exact: true }).fill("李雷");
  await page.getByRole("textbox", { name: t.phone, exact: true }).fill("+86 193-1234-5678");
  await page.getByRole("textbox", { name: t.email, exact: true }).fill("lilei@example.com");
  await page.getByRole("textbox", { name: t.qq, exact: true }).fill("12345678");
  await page.getByRole("textbox", { name: t.mailing, exact: true }).fill("深圳市南山区科技园 1 号");
  await page.getByRole("textbox", { name: t.bankName, exact: true }).fill(company);
  await page.getByRole("textbox", { name: t.bank, exact: true }).fill("招商银行");
  await page.getByRole("textbox", { name: t.bankLocation, exact: true }).fill("深圳");
  await page.getByRole("textbox", { name: t.branch, exact: true }).fill("科技园支行");
  await page.getByRole("textbox", { name: t.number, exact: true }).fill("7559 1234 5610 601");
  await page.locator("#app-bank-proof").setInputFiles(files.proof);
  if (wait) await expect(page.locator(".pc-thumb")).toHaveCount(1);
}
