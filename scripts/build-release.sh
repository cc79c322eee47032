#!/usr/bin/env bash
# Release build of the app into dist/ (make build, make serve, make test).
#
# The page-weight budget is bytes, and most of a Rust wasm download that is not the app itself
# is panic and formatting machinery from the standard library. So when the machine's nightly
# toolchain has rust-src and the wasm32 target (scripts/setup.sh adds both), the release wasm
# is built with std rebuilt for size: panics abort at once (no messages: a panic is caught by
# the page as an error either way), no file/line strings, no Debug formatting. This saves about
# 35 KB gzip. Without nightly the stable build is used and is larger.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if rustup +nightly target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown &&
    rustup +nightly component list --installed 2>/dev/null | grep -q '^rust-src'; then
    echo "build: release wasm with nightly build-std (small download)"
    export RUSTUP_TOOLCHAIN=nightly
    export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
    # Its own target folder, so the stable builds (tests, clippy) keep their caches.
    export CARGO_TARGET_DIR=target/nightly-release
else
    echo "build: nightly rust-src or wasm32 target missing: building with stable (larger download)" >&2
fi
trunk build --release --minify "$@"
# The uncertainty page is a second page with its own download, so the calculator's page stays
# within its budget; it is built into dist/uncertainty/ after the main page (which replaces dist/).
trunk build uncertainty/index.html --dist dist/uncertainty --release --minify

# Strict Content-Security-Policy: trunk's inline loader is allowed by its hash, replacing the
# 'unsafe-inline' that index.html carries for `trunk serve` (scripts/csp-hash.mjs; every page
# under dist/ whose HTML has the policy).
node scripts/csp-hash.mjs dist
