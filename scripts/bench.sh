#!/usr/bin/env bash
# The side-by-side benchmark of Bogen against SurveyJS (issue 13; bench/README.md says what it
# measures and how to read it). Installs bench/'s pinned npm packages when its lock file changed,
# builds the release app into dist/, then generates the questionnaires and measures.
# Not part of scripts/test.sh: it asserts nothing, and it takes a while (about 30 minutes with
# the default 10 loads on two shared cores).
#
#   scripts/bench.sh                          everything, 10 cold loads each
#   scripts/bench.sh --loads 3 --sizes 2000   options go to bench/run.mjs
#   BOGEN_SKIP_BUILD=1 scripts/bench.sh ...   measure dist/ as it is (no rebuild)
#   BOGEN_SKIP_SETUP=1 scripts/bench.sh ...   build without running scripts/setup.sh --app first
#
# Results: bench/out/results.json, summary.md, chart.svg (and chart.png), raw.json.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

say() { printf '%s %s\n' "$(bold bench:)" "$*"; }

[ -x "${BOGEN_CHROMIUM:-/usr/bin/chromium}" ] || {
  echo "bench: no Chromium at ${BOGEN_CHROMIUM:-/usr/bin/chromium}; run scripts/setup.sh (it installs Debian's)" >&2
  exit 2
}

# node_modules is current when it was installed from exactly the committed lock file.
lock_stamp=bench/node_modules/.bogen-installed-from.lock
if [ ! -d bench/node_modules/survey-core ] || ! cmp -s bench/package-lock.json "$lock_stamp" 2>/dev/null; then
  say "installing bench/'s node packages (npm ci: survey-core, survey-js-ui, playwright-core)"
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
  cp bench/package-lock.json "$lock_stamp"
fi

if [ "${BOGEN_SKIP_BUILD:-}" != 1 ]; then
  say "building the release app (scripts/build.sh)"
  scripts/build.sh
fi

say "measuring (node bench/run.mjs $*)"
exec node bench/run.mjs "$@"
