// Trunk post-build hook: writes `partner-console.js`, a stable-named ES module that host
// pages import to embed the app. It finds the hashed JS, wasm and CSS Trunk just wrote,
// loads them relative to its own URL, and exports `mount(element, config)`.
import { copyFileSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set (run through trunk)");
const files = readdirSync(dir);
const js = files.find((f) => /^partner_console-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^partner_console-[0-9a-f]+_bg\.wasm$/.test(f));
const css = files.filter((f) => f.endsWith(".css") && !f.includes("print"));
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

// Static hosts that answer unknown paths with 404.html (instead of a rewrite rule) get the
// app itself there, so deep links still open the right page.
if (existsSync(join(dir, "index.html"))) {
  copyFileSync(join(dir, "index.html"), join(dir, "404.html"));
}
