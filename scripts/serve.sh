#!/usr/bin/env bash
# Sets up what is missing, then serves the app (release build, the default questionnaire embedded)
# at http://127.0.0.1:8080 with `trunk serve` (address and port: Trunk.toml). Rebuilds on change.
# Extra arguments go to `trunk serve` (e.g. --port 8081).
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ "${BOGEN_SKIP_SETUP:-}" = 1 ] || scripts/setup.sh --app
exec trunk serve --release "$@"
