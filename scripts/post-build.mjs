// Trunk's post-build hook. Trunk starts the hooks of one stage all at once, and these
// steps depend on each other, so they run here one after the other: first the lazy area
// modules are cut (the app's file names change), then the embed loader and the start-up
// script are written against the final names; last, release builds get precompressed
// copies of every file.
await import("./split-wasm.mjs");
await import("./write-embed-loader.mjs");
await import("./precompress.mjs");
