// Lazy areas: the home page needs only the workbench's, a page fetches its own area and no other,
// a deep link into every area renders, and a module that cannot be fetched is reported
// with a way back — never a blank page or a panic.
import { test, expect, becomeRole, actAs, plant, remoteGap } from "./modes.mjs";
import { WORDS } from "./words.mjs";

/** The area modules and shared chunks the page fetched so far, by area name. */
function areaFetches(page) {
  const seen = [];
  page.on("request", (r) => {
    const m = /\/(split_\w+|chunk_\w+)-[0-9a-f]+\.wasm$/.exec(new URL(r.url()).pathname);
    if (m) seen.push(m[1]);
  });
  return seen;
}

test("opening the home page fetches the workbench's module alone (and remote mode's only in remote mode); the to-do count comes with its own", async ({ page, mode }) => {
  const fetched = areaFetches(page);
  await page.goto("./");
  await expect(page.getByRole("heading", { name: "欢迎使用合作伙伴控制台" })).toBeVisible();
  await expect(page.getByTestId("application-progress")).toBeVisible();
  // Idle a moment: nothing is fetched ahead unless a link is pointed at, and a visitor
  // has no to-dos to count.
  await page.waitForTimeout(500);
  const modules = fetched.filter((f) => f.startsWith("split_"));
  expect(modules).toEqual(mode === "remote" ? ["split_remote", "split_workbench"] : ["split_workbench"]);
  // Signed in with to-dos to count, the header fetches the count's module.
  await actAs(page, "main");
  await expect.poll(() => fetched.includes("split_todo_badge")).toBe(true);
});

test("a statements page fetches the statements area and no other page's; import and sample come when opened", async ({ page, mode }) => {
  remoteGap(mode, "the sample-data tool is local mode's; the scenario needs it");
  // The browser logs the failed fetch, and the split loader logs its error.
  page.pcExpectedConsole = /console error: (Failed to load resource|TypeError|CompileError)/;
  page.on("dialog", (d) => d.accept());
  const fetched = areaFetches(page);
  await page.goto("./");
  await actAs(page, "main");
  // Home's own modules: the workbench and the header's to-do count.
  await expect.poll(() => fetched.includes("split_todo_badge")).toBe(true);
  const home = fetched.length;
  await page.goto("statements");
  await expect(page.getByRole("heading", { name: "返佣对账单", level: 1 })).toBeVisible();
  // Nothing stored yet: the tools open by themselves, their module fetched after the page's.
  await expect(page.locator("#stmt-sample-size")).toBeVisible();
  // (A page load: the header asks for its to-do count again.)
  const modules = fetched.slice(home).filter((f) => f.startsWith("split_") && f !== "split_remote");
  expect(modules.filter((f) => f !== "split_todo_badge")).toEqual(["split_statements", "split_statement_tools"]);
  if (mode === "local") expect(fetched).not.toContain("split_remote");
  await page.locator("#stmt-sample-size").selectOption("1000");
  await page.getByRole("button", { name: "加载示例数据" }).click();
  await expect(page.getByTestId("total-rows")).toHaveText("1000");
  // With statements stored a visit reads them without the tools; opening them fetches the
  // module, and a module that cannot be fetched is said, with a retry.
  await page.route(/\/split_statement_tools-[0-9a-f]+\.wasm$/, (route) => route.fulfill({ status: 404, body: "gone" }));
  const seen = fetched.length;
  await page.reload();
  await expect(page.getByTestId("total-rows")).toHaveText("1000");
  await page.waitForTimeout(300);
  expect(fetched.slice(seen)).not.toContain("split_statement_tools");
  const toggle = page.getByRole("button", { name: "导入对账单或使用示例" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.locator("#stmt-sample-size")).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("alert").filter({ hasText: "网络可能已断开" })).toBeVisible();
  expect(fetched.slice(seen)).toContain("split_statement_tools");
  await page.unroute(/\/split_statement_tools-[0-9a-f]+\.wasm$/);
  await page.getByRole("button", { name: "重新下载" }).click();
  await expect(page.getByLabel("导入对账单（CSV）")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "网络可能已断开" })).toHaveCount(0);
  // Closed again with the keyboard: hidden, not gone.
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.locator("#stmt-sample-size")).toBeHidden();
});

