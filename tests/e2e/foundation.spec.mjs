// The foundation as a user meets it: language, roles, backup, corrupt data, embedding,
// deep links under a sub-path.
import { test, expect, localOnly, becomeRole, backendUrl } from "./modes.mjs";
import { WORDS } from "./words.mjs";

test("opens in zh-CN by default, even for an English browser", async ({ page, mode }) => {
  await page.goto("./");
  await expect(page.getByRole("heading", { name: "欢迎使用合作伙伴控制台" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("current-role")).toContainText("访客");
  await expect(page.getByText(mode === "local" ? "本地模式" : "远程模式")).toBeVisible();
});

test("remote mode: the role is the server's, and there is no demo switch", async ({ page, mode }) => {
  test.skip(mode === "local", "the role of a remote session");
  await page.goto("./");
  await expect(page.getByTestId("current-role")).toContainText("访客");
  await expect(page.getByLabel(WORDS["zh-CN"].roleSwitch)).toHaveCount(0);
  await becomeRole(page, null, WORDS["zh-CN"].manager);
  await expect(page.getByTestId("manager-queues")).toContainText("待审核申请");
  await page.goto("settings");
  await expect(page.getByText(backendUrl(page))).toBeVisible();
  // Backups and clearing are browser-storage tools: the server keeps remote data.
  await expect(page.getByRole("button", { name: "导出备份" })).toHaveCount(0);
});

test("switching to en-US changes the strings and survives a reload", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { name: "Welcome to Partner Console" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en-US");
  await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Welcome to Partner Console" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en-US");
  await page.getByRole("button", { name: /中文/ }).click();
  await expect(page.getByRole("heading", { name: "欢迎使用合作伙伴控制台" })).toBeVisible();
});

test("the demo role switch changes the header and what home offers", async ({ page, mode }) => {
  localOnly(mode, "the demo role switch");
  await page.goto("./");
  await page.getByLabel(WORDS["zh-CN"].roleSwitch).selectOption({ label: WORDS["zh-CN"].manager });
  await expect(page.getByTestId("current-role")).toContainText("渠道经理");
  await expect(page.getByTestId("manager-queues")).toContainText("待审核申请");
  await page.reload();
  await expect(page.getByTestId("current-role")).toContainText("渠道经理");
});

test("a change in one tab shows in the other", async ({ context, mode }) => {
  localOnly(mode, "tabs share browser storage");
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto("./");
  await b.goto("./");
  await expect(b.getByTestId("current-role")).toContainText("访客");
  await a.getByLabel(WORDS["zh-CN"].roleSwitch).selectOption({ label: WORDS["zh-CN"].sub });
  await expect(b.getByTestId("current-role")).toContainText("子账号（员工）");
});

test("backup, clear and restore bring the data back", async ({ page, mode }, info) => {
  localOnly(mode, "backups are of browser storage");
  await page.goto("settings");
  await page.getByLabel(WORDS["zh-CN"].roleSwitch).selectOption({ label: WORDS["zh-CN"].main });
  await expect(page.getByTestId("current-role")).toContainText("主账号");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "导出备份" }).click();
  const download = await downloading;
  const file = info.outputPath("backup.json");
  await download.saveAs(file);
  await expect(page.getByRole("status").filter({ hasText: "已导出备份" })).toBeVisible();

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "清除本地数据" }).click();
  await expect(page.getByTestId("current-role")).toContainText("访客");

  await page.getByLabel("备份文件").setInputFiles(file);
  await expect(page.getByRole("status").filter({ hasText: "已从备份恢复" })).toBeVisible();
  await expect(page.getByTestId("current-role")).toContainText("主账号");
  await page.reload();
  await expect(page.getByTestId("current-role")).toContainText("主账号");
});

test("a malformed or newer backup is refused and changes nothing", async ({ page, mode }, info) => {
  localOnly(mode, "backups are of browser storage");
  await page.goto("settings");
  await page.getByLabel(WORDS["zh-CN"].roleSwitch).selectOption({ label: WORDS["zh-CN"].manager });
  const bad = info.outputPath("bad.json");
  const fs = await import("node:fs");
  fs.writeFileSync(bad, "{ this is not json");
  await page.getByLabel("备份文件").setInputFiles(bad);
  await expect(page.getByRole("alert")).toContainText("不是合作伙伴控制台的备份文件");
  const newer = info.outputPath("newer.json");
  fs.writeFileSync(newer, JSON.stringify({ format: "partner-console-backup", schema: 9, records: [] }));
  await page.getByLabel("备份文件").setInputFiles(newer);
  await expect(page.getByRole("alert")).toContainText("版本 9");
  await expect(page.getByTestId("current-role")).toContainText("渠道经理");
});

