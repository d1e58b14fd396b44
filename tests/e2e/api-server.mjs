// The backend of the end-to-end tests in remote mode: the reference server (server/, on
// PostgreSQL, started with TEST_HOOKS=1) behind a small proxy that gives every test a
// tenant of its own and lets it script faults and read the requests it caused:
//   /t/<tenant>/api/…                 → the server's /partners/api/…, the app's stand-in
//                                       tokens (tok-main …) swapped for a real session of
//                                       the tenant's account in that role
//   POST /t/<tenant>/__seed  {collection, id, data}    plant a record (a provider's import)
//   POST /t/<tenant>/__fault {down} | {method, path, status, times, body, delayMs}
//   GET  /t/<tenant>/__log                             the requests so far
//   GET  /t/<tenant>/__code?email=…                    the code last mailed to an address
//   POST /t/<tenant>/__sample {rows, last}             the sample-data button's data, planted
//   POST /t/<tenant>/__password {role, password}       a password for the sign-in page
// The server itself is at http://127.0.0.1:<server-port>/partners/, the app it serves
// signing its users in (tests of the sign-in page go there directly).
// The rules are the server's own; the proxy only routes, swaps tokens and plays faults.
// Usage: node tests/e2e/api-server.mjs <port> <server-port>
import http from "node:http";

const port = Number(process.argv[2] || 4174);
const serverPort = Number(process.argv[3] || 4175);
const SERVER = `http://127.0.0.1:${serverPort}`;
const API = "/partners/api";

const ROLES = { "tok-visitor": "visitor", "tok-main": "main", "tok-sub": "sub", "tok-manager": "manager" };

const tenants = new Map();
function tenant(name) {
  if (!tenants.has(name)) tenants.set(name, { faults: [], down: false, log: [] });
  return tenants.get(name);
}

async function hook(path, body) {
  const r = await fetch(`${SERVER}${path}`, {
    method: body ? "POST" : "GET",
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, body: await r.text() };
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

async function forward(t, name, req, res, path, body) {
  const auth = req.headers.authorization || "";
  const role = ROLES[auth.replace(/^Bearer /, "")];
  const headers = { accept: "application/json" };
  for (const h of ["content-type", "if-match", "cookie"]) if (req.headers[h]) headers[h] = req.headers[h];
  if (role) {
    const got = await hook("/__test/token", { tenant: name, role });
    headers.authorization = `Bearer ${JSON.parse(got.body).token}`;
  } else if (auth) {
    headers.authorization = auth;
  }
  const r = await fetch(`${SERVER}${API}${path}`, {
    method: req.method,
    headers,
    body: body.length ? body : undefined,
  });
  const text = await r.text();
  const out = { "content-type": r.headers.get("content-type") || "application/json" };
  if (r.headers.get("set-cookie")) out["set-cookie"] = r.headers.get("set-cookie");
  res.writeHead(r.status, out);
  res.end(text);
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, "http://x");
  const m = url.pathname.match(/^\/t\/([^/]+)(\/.*)$/);
  if (!m) return send(res, 404, { code: "not-found" });
  const [, name, rest] = m;
  const t = tenant(name);
  const body = await readBody(req);
  try {
    if (rest === "/__seed" && req.method === "POST") {
      const { collection, id, data } = JSON.parse(body);
      const r = await hook("/__test/plant", { tenant: name, collection, id, data });
      return send(res, r.status, r.body);
    }
    if (rest === "/__fault" && req.method === "POST") {
      const spec = JSON.parse(body);
      if ("down" in spec) t.down = !!spec.down;
      if (spec.status || spec.delayMs) t.faults.push({ times: 1, ...spec });
      if (spec.clear) t.faults = [];
      return send(res, 200, { ok: true });
    }
    if (rest === "/__log") return send(res, 200, t.log);
    if (rest === "/__password" && req.method === "POST") {
      const r = await hook("/__test/password", { tenant: name, ...JSON.parse(body) });
      return send(res, r.status, r.body);
    }
    if (rest === "/__sample" && req.method === "POST") {
      const r = await hook("/__test/sample", { tenant: name, ...JSON.parse(body) });
      return send(res, r.status, r.body);
    }
    if (rest === "/__code") {
      const q = new URLSearchParams({ tenant: name, email: url.searchParams.get("email") || "" });
      const r = await hook(`/__test/code?${q}`);
      return send(res, r.status, r.body);
    }
    if (!rest.startsWith("/api/") && rest !== "/api") return send(res, 404, { code: "not-found" });
    if (t.down) {
      // As if the server were stopped: the connection drops without an answer.
      req.socket.destroy();
      return;
    }
    const path = rest.slice("/api".length) + url.search;
    let parsed = null;
    try {
      parsed = body.length ? JSON.parse(body) : null;
    } catch {}
    t.log.push({
      method: req.method,
      path: rest.slice("/api".length),
      ifMatch: req.headers["if-match"] ?? null,
      contentType: req.headers["content-type"] ?? null,
      bearer: (req.headers.authorization || "").startsWith("Bearer "),
      body: parsed && Object.keys(parsed).length ? parsed : null,
    });
    const fault = t.faults.find(
      (f) => f.times > 0 && (!f.method || f.method === req.method) && (!f.path || new RegExp(f.path).test(path)),
    );
    if (!fault) return await forward(t, name, req, res, path, body);
    fault.times -= 1;
    const fail = () => send(res, fault.status, fault.body ?? { message: `scripted ${fault.status}` });
    const go = () => forward(t, name, req, res, path, body).catch((e) => send(res, 502, { message: String(e) }));
    if (fault.delayMs) return setTimeout(fault.status ? fail : go, fault.delayMs);
    return fail();
  } catch (e) {
    return send(res, 502, { message: String(e) });
  }
});

server.listen(port, "127.0.0.1", () => console.log(`test API at http://127.0.0.1:${port}/t/<tenant>/api → ${SERVER}${API}`));
