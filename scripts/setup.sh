#!/usr/bin/env bash
# Installs what building (and, with `test`, testing) needs; skips whatever is already
# there at the right version. Safe to run any number of times.
#   scripts/setup.sh build   — Rust wasm target, Trunk, wasm-bindgen CLI, npm tools
#   scripts/setup.sh test    — the above plus Chromium, ChromeDriver, PostgreSQL 15 and wrk
set -euo pipefail
cd "$(dirname "$0")/.."
want="${1:-build}"
say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# Rust: the toolchain comes from rust-toolchain.toml; the wasm target is added once.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Trunk 0.21.14 (0.22 needs a newer rustc than this machine can fetch).
if [ "$(trunk --version 2>/dev/null || true)" != "trunk 0.21.14" ]; then
  say "installing trunk 0.21.14 (takes several minutes)"
  cargo install trunk --version 0.21.14 --locked
fi

# wasm-bindgen CLI at exactly the version Cargo.lock pins (Trunk refuses any other).
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg" ]; then
  say "installing wasm-bindgen-cli $wbg"
  # Not --locked: its own lockfile pins a crate this registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$wbg"
fi

# The splitter that cuts the lazy area modules (scripts/split-wasm.mjs). It has no
# --version: a marker file next to it records the version installed.
if [ ! -x "$HOME/.cargo/bin/wasm-split-cli" ] || [ "$(cat "$HOME/.cargo/bin/.wasm-split-cli.version" 2>/dev/null)" != "0.2.4" ]; then
  say "installing wasm-split-cli 0.2.4"
  cargo install --locked wasm_split_cli_support --version 0.2.4 --features build-binary
  echo 0.2.4 > "$HOME/.cargo/bin/.wasm-split-cli.version"
fi

# npm tools: binaryen 132's wasm-opt (Debian's 108 corrupts rustc 1.95 output), Playwright.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.lock-hash ] || [ "$(cat node_modules/.lock-hash)" != "$lock_hash" ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.lock-hash
fi

if [ "$want" = "test" ]; then
  # Chromium, and a CJK font: the reconciliation printed to PDF is read back as text
  # (a Chinese character without a font to draw it would print as an empty box).
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  # PostgreSQL 15 for the server's tests (scripts/pg.sh runs throwaway clusters from
  # its binaries) and wrk for the load benchmarks.
  [ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
  command -v wrk >/dev/null || missing+=(wrk)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}"
  fi
fi
say "ready ($want)"
