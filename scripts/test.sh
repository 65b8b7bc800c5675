#!/usr/bin/env bash
# THE test command of Bogen: everything CI checks, in order, failing fast. Works from any directory
# and on a fresh machine (it runs scripts/setup.sh first).
#
#   scripts/test.sh
#
# Steps: setup, fmt, clippy (native and wasm32), engine purity, native cargo test, bogen check on
# the questionnaires (valid ones exit 0, broken ones exit 1), wasm-bindgen-test in headless
# Chromium, trunk build --release with the bundle size, end-to-end tests (node:test + playwright-core
# against the release build), and fuzzing of every cargo-fuzz target for a bounded time.
# The run fails if any of the three test layers (native, wasm, end-to-end) ran zero tests, and ends
# with the line `summary: N passed, M failed`.
#
# Conveniences for local runs (ignored when CI=true, where everything runs):
#   BOGEN_SKIP_SETUP=1   do not run scripts/setup.sh
#   BOGEN_SKIP_FUZZ=1    skip fuzzing
#   BOGEN_FUZZ_SECONDS=N fuzz each target for N seconds (default 30)
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [ "${CI:-}" = true ]; then
  for v in BOGEN_SKIP_SETUP BOGEN_SKIP_FUZZ BOGEN_FUZZ_SECONDS; do
    if [ -n "${!v:-}" ]; then echo "test.sh: CI=true, ignoring $v" >&2; unset "$v"; fi
  done
fi
FUZZ_SECONDS="${BOGEN_FUZZ_SECONDS:-30}"

LOGS="$CARGO_TARGET_DIR/test-logs"
mkdir -p "$LOGS"
WASM_TARGET=wasm32-unknown-unknown

# --- bookkeeping: banners, per-step times, test counts, the closing summary -----------------------
declare -a step_names=() step_results=()
current_step=""
step_started=0
run_started=$SECONDS
passed_native=0 passed_wasm=0 passed_e2e=0 failed_tests=0
bundle_line=""

