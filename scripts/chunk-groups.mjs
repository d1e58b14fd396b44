// Fewer files on an area's first visit (used by split-wasm.mjs).
//
// wasm-split-cli gives every set of areas that shares code a chunk of its own (up to
// 2^n - 1 sets for n split points): with 10 split points an area's first visit fetched up
// to 30 files, many of them of 1–2 KB. Every chunk imports the same three things from the
// main module (its memory, its function table, the stack pointer) and installs its
// functions in the table and its data in memory when instantiated; chunks call each other
// only through the table. So chunks can be put together freely, as long as each is in
// exactly one file (a second instance would reset its data).
//
// Putting two chunks together costs bytes: each area that needs one and not the other
// fetches the other too. So, while some area needs more than `MAX_FILES` files, the two
// files whose union costs the fewest such bytes (summed over every area, by the gzip size
// of their code and data before wasm-opt: it shrinks them all alike) for the areas over budget it helps
// become one — mostly small chunks, or chunks shared by nearly the same areas. Not into the main
// module: it is what the initial download is made of.
//
// The loader `__wasm_split.js` is rewritten to match: merged chunks lose their loaders
// and the areas' dependency lists name the group's file instead.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

// Per area, its own module included: the budget. Each file fewer costs bytes.
export const MAX_FILES = 15;

// The modules an action fetches (ui/on_demand.rs), each with the one page that offers the
// action. That page's files are there before the action's module is asked for, so a chunk
// both need costs the action nothing: it neither counts among the action's files nor makes
// a merge cost the action bytes. (Counting it forced merges on the page for the action's
// sake: the statements' tools held 15 files, half of them the page's own chunks.)
export const ACTION_PAGES = {
  later_steps: "apply",
  record_check: "settings",
  records_csv: "learners",
  statement_tools: "statements",
  invoice_form: "settlements",
  // The header's to-do count: drawn on every page, but `/` — the workbench — is where a
  // visit starts, and the count is that area's code.
  todo_badge: "workbench",
};

// The areas that fetch a chunk themselves when they need it (see ACTION_PAGES).
const fetchers = (users) => users.filter((u) => !users.includes(ACTION_PAGES[u]));

// The loader as wasm-split-cli writes it: each chunk as
//   /* learners, money */\nconst __chunk_7 = makeLoad(() => { …"./chunk_7.wasm"… }\n, []);
// and each area as
//   export const __wasm_split_load_money = wrapAsyncCb(makeLoad(() => { … }\n, [__chunk_7, …]));
const chunkDef = /\/\* ([^*]+) \*\/\nconst (__chunk_\w+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[\]\);\n/g;
const areaDeps = /(export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{[\s\S]*?\n, \[)([^\]]*)(\]\)\);)/g;

export function readLoader(src) {
  const chunks = [...src.matchAll(chunkDef)].map((m) => ({
    text: m[0],
    users: m[1].split(",").map((s) => s.trim()),
    name: m[2],
    file: m[3],
  }));
  const areas = [...src.matchAll(areaDeps)].map((m) => m[2]);
  if (chunks.length === 0 || areas.length === 0) throw new Error("the split loader's layout is not the one expected");
  return { chunks, areas };
}

// How strongly a page's bytes count by how much it needs anyway (see `weight` below);
// GROUP_EXPONENT tries another value on a build.
const EXPONENT = Number(process.env.GROUP_EXPONENT ?? 3);

