// Learners: joining by email and by application, the admin's decisions, records that
// count towards eligibility (SPEC §3.12, §3.1).
import { test, expect } from "@playwright/test";

async function role(page, name, label = "演示：切换角色") {
  await page.getByLabel(label).selectOption({ label: name });
  await expect(page.getByTestId("current-role")).toContainText(name);
}

const box = (page, name) => page.getByRole("textbox", { name, exact: true });

async function apply(page, name, account, mobile) {
  await box(page, "企业名称").fill("深圳示例科技有限公司");
  await box(page, "企业 UIN").fill("100012345678");
  await box(page, "姓名").fill(name);
  await box(page, "腾讯云 ID").fill(account);
  await box(page, "手机号").fill(mobile);
  await page.locator("#join-agree").check();
  await page.getByRole("button", { name: "提交", exact: true }).click();
}

async function addExam(page, name) {
  const row = page.getByTestId("learners-table").getByRole("row").filter({ hasText: name });
  await row.getByRole("button", { name: /记录/ }).click();
  const editor = page.getByTestId("records-editor");
  await editor.getByLabel("类型").selectOption({ label: "销售入门基础课程考试" });
  await editor.getByRole("button", { name: "添加记录" }).click();
  await expect(row.getByRole("button", { name: /记录（1）/ })).toBeVisible();
}

