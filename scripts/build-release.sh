#!/usr/bin/env bash
# Release build of the app into dist/ (make build, make serve, make test).
#
# The page-weight budgets are bytes, and most of a Rust wasm download that is not the app itself
# is panic and formatting machinery from the standard library. So the release wasm is built with
# the pinned nightly (scripts/toolchain.env, installed by scripts/setup.sh) and std rebuilt for
# size: panics abort at once (no messages: a panic is caught by the page as an error either way),
# no file/line strings, no Debug formatting. This saves about 35 KB gzip. `--cfg coverage_speed`
# compiles the Monte Carlo's inner loops for speed (crates/model/src/lib.rs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/toolchain.env

if ! rustup "+$RELEASE_TOOLCHAIN" component list --installed 2>/dev/null | grep -q '^rust-src' ||
    ! rustup "+$RELEASE_TOOLCHAIN" target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    echo "build: $RELEASE_TOOLCHAIN with rust-src and wasm32-unknown-unknown is missing: run scripts/setup.sh (make setup)" >&2
    exit 1
fi
echo "build: release wasm with $RELEASE_TOOLCHAIN and build-std (small download)"
export RUSTUP_TOOLCHAIN=$RELEASE_TOOLCHAIN
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none --cfg coverage_speed"
# Its own target folder, so the stable builds (tests, clippy) keep their caches.
export CARGO_TARGET_DIR=target/nightly-release
trunk build --release --minify "$@"
# The uncertainty page is a second page with its own download, so the calculator's page stays
# within its budget; it is built into dist/uncertainty/ after the main page (which replaces dist/).
trunk build uncertainty/index.html --dist dist/uncertainty --release --minify
# The embed page likewise (dist/embed/): one view for a reader of a post, without the calculator.
trunk build embed/index.html --dist dist/embed --release --minify
# The Suppliers page likewise (dist/suppliers/): several companies at once.
trunk build suppliers/index.html --dist dist/suppliers --release --minify
# The embed builder likewise (dist/publish/): "Embed in your post", a tool for writers that the
# calculator's readers then do not download.
trunk build publish/index.html --dist dist/publish --release --minify

# wasm-bindgen writes its JS glue readable, and Trunk copies it as it is: minified (terser, an npm
# devDependency) it is about a quarter smaller gzipped, 1.3 KiB a page. Only the glue beside each
# page's wasm: the scripts a writer's page includes (static/embed.js) stay readable.
for wasm in dist/*_bg.wasm dist/*/*_bg.wasm; do
    glue="${wasm%_bg.wasm}.js"
    node_modules/.bin/terser "$glue" --module --compress --mangle --output "$glue"
done

# The embed, uncertainty and embed builder pages share styles/app.css with the calculator but
# write only some of its classes: their copies keep the rules their own download can match
# (scripts/prune-css.mjs), about 1.7 KiB gzip less each.
node scripts/prune-css.mjs dist/embed
node scripts/prune-css.mjs dist/uncertainty
node scripts/prune-css.mjs dist/publish

# Strict Content-Security-Policy: trunk's inline loader is allowed by its hash, replacing the
# 'unsafe-inline' that index.html carries for `trunk serve` (scripts/csp-hash.mjs; every page
# under dist/ whose HTML has the policy).
node scripts/csp-hash.mjs dist
