// Eligibility, the application wizard and the channel manager's review (issue: RULES §Eligibility–§Application).
import { test, expect, becomeRole, fault, remoteGap } from "./modes.mjs";
import { WORDS } from "./words.mjs";
import { files } from "./fixtures.mjs";
import { company, uscc, zh, en, stepOne, stepTwo, stepThree, stepFour } from "./applying.mjs";

const exact = { exact: true };

async function role(page, t, name) {
  await becomeRole(page, t.roleSwitch, name);
}

async function review(page, t, decide) {
  await role(page, t, t.manager);
  await page.goto("review");
  await page.getByTestId("review-table").getByRole("link", { name: company }).click();
  await expect(page.getByTestId("application-summary")).toContainText(uscc);
  await expect(page.getByTestId("application-summary").locator("img")).toHaveCount(2);
  await decide();
}

test("a visitor sees both Integration gaps and carries the type into the wizard", async ({ page }) => {
  await page.goto("eligibility");
  for (const group of await page.getByRole("group").all()) {
    const yes = group.getByRole("radio", { name: "是" });
    await yes.check();
  }
  await page.getByLabel("注册资本（元）").fill("3,000,000");
  await page.getByLabel("公司注册日期").fill("2020-01-01");
  await page.getByLabel("公司人员规模（人）").fill("25");
  await page.getByLabel("技术团队人数").fill("3");
  await page.getByLabel("专职销售团队人数").fill("4");
  await page.getByLabel("通过腾讯云销售经理认证的学员数").fill("3");
  const integration = page.getByTestId("elig-integration");
  await expect(integration).toContainText("2 项未满足");
  await expect(integration).toContainText("当前 ¥3,000,000.00，还差 ¥2,000,000.00");
  await expect(integration).toContainText("当前 4，需要 5");
  await expect(page.getByText("满足门槛不代表通过")).toBeVisible();
  // A bad number is named, and the rest is kept.
  await page.getByLabel("研发团队人数").fill("二十");
  await expect(page.getByText("研发团队人数应为整数")).toBeVisible();
  // A mistyped year is not "registered for over a year".
  await page.getByLabel("公司注册日期").fill("0101-01-01");
  await expect(page.getByText("公司注册日期应在 1900-01-01 与今天之间")).toBeVisible();
  const oneYear = integration.locator("li").filter({ hasText: "公司注册满 1 年" });
  await expect(oneYear.locator(".pc-req-state")).toHaveText("待填写");
  await page.getByLabel("公司注册日期").fill("2020-01-01");
  await page.reload();
  await expect(page.getByLabel("专职销售团队人数")).toHaveValue("4");
  await page.getByRole("button", { name: "以“代理合作”申请" }).click();
  await expect(page).toHaveURL(/\/partners\/apply\/1$/);
  // A new page: focus on its heading (not the body), its name announced and in the title.
  await expect(page.getByRole("heading", { level: 1, name: "腾讯云合作伙伴申请" })).toBeFocused();
  await expect(page.getByTestId("page-announcer")).toHaveText("已打开页面：腾讯云合作伙伴申请");
  await expect(page).toHaveTitle("腾讯云合作伙伴申请 · 合作伙伴控制台");
  await stepOne(page, zh);
  await stepTwo(page, zh);
  await expect(page.getByRole("radio", { name: "代理合作", exact: true })).toBeChecked();
});

