// The REST contract of remote mode (public/openapi.yaml): valid OpenAPI, and in step
// with the app's own types — every collection and role the data layer knows is in it.
import { test, expect } from "@playwright/test";
import SwaggerParser from "@apidevtools/swagger-parser";
import { readFile } from "node:fs/promises";

test("the contract is valid OpenAPI 3", async () => {
  const api = await SwaggerParser.validate("public/openapi.yaml");
  expect(api.openapi).toMatch(/^3\./);
  for (const path of ["/session", "/{collection}", "/{collection}/{id}", "/blobs/{id}"]) {
    expect(Object.keys(api.paths)).toContain(path);
  }
});

test("the contract names every collection and role of the data layer", async () => {
  const api = await SwaggerParser.dereference("public/openapi.yaml");
  const model = await readFile("src/data/model.rs", "utf8");
  const names = [...model.matchAll(/Collection::\w+ => "([a-z-]+)"/g)].map((m) => m[1]);
  expect(names.length).toBeGreaterThan(10);
  const collection = api.components.parameters.Collection.schema.enum;
  expect([...collection].sort()).toEqual([...names].sort());
  const role = await readFile("src/domain/role.rs", "utf8");
  const roles = [...role.slice(role.indexOf("pub enum Role")).split("}")[0].matchAll(/^\s{4}(\w+),/gm)].map((m) => m[1]);
  expect([...api.components.schemas.Role.enum].sort()).toEqual([...roles].sort());
});

test("the built app serves the contract next to itself", async ({ request }) => {
  const res = await request.get("openapi.yaml");
  expect(res.ok()).toBeTruthy();
  expect(await res.text()).toContain("openapi: 3.0.3");
});
