import { chromium } from "@playwright/test";
const base = process.argv[2] || "http://127.0.0.1:4180/partners/";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const width of [1280, 390]) {
  const ctx = await b.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
  const p = await ctx.newPage();
  p.on("dialog", (d) => d.accept());
  p.on("pageerror", (e) => console.log("PAGEERROR", e.message));
  p.on("console", (m) => m.type() === "error" && console.log("CONSOLE", m.text().slice(0, 200)));
  await p.goto(base + "settings");
  await p.evaluate(() => localStorage.setItem("pc/session", JSON.stringify({ v: 1, rev: 1, data: { role: "MainAccount", account_id: "100012345678", company_name: "深圳示例科技有限公司" } })));
  await p.goto(base + "statements");
  await p.locator("#stmt-sample-size").selectOption("1000");
  await p.locator("#stmt-sample-month").fill("2026-02");
  await p.getByRole("button", { name: "加载示例数据" }).click();
  await p.getByTestId("total-rows").filter({ hasText: "1000" }).waitFor();
  await p.waitForTimeout(500);
  await p.screenshot({ path: `/tmp/shots/statements-${width}.png`, fullPage: true });
  await p.goto(base + "settlements");
  await p.waitForTimeout(800);
  await p.screenshot({ path: `/tmp/shots/settlements-${width}.png`, fullPage: true });
  await p.goto(base + "settlements/2026-01");
  await p.waitForTimeout(800);
  await p.screenshot({ path: `/tmp/shots/sheet-${width}.png`, fullPage: true });
  await ctx.close();
}
await b.close();
