#!/usr/bin/env bash
# Sets up what is missing, then serves the app (release build, the default questionnaire embedded)
# at http://127.0.0.1:8080 with `trunk serve` (address and port: Trunk.toml). Rebuilds on change.
# Extra arguments go to `trunk serve` (e.g. --port 8081).
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ "${BOGEN_SKIP_SETUP:-}" = 1 ] || scripts/setup.sh --app
# Its own output folder: dist/ holds the plain release build that scripts/build.sh makes and the
# end-to-end tests load; `trunk serve` adds its auto-reload script to the page it builds.
exec trunk serve --release --dist "$CARGO_TARGET_DIR/serve-dist" "$@"
