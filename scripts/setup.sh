#!/usr/bin/env bash
# Installs every tool the build and the tests need, and skips each one that is
# already there at the pinned version. Safe to run again; CI runs it every time.
#
# Only package registries are reachable (crates.io, npm, Debian apt), so every
# tool comes from one of them and Trunk is configured (Trunk.toml) never to
# download anything itself. Measured facts behind the pins: docs/TOOLCHAIN.md.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
CARGO_FUZZ_VERSION=0.13.1
# wasm-bindgen CLI and library must match exactly; the library pin lives in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -n1)
if [ -f Cargo.lock ]; then
  locked=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
  [ -n "$locked" ] && WASM_BINDGEN_VERSION=$locked
fi
: "${WASM_BINDGEN_VERSION:?could not read the wasm-bindgen version from Cargo.toml or Cargo.lock}"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy

if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  # Not --locked: the CLI's own lock file names a crate version the registry no longer serves.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if ! have_version trunk "$TRUNK_VERSION"; then
  # Trunk 0.22 needs a newer rustc than the machine has.
  say "installing trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi
if [ "${BOGEN_SKIP_FUZZ:-}" != 1 ] && ! have_version cargo-fuzz "$CARGO_FUZZ_VERSION"; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver from apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Node packages of the end-to-end tests and wasm-opt (npm binaryen ships a
# current wasm-opt; Debian's is too old for today's rustc output).
if [ ! -f tests/e2e/node_modules/.package-lock.json ] || \
   ! cmp -s tests/e2e/package-lock.json tests/e2e/node_modules/.package-lock.json.copy 2>/dev/null; then
  say "installing node packages (tests/e2e)"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  cp tests/e2e/package-lock.json tests/e2e/node_modules/.package-lock.json.copy
fi
say "tools ready"
