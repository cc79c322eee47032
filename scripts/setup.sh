#!/usr/bin/env bash
# Installs what building and testing Compute Coverage needs, skipping whatever is already there
# at the right version. Every make target runs it first; a second run installs nothing.
#
# Steps: wasm32 target, rustfmt + clippy, the pinned nightly for the release build, Chromium + chromedriver (apt), trunk, wasm-bindgen-cli,
# npm devDependencies (wasm-opt from binaryen, terser, playwright-core), cargo fetch (trunk builds offline).
# Versions are the ones verified together in TOOLCHAIN.md; change them here and in Trunk.toml.
set -euo pipefail

TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130" # must equal wasm-bindgen in Cargo.lock and [tools] in Trunk.toml
WASM_TARGET="wasm32-unknown-unknown"

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

installed_any=0

say() { echo "setup: $*"; }
ok() { say "$1 ok (already installed)"; }
installing() {
    say "installing $1..."
    installed_any=1
}
# Runs a command for a step; on failure names the step and stops.
run() {
    local step="$1"
    shift
    if ! "$@"; then
        say "FAILED: $step (command: $*)" >&2
        exit 1
    fi
}
fail() {
    say "FAILED: $1" >&2
    exit 1
}
# Prints the version a tool reports (second word of `tool --version`), or nothing if missing.
tool_version() {
    command -v "$1" >/dev/null 2>&1 || return 0
    "$1" --version 2>/dev/null | awk 'NR == 1 { print $2 }' || true
}
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        return 1
    fi
}

# --- prerequisites this script does not install ------------------------------------------------
command -v rustup >/dev/null 2>&1 || fail "rustup not found: install Rust with rustup first"
command -v cargo >/dev/null 2>&1 || fail "cargo not found on PATH"
command -v node >/dev/null 2>&1 || fail "node not found: Node.js 20 or newer is required"
command -v npm >/dev/null 2>&1 || fail "npm not found: Node.js 20 or newer (with npm) is required"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || fail "Node.js $(node --version) is too old: version 20 or newer is required"
command -v python3 >/dev/null 2>&1 || fail "python3 not found (make serve uses it)"

if [ -f Cargo.lock ]; then
    locked_wb="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"
    if [ -n "$locked_wb" ] && [ "$locked_wb" != "$WASM_BINDGEN_VERSION" ]; then
        fail "Cargo.lock has wasm-bindgen $locked_wb but scripts/setup.sh and Trunk.toml pin $WASM_BINDGEN_VERSION: make them equal"
    fi
fi

# --- Rust target and components -----------------------------------------------------------------
if rustup target list --installed | grep -qx "$WASM_TARGET"; then
    ok "rust target $WASM_TARGET"
else
    installing "rust target $WASM_TARGET"
    run "rust target $WASM_TARGET" rustup target add "$WASM_TARGET"
fi

for component in rustfmt clippy; do
    if rustup component list --installed | grep -q "^$component"; then
        ok "rust component $component"
    else
        installing "rust component $component"
        run "rust component $component" rustup component add "$component"
    fi
done

# --- the pinned nightly for the small release build (scripts/build-release.sh) ---------------------
# Dated (scripts/toolchain.env), with the standard library's sources and the wasm32 target: the
# release wasm is built with std rebuilt for size, which only a nightly can do.
# shellcheck source=scripts/toolchain.env
. scripts/toolchain.env
if rustup toolchain list | grep -q "^$RELEASE_TOOLCHAIN" &&
    rustup "+$RELEASE_TOOLCHAIN" target list --installed 2>/dev/null | grep -qx "$WASM_TARGET" &&
    rustup "+$RELEASE_TOOLCHAIN" component list --installed 2>/dev/null | grep -q '^rust-src'; then
    ok "release toolchain $RELEASE_TOOLCHAIN (rust-src, $WASM_TARGET)"
else
    installing "release toolchain $RELEASE_TOOLCHAIN with rust-src and $WASM_TARGET (about 1 min)"
    run "rustup toolchain install $RELEASE_TOOLCHAIN" rustup toolchain install "$RELEASE_TOOLCHAIN" \
        --profile minimal --component rust-src --target "$WASM_TARGET"
