// The contract of remote mode (public/openapi.yaml, which the reference server serves):
// valid OpenAPI, in step with the app's own types — every collection and role the data
// layer knows is in it — and with the app's real requests: a remote session's requests
// against the server are checked against it.
import { test, expect, becomeRole, plant, startSession, requestLog, sampleData } from "./modes.mjs";
import { WORDS } from "./words.mjs";
import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv from "ajv";
import { readFile } from "node:fs/promises";
import { files } from "./fixtures.mjs";

// The document itself is checked once, in the local project.
const once = (mode) => test.skip(mode === "remote", "the document is checked once");

test("the contract is valid OpenAPI 3", async ({ mode }) => {
  once(mode);
  const api = await SwaggerParser.validate("public/openapi.yaml");
  expect(api.openapi).toMatch(/^3\./);
  for (const path of ["/sign-in", "/session", "/batch", "/partners/{partner}/{collection}/{id}", "/applications/{id}", "/blobs/{id}"]) {
    expect(Object.keys(api.paths)).toContain(path);
  }
});

test("the contract names every collection and role of the data layer", async ({ mode }) => {
  once(mode);
  const api = await SwaggerParser.dereference("public/openapi.yaml");
  const model = await readFile("crates/domain/src/records/record.rs", "utf8");
  const names = [...model.matchAll(/Collection::\w+ => "([a-z-]+)"/g)].map((m) => m[1]);
  expect(names.length).toBeGreaterThan(10);
  // A partner's collections by parameter; the others by their own paths.
  const named = new Set(api.components.parameters.PartnerCollection.schema.enum);
  for (const path of Object.keys(api.paths)) for (const segment of path.split("/")) named.add(segment);
  for (const name of names) expect([...named], `the contract names ${name}`).toContain(name);
  const role = await readFile("crates/domain/src/common/role.rs", "utf8");
  const roles = [...role.slice(role.indexOf("pub enum Role")).split("}")[0].matchAll(/^\s{4}(\w+),/gm)].map((m) => m[1]);
  expect([...api.components.schemas.Role.enum].sort()).toEqual([...roles].sort());
});

test("the built app serves the contract next to itself", async ({ request, mode }) => {
  once(mode);
  const res = await request.get("openapi.yaml");
  expect(res.ok()).toBeTruthy();
  expect(await res.text()).toContain("openapi: 3.0.3");
});

/** The operation of the contract a logged request is, or null. */
function operationOf(api, method, path) {
  const segments = path.split("/").slice(1).map(decodeURIComponent);
  const collections = api.components.parameters.PartnerCollection.schema.enum;
  const candidates = Object.keys(api.paths).map((template) => ({ template, parts: template.split("/").slice(1) }));
  // Literal paths (/session, /blobs/{id}, …/email-codes) before the generic collection ones.
  candidates.sort((a, b) => (a.template.includes("{collection}") ? 1 : 0) - (b.template.includes("{collection}") ? 1 : 0));
  for (const { template, parts } of candidates) {
    if (parts.length !== segments.length) continue;
    const params = {};
    const fits = parts.every((p, i) => {
      if (p.startsWith("{")) {
        params[p.slice(1, -1)] = segments[i];
        return segments[i].length > 0 && (p !== "{collection}" || collections.includes(segments[i]));
      }
      return p === segments[i];
    });
    const op = fits && api.paths[template][method.toLowerCase()];
    if (op) return { template, op, params };
  }
  return null;
}

test("remote mode: the app's real requests are the contract's operations", async ({ page, mode }) => {
  test.skip(mode === "local", "requests of a remote session");
  const api = await SwaggerParser.dereference("public/openapi.yaml");
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  const schemas = api.components.schemas;
  const dataSchema = { customers: schemas.Customer, settlements: schemas.SettlementSheet };

  // A session touching most operations: a profile save with a file, the money pages over
  // the provider's data, an announcement.
  page.on("dialog", (d) => d.accept());
  await page.goto("settings");
  const name = "深圳示例科技有限公司";
  await plant(page, [["profiles", "partner", {
    company_name: name, uscc: "91440300708461136T", contact_person: "李雷", phone: "13800138000", email: "li@example.com",
    qq: "12345", mailing_address: "深圳市南山区科技园", bank_account_name: name, bank: "招商银行", bank_location: "深圳",
    bank_branch: "科技园支行", bank_account_number: "6225880112345678", bank_proof: null, partner_type: "Agent", website: "www.example.com",
  }]]);
  await startSession(page, { role: "MainAccount" });
  await page.goto("profile");
  await page.locator("#app-bank-number").fill("6225880198765432");
  await page.locator("#app-bank-proof").setInputFiles(files.proof);
  await expect(page.locator("img.pc-thumb")).toHaveCount(1);
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("status").filter({ hasText: "结算付款可能暂停" })).toBeVisible();
  await page.goto("statements");
  await sampleData(page, { rows: 1000, lang: "zh-CN" });
  await expect(page.getByTestId("total-rows")).toHaveText("1000");
  await page.goto("settlements");
  await page.goto("customers");
  await becomeRole(page, null, WORDS["zh-CN"].manager);
  await page.goto("announcements");
  await page.getByLabel("标题").fill("通知");
  await page.getByLabel("正文").fill("正文");
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByTestId("announcements").getByRole("listitem").filter({ hasText: "通知" }).first()).toBeVisible();

  const log = await requestLog(page);
  const seen = new Set();
  for (const req of log) {
    if (req.method === "OPTIONS") continue;
    const where = `${req.method} ${req.path}`;
    const found = operationOf(api, req.method, req.path);
    expect(found, `${where} is not in the contract`).not.toBeNull();
    seen.add(found.op.operationId);
    expect(req.bearer, `${where} carries the token`).toBe(true);
    expect(req.path, "no secret in a URL").not.toMatch(/tok-|test-/);
    if (req.ifMatch !== null) expect(req.ifMatch).toMatch(/^[0-9]+$/);
    const declared = found.op.requestBody?.content?.["application/json"]?.schema;
    if (!declared) {
      expect(req.body, `${where} sends no body`).toBeNull();
      continue;
    }
    expect(req.contentType).toMatch(/^application\/json/);
    const validate = ajv.compile(declared);
    expect(validate(req.body), `${where}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    let data = dataSchema[found.params.collection];
    if (found.params.collection === "profiles" && req.body.id === "partner") data = schemas.PartnerProfile;
    if (found.template === "/announcements/{id}") data = schemas.Announcement;
    if (data) {
      const check = ajv.compile(data);
      expect(check(req.body.data), `${where} data: ${ajv.errorsText(check.errors)}`).toBe(true);
    }
  }
  // The session covered reads of every kind, the guarded replace, a file and the global
  // scope.
  for (const op of ["getSession", "listPartnerRecords", "getPartnerRecord", "putPartnerRecord", "uploadBlob", "putAnnouncement"]) {
    expect([...seen], `the session used ${op}`).toContain(op);
  }
});