test("corrupt stored data is set aside and reported, the rest keeps working", async ({ page, mode }) => {
  localOnly(mode, "corrupt browser storage");
  await page.goto("./");
  await page.getByLabel(WORDS["zh-CN"].roleSwitch).selectOption({ label: WORDS["zh-CN"].sub });
  await page.evaluate(() => localStorage.setItem("pc/r/customers/bad", "{\"v\":1,\"rev\":1,\"data\":"));
  await page.reload();
  await expect(page.getByTestId("problems-banner")).toContainText("1 项");
  await expect(page.getByTestId("current-role")).toContainText("子账号");
  await page.getByTestId("problems-banner").getByRole("link").click();
  const table = page.getByTestId("problems-table");
  await expect(table).toContainText("pc/r/customers/bad");
  await expect(table).toContainText("内容不是有效的 JSON");
  const downloading = page.waitForEvent("download");
  await table.getByRole("button", { name: "导出原始内容" }).click();
  expect((await downloading).suggestedFilename()).toContain("pc_r_customers_bad");
  page.once("dialog", (d) => d.accept());
  await table.getByRole("button", { name: "丢弃" }).click();
  await expect(page.getByText("没有无法读取的数据。")).toBeVisible();
  await expect(page.getByTestId("problems-banner")).toHaveCount(0);
});

test("deep links under the sub-path load; unknown pages say so", async ({ page }) => {
  await page.goto("settings");
  await expect(page.getByRole("heading", { name: "设置", level: 1 })).toBeVisible();
  await page.goto("no/such/page");
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await page.getByRole("link", { name: "返回首页" }).click();
  await expect(page).toHaveURL(/\/partners\/$/);
  await expect(page.getByRole("heading", { name: "欢迎使用合作伙伴控制台" })).toBeVisible();
});

test("keyboard: skip link and navigation work without a mouse", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByRole("heading", { name: "欢迎使用合作伙伴控制台" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "跳到主要内容" })).toBeFocused();
  await page.getByRole("link", { name: "设置" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "设置", level: 1 })).toBeVisible();
});

test("embedding: mounts into the host, leaves the host's styles alone, unmounts completely", async ({ page }) => {
  await page.goto("embed.html?locale=en-US");
  const hostStyle = () =>
    page.evaluate(() => {
      const h1 = getComputedStyle(document.querySelector("h1"));
      const body = getComputedStyle(document.body);
      const button = getComputedStyle(document.querySelector("#mount"));
      return {
        h1: h1.color,
        h1Size: h1.fontSize,
        bodyFont: body.fontFamily,
        bodyBg: body.backgroundColor,
        button: button.fontFamily,
        lang: document.documentElement.lang,
        title: document.title,
      };
    });
  const before = await hostStyle();
  await page.getByRole("button", { name: "Mount", exact: true }).click();
  const app = page.locator("#partner-slot .pc-root");
  await expect(app.getByRole("heading", { name: "Welcome to Partner Console" })).toBeVisible();
  await expect(app).toHaveAttribute("lang", "en-US");
  // The host's theme colour reached the app.
  const primary = await app.evaluate((el) => getComputedStyle(el).getPropertyValue("--pc-primary").trim());
  expect(primary).toBe("#6b2fb3");
  expect(await hostStyle()).toEqual(before);
  await app.getByRole("link", { name: "Settings" }).click();
  await expect(app.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Unmount", exact: true }).click();
  await expect(page.locator(".pc-root")).toHaveCount(0);
  expect(await page.locator("#partner-slot").evaluate((el) => el.childElementCount)).toBe(0);
  expect(await page.locator("link[data-partner-console-css]").count()).toBe(0);
  expect(await hostStyle()).toEqual(before);
  // Host links are the host's again: the app's router no longer intercepts clicks.
  const intercepted = await page.evaluate(() => {
    // A link the app's router would take over if its window listener were still there.
    const a = document.createElement("a");
    a.href = location.pathname + "/settings";
    document.body.appendChild(a);
    let seen = null;
    const probe = (ev) => {
      seen = ev.defaultPrevented;
      ev.preventDefault();
    };
    window.addEventListener("click", probe);
    a.click();
    window.removeEventListener("click", probe);
    a.remove();
    return seen;
  });
  expect(intercepted).toBe(false);
  // And it mounts again cleanly.
  await page.getByRole("button", { name: "Mount", exact: true }).click();
  await expect(page.locator("#partner-slot .pc-root")).toHaveCount(1);
});