// The groups of chunks to put together (each of more than one chunk). `gzipOf(file)`
// sizes a chunk; `ownOf(area)`, if given, an area's own module.
export function groupChunks({ chunks, areas }, gzipOf, ownOf = () => 0) {
  let groups = chunks.map((c) => ({ members: [c], users: new Set(fetchers(c.users)), size: gzipOf(c.file) }));
  const filesOf = (area) => 1 + groups.filter((g) => g.users.has(area)).length;
  // The bytes the areas of `h` that `g` lacks would fetch more. Remote mode fetches its
  // module at start, before the first page: its bytes count five times. The modules an
  // action fetches (ui/on_demand.rs) come after their page has drawn: a tenth. A page
  // area's bytes count by how much it needs anyway, against the pages' mean, cubed: a
  // merge should land on the pages with room to spare. (Squared kept every page within
  // budget with 13 areas. With the workbench's two areas and two more on-demand modules
  // no power does: on this session's builds the square left the heaviest page at 152–157
  // KB, the cube at 150–161, the fourth power at 169. The cube came closest once — the
  // three heaviest within 1 KB — and stays until a grouping aims at the budget itself.)
  const need = Object.fromEntries(
    areas.map((a) => [a, ownOf(a) + groups.filter((g) => g.users.has(a)).reduce((n, g) => n + g.size, 0)]),
  );
  const pages = areas.filter((a) => a !== "remote" && !ACTION_PAGES[a]);
  const mean = pages.reduce((n, a) => n + need[a], 0) / pages.length;
  const weight = {
    ...Object.fromEntries(pages.map((a) => [a, mean > 0 ? (need[a] / mean) ** EXPONENT : 1])),
    remote: 5,
    ...Object.fromEntries(Object.keys(ACTION_PAGES).map((a) => [a, 0.1])),
  };
  const extra = (g, h) =>
    [...h.users].filter((u) => !g.users.has(u)).reduce((n, u) => n + (weight[u] ?? 1), 0) * g.size;
  for (;;) {
    const over = areas.filter((a) => filesOf(a) > MAX_FILES);
    if (!over.length) break;
    // The pair that costs the fewest bytes for the over-budget areas it brings a file
    // closer, favouring pairs that help many at once (divided by their number squared:
    // on this app's 198 chunks 14 % fewer extra bytes than dividing once, 18 % than not).
    let best;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const [g, h] = [groups[i], groups[j]];
        const gain = over.filter((a) => g.users.has(a) && h.users.has(a)).length;
        if (!gain) continue;
        const cost = (extra(g, h) + extra(h, g)) / gain ** 2;
        if (!best || cost < best.cost) best = { g, h, cost };
      }
    }
    const { g, h } = best;
    groups = groups.filter((x) => x !== g && x !== h);
    groups.push({ members: [...g.members, ...h.members], users: new Set([...g.users, ...h.users]), size: g.size + h.size });
  }
  return groups
    .filter((g) => g.members.length > 1)
    .map((g, i) => ({ name: `__chunk_group${i}`, file: `chunk_group${i}.wasm`, members: g.members, users: [...g.users].sort() }));
}

export function rewriteLoader(src, groups) {
  const groupOf = new Map(groups.flatMap((g) => g.members.map((c) => [c.name, g.name])));
  for (const g of groups) {
    for (const c of g.members) src = src.replace(c.text, "");
    const first = g.members[0];
    const def = first.text
      .replace(/^\/\* [^*]+ \*\//, `/* ${g.users.join(", ")} (${g.members.map((c) => c.name).join(" ")}) */`)
      .replace(`const ${first.name} =`, `const ${g.name} =`)
      .replace(`"./${first.file}"`, `"./${g.file}"`);
    src = src.replace(/\nexport const __wasm_split_load_/, `\n${def}export const __wasm_split_load_`);
  }
  return src.replace(areaDeps, (_, head, area, deps, tail) => {
    const list = deps.split(",").map((d) => d.trim()).filter(Boolean);
    const named = [...new Set(list.map((d) => groupOf.get(d) ?? d))];
    return `${head}${named.join(", ")}${tail}`;
  });
}

export const gzipSize = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

// A chunk's gzip size without its custom sections: straight from the splitter a chunk
// carries its functions' names and its relocations, which outweigh its code and say
// little about its size once optimised.
export const codeGzipSize = (path) => {
  const b = readFileSync(path);
  const kept = [b.subarray(0, 8)];
  for (let i = 8; i < b.length; ) {
    const id = b[i];
    let [size, at] = [0, i + 1];
    for (let shift = 0; ; shift += 7) {
      const x = b[at++];
      size += (x & 0x7f) * 2 ** shift;
      if (x < 0x80) break;
    }
    if (id !== 0) kept.push(b.subarray(i, at + size));
    i = at + size;
  }
  return gzipSync(Buffer.concat(kept), { level: 9 }).length;
};

// The wasm features a module uses (bulk memory, reference types…). wasm-merge reads them
// from its first input, and the hub below has none of its own.
export const featuresOf = (path) =>
  execFileSync("wasm-opt", ["--print-features", path], { stdio: ["ignore", "pipe", "ignore"] })
    .toString()
    .split(/\s+/)
    .filter(Boolean);

// Merges chunks into one module that imports what they import. wasm-merge links imports to
// another input's exports, so a hub module imports the shared things once and exports
// them, and the chunks' import module is renamed to the hub.
export function mergeChunks(run, chunkPaths, outPath, work) {
  const hubName = "__wasm_hub__"; // as long as "__wasm_split": renamed in place
  const shared = new Map();
  for (const p of chunkPaths) {
    for (const imp of readImports(readFileSync(p))) {
      if (imp.module !== "__wasm_split") throw new Error(`${p} imports ${imp.module}.${imp.field}`);
      const seen = shared.get(imp.field);
      if (seen && !seen.desc.equals(imp.desc)) throw new Error(`chunks import ${imp.field} differently`);
      shared.set(imp.field, imp);
    }
  }
  writeFileSync(`${work}/hub.wasm`, hubModule([...shared.values()]));
  const renamed = chunkPaths.map((p, i) => {
    const out = `${work}/renamed${i}.wasm`;
    writeFileSync(out, renameImportModule(readFileSync(p), "__wasm_split", hubName));
    return out;
  });
  const inputs = [`${work}/hub.wasm`, hubName, ...renamed.flatMap((p, i) => [p, `chunk${i}`])];
  run("wasm-merge", [...featuresOf(chunkPaths[0]), ...inputs, "-o", outPath]);
}

// A wasm binary's sections: [{ id, start, end }] (the content's byte range).
function sections(bytes) {
  const out = [];
  let at = 8; // magic and version
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb(bytes, at);
    at = size.next;
    out.push({ id, start: at, end: at + size.value });
    at += size.value;
  }
  return out;
}