fi
# The release build runs offline, so the standard library's own dependencies must be cached.
std_manifest="$(rustc "+$RELEASE_TOOLCHAIN" --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
if cargo "+$RELEASE_TOOLCHAIN" fetch --offline --quiet --manifest-path "$std_manifest" >/dev/null 2>&1; then
    ok "standard library crate sources"
else
    installing "standard library crate sources"
    run "cargo fetch (standard library sources)" cargo "+$RELEASE_TOOLCHAIN" fetch --quiet --manifest-path "$std_manifest"
fi

# --- Chromium and chromedriver (Debian packages from the same source: versions match) -----------
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    ok "chromium + chromedriver"
else
    installing "chromium + chromedriver (apt)"
    export DEBIAN_FRONTEND=noninteractive
    run "apt-get update (for chromium)" as_root apt-get update
    run "apt-get install chromium chromium-driver" as_root apt-get install -y chromium chromium-driver
fi

# --- trunk ----------------------------------------------------------------------------------------
if [ "$(tool_version trunk)" = "$TRUNK_VERSION" ]; then
    ok "trunk $TRUNK_VERSION"
else
    installing "trunk $TRUNK_VERSION (cargo install, about 6 min)"
    run "cargo install trunk $TRUNK_VERSION" cargo install trunk --version "$TRUNK_VERSION" --locked
    [ "$(tool_version trunk)" = "$TRUNK_VERSION" ] ||
        fail "trunk on PATH ($(command -v trunk)) reports '$(tool_version trunk)', expected $TRUNK_VERSION"
fi

# --- wasm-bindgen-cli (wasm-bindgen + wasm-bindgen-test-runner) -----------------------------------
# Without --locked: its lockfile wants a crate version the registry no longer serves.
if [ "$(tool_version wasm-bindgen)" = "$WASM_BINDGEN_VERSION" ] &&
    [ "$(tool_version wasm-bindgen-test-runner)" = "$WASM_BINDGEN_VERSION" ]; then
    ok "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
else
    installing "wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, about 2 min)"
    run "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION" \
        cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
    for tool in wasm-bindgen wasm-bindgen-test-runner; do
        [ "$(tool_version "$tool")" = "$WASM_BINDGEN_VERSION" ] ||
            fail "$tool on PATH ($(command -v "$tool")) reports '$(tool_version "$tool")', expected $WASM_BINDGEN_VERSION"
    done
fi

# --- npm devDependencies (exact versions from package-lock.json) ----------------------------------
npm_versions_match() {
    node -e '
        const fs = require("fs");
        const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
        for (const name of ["binaryen", "playwright-core", "terser"]) {
            const want = lock.packages["node_modules/" + name].version;
            const file = "node_modules/" + name + "/package.json";
            if (!fs.existsSync(file)) process.exit(1);
            if (JSON.parse(fs.readFileSync(file, "utf8")).version !== want) process.exit(1);
        }
    ' 2>/dev/null
}
if [ -d node_modules ] && [ -f node_modules/.package-lock.json ] &&
    ! [ package-lock.json -nt node_modules/.package-lock.json ] && npm_versions_match; then
    ok "npm devDependencies (binaryen, playwright-core, terser)"
else
    installing "npm devDependencies (npm ci)"
    run "npm ci" npm ci --no-audit --no-fund
fi
wasm_opt_version="$(node_modules/.bin/wasm-opt --version 2>/dev/null | awk '{ print $3 }' || true)"
[ "$wasm_opt_version" = "132" ] ||
    fail "node_modules/.bin/wasm-opt reports version '$wasm_opt_version', expected 132 (binaryen@132.0.0)"

# --- crate sources (trunk runs cargo with --offline) ----------------------------------------------
if cargo fetch --offline >/dev/null 2>&1; then
    ok "crate sources (cargo fetch)"
else
    installing "crate sources (cargo fetch)"
    run "cargo fetch" cargo fetch
fi

if [ "$installed_any" -eq 0 ]; then
    say "everything is present, nothing installed"
else
    say "done"
fi
