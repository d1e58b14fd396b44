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
// Putting two chunks together costs bytes — each area that needs one and not the other
// fetches the other too — and saves some: every file repeats a module's header and
// imports. So the grouping (`groupChunks`) puts chunks together until no area needs more
// than `MAX_FILES` files, aiming every page at its budget in bytes. Not into the main
// module: it is what the initial download is made of.
//
// The loader `__wasm_split.js` is rewritten to match: merged chunks lose their loaders
// and the areas' dependency lists name the group's file instead.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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

// What the grouping aims a page's first visit at, on the scale of its estimate
// (`contentSizes` below: chunks as cut, before wasm-opt, which reads 25–35 % above the
// optimised files). The estimate adds chunks up, so it misjudges a file of many chunks
// (wasm-opt shares their types and folds their duplicate functions) and moves a few KB
// between pages from one aim to the next: `chooseGrouping` tries several aims and keeps
// the one whose heaviest page, measured, is lightest.
export const PAGE_BUDGET = 188 * 1024;
const AIMS_KB = [180, 182, 184, 186, 188, 190, 192, 194, 196];
// Remote mode's module comes at start, before the first page: it keeps what it needs
// (the estimate reads close to its optimised size here: 30 KB aimed, 28.6 measured).
export const REMOTE_BUDGET = 30 * 1024;
// What a file costs beyond its chunks' content: the module's header, types and imports.
export const FILE_OVERHEAD = 220;
// A byte over a budget counts this much more than a byte fetched within it.
const OVER = 100;

// The groups of chunks to put together (each of more than one chunk). `contentOf(file)`
// estimates what a chunk adds to a file it is in (`contentSizes`); `ownOf(area)`, an
// area's own module.
//
// Every area must end within `maxFiles`; within that, the grouping minimises the bytes
// fetched, each page's bytes over `pageBudget` (remote's over `remoteBudget`) counting
// `OVER` times. Remote mode's bytes count five times, an action's module (ui/on_demand.rs,
// after its page has drawn) a tenth. Three steps:
// 1. chunks the same areas fetch become one file (it saves each of them a file's overhead);
// 2. while some area needs more than `maxFiles` files, the two files that cost least to
//    put together, per over-budget area they bring a file closer (divided by the number of
//    such areas squared, favouring merges that help many at once);
// 3. a chunk moves to another file, or to a file of its own, while that lowers the cost
//    and keeps every area within its files — this is what takes merges off a page over
//    its budget onto pages with room.
export function groupChunks(
  { chunks, areas },
  contentOf,
  ownOf = () => 0,
  { maxFiles = MAX_FILES, pageBudget = PAGE_BUDGET, remoteBudget = REMOTE_BUDGET } = {},
) {
  // An area is a bit: a file's users are a mask.
  if (areas.length > 30) throw new Error("groupChunks: more than 30 areas");
  const bit = Object.fromEntries(areas.map((a, i) => [a, 1 << i]));
  const weight = areas.map((a) => (a === "remote" ? 5 : ACTION_PAGES[a] ? 0.1 : 1));
  const budget = areas.map((a) => (a === "remote" ? remoteBudget : ACTION_PAGES[a] ? Infinity : pageBudget));
  const chunk = new Map(
    chunks.map((c) => [c, { mask: fetchers(c.users).reduce((m, u) => m | bit[u], 0), content: contentOf(c.file) }]),
  );
  const file = (members) => ({
    members,
    mask: members.reduce((m, c) => m | chunk.get(c).mask, 0),
    content: members.reduce((n, c) => n + chunk.get(c).content, 0),
  });

  // 1. One file per set of users.
  const bySet = new Map();
  for (const c of chunks) {
    const key = chunk.get(c).mask;
    bySet.set(key, [...(bySet.get(key) ?? []), c]);
  }
  let files = [...bySet.values()].map(file);

  // Each area's estimated first visit and its number of files.
  const bytes = areas.map(ownOf);
  const count = areas.map(() => 1);
  const add = (f, sign) => {
    for (let i = 0; i < areas.length; i++) {
      if (f.mask & (1 << i)) {
        bytes[i] += sign * (FILE_OVERHEAD + f.content);
        count[i] += sign;
      }
    }
  };
  files.forEach((f) => add(f, 1));
  const costOf = (i, b) => weight[i] * b + OVER * Math.max(0, b - budget[i]);
  // What replacing files `out` by `into` ({ mask, content } each) changes in the cost, and
  // whether every area it touches stays within its files.
  const trial = (out, into) => {
    let change = 0;
    let fits = true;
    const touched = [...out, ...into].reduce((m, f) => m | f.mask, 0);
    for (let i = 0; i < areas.length; i++) {
      if (!(touched & (1 << i))) continue;
      let [b, n] = [bytes[i], count[i]];
      for (const f of out) if (f.mask & (1 << i)) [b, n] = [b - FILE_OVERHEAD - f.content, n - 1];
      for (const f of into) if (f.mask & (1 << i)) [b, n] = [b + FILE_OVERHEAD + f.content, n + 1];
      change += costOf(i, b) - costOf(i, bytes[i]);
      fits &&= n <= maxFiles;
    }
    return { change, fits };
  };
  const replace = (out, into) => {
    out.forEach((f) => add(f, -1));
    into.forEach((f) => add(f, 1));
    files = [...files.filter((f) => !out.includes(f)), ...into.filter((f) => f.members.length)];
  };

  // 2. Merge until every area is within its files.
  for (;;) {
    const over = areas.reduce((m, _, i) => (count[i] > maxFiles ? m | (1 << i) : m), 0);
    if (!over) break;
    let best;
    for (let i = 0; i < files.length; i++) {
      for (let j = i + 1; j < files.length; j++) {
        const [g, h] = [files[i], files[j]];
        let gain = 0;
        for (let m = g.mask & h.mask & over; m; m &= m - 1) gain++;
        if (!gain) continue;
        const { change } = trial([g, h], [{ mask: g.mask | h.mask, content: g.content + h.content }]);
        const score = change >= 0 ? change / gain ** 2 : change * gain ** 2;
        if (!best || score < best.score) best = { g, h, score };
      }
    }
    replace([best.g, best.h], [file([...best.g.members, ...best.h.members])]);
  }

  // 3. Move single chunks while it helps.
  for (let moved = true, rounds = 0; moved && rounds < 20; rounds++) {
    moved = false;
    for (const g of [...files]) {
      if (!files.includes(g) || g.members.length === 1) continue;
      for (const c of g.members) {
        const rest = file(g.members.filter((x) => x !== c));
        const { mask, content } = chunk.get(c);
        let best;
        for (const h of [...files.filter((x) => x !== g), null]) {
          const joined = h ? { mask: h.mask | mask, content: h.content + content } : { mask, content };
          const out = h ? [g, h] : [g];
          const t = trial(out, [rest, joined]);
          if (t.fits && t.change < -1 && (!best || t.change < best.change)) best = { h, out, change: t.change };
        }
        if (best) {
          replace(best.out, [rest, file(best.h ? [...best.h.members, c] : [c])]);
          moved = true;
          break;
        }
      }
    }
  }
  return files
    .filter((g) => g.members.length > 1)
    .map((g, i) => ({ name: `__chunk_group${i}`, file: `chunk_group${i}.wasm`, members: g.members, users: [...new Set(g.members.flatMap((c) => fetchers(c.users)))].sort() }));
}

