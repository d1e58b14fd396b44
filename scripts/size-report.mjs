// Prints every file of a release build with raw, gzip and brotli sizes, and the initial
// download: what a first visit to index.html fetches (HTML, JS, wasm, CSS).
// Usage: node scripts/size-report.mjs [dist-dir]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dir = process.argv[2] || "dist";
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const files = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile()).sort();
const index = readFileSync(join(dir, "index.html"), "utf8");
const rows = files.map((name) => {
  const data = readFileSync(join(dir, name));
  const gzip = gzipSync(data, { level: 9 }).length;
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  const initial = name === "index.html" || index.includes(name);
  return { name, raw: data.length, gzip, br, initial };
});
console.log(`Release build size report: ${dir}`);
console.log(`${"file".padEnd(48)}${"raw".padStart(11)}${"gzip".padStart(11)}${"brotli".padStart(11)}  initial`);
for (const r of rows) {
  console.log(`${r.name.padEnd(48)}${kb(r.raw)}${kb(r.gzip)}${kb(r.br)}  ${r.initial ? "yes" : ""}`);
}
const sum = (key) => rows.filter((r) => r.initial).reduce((a, r) => a + r[key], 0);
console.log(`${"INITIAL DOWNLOAD (index.html + JS + wasm + CSS)".padEnd(48)}${kb(sum("raw"))}${kb(sum("gzip"))}${kb(sum("br"))}`);
const wasm = rows.find((r) => r.name.endsWith(".wasm"));
if (wasm) console.log(`wasm alone: ${kb(wasm.raw).trim()} raw, ${kb(wasm.gzip).trim()} gzip, ${kb(wasm.br).trim()} brotli`);