test("the whole application in zh-CN: errors, reload, rejection, resubmission, approval", async ({ page, mode }) => {
  remoteGap(mode, "the server leaves the submission after a rejection as a draft — to find out why");
  await page.goto("apply");
  // Next is refused while the step has errors, and focus goes to the first one.
  await page.getByRole("button", { name: zh.next }).click();
  await expect(page.getByText("本步骤还有 1 处需要修改")).toBeVisible();
  await expect(page.getByLabel(zh.supplier)).toBeFocused();
  await stepOne(page, zh);
  await stepTwo(page, zh);
  await expect(page).toHaveURL(/apply\/3$/);
  await stepThree(page, zh, { upload: false });

  // Four wrong inputs, four right messages, nothing else lost.
  await page.getByRole("textbox", { name: zh.uscc, exact: true }).fill("911101085636549483");
  await page.getByRole("textbox", { name: zh.uscc, exact: true }).blur();
  await expect(page.locator("#app-uscc-error")).toHaveText("统一社会信用代码校验位不正确：按前 17 位计算应为 2，实际为 3");
  await expect(page.getByRole("textbox", { name: zh.uscc, exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.locator("#app-licence").setInputFiles(files.bigPng);
  await expect(page.locator("#app-licence-error")).toContainText("文件不能超过 2.0 MB，所选 PNG 图片为 3.0 MB");
  await page.locator("#app-licence").setInputFiles(files.pdfAsPng);
  await expect(page.locator("#app-licence-error")).toContainText("所选文件实际是 PDF");
  await expect(page.getByRole("textbox", { name: zh.companyName, exact: true })).toHaveValue(company);
  // The same code typed in full width, lower case, with spaces and a dash: once the
  // field is left it shows the one spelling that is stored.
  await page.getByRole("textbox", { name: zh.uscc, exact: true }).fill(" ９１４４ 0300-7084 6113 6t ");
  await page.getByRole("textbox", { name: zh.uscc, exact: true }).blur();
  await expect(page.getByRole("textbox", { name: zh.uscc, exact: true })).toHaveValue(uscc);
  await expect(page.locator("#app-uscc-error")).toBeEmpty();
  // One byte over 2 MiB: the sizes are told apart; a file that only starts like a PNG.
  await page.locator("#app-licence").setInputFiles(files.exactlyOverLimit);
  await expect(page.locator("#app-licence-error")).toContainText("文件不能超过 2,097,152 B，所选 PNG 图片为 2,097,153 B");
  await page.locator("#app-licence").setInputFiles(files.fakePng);
  await expect(page.locator("#app-licence-error")).toContainText("无法作为图片打开");
  await expect(page.locator("img.pc-thumb")).toHaveCount(0);
  await page.locator("#app-licence").setInputFiles(files.licence);
  await expect(page.locator("#app-licence-error")).toBeEmpty();
  await expect(page.locator("img.pc-thumb")).toHaveCount(1);
  await page.getByRole("button", { name: zh.next }).click();
  await expect(page).toHaveURL(/apply\/4$/);

  await stepFour(page, zh);
  await page.getByRole("textbox", { name: zh.bankName, exact: true }).fill("李雷");
  await page.getByRole("textbox", { name: zh.bankName, exact: true }).blur();
  await expect(page.locator("#app-bank-name-error")).toHaveText(`银行开户名“李雷”与公司名称“${company}”不一致`);
  // The account number shows by its last four digits unless revealed.
  await expect(page.getByRole("textbox", { name: zh.number, exact: true })).toHaveValue("•••• 0601");
  await page.getByRole("button", { name: "显示完整账号" }).click();
  await expect(page.getByRole("textbox", { name: zh.number, exact: true })).toHaveValue("7559 1234 5610 601");
  await page.getByRole("textbox", { name: zh.bankName, exact: true }).fill(company);

  // Reload in the middle of step 4: same step, every field, both images.
  await expect(page.getByText(zh.saved)).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/apply\/4$/);
  await expect(page.getByRole("textbox", { name: zh.contact, exact: true })).toHaveValue("李雷");
  await expect(page.getByRole("textbox", { name: zh.phone, exact: true })).toHaveValue("+86 193-1234-5678");
  await expect(page.getByRole("textbox", { name: zh.bankName, exact: true })).toHaveValue(company);
  await expect(page.locator("img.pc-thumb")).toHaveCount(1);
  await page.getByRole("button", { name: "上一步" }).click();
  await expect(page.getByRole("textbox", { name: zh.uscc, exact: true })).toHaveValue(uscc);
  await expect(page.locator("img.pc-thumb")).toHaveCount(1);
  await page.getByRole("button", { name: zh.next }).click();
  await page.getByRole("button", { name: zh.next }).click();

  // Review every field, then submit: the application freezes.
  await expect(page).toHaveURL(/apply\/5$/);
  await expect(page.getByTestId("application-summary")).toContainText("•••• 0601");
  await expect(page.getByTestId("application-summary")).not.toContainText("7559 1234 5610 601");
  // The summary reads as a list of fields (not the money pages' big figures); there is
  // no history yet, so no empty history heading under the submit button.
  await expect(page.getByTestId("application-summary").locator("dd").first()).toHaveCSS("font-size", "14px");
  await expect(page.getByTestId("application-summary").locator("dd").first()).toHaveCSS("font-weight", "400");
  await expect(page.getByRole("heading", { name: "状态记录" })).toBeHidden();
  await page.getByRole("button", { name: zh.submit }).click();
  await expect(page.getByTestId("application-state")).toContainText(zh.submitted);
  await page.goto("apply/4");
  await expect(page.getByRole("textbox", { name: zh.contact, exact: true })).toBeDisabled();

  // The channel manager rejects with a reason (required).
  await review(page, zh, async () => {
    await page.getByRole("button", { name: "驳回" }).click();
    await expect(page.locator("#review-reason-error")).toHaveText("驳回原因为必填项");
    await page.getByLabel("驳回原因").fill("银行账号证明不清晰，请重新上传");
    await page.getByLabel("退回到步骤").selectOption({ label: "联系方式与银行信息" });
    await page.getByRole("button", { name: "驳回" }).click();
    await expect(page.getByTestId("review-state")).toContainText(zh.rejected);
    // The decision is confirmed (this used to panic), and the history names roles.
    await expect(page.getByRole("status").filter({ hasText: "已驳回，申请人将看到原因并返回修改。" })).toBeVisible();
    await expect(page.getByTestId("application-history")).toContainText("渠道经理");
    await expect(page.getByTestId("application-history")).not.toContainText("manager");
    // The manager works for the provider: the header does not carry the partner's name.
    await expect(page.getByTestId("company-name")).toHaveText("服务商 · 渠道管理");
  });

  // The applicant sees the reason, fixes and resubmits.
  await role(page, zh, zh.visitor);
  await page.goto("apply");
  await expect(page.getByTestId("rejection")).toContainText("银行账号证明不清晰，请重新上传");
  await page.getByRole("button", { name: "返回修改" }).click();
  await expect(page).toHaveURL(/apply\/4$/);
  await page.locator("#app-bank-proof").setInputFiles({ ...files.proof, name: "clear-proof.jpg" });
  await page.getByRole("button", { name: zh.next }).click();
  await page.getByRole("button", { name: zh.submit }).click();
  await expect(page.getByTestId("application-state")).toContainText(zh.submitted);
  await expect(page.getByTestId("application-history")).toContainText("银行账号证明不清晰");

  await review(page, zh, async () => {
    await page.getByRole("button", { name: "通过" }).click();
    await expect(page.getByTestId("review-state")).toContainText(zh.approved);
    await expect(page.getByRole("status").filter({ hasText: "已通过：申请人已成为合作伙伴" })).toBeVisible();
  });

  // The applicant is a partner now.
  await role(page, zh, zh.visitor);
  await page.goto("apply");
  await expect(page.getByTestId("application-approved")).toContainText(`恭喜！${company} 已成为腾讯云合作伙伴。`);
  await role(page, zh, zh.main);
  await expect(page.getByTestId("company-name")).toHaveText(company);
  // Admission gave the partner account its UIN: the termination email names it.
  await page.goto("termination");
  await expect(page.getByLabel("合作伙伴 UIN")).toHaveValue(/^\d{12}$/);
  await expect(page.getByTestId("termination-email")).toContainText(await page.getByLabel("合作伙伴 UIN").inputValue());
});

test("the happy path in en-US", async ({ page }) => {
  await page.goto("apply");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { name: "Partner application" })).toBeVisible();
  await stepOne(page, en);
  await stepTwo(page, en);
  await stepThree(page, en);
  await page.getByRole("button", { name: en.next }).click();
  await stepFour(page, en);
  await page.getByRole("button", { name: en.next }).click();
  await page.getByRole("button", { name: en.submit }).click();
  await expect(page.getByTestId("application-state")).toContainText(en.submitted);
  await review(page, en, async () => {
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByTestId("review-state")).toContainText(en.approved);
  });
  // Local mode's one browser switches back; on a server the applicant's own account has
  // become the partner's main account.
  if (page.pcMode === "remote") await role(page, en, en.main);
  else await role(page, en, en.visitor);
  await page.goto("apply");
  await expect(page.getByTestId("application-approved")).toContainText(`Congratulations! ${company} is now a partner.`);
});

