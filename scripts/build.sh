#!/usr/bin/env bash
# Builds the release bundle into dist/ with Trunk (offline: see Trunk.toml), checks that wasm-opt
# ran on it at -Oz, and prints its size. Then builds the project office's page into dist/office/
# (office/Trunk.toml), served at /office/ beside the app, and prints its size too. Extra arguments
# go to the app's `trunk build`.
#
#   scripts/build.sh            set-up (app tools only), trunk build --release, size; the office's page, size
#
# The line `bundle: …` is the respondents' app alone (scripts/test.sh quotes it); the office's page
# has its own line, `office page: …`. Order matters: the app's build replaces dist/ entirely, so
# the office's page is built after it.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ "${BOGEN_SKIP_SETUP:-}" = 1 ] || scripts/setup.sh --app
mkdir -p "$CARGO_TARGET_DIR"

# trunk_release LOG HTML ARGS...: trunk build --release into LOG, then checks that wasm-opt ran at
# -Oz (trunk::common logs each tool's arguments at debug level: that is how we see wasm-opt's).
trunk_release() {
  local log=$1 html=$2 code opt_line
  shift 2
  set +e
  trunk build --release --log 'info,trunk::common=debug' "$@" 2>&1 | tee "$log"
  code=${PIPESTATUS[0]}
  set -e
  [ "$code" = 0 ] || { echo "build: trunk build --release $* failed" >&2; exit "$code"; }
  opt_line=$(grep -a 'wasm-opt args' "$log" | tail -n1 || true)
  if [ -z "$opt_line" ]; then
    echo "build: the release build did not run wasm-opt ($html: <link data-trunk rel=\"rust\" data-wasm-opt=\"z\">)" >&2
    exit 1
  fi
  if ! grep -q '"-Oz"' <<<"$opt_line"; then
    echo "build: wasm-opt ran, but not at -Oz: $opt_line" >&2
    echo "build: $html's <link data-trunk rel=\"rust\"> needs data-wasm-opt=\"z\"" >&2
    exit 1
  fi
  echo "build: wasm-opt ran at -Oz on $html ($(wasm-opt --version))"
}

# The respondents' app. Its size is taken before the office's page is in dist/.
trunk_release "$CARGO_TARGET_DIR/trunk-release.log" index.html "$@"
scripts/bundle-size.sh dist

# The project office's page, into dist/office/ (never loaded by the app).
trunk_release "$CARGO_TARGET_DIR/trunk-release-office.log" office/index.html --config office/Trunk.toml
echo "office page (dist/office/, not downloaded by respondents):"
scripts/bundle-size.sh dist/office | sed 's/^bundle: /office page: /'
