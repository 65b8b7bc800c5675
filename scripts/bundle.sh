#!/usr/bin/env bash
# Builds `bogen` with the release app of dist/ in it and makes single-file questionnaires
# (`bogen bundle`) into target/bundles/: the default questionnaire, the examples, and the two
# versions of tests/fixtures/versions/ (the end-to-end tests open them from file://). Prints each
# file's size, raw and gzip, and fails when the default questionnaire's file is not under the
# budget of issue 12 (600 KiB: it travels as an e-mail attachment). Run scripts/build.sh first.
#
#   scripts/bundle.sh              the files above; the last line is the default file's size
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BUDGET_KIB=600
out="$CARGO_TARGET_DIR/bundles"
[ -f dist/index.html ] || { echo "bundle: dist/ holds no release build; run scripts/build.sh first" >&2; exit 1; }
# build.rs embeds dist/ (cargo sees a changed dist/ and builds again).
BOGEN_APP_DIST="$BOGEN_ROOT/dist" cargo build --quiet -p bogen-cli --bin bogen
bogen="$CARGO_TARGET_DIR/debug/bogen"
rm -rf "$out"
mkdir -p "$out"
default=questionnaire/erfolgreiche-integration-2005.json
for questionnaire in "$default" questionnaire/examples/*.json tests/fixtures/versions/integration-kurzbogen-1.0.0.json \
  tests/fixtures/versions/integration-kurzbogen-1.1.0.json tests/e2e/fixtures/upload.json; do
  name=$(basename "$questionnaire" .json)
  "$bogen" bundle "$questionnaire" -o "$out/$name.html"
done
bytes=$(wc -c <"$out/$(basename "$default" .json).html")
gzip_bytes=$(gzip -9 -c "$out/$(basename "$default" .json).html" | wc -c)
kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
if [ "$bytes" -gt $((BUDGET_KIB * 1024)) ]; then
  echo "bundle: $(basename "$default" .json).html is $(kib "$bytes"), over the budget of $BUDGET_KIB KiB" >&2
  exit 1
fi
echo "single file: $(kib "$bytes") raw, $(kib "$gzip_bytes") gzip -9 ($(basename "$default" .json).html; budget $BUDGET_KIB KiB)"
