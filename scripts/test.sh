#!/usr/bin/env bash
# THE test command of Bogen: everything CI checks, in order, failing fast. Works from any directory
# and on a fresh machine (its first step runs scripts/setup.sh).
#
#   scripts/test.sh
#
# Steps, in order (names for BOGEN_STEPS in brackets):
#   [setup]   scripts/setup.sh: install what is missing, skip what is there at the pinned version
#   [fmt]     cargo fmt --all --check
#   [clippy]  cargo clippy --workspace --all-targets -D warnings, and for bogen-app, bogen-office
#             and bogen-office-app on wasm32
#   [purity]  bogen-engine and bogen-office (default features) depend on no browser crate (yew,
#             web-sys, js-sys, wasm-bindgen, gloo)
#   [native]  cargo test --workspace
#   [check]   bogen check: questionnaire/*.json and questionnaire/examples/*.json exit 0,
#             tests/broken/**/*.json and tests/e2e/fixtures/broken*.json exit 1
#   [benchlib] node --test bench/lib/: the benchmark's statistics and budget verdicts (the
#             benchmark itself runs apart: scripts/bench.sh)
#   [wasm]    wasm-bindgen-test of bogen-app in headless Chromium
#   [build]   trunk build --release (wasm-opt -Oz checked), bundle size of dist/
#   [bundle]  scripts/bundle.sh: bogen with dist/ in it makes single-file questionnaires into
#             target/bundles/ (the e2e tests open them from file://); their size, and the budget
#   [e2e]     node --test tests/e2e/ (playwright-core, Debian's Chromium) against dist/
#   [fresh]   the README's first command as a new user runs it (scripts/try-readme.sh): clones the
#             committed HEAD into a temporary folder, runs scripts/serve.sh there on a free port,
#             checks the served start page in Chromium, stops the server
#   [fuzz]    every cargo-fuzz target of crates/bogen-engine/fuzz for BOGEN_FUZZ_SECONDS (30) s
# The run fails if any of the three test layers (native, wasm, e2e) ran zero tests, and ends with the
# line `summary: N passed, M failed` (N: tests passed across the three layers and the bench library).
#
# Conveniences for local runs, ignored when CI=true (CI runs everything):
#   BOGEN_STEPS="wasm build e2e"  run only these steps (the zero-test rule applies to those run)
#   BOGEN_SKIP_SETUP=1            skip the setup step
#   BOGEN_SKIP_FUZZ=1             skip the fuzz step
#   BOGEN_FUZZ_SECONDS=N          fuzz each target for N seconds
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ALL_STEPS=(setup fmt clippy purity native check benchlib wasm build bundle e2e fresh fuzz)
if [ "${CI:-}" = true ]; then
  for v in BOGEN_STEPS BOGEN_SKIP_SETUP BOGEN_SKIP_FUZZ BOGEN_FUZZ_SECONDS; do
    if [ -n "${!v:-}" ]; then echo "test.sh: CI=true, ignoring $v" >&2; unset "$v"; fi
  done
fi
read -r -a STEPS <<<"${BOGEN_STEPS:-${ALL_STEPS[*]}}"
for s in "${STEPS[@]}"; do
  [[ " ${ALL_STEPS[*]} " == *" $s "* ]] || { echo "test.sh: unknown step '$s' (steps: ${ALL_STEPS[*]})" >&2; exit 2; }
done
[ "${BOGEN_SKIP_SETUP:-}" = 1 ] && STEPS=("${STEPS[@]/setup/}")
[ "${BOGEN_SKIP_FUZZ:-}" = 1 ] && STEPS=("${STEPS[@]/fuzz/}")
FUZZ_SECONDS="${BOGEN_FUZZ_SECONDS:-30}"
FUZZ_DIR=crates/bogen-engine/fuzz
WASM_TARGET=wasm32-unknown-unknown
LOGS="$CARGO_TARGET_DIR/test-logs"
mkdir -p "$LOGS"

# --- bookkeeping: banners, per-step times, test counts, the closing summary -------------------------
step_names=() step_results=()
current_step="" step_title="" step_started=0
run_started=$SECONDS
passed_native=0 passed_wasm=0 passed_e2e=0 passed_benchlib=0 failed_tests=0
bundle_line="" single_file_line=""

