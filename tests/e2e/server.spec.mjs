// Two browsers, two people, one server (issue 34): a visitor applies in one browser, a
// channel manager approves in another, and the new partner — signed in as the same
// account — then sees its profile, its certificate flow and its money pages; a second
// partner sees none of the first's data, in the app or asking the API directly.
import { test, expect, otherBrowser, apiAs, sampleData, givePassword, SERVER_APP } from "./modes.mjs";
import { company, uscc, zh, stepOne, stepTwo, stepThree, stepFour } from "./applying.mjs";

test("two browsers: applied here, approved there; the new partner works and another partner sees nothing", async ({ page, browser, mode }) => {
  test.skip(mode === "local", "people at two desks share a server, not a browser");
  test.setTimeout(120_000);
  // Browser 1, the visitor: the whole application.
  await page.goto("apply");
  await stepOne(page, zh);
  await stepTwo(page, zh);
  await stepThree(page, zh);
  await page.getByRole("button", { name: zh.next }).click();
  await stepFour(page, zh);
  await page.getByRole("button", { name: zh.next }).click();
  await page.getByRole("button", { name: zh.submit }).click();
  await expect(page.getByTestId("application-state")).toContainText(zh.submitted);

  // Browser 2, the channel manager: the queue shows it; approve.
  const manager = await otherBrowser(browser, page, "manager", { locale: "zh-CN" });
  await manager.goto("review");
  await manager.getByTestId("review-table").getByRole("link", { name: company }).click();
  await expect(manager.getByTestId("application-summary")).toContainText(uscc);
  // The applicant's files come from the server, read by the manager's session.
  await expect(manager.getByTestId("application-summary").locator("img")).toHaveCount(2);
  await manager.getByRole("button", { name: "通过", exact: true }).click();
  await expect(manager.getByTestId("review-state")).toContainText(zh.approved);

  // Browser 1 again: the same account is now the partner's main account.
  await page.goto("profile");
  await expect(page.getByTestId("company-name")).toHaveText(company);
  await expect(page.locator("#app-company-name")).toHaveValue(company);
  await page.goto("certificate");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: /申请/ }).first()).toBeVisible();
  // The provider imports its money data; the partner reads it.
  await page.goto("statements");
  await sampleData(page, { rows: 1000, last: "2026-10" });
  await expect(page.getByTestId("total-rows")).toHaveText("1000");
  await page.goto("settlements");
  await expect(page.getByRole("link", { name: /2026-10/ }).first()).toBeVisible();

  // A second partner, at a third desk: not a partner of anything it can see here…
  const other = await otherBrowser(browser, page, "main", { tenant: `${page.pcTenant}-other`, locale: "zh-CN" });
  await other.goto("profile");
  await expect(other.getByTestId("company-name")).not.toHaveText(company);
  await other.goto("statements");
  await expect(other.getByTestId("total-rows")).toHaveCount(0);
  // …and asking the API for the first partner's records by their address finds nothing.
  const first = (await apiAs(page.pcTenant, "main", "GET", "/session")).body.partner_id;
  expect(first).toMatch(/^\d{12}$/);
  for (const path of [`/partners/${first}/profiles/partner`, `/partners/${first}/statements`, `/applications/${first}`]) {
    expect((await apiAs(`${page.pcTenant}-other`, "main", "GET", path)).status, path).toBe(404);
  }
  await manager.context().close();
  await other.context().close();
});

test("the app the server serves signs in and out: errors at the field, the cookie out of scripts' reach, a manager picks a partner", async ({ browser, page, mode }) => {
  test.skip(mode === "local", "the server's own sign-in");
  const tenant = page.pcTenant;
  const email = await givePassword(tenant, "main", "a-long-password-2026");
  const context = await browser.newContext({ baseURL: SERVER_APP, locale: "zh-CN" });
  const app = await context.newPage();
  const errors = [];
  app.on("pageerror", (e) => errors.push(String(e)));
  app.on("console", (m) => m.type() === "error" && !/status of (401|404)/.test(m.text()) && errors.push(m.text()));
  await app.goto("statements");
  // Nobody is signed in: the sign-in page, its heading focused, in place of the page.
  const heading = app.getByRole("heading", { level: 1, name: "登录合作伙伴控制台" });
  await expect(heading).toBeFocused();
  await expect(app.getByRole("navigation")).toHaveCount(0);
  // Empty fields are named at the field; the first is focused.
  await app.getByRole("button", { name: "登录", exact: true }).click();
  await expect(app.locator("#sign-in-email-error")).toHaveText("邮箱为必填项");
  await expect(app.locator("#sign-in-password-error")).toHaveText("密码为必填项");
  await expect(app.getByLabel("邮箱")).toBeFocused();
  // A wrong password: said without saying which field; the address stays, the password goes.
  await app.getByLabel("邮箱").fill(email);
  await app.getByLabel("密码").fill("wrong-password");
  await app.getByLabel("密码").press("Enter");
  await expect(app.getByRole("alert").filter({ hasText: "邮箱或密码不正确。" })).toBeVisible();
  await expect(app.getByLabel("邮箱")).toHaveValue(email);
  await expect(app.getByLabel("密码")).toHaveValue("");
  await expect(app.getByLabel("密码")).toBeFocused();
  // The keyboard alone signs in; the page asked for opens.
  await app.keyboard.type("a-long-password-2026");
  await app.keyboard.press("Enter");
  await expect(app.getByTestId("current-role")).toContainText("主账号");
  await expect(app.getByRole("heading", { level: 1 })).not.toHaveText("登录合作伙伴控制台");
  await expect(app).toHaveURL(/\/partners\/statements$/);
  // The session is an HttpOnly cookie: no script reads it, nothing is in storage.
  expect(await app.evaluate(() => document.cookie)).not.toContain("pc_session");
  const cookie = (await context.cookies()).find((c) => c.name === "pc_session");
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Strict");
  expect(await app.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(cookie.value);
  // Signing out ends it on the server too: a reload asks to sign in again.
  await app.getByRole("button", { name: "退出登录" }).click();
  await expect(heading).toBeVisible();
  await app.reload();
  await expect(app.getByRole("heading", { level: 1, name: "登录合作伙伴控制台" })).toBeVisible();

  // A channel manager with two partners picks the one to work on; the pages follow.
  await sampleData(page, { rows: 1000, last: "2026-10" });
  const managerEmail = await givePassword(tenant, "manager", "another-long-password");
  await app.getByLabel("邮箱").fill(managerEmail);
  await app.getByLabel("密码").fill("another-long-password");
  await app.getByRole("button", { name: "登录", exact: true }).click();
  await expect(app.getByTestId("current-role")).toContainText("渠道经理");
  const picker = app.getByLabel("当前合作伙伴");
  await expect(picker.locator("option")).toHaveCount(1);
  await app.goto("statements");
  await expect(app.getByTestId("total-rows")).toHaveText("1000");
  expect(errors).toEqual([]);
  await context.close();
});
