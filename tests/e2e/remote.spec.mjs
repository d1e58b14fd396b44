// Remote mode when the server misbehaves (issue 7): stopped mid-session, 500 on save,
// 422 naming a field, slow answers — the message is clear, nothing typed is lost, a
// save is sent once. The scenarios of every feature run in remote mode through the other
// specs (the "remote" project); these are about faults, so they run there only.
import { test, expect, plant, startSession, fault, requestLog, backendUrl, serverRecord, serverSession } from "./modes.mjs";

const NAME = "深圳示例科技有限公司";
const profile = {
  company_name: NAME, uscc: "91440300708461136T", contact_person: "李雷", phone: "13800138000", email: "li@example.com",
  qq: "12345", mailing_address: "深圳市南山区科技园", bank_account_name: NAME, bank: "招商银行",
  bank_location: "深圳", bank_branch: "科技园支行", bank_account_number: "6225880112345678",
  bank_proof: "proof-planted", partner_type: "Agent", website: "www.example.com",
};

test.beforeEach(async ({ page, mode }) => {
  test.skip(mode === "local", "faults of a server");
  await page.goto("settings");
  await plant(page, [["profiles", "partner", profile]]);
  await startSession(page, { role: "MainAccount" });
});

/** The profile as the server holds it. */
async function stored(page) {
  return (await serverRecord(page, "profiles", "partner")).data;
}

const putsOfProfile = async (page) =>
  (await requestLog(page)).filter((r) => r.method === "PUT" && r.path.endsWith("/profiles/partner")).length;

test("the server stops mid-session: a clear message, nothing lost, saved once it is back", async ({ page }) => {
  await page.goto("profile");
  await expect(page.locator("#app-contact")).toHaveValue("李雷");
  await fault(page, { down: true });
  await page.locator("#app-contact").fill("韩梅梅");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "无法连接服务器" })).toBeVisible();
  await expect(page.locator("#app-contact")).toHaveValue("韩梅梅");

  // A reload while it is still down: the console says so and offers to try again.
  await page.reload();
  const banner = page.getByTestId("connection-banner");
  await expect(banner).toContainText("无法从服务器读取登录信息");
  await expect(banner).toContainText("无法连接服务器");
  await fault(page, { down: false });
  await banner.getByRole("button", { name: "重试连接" }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId("current-role")).toContainText("主账号");

  // The unconfirmed change comes back into the form; saving now succeeds.
  await expect(page.locator("#app-contact")).toHaveValue("韩梅梅");
  await expect(page.getByRole("status").filter({ hasText: "已恢复" })).toBeVisible();
  expect((await stored(page)).contact_person).toBe("李雷");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存，修改已记入变更记录。" })).toBeVisible();
  expect((await stored(page)).contact_person).toBe("韩梅梅");
  await page.reload();
  await expect(page.locator("#app-contact")).toHaveValue("韩梅梅");
  await expect(page.getByRole("status").filter({ hasText: "已恢复" })).toHaveCount(0);
});

test("a 500 on save: the message, nothing lost, the next save goes through", async ({ page }) => {
  await page.goto("profile");
  await fault(page, { method: "PUT", path: "/profiles/partner$", status: 500 });
  await page.locator("#app-mailing").fill("深圳市福田区 2 号");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "服务器出错（500）" })).toBeVisible();
  await expect(page.locator("#app-mailing")).toHaveValue("深圳市福田区 2 号");
  expect(await putsOfProfile(page)).toBe(1); // a write is never retried on its own
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  expect((await stored(page)).mailing_address).toBe("深圳市福田区 2 号");
});

test("a 422 is shown at the field it names (en-US)", async ({ page }) => {
  await page.goto("profile");
  await page.getByRole("button", { name: /English/ }).click();
  await fault(page, {
    method: "PUT", path: "/profiles/partner$", status: 422,
    body: { errors: [{ field: "phone", code: "mobile_prefix", message: "199 numbers are not accepted" }] },
  });
  await page.locator("#app-phone").fill("19912345678");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#app-phone-error")).toHaveText("The server did not accept Phone: 199 numbers are not accepted");
  await expect(page.locator("#app-phone")).toBeFocused();
  await expect(page.locator("#app-phone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#app-phone")).toHaveValue("19912345678");
  expect((await stored(page)).phone).toBe("13800138000");
});