fail() {
  echo "test.sh: $*" >&2
  exit 1
}
summary() {
  local code=$? total=$((passed_native + passed_wasm + passed_e2e + passed_benchlib)) i
  if [ -n "$current_step" ]; then
    step_names+=("$step_title")
    step_results+=("FAILED ($((SECONDS - step_started)) s)")
  fi
  printf '\n%s\n' "$(bold '==> summary')"
  for i in "${!step_names[@]}"; do printf '  %-58s %s\n' "${step_names[$i]}" "${step_results[$i]}"; done
  printf '  tests passed: native %d, wasm %d, end-to-end %d, bench library %d\n' "$passed_native" "$passed_wasm" "$passed_e2e" "$passed_benchlib"
  [ -z "$bundle_line" ] || printf '  release bundle: %s\n' "$bundle_line"
  [ -z "$single_file_line" ] || printf '  single file: %s\n' "$single_file_line"
  printf '  time: %d s\n' "$((SECONDS - run_started))"
  if [ "$code" -ne 0 ]; then
    [ "$failed_tests" -gt 0 ] || failed_tests=1
    echo "FAILED in step: ${current_step:-?} (${step_title:-?})"
  fi
  echo "summary: $total passed, $failed_tests failed"
}
trap summary EXIT

# sum_passed / sum_failed LOG: add up the "test result: ok. N passed; M failed" lines that cargo
# test and wasm-bindgen-test-runner print for each test binary.
sum_passed() { grep -aoE 'test result: (ok|FAILED)\. [0-9]+ passed' "$1" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}'; }
sum_failed() { grep -aoE 'test result: (ok|FAILED)\. [0-9]+ passed; [0-9]+ failed' "$1" | sed -E 's/.*; ([0-9]+) failed/\1/' | awk '{s+=$1} END {print s+0}'; }
# node_count pass|fail LOG: the count in node's closing "ℹ pass N" (spec) or "# pass N" (tap) line.
node_count() { grep -aE "^[^[:space:]]+ $1 [0-9]+\$" "$2" | tail -n1 | grep -oE '[0-9]+$' || echo 0; }

# run_node_tests LAYER WHAT HINT ARGS...: node --test ARGS, logged to LAYER.log; its counts go to
# passed_LAYER (and failed_tests). Fails with "WHAT failed HINT" or "WHAT ran no test".
run_node_tests() {
  local layer=$1 what=$2 hint=$3 count
  shift 3
  if ! run_logged "$LOGS/$layer.log" node --test --test-reporter=spec "$@"; then
    # The summary counts the ones that passed too, not only the failures.
    printf -v "passed_$layer" '%s' "$(node_count pass "$LOGS/$layer.log")"
    failed_tests=$(node_count fail "$LOGS/$layer.log")
    fail "$what failed$hint"
  fi
  count=$(node_count pass "$LOGS/$layer.log")
  printf -v "passed_$layer" '%s' "$count"
  [ "$count" -gt 0 ] || fail "$what ran no test"
  result="ok, $count passed"
}

# run_logged LOG CMD...: runs CMD, shows its output and keeps a copy in LOG; returns CMD's status.
run_logged() {
  local log=$1 code
  shift
  set +e
  "$@" 2>&1 | tee "$log"
  code=${PIPESTATUS[0]}
  set -e
  return "$code"
}

# --- the steps ---------------------------------------------------------------------------------------
title_setup="setup: scripts/setup.sh"
step_setup() { scripts/setup.sh; }

title_fmt="cargo fmt --all --check"
step_fmt() { cargo fmt --all --check || fail "formatting differs: run 'cargo fmt --all'"; }

title_clippy="cargo clippy -D warnings: workspace, wasm32 app and office"
step_clippy() {
  echo "--- native: cargo clippy --workspace --all-targets"
  cargo clippy --workspace --all-targets --quiet -- -D warnings || fail "clippy found problems (native)"
  echo "--- wasm32: cargo clippy -p bogen-app -p bogen-office -p bogen-office-app --target $WASM_TARGET"
  cargo clippy -p bogen-app -p bogen-office -p bogen-office-app --target "$WASM_TARGET" --quiet -- -D warnings ||
    fail "clippy found problems (wasm32)"
}