banner() { printf '\n%s\n' "$(bold "==> [$((${#step_names[@]} + 1))] $*")"; }
step() {
  current_step="$1"
  step_started=$SECONDS
  banner "$1"
}
done_step() {
  step_names+=("$current_step")
  step_results+=("${1:-ok} ($((SECONDS - step_started)) s)")
  current_step=""
}
fail() {
  echo "test.sh: $*" >&2
  exit 1
}
summary() {
  local code=$? total=$((passed_native + passed_wasm + passed_e2e))
  [ -n "$current_step" ] && { step_names+=("$current_step"); step_results+=("FAILED ($((SECONDS - step_started)) s)"); }
  printf '\n%s\n' "$(bold '==> summary')"
  local i
  for i in "${!step_names[@]}"; do printf '  %-44s %s\n' "${step_names[$i]}" "${step_results[$i]}"; done
  printf '  tests passed: native %d, wasm %d, end-to-end %d\n' "$passed_native" "$passed_wasm" "$passed_e2e"
  [ -n "$bundle_line" ] && printf '  release bundle: %s\n' "$bundle_line"
  printf '  time: %d s\n' "$((SECONDS - run_started))"
  if [ "$code" -ne 0 ]; then
    [ "$failed_tests" -eq 0 ] && failed_tests=1
    echo "FAILED in step: ${current_step:-${step_names[-1]:-?}}"
  fi
  echo "summary: $total passed, $failed_tests failed"
}
trap summary EXIT

# sum_cargo_results LOG: adds up "test result: ok. N passed; M failed" lines (cargo and
# wasm-bindgen-test-runner print the same line per test binary).
sum_passed() { grep -oE 'test result: (ok|FAILED)\. [0-9]+ passed' "$1" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}'; }
sum_failed() { grep -oE 'test result: (ok|FAILED)\. [0-9]+ passed; [0-9]+ failed' "$1" | sed -E 's/.*; ([0-9]+) failed/\1/' | awk '{s+=$1} END {print s+0}'; }

# node_count pass|fail LOG: the count in node's closing "ℹ pass N" (spec) or "# pass N" (tap) line.
node_count() { grep -aE "^[^[:space:]]+ $1 [0-9]+\$" "$2" | tail -n1 | grep -oE '[0-9]+$' || echo 0; }

# run_logged LOG CMD...: runs CMD, shows its output and keeps a copy in LOG; returns CMD's status.
run_logged() {
  local log=$1; shift
  set +e
  "$@" 2>&1 | tee "$log"
  local code=${PIPESTATUS[0]}
  set -e
  return "$code"
}

# --- 1. set-up -----------------------------------------------------------------------------------
if [ "${BOGEN_SKIP_SETUP:-}" = 1 ]; then
  step "setup (skipped: BOGEN_SKIP_SETUP=1)"; done_step skipped
else
  step "setup: scripts/setup.sh"
  scripts/setup.sh
  done_step
fi

# --- 2. formatting -------------------------------------------------------------------------------
step "cargo fmt --all --check"
cargo fmt --all --check || fail "formatting differs: run 'cargo fmt --all'"
done_step

# --- 3. clippy, native and wasm32 ------------------------------------------------------------------
step "cargo clippy --workspace --all-targets (native)"
cargo clippy --workspace --all-targets --quiet -- -D warnings || fail "clippy found problems (native)"
done_step
step "cargo clippy -p bogen-app (wasm32)"
cargo clippy -p bogen-app --target "$WASM_TARGET" --quiet -- -D warnings || fail "clippy found problems (wasm32)"
done_step

# --- 4. the engine stays pure: no browser crate in its normal dependencies --------------------------
step "engine purity: no browser crates under bogen-engine"
purity_failed=0
for target in native "$WASM_TARGET"; do
  args=(-p bogen-engine -e normal --prefix depth --charset ascii)
  [ "$target" != native ] && args+=(--target "$target")
  tree=$(cargo tree "${args[@]}") || fail "cargo tree ${args[*]} failed"
  # Each line is "<depth><name> v<version> ...": keep the path from the root, report forbidden crates.
  offending=$(awk '
    match($0, /^[0-9]+/) {
      depth = substr($0, 1, RLENGTH) + 0
      split(substr($0, RLENGTH + 1), f, " ")
      path[depth] = f[1]
      if (f[1] ~ /^(yew|yew-.*|web-sys|js-sys|wasm-bindgen|wasm-bindgen-.*|gloo|gloo-.*)$/) {
        p = path[0]; for (i = 1; i <= depth; i++) p = p " -> " path[i]
        if (!(p in shown)) { shown[p] = 1; print p }
      }
    }' <<<"$tree")
  if [ -n "$offending" ]; then
    echo "bogen-engine depends on a browser crate (target $target):"
    sed 's/^/  /' <<<"$offending"
    purity_failed=1
  else
    echo "target $target: $(grep -c . <<<"$tree") dependency lines, none of yew, web-sys, js-sys, wasm-bindgen, gloo"
  fi
done
[ "$purity_failed" = 0 ] || fail "bogen-engine must not depend on yew, web-sys, js-sys, wasm-bindgen or gloo"
done_step

# --- 5. native tests --------------------------------------------------------------------------------
step "cargo test --workspace (native)"
if ! run_logged "$LOGS/native.log" cargo test --workspace; then
  failed_tests=$(sum_failed "$LOGS/native.log")
  fail "native tests failed"
fi
passed_native=$(sum_passed "$LOGS/native.log")
[ "$passed_native" -gt 0 ] || fail "cargo test --workspace ran no test"
done_step "ok, $passed_native passed"

# --- 6. bogen check on the questionnaires -------------------------------------------------------------
step "bogen check: questionnaires valid, broken ones rejected"
cargo build --quiet -p bogen-cli --bin bogen
bogen="$CARGO_TARGET_DIR/debug/bogen"
shopt -s nullglob globstar
valid=(questionnaire/*.json questionnaire/examples/*.json)
broken=(tests/broken/*.json tests/broken/**/*.json tests/e2e/fixtures/broken*.json)
shopt -u nullglob globstar
[ ${#valid[@]} -gt 0 ] || fail "no questionnaire found under questionnaire/"
check_failed=0
for file in "${valid[@]}"; do
  set +e; "$bogen" check "$file"; code=$?; set -e
  [ "$code" = 0 ] || { echo "  expected exit 0 from bogen check $file, got $code"; check_failed=1; }
done
[ -d tests/broken ] || echo "(tests/broken/ does not exist yet: only the end-to-end fixtures are checked as broken)"
declare -A seen_broken=()
n_broken=0
for file in "${broken[@]}"; do
  [ -n "${seen_broken[$file]:-}" ] && continue
  seen_broken[$file]=1; n_broken=$((n_broken + 1))
  set +e; out=$("$bogen" check "$file" 2>&1); code=$?; set -e
  if [ "$code" = 1 ]; then
    echo "$file: rejected as expected ($(grep -c ':[0-9]*:[0-9]*:' <<<"$out") located problems)"
  else
    echo "$out"; echo "  expected exit 1 from bogen check $file, got $code"; check_failed=1
  fi
done
[ "$check_failed" = 0 ] || fail "bogen check did not give the expected exit codes"
done_step "ok, ${#valid[@]} valid, $n_broken broken"

# --- 7. wasm-bindgen-test in headless Chromium ----------------------------------------------------------
step "wasm-bindgen-test (bogen-app, headless Chromium)"
[ -f webdriver.json ] || echo "warning: no webdriver.json beside Cargo.toml; Chromium refuses to start as root without --no-sandbox"
if ! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
  run_logged "$LOGS/wasm.log" cargo test --target "$WASM_TARGET" -p bogen-app; then
  failed_tests=$(sum_failed "$LOGS/wasm.log")
  fail "wasm-bindgen-test failed"
fi
passed_wasm=$(sum_passed "$LOGS/wasm.log")
[ "$passed_wasm" -gt 0 ] || fail "wasm-bindgen-test ran no test (add #[wasm_bindgen_test] tests to bogen-app, with wasm_bindgen_test_configure!(run_in_browser))"
done_step "ok, $passed_wasm passed"

# --- 8. release build and its size -------------------------------------------------------------------------
step "trunk build --release (wasm-opt -Oz), bundle size"
BOGEN_SKIP_SETUP=1 run_logged "$LOGS/build.log" scripts/build.sh || fail "the release build failed"
bundle_line=$(grep -a '^bundle: ' "$LOGS/build.log" | tail -n1 | sed 's/^bundle: //')
done_step

# --- 9. end-to-end tests --------------------------------------------------------------------------------
step "end-to-end tests (node --test tests/e2e/, headless Chromium)"
rm -rf tests/e2e/screenshots
if ! run_logged "$LOGS/e2e.log" node --test --test-reporter=spec --test-concurrency=1 tests/e2e/; then
  failed_tests=$(node_count fail "$LOGS/e2e.log")
  fail "end-to-end tests failed (screenshots: tests/e2e/screenshots/)"
fi
passed_e2e=$(node_count pass "$LOGS/e2e.log")
[ "$passed_e2e" -gt 0 ] || fail "the end-to-end tests ran no test"
done_step "ok, $passed_e2e passed"

# --- 10. fuzzing ------------------------------------------------------------------------------------------
FUZZ_DIR=crates/bogen-engine/fuzz
if [ "${BOGEN_SKIP_FUZZ:-}" = 1 ]; then
  step "fuzzing (skipped: BOGEN_SKIP_FUZZ=1)"; done_step skipped
elif [ ! -f "$FUZZ_DIR/Cargo.toml" ]; then
  step "fuzzing (skipped: $FUZZ_DIR does not exist yet)"; done_step skipped
else
  step "fuzzing: every target for ${FUZZ_SECONDS} s"
  # cargo fuzz needs a nightly compiler; without one, stable accepts the -Z flags with RUSTC_BOOTSTRAP.
  if rustup run nightly rustc --version >/dev/null 2>&1; then
    fuzz=(cargo +nightly fuzz)
  else
    echo "no nightly toolchain: fuzzing with stable and RUSTC_BOOTSTRAP=1"
    export RUSTC_BOOTSTRAP=1
    fuzz=(cargo fuzz)
  fi
  mapfile -t fuzz_targets < <("${fuzz[@]}" list --fuzz-dir "$FUZZ_DIR")
  [ ${#fuzz_targets[@]} -gt 0 ] || fail "cargo fuzz list found no target in $FUZZ_DIR"
  # Fuzz builds use their own target dir (the sanitizer flags would invalidate the main one).
  export CARGO_TARGET_DIR="$BOGEN_ROOT/$FUZZ_DIR/target"
  for target in "${fuzz_targets[@]}"; do
    echo "--- fuzz target $target"
    "${fuzz[@]}" run "$target" --fuzz-dir "$FUZZ_DIR" -- -max_total_time="$FUZZ_SECONDS" \
      || fail "fuzz target $target found a failure (see $FUZZ_DIR/artifacts/$target/)"
  done
  done_step "ok, ${#fuzz_targets[@]} targets"
fi

exit 0
