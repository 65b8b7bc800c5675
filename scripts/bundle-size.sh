#!/usr/bin/env bash
# Prints the size of the release bundle: every .wasm and .js file in DIST (default dist/), raw and
# gzip -9, in KiB, and the total. The last line is the total alone (scripts/test.sh quotes it).
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
dist="${1:-dist}"
[ -d "$dist" ] || { echo "bundle-size: $dist does not exist; build first (scripts/build.sh)" >&2; exit 1; }
mapfile -t files < <(find "$dist" -type f \( -name '*.wasm' -o -name '*.js' \) | sort)
[ ${#files[@]} -gt 0 ] || { echo "bundle-size: no .wasm or .js file in $dist" >&2; exit 1; }
kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
total_raw=0 total_gz=0
printf '%-48s %12s %12s\n' "file" "raw" "gzip -9"
for f in "${files[@]}"; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
  printf '%-48s %12s %12s\n' "${f#"$dist"/}" "$(kib "$raw")" "$(kib "$gz")"
done
printf '%-48s %12s %12s\n' "total (.wasm + .js)" "$(kib "$total_raw")" "$(kib "$total_gz")"
echo "bundle: $(kib "$total_raw") raw, $(kib "$total_gz") gzip -9 (.wasm + .js, ${#files[@]} files)"
