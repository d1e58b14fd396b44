# Partner Console — the two commands of the README, and the steps they are made of.
# `make serve` builds and serves the app; `make test` runs every test layer. Both install
# what is missing first (scripts/setup.sh is idempotent).

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# The wasm build is the same wherever the project is cloned: the build script's output
# directory (absolute, with the clone's path) is named in panic locations, and a longer or
# shorter path moved every byte after it, so the chunks were put together differently and
# every file got another name. Includes .cargo/config.toml's flags, which this replaces.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS := -Clink-args=--emit-relocs --cfg erase_components --remap-path-prefix=$(CURDIR)=.
PUBLIC_URL ?= /
E2E_DIST := target/dist-e2e

.PHONY: serve serve-remote test-server fuzz-server test setup setup-test dist size test-native lint test-browser e2e build-e2e bench screenshots

## Build and serve the app in local mode on http://127.0.0.1:8080 (rebuilds on change).
serve: setup
	trunk serve --address 127.0.0.1 --port 8080

## Every test layer: native, browser unit, end-to-end, then the benchmark figures.
test: setup-test lint test-native test-server fuzz-server test-browser build-e2e bench e2e

## The app in remote mode on http://127.0.0.1:8090 behind the reference server (server/),
## on a persistent PostgreSQL cluster in target/pg-demo (fsync on), seeded with the demo;
## prints the demo sign-ins. Stop with Ctrl-C; `scripts/pg.sh stop target/pg-demo` stops
## the database.
serve-remote: setup-test
	trunk build --release
	scripts/pg.sh start $(CURDIR)/target/pg-demo 55440 --fsync
	DATABASE_URL=postgres://postgres@127.0.0.1:55440/postgres DIST=dist DEMO=1 \
	  cargo run --release --quiet -p partner_server -- serve

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

## Release build into dist/ (PUBLIC_URL=/partners/ for a sub-path), then its size report.
dist: setup
	trunk build --release --public-url $(PUBLIC_URL)
	@node scripts/size-report.mjs dist

size:
	@node scripts/size-report.mjs dist

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p partner_console --features split --lib --quiet -- -D warnings

test-native:
	cargo test --quiet

## The reference server's tests against a throwaway PostgreSQL cluster (a fresh database
## per test), removed whatever happens.
test-server:
	scripts/pg.sh run $(CURDIR)/target/pg-test 55439 -- cargo test -p partner_server --quiet

## Contract fuzzing: schemathesis (pinned, venv in target/) generates valid and invalid
## requests from public/openapi.yaml against the server on a throwaway cluster.
fuzz-server:
	scripts/pg.sh run $(CURDIR)/target/pg-fuzz 55443 -- scripts/fuzz-server.sh

test-browser:
	cargo test --target wasm32-unknown-unknown -p partner_console --test browser

## End-to-end: the release build under /partners/ behind a static server with the SPA
## fallback, driven by Playwright in Debian's Chromium.
## Remote mode's scenarios run against the reference server (release build, TEST_HOOKS=1)
## on a throwaway cluster, removed whatever happens.
e2e: build-e2e
	cargo build --release --quiet -p partner_server
	scripts/pg.sh run $(CURDIR)/target/pg-e2e 55441 -- npx playwright test $(E2E_ARGS)

build-e2e: setup
	trunk build --release --public-url /partners/ --dist $(E2E_DIST)

## Figures, not pass/fail: release size report (initial download, each area's first
## visit), the domain benchmark (native), the statement benchmark in headless Chromium
## against the release build, side by side, load times on a throttled network, and the
## reference server under wrk next to pgbench's ceiling (fsync on).
bench: build-e2e
	@node scripts/size-report.mjs $(E2E_DIST)
	cargo bench --quiet --bench domain > target/bench-native.txt && cat target/bench-native.txt
	node scripts/bench-statements.mjs $(E2E_DIST) target/bench-native.txt
	node scripts/bench-load.mjs $(E2E_DIST)
	scripts/bench-server.sh

## Every page at 390 and 1280 px in both languages (release build, sample data), into
## target/screenshots/.
screenshots: build-e2e
	node scripts/screenshots.mjs $(E2E_DIST) target/screenshots
