# Sourced by the scripts in this folder: repository root, PATH and small helpers.
# shellcheck shell=bash

BOGEN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BOGEN_ROOT
cd "$BOGEN_ROOT"

# cargo-installed tools (trunk, wasm-bindgen, cargo-fuzz) and npm's wasm-opt (binaryen@132,
# which Trunk.toml pins as `version_132`) must both be found by Trunk.
export PATH="$BOGEN_ROOT/tests/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$BOGEN_ROOT/target}"

# Whether the script's own output is a terminal, asked once here: inside "$(bold …)" the output
# is always a pipe.
if [ -t 1 ]; then BOGEN_TTY=1; else BOGEN_TTY=0; fi
bold() { if [ "$BOGEN_TTY" = 1 ]; then printf '\033[1m%s\033[0m' "$*"; else printf '%s' "$*"; fi; }
# Stops the script with a message that says what to do.
die() {
  printf '%s: %s\n' "$(basename "$0")" "$*" >&2
  exit 1
}