test("slow answers: a loading indicator, and a double click saves once", async ({ page }) => {
  await fault(page, { method: "GET", path: "/customers$", delayMs: 2000 });
  await page.goto("customers");
  await expect(page.getByTestId("server-activity")).toBeVisible();
  await expect(page.getByTestId("server-activity")).toBeHidden();

  await page.goto("profile");
  await fault(page, { method: "PUT", path: "/profiles/partner$", delayMs: 2000 });
  await page.locator("#app-qq").fill("54321");
  const save = page.getByRole("button", { name: "保存修改" });
  await save.dblclick();
  await expect(save).toBeDisabled();
  await expect(save).toHaveAttribute("aria-busy", "true");
  await expect(page.getByTestId("server-activity")).toHaveText("正在等待服务器响应…");
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await expect(save).toBeEnabled();
  expect(await putsOfProfile(page)).toBe(1);
  expect((await stored(page)).qq).toBe("54321");
});

test("a token the server does not accept: the console says the session ended", async ({ page }) => {
  await page.addInitScript((url) => {
    window.partnerConsoleConfig = { mode: "remote", backendUrl: url, authToken: "expired" };
  }, backendUrl(page));
  await page.goto("./");
  await expect(page.getByTestId("connection-banner")).toContainText("登录已失效");
  await expect(page.getByTestId("current-role")).toContainText("访客");
  // The token is never kept in browser storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain("expired");
  expect(stored).not.toContain("tok-");
});

test("the wizard keeps typing while the server is down, and the draft reaches it later", async ({ page }) => {
  await startSession(page, { role: "Visitor" });
  await page.goto("apply");
  await page.getByLabel("我已完成《腾讯集团供应商关系申报表》申报").check();
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByText("草稿已自动保存")).toBeVisible();
  await fault(page, { down: true });
  await page.getByRole("textbox", { name: "认证企业名称", exact: true }).fill(NAME);
  await expect(page.getByText("无法连接服务器").first()).toBeVisible();
  await fault(page, { down: false });
  await page.reload();
  await expect(page.getByRole("textbox", { name: "认证企业名称", exact: true })).toHaveValue(NAME);
  // Typing on saves the restored draft to the server.
  await page.getByRole("textbox", { name: "认证企业统一社会信用代码", exact: true }).fill("91440300708461136T");
  await expect(page.getByText("草稿已自动保存")).toBeVisible();
  const { account_id } = await serverSession(page, "visitor");
  await expect(async () => {
    const stored = await serverRecord(page, "applications", account_id, "visitor");
    expect(stored.data.form.verified_company_name).toBe(NAME);
  }).toPass();
});

test("the standalone app connects to a backend from its settings; the token is asked for again after a reload", async ({ page, context }) => {
  // A page the test has not configured: the app starts in local mode.
  const p = await context.newPage();
  await p.goto("settings");
  await expect(p.getByText("本地模式", { exact: true })).toBeVisible();
  const url = p.getByRole("textbox", { name: "后端地址" });
  const token = p.getByLabel("访问令牌");
  await url.fill("ftp://example.com");
  await p.getByRole("button", { name: "连接", exact: true }).click();
  await expect(p.locator("#conn-url-error")).toHaveText("后端地址须以 http:// 或 https:// 开头并包含主机名");
  await expect(url).toBeFocused();
  // A token the server refuses: nothing changes.
  await url.fill(backendUrl(page));
  await token.fill("wrong");
  await p.getByRole("button", { name: "连接", exact: true }).click();
  await expect(p.getByRole("alert").filter({ hasText: "登录已失效" })).toBeVisible();
  await expect(p.getByText("本地模式", { exact: true })).toBeVisible();

  await token.fill("tok-main");
  await p.getByRole("button", { name: "连接", exact: true }).click();
  await expect(p.getByText("远程模式", { exact: true })).toBeVisible();
  await expect(p.getByTestId("current-role")).toContainText("主账号");
  await expect(p.getByTestId("company-name")).toHaveText(NAME);
  expect(JSON.stringify(await p.evaluate(() => ({ ...localStorage })))).not.toContain("tok-main");

  // After a reload the address is remembered, the token is not.
  await p.reload();
  await expect(p.getByText("远程模式", { exact: true })).toBeVisible();
  await expect(p.getByTestId("connection-banner")).toContainText("登录已失效");
  await p.getByLabel("访问令牌").fill("tok-main");
  await p.getByRole("button", { name: "连接", exact: true }).click();
  await expect(p.getByTestId("current-role")).toContainText("主账号");
  await expect(p.getByTestId("connection-banner")).toHaveCount(0);

  await p.getByRole("button", { name: "改回本地模式" }).click();
  await expect(p.getByText("本地模式", { exact: true })).toBeVisible();
  await p.reload();
  await expect(p.getByText("本地模式", { exact: true })).toBeVisible();
});
