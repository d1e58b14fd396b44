// The mock host page's own script: it embeds Partner Console through the public loader.
import { mount } from "./partner-console.js";

const slot = document.getElementById("partner-slot");
const mountButton = document.getElementById("mount");
const unmountButton = document.getElementById("unmount");
let handle = null;

mountButton.addEventListener("click", async () => {
  mountButton.disabled = true;
  const params = new URLSearchParams(location.search);
  handle = await mount(slot, {
    locale: params.get("locale") || "zh-CN",
    // The app's routes live under this page's path, so the host's URL stays its own.
    base: location.pathname.replace(/\/[^/]*$/, "") + "/embed.html",
    theme: { primary: params.get("primary") || "#6b2fb3", primaryDark: "#4f1f88" },
    dbName: params.get("db") || undefined,
    // A host with a backend adds { mode: "remote", backendUrl, authToken } here; the
    // tests set it on the window before this script runs.
    ...(window.partnerConsoleConfig || {}),
  });
  unmountButton.disabled = false;
});

unmountButton.addEventListener("click", () => {
  handle?.unmount();
  handle = null;
  unmountButton.disabled = true;
  mountButton.disabled = false;
});
