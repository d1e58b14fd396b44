// Post-build step (scripts/post-build.mjs runs it before write-embed-loader.mjs): cuts the app into a main
// module and one module per lazy area (src/ui/areas.rs), because Trunk cannot — its
// wasm-bindgen flags are fixed and no hook runs between cargo and wasm-bindgen.
//
// 1. takes cargo's raw wasm (linked with --emit-relocs, see .cargo/config.toml) and splits
//    it with `wasm-split-cli` (wasm_split_cli_support 0.2.4, the splitter cargo-leptos
//    uses) into the main module, the area modules, their shared chunks and the loader
//    `__wasm_split.js`;
// 2. runs wasm-bindgen on the main module with --keep-lld-exports (the area modules link
//    against the main module's function table and memory);
// 3. puts the shared chunks together until no area's first visit needs more than 15 files
//    (scripts/chunk-groups.mjs), then, in release, runs `wasm-opt -Oz` on every module
//    (Trunk's own pass is off: data-wasm-opt="0" in index.html — it would optimise a
//    module thrown away here);
// 4. names every file after a hash of its content (a CDN caches them forever), rewires
//    the imports between them, replaces Trunk's files and fixes the names and SRI
//    hashes in index.html.
//
// Without the `split` feature in the build (nothing to cut) it leaves Trunk's output alone.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { chooseGrouping, featuresOf, mergeChunks, readLoader, rewriteLoader } from "./chunk-groups.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set (run through trunk)");
const release = process.env.TRUNK_PROFILE === "release";
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const targetDir = process.env.CARGO_TARGET_DIR ?? join(source, "target");
const raw = join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug", "partner_console.wasm");

const files = readdirSync(staging);
const oldJs = files.find((f) => /^partner_console-[0-9a-f]+\.js$/.test(f));
const oldWasm = files.find((f) => /^partner_console-[0-9a-f]+_bg\.wasm$/.test(f));
if (!oldJs || !oldWasm) throw new Error(`Trunk's app files not found in ${staging}`);
if (!existsSync(raw)) throw new Error(`cargo's wasm not found at ${raw}`);
if (!readFileSync(raw).includes("__wasm_split_load_")) {
  console.log("split: no split points in this build (feature `split` off); nothing to cut");
} else {
  cutModules();
}

