#!/usr/bin/env bash
# Builds bench/wasm (the app's library with benchmark exports) into target/bench-wasm/pkg the way
# scripts/build-release.sh builds the page: the app's Cargo.lock (copied in, so every crate is the
# version the page uses), offline, the same release profile, the pinned nightly with build-std
# (scripts/toolchain.env), then wasm-bindgen --target web and wasm-opt -Oz (what Trunk does for the page).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
out=$root/target/bench-wasm/pkg

cp Cargo.lock bench/wasm/Cargo.lock
. scripts/toolchain.env
echo "bench wasm: $RELEASE_TOOLCHAIN build-std, as the release page"
export RUSTUP_TOOLCHAIN=$RELEASE_TOOLCHAIN
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none --cfg coverage_speed"
# The page's own target folder: the dependencies are the same artifacts, so they are reused.
export CARGO_TARGET_DIR=$root/target/nightly-release
# release: the page's profile (size first, wasm-opt -Oz). speed: the same code at opt-level 3 and
# wasm-opt -O3, only to show what the size-first profile costs in time.
for profile in release speed; do
    dir=$out
    level=-Oz
    if [ "$profile" = speed ]; then dir=$out-speed; level=-O3; fi
    cargo build --offline --profile "$profile" --target wasm32-unknown-unknown --manifest-path bench/wasm/Cargo.toml
    rm -rf "$dir"
    wasm-bindgen --target web --no-typescript --out-dir "$dir" \
        "$CARGO_TARGET_DIR/wasm32-unknown-unknown/$profile/cc_bench_wasm.wasm"
    wasm-opt "$level" "$dir/cc_bench_wasm_bg.wasm" -o "$dir/cc_bench_wasm_bg.wasm"
    echo "bench wasm ($profile): $dir"
done