test("the wizard works with the keyboard alone", async ({ page }) => {
  await page.goto("apply");
  await expect(page.getByRole("heading", { name: "供应商关系申报", level: 2 })).toBeVisible();
  await page.getByLabel(zh.supplier).focus();
  await page.keyboard.press("Space");
  await expect(page.getByLabel(zh.supplier)).toBeChecked();
  await page.getByRole("button", { name: zh.next }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/apply\/2$/);
  await expect(page.locator("#pc-step-heading")).toBeFocused();
  // Radios: arrow keys move the choice within a group.
  await page.getByRole("radio", { name: zh.wechat, exact: true }).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "QQ", exact: true })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("radio", { name: "法定代表人人脸识别" })).toBeFocused();
});

test("remote: \"next\" during a slow upload goes on once it is stored; a field the server refuses on submit is shown at that field, on its step", async ({ page, mode }) => {
  test.skip(mode === "local", "a server's 422");
  await page.goto("apply");
  await stepOne(page, zh);
  await stepTwo(page, zh);
  await stepThree(page, zh);
  await page.getByRole("button", { name: zh.next }).click();
  // A slow upload: "next" waits for it instead of calling the file missing.
  await fault(page, { method: "POST", path: "^/blobs$", delayMs: 1500 });
  await stepFour(page, zh, { wait: false });
  await page.getByRole("button", { name: zh.next }).click();
  await expect(page.getByRole("alert")).toHaveText("文件仍在上传，上传完成后将自动进入下一步。");
  await expect(page.locator("#app-bank-proof-error")).toHaveText("");
  await expect(page).toHaveURL(/apply\/5$/);
  await expect(page.getByText(zh.saved)).toBeVisible();
  await fault(page, {
    method: "PUT", path: "^/applications/", status: 422,
    body: { errors: [{ field: "bank_account_number", code: "bank_unknown", message: "该账号在开户银行查无记录" }] },
  });
  await page.getByRole("button", { name: zh.submit }).click();
  await expect(page).toHaveURL(/apply\/4$/);
  await expect(page.locator("#app-bank-number-error")).toHaveText("服务器未接受银行账号：该账号在开户银行查无记录");
  await page.getByRole("button", { name: "显示完整账号" }).click();
  await expect(page.getByRole("textbox", { name: zh.number, exact: true })).toHaveValue("7559 1234 5610 601");
  // Correcting it clears the server's message; the submission then goes through.
  await page.getByRole("textbox", { name: zh.number, exact: true }).fill("7559 1234 5610 602");
  await expect(page.locator("#app-bank-number-error")).toHaveText("");
  await page.getByRole("button", { name: zh.next }).click();
  await page.getByRole("button", { name: zh.submit }).click();
  await expect(page.getByTestId("application-state")).toContainText(zh.submitted);
});