function cutModules() {

  const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
  const hash = (...parts) => {
    const h = createHash("sha256");
    for (const p of parts) h.update(p);
    return h.digest("hex").slice(0, 16);
  };
  const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");

  const work = join(targetDir, "split-work");
  rmSync(work, { recursive: true, force: true });
  const cut = join(work, "cut");
  const bound = join(work, "bound");
  mkdirSync(cut, { recursive: true });
  mkdirSync(bound, { recursive: true });

  // 1. Cut. The loader imports `initSync` from "./app.js": renamed below.
  run("wasm-split-cli", [raw, cut, "--target", "web", "--out-name", "app"]);
  // 2. Bind the main module.
  run("wasm-bindgen", [
    "--target=web",
    "--no-typescript",
    "--keep-lld-exports",
    `--out-dir=${bound}`,
    "--out-name=app",
    join(cut, "app.wasm"),
  ]);
  // 3. Put chunks together until no area needs more than 15 files (chunk-groups.mjs),
  // then optimise every module.
  const loaderPath = join(cut, "__wasm_split.js");
  const { groups, kb: aim } = chooseGrouping(readLoader(readFileSync(loaderPath, "utf8")), cut);
  console.log(`split: chunks grouped aiming pages at ${aim} KB (the grouping's estimate)`);
  for (const g of groups) {
    mergeChunks(run, g.members.map((c) => join(cut, c.file)), join(cut, g.file), work);
    for (const c of g.members) rmSync(join(cut, c.file));
  }
  writeFileSync(loaderPath, rewriteLoader(readFileSync(loaderPath, "utf8"), groups));
  // wasm-merge writes no target_features section: wasm-opt is told the features.
  const features = featuresOf(join(cut, "app.wasm"));
  const optimise = (path) => {
    if (release) run("wasm-opt", ["-Oz", ...features, path, "-o", path]);
  };
  optimise(join(bound, "app_bg.wasm"));
  for (const c of readdirSync(cut).filter((f) => /^(chunk|split)_.*\.wasm$/.test(f))) optimise(join(cut, c));
  const chunks = readdirSync(cut).filter((f) => f.endsWith(".wasm") && f !== "app.wasm");
  const merged = groups.reduce((n, g) => n + g.members.length, 0);
  console.log(`split: ${merged} chunks put together in ${groups.length} files`);

  // 4. Name by content. The main module and the loader import each other, so the main
  // module's name hashes everything both are made of except that cross reference: its own
  // JS (with the loader's name as generated), its wasm and every chunk. The loader's content
  // then follows from those names, and its own name from its content.
  const chunkName = {};
  for (const c of chunks) {
    const bytes = readFileSync(join(cut, c));
    chunkName[c] = `${c.replace(/\.wasm$/, "")}-${hash(bytes)}.wasm`;
  }
  let mainJs = readFileSync(join(bound, "app.js"), "utf8");
  const mainWasm = readFileSync(join(bound, "app_bg.wasm"));
  const mainHash = hash(mainJs, mainWasm, ...chunks.map((c) => readFileSync(join(cut, c))));
  const js = `partner_console-${mainHash}.js`;
  const wasm = `partner_console-${mainHash}_bg.wasm`;

  let loader = readFileSync(join(cut, "__wasm_split.js"), "utf8");
  loader = loader.replace(/from "\.\/app\.js"/g, `from "./${js}"`);
  for (const [c, named] of Object.entries(chunkName)) {
    loader = loader.split(`"./${c}"`).join(`"./${named}"`);
  }
  const loaderName = `split-${hash(loader)}.js`;
  // Only the import lines: the key of the wasm imports object must stay "./__wasm_split.js".
  const importLine = /^(import .* from ['"])\.\/__wasm_split\.js(['"];?)$/gm;
  if (!importLine.test(mainJs)) throw new Error("the main module does not import the split loader");
  mainJs = mainJs.replace(importLine, `$1./${loaderName}$2`);
  // wasm-bindgen's default URL for the wasm (unused: the start script passes it) follows.
  mainJs = mainJs.split("app_bg.wasm").join(wasm);

  // Replace Trunk's files.
  rmSync(join(staging, oldJs));
  rmSync(join(staging, oldWasm));
  writeFileSync(join(staging, js), mainJs);
  writeFileSync(join(staging, wasm), mainWasm);
  writeFileSync(join(staging, loaderName), loader);
  for (const [c, named] of Object.entries(chunkName)) renameSync(join(cut, c), join(staging, named));

  // index.html: the preload links name the new files, with their hashes.
  const indexPath = join(staging, "index.html");
  let html = readFileSync(indexPath, "utf8");
  const relink = (oldName, newName, bytes) => {
    const link = new RegExp(`(<link[^>]*href="[^"]*)${oldName.replace(/[.]/g, "\\.")}("[^>]*integrity=")[^"]*(")`);
    if (!link.test(html)) throw new Error(`index.html has no preload link for ${oldName}`);
    html = html.replace(link, `$1${newName}$2${sri(bytes)}$3`);
    html = html.split(oldName).join(newName);
  };
  relink(oldJs, js, mainJs);
  relink(oldWasm, wasm, mainWasm);
  writeFileSync(indexPath, html);

  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `split: ${js} + ${wasm} (${kb(mainWasm.length)}), ${loaderName}, ${chunks.length} area/shared modules (${kb(
      chunks.reduce((s, c) => s + readFileSync(join(staging, chunkName[c])).length, 0),
    )})`,
  );
  rmSync(work, { recursive: true, force: true });
}
