// A plain static server like a CDN with an SPA fallback, for the end-to-end tests and the
// benchmark: serves DIR under PREFIX; an unknown path without a file extension gets
// index.html (the rule the README gives for nginx), a missing asset gets a real 404.
// Usage: node tests/e2e/serve.mjs <dir> <prefix> <port>
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const [dir = "dist", prefixArg = "/", portArg = "4173"] = process.argv.slice(2);
const prefix = prefixArg.endsWith("/") ? prefixArg : prefixArg + "/";
const port = Number(portArg);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
};

async function fileAt(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? path : null;
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  let path = decodeURIComponent(url.pathname);
  if (path === prefix.slice(0, -1)) path = prefix;
  if (!path.startsWith(prefix)) {
    res.writeHead(404).end("outside the app prefix");
    return;
  }
  const rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, "");
  let file = await fileAt(join(dir, rel || "index.html"));
  if (!file && !extname(rel)) file = join(dir, "index.html");
  if (!file) {
    res.writeHead(404).end("not found");
    return;
  }
  const body = await readFile(file);
  res.writeHead(200, {
    "content-type": types[extname(file)] || "application/octet-stream",
    "cache-control": "no-store",
  });
  res.end(body);
}).listen(port, "127.0.0.1", () => {
  console.log(`serving ${dir} at http://127.0.0.1:${port}${prefix}`);
});
