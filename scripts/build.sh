#!/usr/bin/env bash
# Builds the release bundle into dist/ with Trunk (offline: see Trunk.toml), checks that wasm-opt
# ran on it at -Oz, and prints its size. Extra arguments go to `trunk build`.
#
#   scripts/build.sh            set-up (app tools only), trunk build --release, size
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ "${BOGEN_SKIP_SETUP:-}" = 1 ] || scripts/setup.sh --app
log="$CARGO_TARGET_DIR/trunk-release.log"
mkdir -p "$CARGO_TARGET_DIR"
# trunk::common logs each tool's arguments at debug level: that is how we see wasm-opt's.
set +e
trunk build --release --log 'info,trunk::common=debug' "$@" 2>&1 | tee "$log"
code=${PIPESTATUS[0]}
set -e
[ "$code" = 0 ] || { echo "build: trunk build --release failed" >&2; exit "$code"; }

opt_line=$(grep -a 'wasm-opt args' "$log" | tail -n1 || true)
if [ -z "$opt_line" ]; then
  echo "build: the release build did not run wasm-opt (index.html: <link data-trunk rel=\"rust\" data-wasm-opt=\"z\">)" >&2
  exit 1
fi
if ! grep -q '"-Oz"' <<<"$opt_line"; then
  echo "build: wasm-opt ran, but not at -Oz: $opt_line" >&2
  echo "build: index.html's <link data-trunk rel=\"rust\"> needs data-wasm-opt=\"z\"" >&2
  exit 1
fi
echo "build: wasm-opt ran at -Oz ($(wasm-opt --version))"
scripts/bundle-size.sh dist
