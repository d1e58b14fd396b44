// The split build itself (no browser): scripts/chunk-groups.mjs on a made-up layout, and
// the release build the suite serves — each chunk in exactly one file, no area's first
// visit over its 15 files. Runs once (in the "local" project): nothing here has a mode.
import { test, expect } from "@playwright/test";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ACTION_PAGES, MAX_FILES, groupChunks, readImports, readLoader, renameImportModule, rewriteLoader } from "../../scripts/chunk-groups.mjs";

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