test("employees join, the admin decides, records feed eligibility (zh-CN)", async ({ page }) => {
  await page.goto("./");
  await role(page, "主账号（企业管理员）");
  await page.goto("learners");
  await box(page, "邮箱域名").fill("@Example.com");
  await page.getByRole("button", { name: "开通" }).click();
  await expect(page.getByTestId("enabled-domains")).toContainText("example.com");

  await role(page, "子账号（员工）");
  await page.goto("join");
  await box(page, "企业邮箱").fill("a@other.com");
  await page.getByRole("button", { name: "发送验证码" }).click();
  await expect(page.locator("#join-email-error")).toHaveText("邮箱域名 other.com 未开通企业邮箱加入，已开通的域名：example.com");

  // Five wrong codes lock the attempt; even the right code is refused afterwards.
  await box(page, "企业邮箱").fill("c@example.com");
  await page.getByRole("button", { name: "发送验证码" }).click();
  await expect(page.getByTestId("mailbox")).toContainText("c@example.com");
  const lockedCode = (await page.getByTestId("mailbox").textContent()).match(/(\d{6})/)[1];
  await page.locator("#join-email-agree").check();
  const wrong = lockedCode === "000000" ? "111111" : "000000";
  for (const left of [4, 3, 2, 1]) {
    await box(page, "验证码").fill(wrong);
    await page.getByRole("button", { name: "确认加入" }).click();
    await expect(page.locator("#join-code-error")).toHaveText(`验证码错误，还可尝试 ${left} 次`);
  }
  await box(page, "验证码").fill(wrong);
  await page.getByRole("button", { name: "确认加入" }).click();
  await expect(page.locator("#join-code-error")).toHaveText("验证码错误次数过多，请重新获取验证码");
  await box(page, "验证码").fill(lockedCode);
  await page.getByRole("button", { name: "确认加入" }).click();
  await expect(page.locator("#join-code-error")).toHaveText("验证码错误次数过多，请重新获取验证码");

  // The right code on an enabled domain: active at once.
  await box(page, "企业邮箱").fill("b@example.com");
  await page.getByRole("button", { name: "发送验证码" }).click();
  await expect(page.getByTestId("mailbox")).toContainText("b@example.com");
  const code = (await page.getByTestId("mailbox").textContent()).match(/(\d{6})/)[1];
  await box(page, "验证码").fill(code);
  await page.getByRole("button", { name: "确认加入" }).click();
  await expect(page.getByText("b@example.com 已激活，可以开始学习。")).toBeVisible();
  await expect(page.getByTestId("my-requests")).toContainText("已激活");

  // Three account applications; an invalid mobile is refused at the field, input kept.
  await apply(page, "韩梅梅", "200001", "1391234567");
  await expect(page.locator("#join-mobile-error")).toHaveText("手机号应为 11 位，当前为 10 位");
  await expect(box(page, "姓名")).toHaveValue("韩梅梅");
  await box(page, "手机号").fill("13912345678");
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByText("申请已提交")).toBeVisible();
  await apply(page, "李雷", "200002", "19312345678");
  await apply(page, "王芳", "200003", "13712345678");
  await expect(page.getByTestId("my-requests").getByText("待审批")).toHaveCount(3);

  // The admin approves two at once and rejects one with a reason.
  await role(page, "主账号（企业管理员）");
  await page.goto("learners");
  await page.getByLabel("状态").selectOption({ label: "待审批" });
  const table = page.getByTestId("learners-table");
  await expect(table.getByRole("row")).toHaveCount(4);
  await page.getByLabel("选择 韩梅梅").check();
  await page.getByLabel("选择 李雷").check();
  await page.getByRole("button", { name: "通过所选" }).click();
  await expect(page.getByText("已处理 2 条")).toBeVisible();
  await page.getByLabel("选择 王芳").check();
  await page.getByRole("button", { name: "驳回所选" }).click();
  await expect(page.locator("#learn-reason-error")).toHaveText("驳回原因为必填项");
  await box(page, "驳回原因").fill("非本公司员工");
  await page.getByRole("button", { name: "驳回所选" }).click();
  await expect(page.getByText("已处理 1 条")).toBeVisible();
  await page.getByLabel("状态").selectOption({ label: "已激活" });
  await expect(table.getByRole("row")).toHaveCount(4);
  await page.getByRole("searchbox", { name: "搜索（姓名、手机号、腾讯云 ID）" }).fill("1391234");
  await expect(table.getByRole("row")).toHaveCount(2);
  await page.getByRole("searchbox", { name: "搜索（姓名、手机号、腾讯云 ID）" }).fill("");

  // Records: three active learners pass the sales foundation exam.
  await addExam(page, "韩梅梅");
  await addExam(page, "李雷");
  // The third from a CSV file; a line for an unknown learner is refused by number.
  await page.getByLabel("选择 CSV 文件").setInputFiles({
    name: "records.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("学员,类型,名称,日期\nb@example.com,销售入门基础课程考试,入门考试,2026-10-08\n999999,课程,云基础,2026-10-09\n"),
  });
  await expect(page.getByText("已导入 1 条记录；1 行未导入。")).toBeVisible();
  await expect(page.getByTestId("import-refused")).toHaveText("第 3 行：找不到学员 999999");
  await page.goto("eligibility");
  await expect(page.getByTestId("learner-counts")).toContainText("来自学员记录：3 人");
  const agent = page.getByTestId("elig-agent");
  const requirement = agent.getByRole("listitem").filter({ hasText: "至少 3 人完成合作伙伴销售入门基础课程考试" });
  await expect(requirement).toContainText("满足");
  await expect(requirement).not.toContainText("未满足");

  // Removing one makes it unmet again.
  await page.goto("learners");
  page.once("dialog", (d) => d.accept());
  await page.getByTestId("learners-table").getByRole("row").filter({ hasText: "李雷" }).getByRole("button", { name: "移除" }).click();
  await expect(page.getByTestId("learners-table").getByRole("row").filter({ hasText: "李雷" })).toContainText("已移除");
  await page.goto("eligibility");
  await expect(requirement).toContainText("未满足");
  await expect(requirement).toContainText("当前 2，需要 3");

  // The employee sees their own requests' outcome, and not the admin's page.
  await role(page, "子账号（员工）");
  await page.goto("join");
  await expect(page.getByTestId("my-requests")).toContainText("非本公司员工");
  await expect(page.getByTestId("my-requests")).toContainText("销售入门基础课程考试");
  await page.goto("learners");
  await expect(page.getByText("学员管理仅限企业管理员")).toBeVisible();
  await expect(page.getByTestId("learners-table")).toHaveCount(0);
});

test("joining by email works in en-US too", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("button", { name: /English/ }).click();
  await role(page, "Main account (enterprise admin)", "Demo: switch role");
  await page.goto("learners");
  await box(page, "Email domain").fill("example.com");
  await page.getByRole("button", { name: "Enable" }).click();
  await role(page, "Sub-account (employee)", "Demo: switch role");
  await page.goto("join");
  await box(page, "Enterprise email").fill("a@other.com");
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.locator("#join-email-error")).toHaveText("The domain other.com is not enabled for joining by email; enabled domains: example.com");
  await box(page, "Enterprise email").fill("b@example.com");
  await page.getByRole("button", { name: "Send code" }).click();
  await page.locator("#join-email-agree").check();
  await page.getByRole("button", { name: "Confirm with the link in the email" }).click();
  await expect(page.getByText("b@example.com is active and can start learning.")).toBeVisible();
});
