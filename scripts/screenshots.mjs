// Screenshots of every page at phone (390 px) and laptop (1280 px) width in both
// languages, from the release build with sample data: `make screenshots` writes them to
// target/screenshots/<lang>-<width>-<page>.png (and says when a page is wider than the
// screen). Usage: node scripts/screenshots.mjs <dist dir> [out dir]
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

const dist = process.argv[2] || "target/dist-e2e";
const out = process.argv[3] || "target/screenshots";
const port = 4190;
const base = `http://127.0.0.1:${port}/partners/`;
mkdirSync(out, { recursive: true });

const NAME = "深圳示例科技有限公司";
const profile = {
  company_name: NAME, uscc: "91440300708461136T", contact_person: "李雷", phone: "13800138000",
  email: "li@example.com", qq: "12345", mailing_address: "深圳市南山区科技园", bank_account_name: NAME,
  bank: "招商银行", bank_location: "深圳", bank_branch: "科技园支行", bank_account_number: "6225880112345678",
  bank_proof: null, partner_type: "Agent", website: "www.example.com", account_id: "100012345678",
};

/** Every page, as the role that sees the most of it. */
export const PAGES = [
  ["home", "", "MainAccount"],
  ["eligibility", "eligibility", "Visitor"],
  ["apply", "apply/1", "Visitor"],
  ["review", "review", "ChannelManager"],
  ["profile", "profile", "MainAccount"],
  ["certificate", "certificate", "MainAccount"],
  ["termination", "termination", "MainAccount"],
  ["announcements", "announcements", "MainAccount"],
  ["customers", "customers", "MainAccount"],
  ["statements", "statements", "MainAccount"],
  ["settlements", "settlements", "MainAccount"],
  ["settlement-sheet", "settlements/2026-01", "MainAccount"],
  ["learners", "learners", "MainAccount"],
  ["join", "join", "SubAccount"],
  ["settings", "settings", "MainAccount"],
  ["todos", "todos", "MainAccount"],
  ["reconciliation", "reconciliation", "MainAccount"],
  ["help", "help/settlement", "MainAccount"],
  ["home-manager", "", "ChannelManager"],
  ["home-visitor", "", "Visitor"],
];

const server = spawn("node", ["tests/e2e/serve.mjs", dist, "/partners/", String(port)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
let wide = 0;
try {
  for (const lang of ["zh-CN", "en-US"]) {
    for (const width of [390, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 860 }, locale: lang });
      const page = await context.newPage();
      page.on("dialog", (d) => d.accept());
      const session = (role) => page.evaluate(([role, name]) => {
        localStorage.setItem("pc/session", JSON.stringify({ v: 1, rev: 1, data: { role, account_id: "100012345678", company_name: name } }));
      }, [role, NAME]);
      await page.goto(base + "settings");
      await page.evaluate(([p, lang]) => {
        localStorage.setItem("pc/r/profiles/partner", JSON.stringify({ v: 1, rev: 1, data: p }));
        localStorage.setItem("pc/settings", JSON.stringify({ v: 1, rev: 1, data: { lang } }));
      }, [profile, lang]);
      await session("MainAccount");
      await page.goto(base + "statements");
      await page.locator("#stmt-sample-size").selectOption("1000");
      await page.locator("#stmt-sample-month").fill("2026-02");
      await page.locator("button").filter({ hasText: lang === "zh-CN" ? "加载示例数据" : "Load sample data" }).click();
      await page.getByTestId("total-rows").filter({ hasText: "1000" }).waitFor();
      for (const [name, path, role] of PAGES) {
        await session(role);
        await page.goto(base + path);
        await page.locator("main h1").first().waitFor();
        await page.waitForTimeout(400);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) {
          wide += 1;
          console.log(`wider than the screen by ${overflow} px: ${lang} ${width} ${name}`);
        }
        await page.screenshot({ path: `${out}/${lang}-${width}-${name}.png`, fullPage: true });
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`${PAGES.length * 4} screenshots in ${out}; ${wide} wider than the screen`);
