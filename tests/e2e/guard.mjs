// What every scenario checks besides its own assertions: the page raised no error, logged
// no console error (a wasm panic reaches the console through the panic hook), and every
// page it visited passes axe-core's WCAG 2.1 A/AA rules. A scenario that passes while the
// page panicked would be no test.
import AxeBuilder from "@axe-core/playwright";

/** Console lines that are the network's, not the page's: a remote-mode 404 for a record
 * that does not exist yet, a scripted 5xx or an unreachable server. The app reports
 * those in its own words; the browser adds this line for every such response. */
const NETWORK_NOISE = /^Failed to load resource: /;

/** Starts listening on a page (every page of the context, tabs included). */
export function watchPage(page, problems, visited) {
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("crash", () => problems.push("page crashed"));
  page.on("console", (m) => {
    if (m.type() === "error" && !NETWORK_NOISE.test(m.text())) {
      problems.push(`console error: ${m.text()}`);
    }
  });
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) visited.add(frame.url());
  });
}

/** Pages already checked by axe in this worker, by mode, role and route shape: the same
 * page in the same role needs one check, not one per scenario. */
const checked = new Set();

function routeShape(url) {
  const u = new URL(url);
  // Ids (application, customer, settlement, announcement) become one placeholder.
  return u.pathname.replace(/\/(review|customers|settlements|announcements)\/[^/]+$/, "/$1/:id");
}

/** Runs axe on the page as it is now; returns the violations as readable lines. */
export async function axeViolations(page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`,
  );
}

/** After a scenario: axe on the page as the scenario left it, then on every other app
 * page it visited (reopened with the stored state the scenario left). */
export async function checkVisited(page, mode, visited, problems) {
  if (page.isClosed()) return;
  const role = async () => (await page.getByTestId("current-role").textContent({ timeout: 2000 }).catch(() => "")) || "";
  const check = async (url) => {
    const key = `${mode}|${await role()}|${routeShape(url)}`;
    if (checked.has(key)) return;
    checked.add(key);
    for (const line of await axeViolations(page)) problems.push(`axe on ${routeShape(url)}: ${line}`);
  };
  const current = page.url();
  if (current.includes("/partners/")) await check(current);
  for (const url of visited) {
    if (!url.includes("/partners/") || routeShape(url) === routeShape(current)) continue;
    const key = `${mode}|${await role()}|${routeShape(url)}`;
    if (checked.has(key)) continue;
    await page.goto(url);
    await page.locator("main h1").first().waitFor({ timeout: 10_000 }).catch(() => {});
    await check(url);
  }
}