test("statements an earlier version stored as CSV are read, with the import's reader fetched for them", async ({ page, mode }) => {
  // Local mode keeps statements in IndexedDB, which a test cannot seed in the stored
  // form; the native data tests read the same chunks through the in-memory backend.
  test.skip(mode === "local", "seeded through the test server");
  const fetched = areaFetches(page);
  await page.goto("./");
  await actAs(page, "main");
  const csv = [
    "month,customer_uin,customer_name,product,sub_product,payment_mode,consumption,rebate_ratio,rebate",
    "2026-01,100001,甲公司,云服务器 CVM,S5,prepaid,1000.00,10%,100.00",
    "2026-02,100002,乙公司,对象存储 COS,标准存储,postpaid,500.00,5%,25.00",
  ].join("\n");
  await plant(page, [
    ["statements", "g1-0000", { csv }],
    ["statements", "index", { generation: 1, chunks: ["g1-0000"], rows: 2 }],
  ]);
  await page.goto("statements");
  await expect(page.getByTestId("total-rows")).toHaveText("2");
  await expect(page.getByTestId("total-rebate")).toHaveText("¥125.00");
  expect(fetched).toContain("split_statement_tools");
});

// A page of every area, with the role that may open it.
const MAIN = WORDS["zh-CN"].main;
const DEEP_LINKS = [
  ["eligibility", "合作伙伴准入条件自查", MAIN],
  ["apply", "腾讯云合作伙伴申请", MAIN],
  ["review", "合作伙伴申请审核", "渠道经理"],
  ["profile", "合作伙伴信息", MAIN],
  ["customers", "关联代客", MAIN],
  ["statements", "返佣对账单", MAIN],
  ["settlements", "结算与付款", MAIN],
  ["announcements", "通知公告", MAIN],
  ["join", "加入云知伙伴平台", MAIN],
  ["settings", "设置", MAIN],
  ["todos", "待办事项", MAIN],
  ["reconciliation", "主动对账", "渠道经理"],
  ["help/invoice", "帮助与常见问题", MAIN],
];

for (const [path, heading, role] of DEEP_LINKS) {
  test(`a deep link to /${path} renders its page`, async ({ page }) => {
    await page.goto("./");
    await becomeRole(page, WORDS["zh-CN"].roleSwitch, role);
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
  });
}

for (const failure of ["404", "abort"]) {
  test(`an area module that fails to load (${failure}) is reported, and a reload recovers`, async ({ page }) => {
    // The browser logs the failed fetch, and the split loader logs its error.
    page.pcExpectedConsole = /console error: (Failed to load resource|TypeError|CompileError)/;
    await page.goto("./");
    await page.route(/\/split_settings-[0-9a-f]+\.wasm$/, (route) =>
      failure === "404" ? route.fulfill({ status: 404, body: "gone" }) : route.abort("internetdisconnected"),
    );
    await page.getByRole("link", { name: "设置" }).click();
    await expect(page.getByRole("heading", { name: "此页面未能加载", level: 1 })).toBeVisible();
    await expect(page.getByText("网络可能已断开")).toBeVisible();
    // The network is back: the button reloads the page, which now opens.
    await page.unroute(/\/split_settings-[0-9a-f]+\.wasm$/);
    await page.getByRole("button", { name: "重新加载" }).click();
    await expect(page.getByRole("heading", { name: "设置", level: 1 })).toBeVisible();
  });
}

