// The backend of the end-to-end tests in remote mode: json-server 0.17 (a generic REST
// server from npm) serving the seeded database api-db.json, behind the few rules the
// contract (public/openapi.yaml) adds to plain REST:
//   * bearer tokens → the session's role (`GET /session`; no token → 401);
//   * revisions: `rev` set by the server, `If-Match` checked (409 with `current`);
//   * `POST` of an existing id → 409 (blobs: replaced, they are immutable by content).
// Every test gets its own database under /t/<tenant>/api, so parallel tests never meet,
// and can script faults and read the requests it caused:
//   POST /t/<tenant>/__seed  {collection, id, data}    plant a record
//   POST /t/<tenant>/__fault {down} | {method, path, status, times, body, delayMs}
//   GET  /t/<tenant>/__log                             the requests so far
// Usage: node tests/e2e/api-server.mjs <port>
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const jsonServer = require("json-server");
const cors = require("cors");
const express = require("express");

const port = Number(process.argv[2] || 4174);
const seed = readFileSync(new URL("./api-db.json", import.meta.url), "utf8");

// Tokens stand for signed-in users; a real backend would look them up.
const TOKENS = {
  "tok-visitor": "Visitor",
  "tok-main": "MainAccount",
  "tok-sub": "SubAccount",
  "tok-manager": "ChannelManager",
};
const ACCOUNT = "100012345678";

const tenants = new Map();
function tenant(name) {
  if (!tenants.has(name)) {
    const router = jsonServer.router(JSON.parse(seed));
    tenants.set(name, { router, db: router.db, faults: [], down: false, log: [] });
  }
  return tenants.get(name);
}

const app = express();
app.use(cors({ exposedHeaders: ["Location"] }));
app.use(express.json({ limit: "50mb" }));

app.post("/t/:tenant/__seed", (req, res) => {
  const t = tenant(req.params.tenant);
  const { collection, id, data } = req.body;
  const coll = t.db.get(collection);
  const current = coll.getById(id).value();
  if (current) coll.replaceById(id, { id, rev: current.rev + 1, data }).write();
  else coll.insert({ id, rev: 1, data }).write();
  res.json({ ok: true });
});

app.post("/t/:tenant/__fault", (req, res) => {
  const t = tenant(req.params.tenant);
  if ("down" in req.body) t.down = !!req.body.down;
  if (req.body.status || req.body.delayMs) t.faults.push({ times: 1, ...req.body });
  if (req.body.clear) t.faults = [];
  res.json({ ok: true });
});

app.get("/t/:tenant/__log", (req, res) => res.json(tenant(req.params.tenant).log));

app.use("/t/:tenant/api", (req, res, next) => {
  const t = tenant(req.params.tenant);
  if (t.down) {
    // As if the server were stopped: the connection drops without an answer.
    req.socket.destroy();
    return;
  }
  const auth = req.get("authorization") || "";
  t.log.push({
    method: req.method,
    path: req.path,
    ifMatch: req.get("if-match") ?? null,
    contentType: req.get("content-type") ?? null,
    bearer: auth.startsWith("Bearer "),
    body: req.body && Object.keys(req.body).length ? req.body : null,
  });
  const fault = t.faults.find(
    (f) => f.times > 0 && (!f.method || f.method === req.method) && (!f.path || new RegExp(f.path).test(req.path)),
  );
  const go = () => handle(t, req, res, next, auth);
  if (!fault) return go();
  fault.times -= 1;
  if (fault.delayMs) return setTimeout(fault.status ? () => fail(res, fault) : go, fault.delayMs);
  return fail(res, fault);
});

function fail(res, fault) {
  res.status(fault.status).json(fault.body ?? { message: `scripted ${fault.status}` });
}

function handle(t, req, res, next, auth) {
  const role = TOKENS[auth.replace(/^Bearer /, "")];
  if (!role) return res.status(401).json({ message: "sign in" });
  if (req.path === "/session") {
    if (req.method !== "GET") return res.status(405).end();
    const profile = t.db.get("profiles").getById("partner").value();
    return res.json({ role, account_id: ACCOUNT, company_name: profile?.data?.company_name ?? null });
  }
  const [, collection, rawId] = req.path.split("/");
  const id = rawId === undefined ? undefined : decodeURIComponent(rawId);
  const coll = t.db.get(collection);
  if (!coll.value()) return res.status(404).json({ message: "no such collection" });
  const current = id === undefined ? undefined : coll.getById(id).value();
  if (req.method === "POST" && id === undefined) {
    const existing = coll.getById(req.body?.id).value();
    if (existing && collection === "blobs") {
      coll.replaceById(existing.id, req.body).write();
      return res.status(201).json(req.body);
    }
    if (existing) return res.status(409).json({ message: "exists", current: existing.rev });
    if (collection !== "blobs") req.body.rev = 1;
  }
  if (req.method === "PUT" && current) {
    const expected = req.get("if-match");
    if (expected !== undefined && Number(expected) !== current.rev) {
      return res.status(409).json({ message: "changed elsewhere", current: current.rev });
    }
    req.body.id = current.id;
    req.body.rev = current.rev + 1;
  }
  return t.router(req, res, next);
}

app.listen(port, "127.0.0.1", () => console.log(`test API at http://127.0.0.1:${port}/t/<tenant>/api`));
