#!/usr/bin/env bash
# Makes the project office's release archive: the `bogen` binary with the respondents' release app
# in it (so `bogen bundle` works with nothing else installed), and the documents the office needs.
#
#   scripts/release.sh     -> target/release-archive/bogen-<version>-<platform>.tar.gz (+ .sha256)
#
# The archive holds bin/bogen, README.md (docs/OFFICE.md), SUBMISSION.md, FORMAT.md,
# questionnaire/ (the default questionnaire, its schema and the trusted keys) and office/ (the
# office's page: the same checks and table in a browser, for any web server). Before packing, the
# binary bundles the default questionnaire once, so an archive that cannot do it is never made.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ "${BOGEN_SKIP_SETUP:-}" = 1 ] || scripts/setup.sh --app
BOGEN_SKIP_SETUP=1 scripts/build.sh
echo "release: building bogen (profile release-native) with the app of dist/ in it"
BOGEN_APP_DIST="$BOGEN_ROOT/dist" cargo build --quiet --profile release-native -p bogen-cli --bin bogen
bogen="$CARGO_TARGET_DIR/release-native/bogen"

version=$(git describe --tags --always --dirty 2>/dev/null || echo unknown)
platform=$(rustc -vV | sed -n 's/^host: //p')
name="bogen-$version-$platform"
out="$CARGO_TARGET_DIR/release-archive"
stage="$out/$name"
rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/questionnaire"
cp "$bogen" "$stage/bin/bogen"
[ -f dist/office/index.html ] || die "dist/office/index.html is missing: scripts/build.sh did not build the office's page"
cp -R dist/office "$stage/office"
cp docs/OFFICE.md "$stage/README.md"
cp docs/SUBMISSION.md docs/FORMAT.md "$stage/"
cp questionnaire/erfolgreiche-integration-2005.json questionnaire/questionnaire.schema.json \
  questionnaire/trusted-keys.json "$stage/questionnaire/"

# The binary must do what the archive is for.
check_dir=$(mktemp -d)
trap 'rm -rf "$check_dir"' EXIT
"$stage/bin/bogen" bundle "$stage/questionnaire/erfolgreiche-integration-2005.json" -o "$check_dir/check.html" >/dev/null
"$stage/bin/bogen" check "$stage/questionnaire/erfolgreiche-integration-2005.json" >/dev/null

tar -czf "$out/$name.tar.gz" -C "$out" "$name"
(cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
rm -rf "$stage"
size=$(wc -c <"$out/$name.tar.gz")
echo "release: $out/$name.tar.gz ($(awk -v b="$size" 'BEGIN { printf "%.1f MiB", b / 1048576 }'); sha256 in $name.tar.gz.sha256)"
