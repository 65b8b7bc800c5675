#!/usr/bin/env bash
# Installs every tool the build and the tests need, and skips each one that is
# already there at the pinned version. Safe to run again (a second run takes a
# second or two); CI runs it every time. Works from any directory.
#
#   scripts/setup.sh            everything: build, serve, all tests, fuzzing
#   scripts/setup.sh --app      only what building and serving the app need
#
# Only package registries are reachable (crates.io, npm, Debian apt), so every
# tool comes from one of them and Trunk is configured (Trunk.toml) never to
# download anything itself. Measured facts behind the pins: docs/TOOLCHAIN.md.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

app_only=0
case "${1:-}" in
  --app) app_only=1 ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [--app]" >&2; exit 2 ;;
esac

# Trunk 0.22 needs rustc >= 1.96.1; the machine's stable is 1.95.
TRUNK_VERSION=0.21.14
CARGO_FUZZ_VERSION=0.13.2
# wasm-bindgen CLI and library must match exactly: the version comes from Cargo.lock
# (the resolved one), falling back to the `=x.y.z` pin in Cargo.toml.
WASM_BINDGEN_VERSION=""
if [ -f Cargo.lock ]; then
  WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
fi
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { *version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml | head -n1)
fi
: "${WASM_BINDGEN_VERSION:?could not read the wasm-bindgen version from Cargo.lock or Cargo.toml}"

say() { printf '%s %s\n' "$(bold setup:)" "$*"; }
# has_version TOOL VERSION: TOOL is on PATH and `TOOL --version` names exactly VERSION.
has_version() {
  command -v "$1" >/dev/null 2>&1 || return 1
  "$1" --version 2>/dev/null | head -n1 | tr -s ' ' '\n' | grep -qxF "$2"
}

# Two set-ups at once (two engineers, or a test run beside a serve) must not both
# reinstall the node packages or a cargo tool.
exec 9>"${TMPDIR:-/tmp}/bogen-setup.lock"
flock 9

started=$SECONDS
installed=()

# --- Rust: the wasm target and the components the checks use --------------------------
for cmd in rustup cargo; do
  command -v "$cmd" >/dev/null || { echo "setup: $cmd not found; this machine needs a rustup-managed Rust toolchain" >&2; exit 1; }
done
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
  installed+=("rustup target wasm32-unknown-unknown")
fi
components=$(rustup component list --installed 2>/dev/null)
for component in rustfmt clippy; do
  if ! grep -q "^$component" <<<"$components"; then
    say "adding the rustup component $component"
    rustup component add "$component"
    installed+=("rustup component $component")
  fi
done

# Trunk runs cargo with --offline (Trunk.toml), so every crate of Cargo.lock must be downloaded
# first; a no-op taking a fraction of a second when they are.
cargo fetch --quiet

# --- cargo-installed tools ----------------------------------------------------------------
if ! has_version wasm-bindgen "$WASM_BINDGEN_VERSION" || ! has_version wasm-bindgen-test-runner "$WASM_BINDGEN_VERSION"; then
  # Not --locked: the CLI's own lock file names a crate version the registry no longer serves.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, ~2 min)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  installed+=("wasm-bindgen-cli $WASM_BINDGEN_VERSION")
fi
if ! has_version trunk "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (cargo install, ~6 min)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
  installed+=("trunk $TRUNK_VERSION")
fi

# --- Node packages: wasm-opt (npm binaryen@132), playwright-core, axe-core -------------------
if ! command -v npm >/dev/null 2>&1; then
  say "installing nodejs and npm from apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
  installed+=("apt: nodejs npm")
fi
# node_modules is current when it was installed from exactly the committed lock file.
lock_stamp=tests/e2e/node_modules/.bogen-installed-from.lock
if [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] || ! cmp -s tests/e2e/package-lock.json "$lock_stamp" 2>/dev/null; then
  say "installing node packages (npm ci in tests/e2e)"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  cp tests/e2e/package-lock.json "$lock_stamp"
  installed+=("npm ci (tests/e2e)")
fi

if [ "$app_only" = 0 ]; then
  # --- Python packages of the documented verification recipe (docs/SUBMISSION.md) ----------
  # A virtual environment of its own, current when it was made from exactly the committed pins.
  venv=tests/e2e/.venv
  venv_stamp=$venv/.bogen-installed-from.txt
  if [ ! -x "$venv/bin/python" ] || ! cmp -s tests/e2e/requirements.txt "$venv_stamp" 2>/dev/null; then
    say "installing the Python recipe's packages (pip, into $venv)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/e2e/requirements.txt
    cp tests/e2e/requirements.txt "$venv_stamp"
    installed+=("pip: tests/e2e/requirements.txt")
  fi

  # --- Browser for wasm-bindgen-test and the end-to-end tests: Debian's, never a download --
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing chromium and chromium-driver from apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
    installed+=("apt: chromium chromium-driver")
  fi

  # --- Fuzzing ------------------------------------------------------------------------------
  if ! has_version cargo-fuzz "$CARGO_FUZZ_VERSION"; then
    say "installing cargo-fuzz $CARGO_FUZZ_VERSION (cargo install, ~1 min)"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
    installed+=("cargo-fuzz $CARGO_FUZZ_VERSION")
  fi
  # cargo fuzz wants a nightly compiler. The image carries one; no toolchain can be downloaded
  # here, so scripts/test.sh falls back to stable with RUSTC_BOOTSTRAP=1 when it is missing.
  if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    say "note: no nightly toolchain; fuzzing will use stable with RUSTC_BOOTSTRAP=1"
  fi
fi

if [ ${#installed[@]} -eq 0 ]; then
  say "all tools present at their pinned versions ($((SECONDS - started)) s)"
else
  say "installed: $(IFS=,; echo "${installed[*]}" | sed 's/,/, /g') ($((SECONDS - started)) s)"
fi