test("the settings page draws without the record check, fetched after it; a restore without it says so", async ({ page, mode }, info) => {
  // The browser logs the failed fetch, and the split loader logs its error.
  page.pcExpectedConsole = /console error: (Failed to load resource|TypeError|CompileError)/;
  const fetched = areaFetches(page);
  await page.goto("./");
  await actAs(page, "main");
  await page.route(/\/split_record_check-[0-9a-f]+\.wasm$/, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto("settings");
  await expect(page.getByRole("heading", { name: "设置", level: 1 })).toBeVisible();
  if (mode === "remote") {
    // A server checks its own records: nothing to sweep, nothing fetched.
    await page.waitForTimeout(300);
    expect(fetched).not.toContain("split_record_check");
    return;
  }
  // Local mode sweeps the stored records once the page is there.
  await expect.poll(() => fetched.includes("split_record_check")).toBe(true);
  expect(fetched.indexOf("split_record_check")).toBeGreaterThan(fetched.indexOf("split_settings"));
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "导出备份" }).click();
  const file = info.outputPath("backup.json");
  await (await downloading).saveAs(file);
  // Without the check nothing is restored, and the page says why.
  await page.getByLabel("备份文件").setInputFiles(file);
  await expect(page.getByRole("alert").filter({ hasText: "网络可能已断开" })).toBeVisible();
  await page.unroute(/\/split_record_check-[0-9a-f]+\.wasm$/);
  await page.getByLabel("备份文件").setInputFiles(file);
  await expect(page.getByRole("status").filter({ hasText: "已从备份恢复" })).toBeVisible();
});

test("the learners page arrives without the records reader, fetched when a file is chosen", async ({ page, mode }) => {
  remoteGap(mode, "the learner records import refuses nothing on the server");
  const fetched = areaFetches(page);
  await page.goto("./");
  await actAs(page, "main");
  await page.goto("learners");
  await expect(page.getByRole("heading", { name: "学员管理", level: 1 })).toBeVisible();
  await page.waitForTimeout(300);
  expect(fetched).toContain("split_learners");
  expect(fetched).not.toContain("split_records_csv");
  await page.getByLabel("选择 CSV 文件").setInputFiles({
    name: "records.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("学员,类型,名称,日期\n999999,course,云基础,2026-10-09\n"),
  });
  await expect(page.getByTestId("import-refused")).toHaveText("第 2 行：找不到学员 999999");
  expect(fetched).toContain("split_records_csv");
});

test("links move in place, back and forward follow, and the navigation marks the page shown", async ({ page, context }) => {
  await page.goto("./");
  await actAs(page, "main");
  const nav = page.getByRole("navigation", { name: "主导航" });
  const current = nav.locator('a[aria-current="page"]');
  await expect(current).toHaveText("首页");
  await nav.getByRole("link", { name: "返佣对账单" }).click();
  await expect(page.getByRole("heading", { name: "返佣对账单", level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/partners/statements");
  await expect(current).toHaveText("返佣对账单");
  await page.goBack();
  await expect(page.getByRole("heading", { name: "欢迎使用合作伙伴控制台" })).toBeVisible();
  await expect(current).toHaveText("首页");
  await page.goForward();
  await expect(page.getByRole("heading", { name: "返佣对账单", level: 1 })).toBeVisible();
  // A click with a modifier is the browser's (here: a new tab); this page stays.
  const opened = context.waitForEvent("page");
  await nav.getByRole("link", { name: "关联代客" }).click({ modifiers: ["Control"] });
  const tab = await opened;
  expect(new URL(tab.url()).pathname).toBe("/partners/customers");
  await tab.close();
  expect(new URL(page.url()).pathname).toBe("/partners/statements");
  await expect(current).toHaveText("返佣对账单");
  // An address no page has marks no entry, even under a known section.
  await page.goto("statements/2026-11");
  await expect(page.getByRole("heading", { name: "页面不存在", level: 1 })).toBeVisible();
  await expect(current).toHaveCount(0);
});

test("paths the route table does not know say so, whatever their shape", async ({ page }) => {
  for (const path of ["nowhere", "statements/2026-11", "review/a/b"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "页面不存在", level: 1 })).toBeVisible();
  }
});

test("remote mode: its module failing to load is reported, and a reload recovers", async ({ page, mode }) => {
  test.skip(mode === "local", "local mode never fetches it");
  page.pcExpectedConsole = /console error: (Failed to load resource|TypeError|CompileError)/;
  await page.route(/\/split_remote-[0-9a-f]+\.wasm$/, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto("./");
  await expect(page.getByRole("heading", { name: "此页面未能加载", level: 1 })).toBeVisible();
  await page.unroute(/\/split_remote-[0-9a-f]+\.wasm$/);
  await page.getByRole("button", { name: "重新加载" }).click();
  await expect(page.getByRole("heading", { name: "欢迎使用合作伙伴控制台" })).toBeVisible();
});
