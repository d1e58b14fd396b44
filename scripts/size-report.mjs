// The size report of a release build: every file with raw, gzip-9 and brotli-11 sizes;
// the initial download for `/` (index.html, what it names, and what those scripts import
// statically); each lazy area's first visit (its module and the shared chunks the split
// loader fetches with it, read from the loader itself); and all files together.
// Usage: node scripts/size-report.mjs [dist-dir]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { ACTION_PAGES } from "./chunk-groups.mjs";

const dir = process.argv[2] || "dist";
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
// Precompressed copies (.gz, .br) are the same files in another encoding.
const files = readdirSync(dir)
  .filter((f) => statSync(join(dir, f)).isFile() && !/\.(gz|br)$/.test(f))
  .sort();
const sizes = new Map(
  files.map((name) => {
    const data = readFileSync(join(dir, name));
    const gzip = gzipSync(data, { level: 9 }).length;
    const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return [name, { name, raw: data.length, gzip, br }];
  }),
);
const text = (name) => readFileSync(join(dir, name), "utf8");

// The first visit: index.html, every file it names, and the static imports of scripts.
const initial = new Set(["index.html"]);
const index = text("index.html");
for (const f of files) if (f !== "404.html" && index.includes(f)) initial.add(f);
const queue = [...initial].filter((f) => f.endsWith(".js"));
while (queue.length) {
  const js = queue.pop();
  const src = text(js);
  // Static imports, and the start script's wasm URL.
  const named = [...src.matchAll(/(?:from\s+|import\s+)["']\.\/([^"']+)["']/g)].map((m) => m[1]);
  if (js.startsWith("start-")) named.push(...[...src.matchAll(/new URL\("\.\/([^"]+)"/g)].map((m) => m[1]));
  for (const f of named) {
    if (sizes.has(f) && !initial.has(f)) {
      initial.add(f);
      if (f.endsWith(".js")) queue.push(f);
    }
  }
}

// The areas, from the split loader: `export const __wasm_split_load_<area> = …fetch(new
// URL("./<file>")…, [<chunks>])` and `const __chunk_<n> = makeLoad(() => …"./<file>"…`.
const areas = [];
const loader = files.find((f) => /^split-[0-9a-f]+\.js$/.test(f));
if (loader) {
  const src = text(loader);
  const chunkFile = new Map(
    [...src.matchAll(/const (__chunk_\w+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
  for (const m of src.matchAll(
    /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)\)/g,
  )) {
    const deps = m[3]
      .split(",")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => chunkFile.get(d));
    areas.push({ area: m[1], files: [m[2], ...deps] });
  }
}

const total = (names, key) => names.reduce((a, n) => a + (sizes.get(n)?.[key] ?? 0), 0);
const line = (label, names) =>
  console.log(`${label.padEnd(52)}${kb(total(names, "raw"))}${kb(total(names, "gzip"))}${kb(total(names, "br"))}`);

console.log(`Release build size report: ${dir}`);
console.log(`${"file".padEnd(52)}${"raw".padStart(11)}${"gzip".padStart(11)}${"brotli".padStart(11)}  initial`);
for (const r of sizes.values()) {
  console.log(`${r.name.padEnd(52)}${kb(r.raw)}${kb(r.gzip)}${kb(r.br)}  ${initial.has(r.name) ? "yes" : ""}`);
}
console.log("");
line(`INITIAL DOWNLOAD for / (${initial.size} files)`, [...initial]);
const mainWasm = [...initial].find((f) => f.endsWith(".wasm"));
if (mainWasm) line(`  of which the main wasm module`, [mainWasm]);
// `remote` is not a page area: remote mode's backend, fetched at start when the console
// talks to a server (local mode never fetches it).
// Nor are the modules an action fetches (ui/on_demand.rs): listed under the page that
// offers the action, as what they add to its files.
const WHAT = {
  later_steps: "steps ③ to ⑥, from step ②",
  record_check: "the record check, after the page draws",
  records_csv: "the records reader, when a file is chosen",
  statement_tools: "import and sample data, when opened",
  invoice_form: "the invoice form, when opened",
  todo_badge: "the header's to-do count",
};
const ACTIONS = Object.fromEntries(Object.entries(ACTION_PAGES).map(([action, page]) => [action, [page, WHAT[action]]]));
const filesOf = (name) => areas.find((a) => a.area === name)?.files ?? [];
for (const { area, files: own } of areas.sort((a, b) => a.area.localeCompare(b.area))) {
  if (ACTIONS[area]) continue;
  const label = area === "remote" ? `REMOTE MODE adds at start` : `FIRST VISIT of area ${area}`;
  line(`${label} (+${own.length} files)`, own);
  for (const [action, [page, what]] of Object.entries(ACTIONS)) {
    if (page !== area || !filesOf(action).length) continue;
    const more = filesOf(action).filter((f) => !own.includes(f));
    line(`  then ${what} (+${more.length})`, more);
  }
}
line(`ALL FILES (${files.length})`, files);