// The grouping for the chunks cut into `dir`: `groupChunks` for each aim of `AIMS_KB`,
// keeping the one whose heaviest page is lightest when each file is measured whole (its
// chunks' code gzipped together: on this app's builds within 10–12 % of the optimised
// file for a page's sum, and ranking the aims as the optimised build does).
export function chooseGrouping(layout, dir) {
  const files = layout.chunks.map((c) => c.file);
  const code = new Map(files.map((f) => [f, codeBytes(join(dir, f))]));
  const contentOf = contentSizes(dir, files);
  const own = new Map(layout.areas.map((a) => [a, codeGzipSize(join(dir, `split_${a}.wasm`))]));
  const pages = layout.areas.filter((a) => a !== "remote" && !ACTION_PAGES[a]);
  let best;
  for (const kb of AIMS_KB) {
    const groups = groupChunks(layout, contentOf, (a) => own.get(a), { pageBudget: kb * 1024 });
    const grouped = new Set(groups.flatMap((g) => g.members));
    const whole = [...groups, ...layout.chunks.filter((c) => !grouped.has(c)).map((c) => ({ members: [c] }))].map((g) => ({
      users: new Set(g.members.flatMap((c) => fetchers(c.users))),
      size: gzip(Buffer.concat(g.members.map((c) => code.get(c.file)))),
    }));
    const visit = (a) => whole.reduce((n, g) => n + (g.users.has(a) ? g.size : 0), own.get(a));
    const heaviest = Math.max(...pages.map(visit));
    if (!best || heaviest < best.heaviest) best = { groups, heaviest, kb, remote: visit("remote") };
  }
  return best;
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

// A module's bytes without its custom sections: straight from the splitter a chunk
// carries its functions' names and its relocations, which outweigh its code and say
// little about its size once optimised.
const codeBytes = (path) => {
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
  return Buffer.concat(kept);
};

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

// A module's gzip size without its custom sections (an area's own module).
const codeGzipSize = (path) => gzip(codeBytes(path));

// What each chunk of `files` (in `dir`) adds to a file it is put in: its code and data
// gzipped after the bytes of the eight smallest chunks, so that what every module repeats
// — header, types, imports — counts once per file (`FILE_OVERHEAD`), not once per chunk.
// (Measured: a file of 194 chunks is 40 KB, their sizes alone add up to 106.) Rounded up
// to 8 bytes: a byte more or less in a chunk must not change which chunks go together.
export function contentSizes(dir, files) {
  const code = new Map(files.map((f) => [f, codeBytes(join(dir, f))]));
  const smallest = [...files].sort((a, b) => code.get(a).length - code.get(b).length || (a < b ? -1 : 1));
  const context = Buffer.concat(smallest.slice(0, 8).map((f) => code.get(f)));
  const base = gzip(context);
  const sizes = new Map(files.map((f) => [f, Math.ceil((gzip(Buffer.concat([context, code.get(f)])) - base) / 8) * 8]));
  return (f) => sizes.get(f);
}

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