title_purity="purity: no browser crate under bogen-engine, bogen-office"
step_purity() {
  local crate target tree offending failed=0 args
  for crate in bogen-engine bogen-office; do
    for target in native "$WASM_TARGET"; do
      args=(-p "$crate" -e normal --prefix depth --charset ascii)
      [ "$target" = native ] || args+=(--target "$target")
      tree=$(cargo tree "${args[@]}") || fail "cargo tree ${args[*]} failed"
      # Each line is "<depth><name> v<version> ...": remember the path from the root to each crate
      # and print it for every forbidden one (not again for what hangs below it).
      offending=$(awk '
        match($0, /^[0-9]+/) {
          depth = substr($0, 1, RLENGTH) + 0
          split(substr($0, RLENGTH + 1), f, " ")
          path[depth] = f[1]
          forbidden = f[1] ~ /^(yew|yew-.*|web-sys|js-sys|wasm-bindgen|wasm-bindgen-.*|gloo|gloo-.*)$/
          under = depth > 0 && bad[depth - 1]
          bad[depth] = forbidden || under
          if (forbidden && !under) {
            p = path[0]; for (i = 1; i <= depth; i++) p = p " -> " path[i]
            if (!(p in shown)) { shown[p] = 1; print p }
          }
        }' <<<"$tree")
      if [ -n "$offending" ]; then
        echo "$crate depends on a browser crate (target $target), through:"
        sed 's/^/  /' <<<"$offending"
        failed=1
      else
        echo "$crate, target $target: $(grep -c . <<<"$tree") crates in the tree, none of yew, web-sys, js-sys, wasm-bindgen, gloo"
      fi
    done
  done
  [ "$failed" = 0 ] || fail "bogen-engine and bogen-office must not depend on yew, web-sys, js-sys, wasm-bindgen or gloo"
}

title_native="cargo test --workspace (native)"
step_native() {
  if ! run_logged "$LOGS/native.log" cargo test --workspace; then
    passed_native=$(sum_passed "$LOGS/native.log")
    failed_tests=$(sum_failed "$LOGS/native.log")
    fail "native tests failed"
  fi
  passed_native=$(sum_passed "$LOGS/native.log")
  [ "$passed_native" -gt 0 ] || fail "cargo test --workspace ran no test"
  result="ok, $passed_native passed"
}

title_check="bogen check: questionnaires valid, broken ones rejected"
step_check() {
  local bogen="$CARGO_TARGET_DIR/debug/bogen" valid broken file code out failed=0 n_broken=0
  cargo build --quiet -p bogen-cli --bin bogen
  shopt -s nullglob globstar
  valid=(questionnaire/*.json questionnaire/examples/*.json)
  broken=(tests/broken/**/*.json tests/e2e/fixtures/broken*.json)
  shopt -u nullglob globstar
  # Not questionnaires: the format's schema and the list of trusted office keys.
  valid=("${valid[@]/questionnaire\/questionnaire.schema.json/}")
  valid=("${valid[@]/questionnaire\/trusted-keys.json/}")
  [ ${#valid[@]} -gt 0 ] || fail "no questionnaire found under questionnaire/"
  for file in "${valid[@]}"; do
    [ -n "$file" ] || continue
    set +e; "$bogen" check "$file"; code=$?; set -e
    [ "$code" = 0 ] || { echo "  expected exit 0 from bogen check $file, got $code"; failed=1; }
  done
  [ -d tests/broken ] || echo "(no tests/broken/ yet: only tests/e2e/fixtures/broken*.json are checked as broken)"
  for file in "${broken[@]}"; do
    n_broken=$((n_broken + 1))
    set +e; out=$("$bogen" check "$file" 2>&1); code=$?; set -e
    if [ "$code" = 1 ]; then
      echo "$file: rejected as expected ($(grep -c ':[0-9]*:[0-9]*:' <<<"$out") located problems)"
    else
      echo "$out"; echo "  expected exit 1 from bogen check $file, got $code"; failed=1
    fi
  done
  [ "$failed" = 0 ] || fail "bogen check did not give the expected exit codes"
  result="ok, $(printf '%s\n' "${valid[@]}" | grep -c .) valid, $n_broken broken"
}

title_benchlib="bench library: node --test bench/lib/"
step_benchlib() { run_node_tests benchlib "the bench library's tests (node --test bench/lib/)" "" bench/lib/; }

title_wasm="wasm-bindgen-test: bogen-app in headless Chromium"
step_wasm() {
  [ -f webdriver.json ] || echo "warning: no webdriver.json beside Cargo.toml: Chromium will not start as root without --no-sandbox"
  if ! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
    run_logged "$LOGS/wasm.log" cargo test --target "$WASM_TARGET" -p bogen-app; then
    passed_wasm=$(sum_passed "$LOGS/wasm.log")
    failed_tests=$(sum_failed "$LOGS/wasm.log")
    fail "wasm-bindgen-test failed"
  fi
  passed_wasm=$(sum_passed "$LOGS/wasm.log")
  [ "$passed_wasm" -gt 0 ] || fail "wasm-bindgen-test ran no test (bogen-app needs #[wasm_bindgen_test] tests and wasm_bindgen_test_configure!(run_in_browser))"
  result="ok, $passed_wasm passed"
}

title_build="trunk build --release (wasm-opt -Oz), bundle size"
step_build() {
  BOGEN_SKIP_SETUP=1 run_logged "$LOGS/build.log" scripts/build.sh || fail "the release build failed"
  bundle_line=$(grep -a '^bundle: ' "$LOGS/build.log" | tail -n1 | sed 's/^bundle: //')
}

title_bundle="bogen bundle: single-file questionnaires, size and budget"
step_bundle() {
  run_logged "$LOGS/bundle.log" scripts/bundle.sh || fail "making the single-file questionnaires failed"
  single_file_line=$(grep -a '^single file: ' "$LOGS/bundle.log" | tail -n1 | sed 's/^single file: //')
  result="ok, $single_file_line"
}

title_e2e="end-to-end: node --test tests/e2e/ (headless Chromium)"
step_e2e() {
  rm -rf tests/e2e/screenshots
  run_node_tests e2e "the end-to-end tests" " (screenshots: tests/e2e/screenshots/)" --test-concurrency=1 tests/e2e/
}

title_fresh="fresh clone: README's scripts/serve.sh, page in Chromium"
step_fresh() {
  run_logged "$LOGS/fresh.log" scripts/try-readme.sh || fail "the README's scripts/serve.sh failed in a fresh clone (scripts/try-readme.sh, above)"
  result="ok, ready after $(grep -aoE 'ready after [0-9]+ s' "$LOGS/fresh.log" | tail -n1 | grep -oE '[0-9]+') s"
}

title_fuzz="fuzzing: every cargo-fuzz target for ${FUZZ_SECONDS} s"
step_fuzz() {
  local fuzz fuzz_targets target
  if [ ! -f "$FUZZ_DIR/Cargo.toml" ]; then
    echo "$FUZZ_DIR does not exist yet: nothing to fuzz"
    result="skipped (no $FUZZ_DIR)"
    return
  fi
  # cargo fuzz wants a nightly compiler; without one, stable accepts its -Z flags with RUSTC_BOOTSTRAP.
  if rustup run nightly rustc --version >/dev/null 2>&1; then
    fuzz=(cargo +nightly fuzz)
  else
    echo "no nightly toolchain: fuzzing with stable and RUSTC_BOOTSTRAP=1"
    export RUSTC_BOOTSTRAP=1
    fuzz=(cargo fuzz)
  fi
  # Fuzz builds get a target dir of their own (their instrumentation flags would rebuild the main one).
  mapfile -t fuzz_targets < <(CARGO_TARGET_DIR="$BOGEN_ROOT/$FUZZ_DIR/target" "${fuzz[@]}" list --fuzz-dir "$FUZZ_DIR")
  [ ${#fuzz_targets[@]} -gt 0 ] || fail "cargo fuzz list found no target in $FUZZ_DIR"
  for target in "${fuzz_targets[@]}"; do
    echo "--- fuzz target $target (${FUZZ_SECONDS} s; full output: $LOGS/fuzz-$target.log)"
    # libFuzzer is chatty: show the build's errors and the last lines, all of it on a failure.
    # The first corpus folder (gitignored) is where libFuzzer writes what it finds; the committed
    # seeds/<target> (valid and broken questionnaires, sample expressions) are only read.
    local corpora=("$FUZZ_DIR/corpus/$target")
    mkdir -p "${corpora[0]}"
    [ -d "$FUZZ_DIR/seeds/$target" ] && corpora+=("$FUZZ_DIR/seeds/$target")
    if CARGO_TARGET_DIR="$BOGEN_ROOT/$FUZZ_DIR/target" \
      "${fuzz[@]}" run "$target" --fuzz-dir "$FUZZ_DIR" "${corpora[@]}" -- -max_total_time="$FUZZ_SECONDS" >"$LOGS/fuzz-$target.log" 2>&1; then
      grep -aE '^(error|warning: unused)|Done [0-9]+ runs' "$LOGS/fuzz-$target.log" || tail -n 3 "$LOGS/fuzz-$target.log"
    else
      grep -avE '^\s+(Compiling|Checking) ' "$LOGS/fuzz-$target.log" | tail -n 80
      fail "fuzz target $target failed (crash input, if any: $FUZZ_DIR/artifacts/$target/)"
    fi
  done
  result="ok, ${#fuzz_targets[@]} targets"
}

# --- run them ----------------------------------------------------------------------------------------
n=0
for current_step in "${ALL_STEPS[@]}"; do
  [[ " ${STEPS[*]} " == *" $current_step "* ]] || continue
  n=$((n + 1))
  title_var="title_$current_step"
  step_title=${!title_var}
  step_started=$SECONDS
  result=ok
  printf '\n%s\n' "$(bold "==> [$n] $step_title")"
  "step_$current_step"
  step_names+=("$step_title")
  step_results+=("$result ($((SECONDS - step_started)) s)")
done
current_step=""

# The three test layers must each have run tests (when their step ran).
for layer in native wasm e2e; do
  [[ " ${STEPS[*]} " == *" $layer "* ]] || continue
  count_var="passed_$layer"
  [ "${!count_var}" -gt 0 ] || { current_step=$layer; fail "the $layer layer ran no test"; }
done
exit 0
