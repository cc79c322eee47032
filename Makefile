# Compute Coverage: build, serve and test. Every target runs scripts/setup.sh first, which
# installs whatever is missing (and nothing when all is present).
#
#   make serve   release build, served at http://127.0.0.1:8080/
#   make test    formatting, clippy (host + wasm32), host tests, browser tests (wasm-bindgen-test),
#                release build, page-weight budget, end-to-end tests (playwright-core)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# Steps run one at a time, in the order listed, even under `make -j`; the first failure stops make.
.NOTPARALLEL:
MAKEFLAGS += --no-builtin-rules

# wasm-opt 132 (npm binaryen) must win over any other wasm-opt; cargo-installed tools next.
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
# Trunk would otherwise ask crates.io for a newer version on every build.
export TRUNK_SKIP_VERSION_CHECK := true

WASM_TARGET := wasm32-unknown-unknown
PORT := 8080
# The dated nightly of the release build (and of make fuzz): one line in scripts/toolchain.env.
RELEASE_TOOLCHAIN := $(shell sed -n 's/^RELEASE_TOOLCHAIN=//p' scripts/toolchain.env)

.PHONY: help setup build serve test fmt-check clippy clippy-wasm test-host test-wasm page-weight e2e bench fuzz

help:
	@echo "make serve   build and serve the app at http://127.0.0.1:$(PORT)/"
	@echo "make test    run every check and test (installs what is missing first)"
	@echo "make build   release build into dist/"
	@echo "make setup   install the toolchain only"
	@echo "parts of make test: fmt-check clippy clippy-wasm test-host test-wasm page-weight e2e"

setup:
	@scripts/setup.sh

build: setup
	scripts/build-release.sh

serve: build
	@echo "Serving dist/ at http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	python3 -m http.server --bind 127.0.0.1 --directory dist $(PORT)

test: setup fmt-check clippy clippy-wasm test-host test-wasm build page-weight e2e
	@echo "make test: all passed"

fmt-check: setup
	cargo fmt --all --check

clippy: setup
	cargo clippy --workspace --all-targets -- -D warnings

# Every target except benches: they are host-only (criterion is a host dev-dependency).
clippy-wasm: setup
	cargo clippy --target $(WASM_TARGET) -p compute-coverage --lib --bins --tests --examples -- -D warnings
	cargo clippy --target $(WASM_TARGET) -p coverage-model -p coverage-charts --lib -- -D warnings

# The model's and the charts' tests build without the UI; the app's host tests (form state,
# saved scenarios, embed parameters, hostile input) build its pure modules only.
test-host: setup
	cargo test --workspace

test-wasm: setup
	cargo test --target $(WASM_TARGET) -p compute-coverage

page-weight: build
	node scripts/page-weight.mjs dist

e2e: build
	rm -rf target/e2e-screenshots
	node --test tests/e2e/*.test.mjs

# This app against Chart.js, uPlot and Squiggle in one run (release build, the benchmark wasm of the
# app's library, criterion, headless Chromium): writes bench/RESULTS.md and prints its tables.
# First, what takes the bytes of each page's wasm (by crate and module; printed, and written into
# RESULTS.md by run.mjs).
bench: build
	node scripts/size-breakdown.mjs --json target/size-breakdown.json
	bench/build-wasm.sh
	node bench/run.mjs

# Fuzzing (README, "Fuzzing"; not part of make test or CI): each cargo-fuzz target in fuzz/ runs
# for FUZZ_SECONDS (default 60) on the pinned nightly (scripts/toolchain.env), installing cargo-fuzz if missing.
# A crash stops that target, keeps the input in fuzz/artifacts/TARGET/ and fails make fuzz at
# the end; copy the input to tests/fixtures/hostile/ to keep it as a regression test.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= decode_link import_json parse_number project
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2
	@scripts/setup.sh >/dev/null
	@failed=""; for t in $(FUZZ_TARGETS); do \
	    case $$t in \
	        decode_link) extra=../tests/fixtures/hostile/links ;; \
	        import_json) extra=../tests/fixtures/hostile/json ;; \
	        parse_number) extra=../tests/fixtures/hostile/numbers ;; \
	        *) extra= ;; \
	    esac; \
	    mkdir -p fuzz/corpus/$$t; \
	    echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	    (cd fuzz && cargo +$(RELEASE_TOOLCHAIN) fuzz run $$t corpus/$$t seeds/$$t $$extra -- \
	        -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	        -print_final_stats=1) || failed="$$failed $$t"; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: crashes in:$$failed (inputs in fuzz/artifacts/)"; exit 1; fi; \
	echo "fuzz: no crash in $(FUZZ_TARGETS)"
