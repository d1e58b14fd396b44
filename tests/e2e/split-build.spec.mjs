// The split build itself (no browser): scripts/chunk-groups.mjs on a made-up layout, and
// the release build the suite serves — each chunk in exactly one file, no area's first
// visit over its 15 files, the start within 300 KB gzip (each page's first visit is
// reported against its 150 KB aim). Runs once (in the "local" project): nothing here has a mode.
import { test, expect } from "@playwright/test";
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import {
  ACTION_PAGES,
  FILE_OVERHEAD,
  MAX_FILES,
  groupChunks,
  readImports,
  readLoader,
  renameImportModule,
  rewriteLoader,
} from "../../scripts/chunk-groups.mjs";

test.beforeEach(({}, info) => test.skip(info.project.name !== "local", "the build has no mode"));

const DIST = process.env.E2E_DIST || "target/dist-e2e";

/** A loader as wasm-split-cli writes it: a chunk per set of `areas` sharing code. */
function madeUpLoader(areas) {
  const chunks = [];
  for (let set = 1; set < 2 ** areas.length; set++) {
    const users = areas.filter((_, i) => set & (1 << i));
    if (users.length > 1) chunks.push({ n: set, users });
  }
  const chunkText = ({ n, users }) =>
    `/* ${users.join(", ")} */\nconst __chunk_${n} = makeLoad(() => {\n    const src = fetch(new URL("./chunk_${n}.wasm", import.meta.url));\n    return 1;\n}\n, []);\n`;
  const areaText = (a) =>
    `export const __wasm_split_load_${a} = wrapAsyncCb(makeLoad(() => {\n    const src = fetch(new URL("./split_${a}.wasm", import.meta.url));\n}\n, [${chunks
      .filter((c) => c.users.includes(a))
      .map((c) => `__chunk_${c.n}`)
      .join(", ")}]));\n`;
  return { chunks, text: `function makeLoad() {}\n${chunks.map(chunkText).join("")}${areas.map(areaText).join("")}` };
}

/** The dependency list of every area in a loader's text. */
const depsOf = (src) =>
  Object.fromEntries(
    [...src.matchAll(/export const __wasm_split_load_(\w+) = [\s\S]*?\n, \[([^\]]*)\]\)\);/g)].map((m) => [
      m[1],
      m[2].split(",").map((d) => d.trim()).filter(Boolean),
    ]),
  );

test("chunks are put together until every area is within its files, each chunk in one file", () => {
  const areas = ["a", "b", "c", "d", "e", "remote"];
  const { chunks, text } = madeUpLoader(areas);
  const layout = readLoader(text);
  expect(layout.chunks).toHaveLength(chunks.length);
  // Sizes that differ, so that the choice is not a tie everywhere.
  const groups = groupChunks(layout, (file) => 1000 + Number(/\d+/.exec(file)[0]) * 37);
  const rewritten = rewriteLoader(text, groups);
  const deps = depsOf(rewritten);
  const defined = [...rewritten.matchAll(/const (__chunk_\w+) = makeLoad/g)].map((m) => m[1]);
  const grouped = groups.flatMap((g) => g.members.map((c) => c.name));
  // Every chunk is in exactly one file: its own, or one group's.
  expect(new Set(grouped).size).toBe(grouped.length);
  for (const c of chunks) {
    const own = defined.includes(`__chunk_${c.n}`);
    expect(own !== grouped.includes(`__chunk_${c.n}`)).toBe(true);
  }
  for (const a of areas) {
    expect(deps[a].length + 1).toBeLessThanOrEqual(MAX_FILES);
    // It still gets everything it needs: each of its chunks, alone or in a group.
    for (const c of chunks.filter((c) => c.users.includes(a))) {
      const group = groups.find((g) => g.members.some((m) => m.name === `__chunk_${c.n}`));
      expect(deps[a]).toContain(group ? group.name : `__chunk_${c.n}`);
    }
    for (const d of deps[a]) expect(defined).toContain(d);
  }
});

test("the grouping aims a page at its budget: merges land on pages with room", () => {
  const areas = ["a", "b", "c", "d", "e", "remote"];
  const layout = readLoader(madeUpLoader(areas).text);
  const size = (file) => 1000 + Number(/\d+/.exec(file)[0]) * 37;
  // Page "a" has the heaviest module of its own.
  const own = (a) => (a === "a" ? 40000 : 10000);
  const visit = (groups, a) => {
    const grouped = new Set(groups.flatMap((g) => g.members));
    const files = [...groups.map((g) => g.members), ...layout.chunks.filter((c) => !grouped.has(c)).map((c) => [c])];
    return files
      .filter((m) => m.some((c) => c.users.includes(a)))
      .reduce((n, m) => n + FILE_OVERHEAD + m.reduce((k, c) => k + size(c.file), 0), own(a));
  };
  const options = { maxFiles: 8, remoteBudget: Infinity };
  // With no budget the fewest bytes in all put "a" over 135,000; aimed at it, "a" is
  // within and the merges went to the others — each still within its 8 files.
  const free = groupChunks(layout, size, own, { ...options, pageBudget: Infinity });
  const aimed = groupChunks(layout, size, own, { ...options, pageBudget: 135000 });
  expect(visit(free, "a")).toBeGreaterThan(135000);
  expect(visit(aimed, "a")).toBeLessThanOrEqual(135000);
  for (const a of areas) expect(visit(aimed, a)).toBeLessThanOrEqual(135000);
  const deps = depsOf(rewriteLoader(madeUpLoader(areas).text, aimed));
  for (const a of areas) expect(deps[a].length + 1).toBeLessThanOrEqual(8);
});