function leb(bytes, at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    if (!(b & 0x80)) return { value, next: at };
  }
}

const encodeLeb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
};
const encodeName = (s) => Buffer.concat([encodeLeb(Buffer.byteLength(s)), Buffer.from(s)]);

// The imports of a module: module, field, kind (0 function, 1 table, 2 memory, 3 global)
// and the bytes that describe the import (its type, limits…).
export function readImports(bytes) {
  const section = sections(bytes).find((s) => s.id === 2);
  if (!section) return [];
  const name = (at) => {
    const len = leb(bytes, at);
    return { value: bytes.subarray(len.next, len.next + len.value).toString(), next: len.next + len.value };
  };
  const limits = (at) => {
    const flags = bytes[at];
    let next = leb(bytes, at + 1).next;
    if (flags & 1) next = leb(bytes, next).next;
    return next;
  };
  const count = leb(bytes, section.start);
  const out = [];
  let at = count.next;
  for (let i = 0; i < count.value; i++) {
    const module = name(at);
    const field = name(module.next);
    const kind = bytes[field.next];
    const start = field.next + 1;
    const end =
      kind === 0 ? leb(bytes, start).next : kind === 1 ? limits(start + 1) : kind === 2 ? limits(start) : start + 2;
    if (kind > 3) throw new Error(`import kind ${kind} not read`);
    out.push({ module: module.value, field: field.value, kind, desc: Buffer.from(bytes.subarray(start, end)) });
    at = end;
  }
  return out;
}

// A module that imports `imports` from "__wasm_split" and exports each under its name.
function hubModule(imports) {
  const section = (id, entries) => {
    const body = Buffer.concat([encodeLeb(entries.length), ...entries]);
    return Buffer.concat([Buffer.from([id]), encodeLeb(body.length), body]);
  };
  const index = [0, 0, 0, 0];
  return Buffer.concat([
    Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
    section(
      2,
      imports.map((i) => Buffer.concat([encodeName("__wasm_split"), encodeName(i.field), Buffer.from([i.kind]), i.desc])),
    ),
    section(
      7,
      imports.map((i) => Buffer.concat([encodeName(i.field), Buffer.from([i.kind]), encodeLeb(index[i.kind]++)])),
    ),
  ]);
}

// Renames an import module in a wasm binary, in its import section only. Same length only:
// the section's size and every offset stay as they are.
export function renameImportModule(bytes, from, to) {
  if (from.length !== to.length) throw new Error("renameImportModule: names of different lengths");
  const section = sections(bytes).find((s) => s.id === 2);
  if (!section) throw new Error("renameImportModule: no import section");
  const out = Buffer.from(bytes);
  const needle = Buffer.concat([Buffer.from([from.length]), Buffer.from(from)]);
  const replacement = Buffer.concat([Buffer.from([to.length]), Buffer.from(to)]);
  for (let i = out.indexOf(needle, section.start); i !== -1 && i < section.end; i = out.indexOf(needle, i + 1)) {
    replacement.copy(out, i);
  }
  return out;
}
