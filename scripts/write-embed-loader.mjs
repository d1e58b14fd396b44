// Trunk post-build hook:
// 1. writes `partner-console.js`, a stable-named ES module that host pages import to embed
//    the app. It finds the hashed JS, wasm and CSS Trunk just wrote, loads them relative
//    to its own URL, and exports `mount(element, config)`;
// 2. moves Trunk's inline start-up script out of index.html into `start-<hash>.js` with
//    a subresource-integrity hash, so the page runs under a Content-Security-Policy
//    without 'unsafe-inline' (script-src 'self');
// 3. copies index.html to 404.html for static hosts that use it as the SPA fallback.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set (run through trunk)");
const files = readdirSync(dir);
const js = files.find((f) => /^partner_console-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^partner_console-[0-9a-f]+_bg\.wasm$/.test(f));
// The host page keeps its own body: the standalone page's stylesheet is not the host's.
const css = files.filter((f) => f.endsWith(".css") && !f.includes("print") && !f.startsWith("standalone"));
if (!js || !wasm) throw new Error(`hashed app files not found in ${dir}: ${files.join(", ")}`);

const loader = `// Partner Console embed loader (generated at build time; do not edit).
// Usage: import { mount } from "<app url>/partner-console.js";
//        const handle = await mount(element, { locale: "zh-CN", base: "/console/partners" });
//        handle.unmount();
import init, * as app from "./${js}";

const here = import.meta.url;
const styles = ${JSON.stringify(css)};
let ready;
let mounted = 0;

function ensureStyles() {
  for (const name of styles) {
    const href = new URL("./" + name, here).href;
    if (!document.querySelector('link[data-partner-console-css="' + name + '"]')) {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.dataset.partnerConsoleCss = name;
      document.head.appendChild(link);
    }
  }
}

export async function mount(element, config = {}) {
  ready ??= init({ module_or_path: new URL("./${wasm}", here) });
  await ready;
  ensureStyles();
  const handle = app.mount(element, config);
  mounted += 1;
  let live = true;
  return {
    unmount() {
      if (!live) return;
      live = false;
      handle.unmount();
      handle.free();
      mounted -= 1;
      // The last app out takes its stylesheets with it.
      if (mounted === 0) {
        document.querySelectorAll("link[data-partner-console-css]").forEach((l) => l.remove());
      }
    },
  };
}
`;
writeFileSync(join(dir, "partner-console.js"), loader);
console.log(`embed loader: partner-console.js → ${js}, ${wasm}, ${css.length} stylesheets`);

// The start-up script, outside the page: relative to its own URL, so any public URL or
// CDN prefix works.
const indexPath = join(dir, "index.html");
if (existsSync(indexPath)) {
  let html = readFileSync(indexPath, "utf8");
  const start = `import init from "./${js}";
await init({ module_or_path: new URL("./${wasm}", import.meta.url) });
`;
  const hash = createHash("sha256").update(start).digest("hex").slice(0, 16);
  const name = `start-${hash}.js`;
  writeFileSync(join(dir, name), start);
  const sri = "sha384-" + createHash("sha384").update(start).digest("base64");
  const inline = /<script type="module"[^>]*>\s*import init[\s\S]*?<\/script>/;
  if (!inline.test(html)) throw new Error("Trunk's start-up script was not found in index.html");
  html = html.replace(
    inline,
    `<script type="module" src="${name}" integrity="${sri}" crossorigin="anonymous"></script>`,
  );
  // `trunk serve` adds its own inline live-reload script (development only); a build
  // for hosting must have none.
  const devReload = html.includes("__TRUNK_ADDRESS__") || html.includes("TRUNK_WS");
  if (!devReload && (/<script(?![^>]*\bsrc=)[^>]*>/.test(html) || /\sstyle=/.test(html))) {
    throw new Error("index.html still has an inline script or style attribute (strict CSP)");
  }
  writeFileSync(indexPath, html);
  console.log(`start script: ${name} (inline script removed from index.html)`);
  // Static hosts that answer unknown paths with 404.html (instead of a rewrite rule) get
  // the app itself there, so deep links still open the right page.
  copyFileSync(indexPath, join(dir, "404.html"));
}