test("an import module is renamed in the import section only, and imports are read", () => {
  const chunk = readdirSync(DIST).find((f) => /^chunk_\w+-[0-9a-f]+\.wasm$/.test(f));
  const bytes = readFileSync(join(DIST, chunk));
  const before = readImports(bytes);
  expect(before.map((i) => i.module)).toEqual(before.map(() => "__wasm_split"));
  expect(before.map((i) => i.field).sort()).toEqual(expect.arrayContaining(["memory"]));
  const renamed = renameImportModule(bytes, "__wasm_split", "__wasm_hub__");
  expect(renamed.length).toBe(bytes.length);
  expect(readImports(renamed).map((i) => i.module)).toEqual(before.map(() => "__wasm_hub__"));
  expect(readImports(renamed).map((i) => i.desc.toString("hex"))).toEqual(before.map((i) => i.desc.toString("hex")));
  expect(() => renameImportModule(bytes, "__wasm_split", "hub")).toThrow(/lengths/);
});

test("the release build: every chunk file is loaded by one loader entry, no area over 15 files (an action's module: its page's files are there)", () => {
  const files = readdirSync(DIST);
  const loader = readFileSync(join(DIST, files.find((f) => /^split-[0-9a-f]+\.js$/.test(f))), "utf8");
  const defs = [...loader.matchAll(/const (__chunk_\w+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)];
  const chunkFiles = files.filter((f) => /^chunk_\w+-[0-9a-f]+\.wasm$/.test(f));
  expect(defs.map((d) => d[2]).sort()).toEqual(chunkFiles.sort());
  const deps = depsOf(loader);
  expect(Object.keys(deps).sort()).toEqual(
    expect.arrayContaining(["apply", "customers", "learners", "remote", "settings", "statements"]),
  );
  for (const [area, list] of Object.entries(deps)) {
    const page = ACTION_PAGES[area];
    const fetched = page ? list.filter((d) => !deps[page].includes(d)) : list;
    expect(fetched.length + 1, `${area}'s first visit`).toBeLessThanOrEqual(15);
    for (const d of list) expect(defs.map((x) => x[1])).toContain(d);
  }
});

// Each page's first visit is reported against its 150 KB aim, not gated: the grouping moves
// a few KB between pages on any change, so a gate there failed one feature's suite for
// another's bytes (issue 33 met it; the grouping is to become a rule a maintainer owns,
// issue 35). What a person waits for at the start stays gated.
test("the release build: the start within 300 KB gzip; every page's first visit reported against its 150 KB aim", () => {
  const files = readdirSync(DIST);
  const gzip = (f) => gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length;
  const loader = readFileSync(join(DIST, files.find((f) => /^split-[0-9a-f]+\.js$/.test(f))), "utf8");
  const fileOf = Object.fromEntries(
    [...loader.matchAll(/const (__chunk_\w+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const modules = Object.fromEntries(
    [...loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map(
      (m) => [m[1], m[2]],
    ),
  );
  const deps = depsOf(loader);
  const pages = Object.keys(deps).filter((a) => a !== "remote" && !ACTION_PAGES[a]);
  expect(pages.length).toBeGreaterThanOrEqual(14);
  const report = pages.map((a) => {
    const visit = gzip(modules[a]) + deps[a].reduce((n, d) => n + gzip(fileOf[d]), 0);
    expect(visit, `${a}'s first visit has bytes`).toBeGreaterThan(0);
    return `${a.padEnd(16)} ${(visit / 1024).toFixed(1).padStart(6)} KB gzip${visit > 150 * 1024 ? "  (over the 150 KB aim)" : ""}`;
  });
  console.log(`first visit of each page:\n${report.join("\n")}`);
  // The start: the main module and its script (the size report counts index.html and
  // the stylesheet too; these are nearly all of it).
  const main = files.filter((f) => /^partner_console-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f));
  expect(main).toHaveLength(2);
  expect(main.reduce((n, f) => n + gzip(f), 0)).toBeLessThanOrEqual(300 * 1024);
});