test("steps ③ to ⑥ are a module of their own: fetched from step ② on, a failed fetch said with a retry", async ({ page }) => {
  // The browser logs the failed fetch, and the split loader logs its error.
  page.pcExpectedConsole = /console error: (Failed to load resource|TypeError|CompileError)/;
  const fetched = [];
  page.on("request", (r) => {
    const m = /\/(split_\w+)-[0-9a-f]+\.wasm$/.exec(new URL(r.url()).pathname);
    if (m) fetched.push(m[1]);
  });
  const later = /\/split_later_steps-[0-9a-f]+\.wasm$/;
  await page.route(later, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto("apply");
  await expect(page.getByLabel(zh.supplier)).toBeVisible();
  await page.waitForTimeout(300);
  expect(fetched).toContain("split_apply");
  expect(fetched).not.toContain("split_later_steps");
  await stepOne(page, zh);
  // Step ② asks for the later steps ahead of "next".
  await expect(page.getByRole("radio", { name: zh.wechat, exact: true })).toBeVisible();
  await expect.poll(() => fetched.includes("split_later_steps")).toBe(true);
  await stepTwo(page, zh);
  await expect(page).toHaveURL(/apply\/3$/);
  await expect(page.getByRole("alert").filter({ hasText: "网络可能已断开" })).toBeVisible();
  // The network is back: asking again draws the step, and step ②'s answers are kept.
  await page.unroute(later);
  await page.getByRole("button", { name: "重新下载" }).click();
  await expect(page.getByRole("textbox", { name: zh.companyName, exact: true })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "网络可能已断开" })).toHaveCount(0);
  await page.getByRole("button", { name: "上一步" }).click();
  await expect(page.getByRole("textbox", { name: zh.verifiedName, exact: true })).toHaveValue(company);
});
