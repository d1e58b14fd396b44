// A plain static server like a CDN with an SPA fallback, for the end-to-end tests and the
// benchmark: serves DIR under PREFIX; an unknown path without a file extension gets
// index.html (the rule the README gives for nginx), a missing asset gets a real 404.
// Every answer carries the strict Content-Security-Policy the README documents, so the
// whole suite runs under it. With API_PORT, requests under /t/ go to the test API on that
// port (same origin, as a host would put its backend behind one domain — the policy's
// connect-src 'self' then holds).
// A file's precompressed .br/.gz copy is sent when the browser accepts it.
// Usage: node tests/e2e/serve.mjs <dir> <prefix> <port> [api port]
import { createServer, request } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const [dir = "dist", prefixArg = "/", portArg = "4173", apiPort] = process.argv.slice(2);

/** The policy of README's "Content-Security-Policy" section, exactly. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join("; ");

function proxy(req, res) {
  const upstream = request(
    { host: "127.0.0.1", port: Number(apiPort), path: req.url, method: req.method, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    },
  );
  // A dropped connection upstream (the test API "stopped") is dropped here too, so the
  // browser meets a network failure, not a gateway's 502.
  upstream.on("error", () => req.socket.destroy());
  req.pipe(upstream);
}
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
  if (apiPort && url.pathname.startsWith("/t/")) return proxy(req, res);
  res.setHeader("content-security-policy", CSP);
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
  // The precompressed copy a release build carries, as nginx's brotli_static/gzip_static
  // would pick it.
  const accepts = req.headers["accept-encoding"] ?? "";
  const encoded =
    (/\bbr\b/.test(accepts) && (await fileAt(`${file}.br`)) && "br") ||
    (/\bgzip\b/.test(accepts) && (await fileAt(`${file}.gz`)) && "gzip") ||
    null;
  const body = await readFile(encoded ? `${file}.${encoded === "br" ? "br" : "gz"}` : file);
  res.writeHead(200, {
    "content-type": types[extname(file)] || "application/octet-stream",
    "cache-control": "no-store",
    vary: "accept-encoding",
    ...(encoded ? { "content-encoding": encoded } : {}),
  });
  res.end(body);
}).listen(port, "127.0.0.1", () => {
  console.log(`serving ${dir} at http://127.0.0.1:${port}${prefix}`);
});
