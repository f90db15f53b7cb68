# shellcheck shell=bash
# `./build.sh test`: every suite, counted into one last line "N passed, N failed".
# Sourced by build.sh (set -euo pipefail, ROOT, BUILD, CACHE_DIR, ... are set there).

TOTAL_PASSED=0

TOTAL_FAILED=0

PART_SUMMARY=()

count_part() { # name passed failed
  TOTAL_PASSED=$((TOTAL_PASSED + $2))
  TOTAL_FAILED=$((TOTAL_FAILED + $3))
  PART_SUMMARY+=("$(printf '%-22s %4d passed, %d failed' "$1" "$2" "$3")")
}

# run_doctest NAME LOG CMD...: runs a doctest binary, counts from its summary line.
run_doctest() {
  local name=$1 log=$2 line passed failed t0
  shift 2
  t0=$(now)
  say "$name"
  set +e
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  set -e
  # Strip colour escapes (the wasm build under node prints them) before reading the summary.
  line=$(sed -E 's/\x1b\[[0-9;]*m//g' "$log" |
    grep -aoE 'test cases: *[0-9]+ *\| *[0-9]+ passed *\| *[0-9]+ failed' | tail -1 || true)
  if [[ -z $line ]]; then
    note "no doctest summary (exit $rc): counted as 1 failure"
    count_part "$name" 0 1
    return
  fi
  passed=$(sed -E 's/.*\| *([0-9]+) passed.*/\1/' <<<"$line")
  failed=$(sed -E 's/.*\| *([0-9]+) failed.*/\1/' <<<"$line")
  if ((rc != 0 && failed == 0)); then
    note "exit $rc with no failed test case (crash or sanitizer report): counted as 1 failure"
    failed=1
  fi
  count_part "$name" "$passed" "$failed"
  note "done: $name ($(elapsed "$t0"))"
}

# Playwright Test (playwright.config.mjs serves build/site itself), in two passes: every test but
# the @timing ones on two workers (most of a browser test's time is waiting for frames and page
# loads, so two browsers share the two cores well), then the @timing ones (idle and frame CPU) on
# one worker with no other browser running. Counted from the passes' JSON reports.
run_e2e() {
  local log="$BUILD/e2e/run.log" line t0 rc=0 pass
  t0=$(now)
  say "browser e2e (Playwright Test + Chromium)"
  rm -f "$BUILD"/e2e/results*.json
  : >"$log"
  set +e
  for pass in parallel timing; do
    local args=(--grep-invert @timing --workers "${RX_E2E_WORKERS:-2}")
    [[ $pass == timing ]] && args=(--grep @timing --workers 1)
    note "pass: $pass (${args[*]})"
    RX_BUILD_DIR="$BUILD" RX_E2E_PASS=$pass "$ROOT/node_modules/.bin/playwright" test "${args[@]}" 2>&1 |
      tee -a "$log"
    ((PIPESTATUS[0] == 0)) || rc=1
  done
  set -e
  line=$(node "$ROOT/tests/e2e/count-results.mjs" "$BUILD/e2e/results-parallel.json" \
    "$BUILD/e2e/results-timing.json")
  local passed=${line%% passed*} failed
  failed=${line#*, }
  failed=${failed%% failed}
  ((rc != 0 && failed == 0)) && failed=1
  count_part "browser e2e" "$passed" "$failed"
  note "done: browser e2e ($(elapsed "$t0"))"
}

# A second content folder (tests/fixtures/second-doc): the same tools validate, render and index it.
check_second_content() {
  local log="$BUILD/logs/second-content.log" line
  say "second content folder (tests/fixtures/second-doc)"
  node "$ROOT/tests/tools/second_content.mjs" --tool "$BUILD/native/explorer-tool" \
    --out "$BUILD/e2e/second-doc" 2>&1 | tee "$log"
  line=$(grep -aE '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1 || true)
  [[ -n $line ]] || line="0 passed, 1 failed"
  count_part "second content folder" "${line%% passed*}" "$(sed -E 's/.*, ([0-9]+) failed/\1/' <<<"$line")"
}

# The ASan+UBSan build and unit tests (run in a subshell of its own: its counts come back through
# a file, as the line "passed failed").
run_asan_part() {
  TOTAL_PASSED=0
  TOTAL_FAILED=0
  capture step "ASan+UBSan build -> build/asan" build_asan
  if ((LAST_RC == 0)); then
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0} \
      UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
      run_doctest "ASan+UBSan unit tests" "$BUILD/logs/unit-asan.log" "$BUILD/asan/rx_tests" \
        --source-dir="$ROOT"
  else
    count_part "ASan+UBSan unit tests" 0 1
  fi
  echo "$TOTAL_PASSED $TOTAL_FAILED" >"$BUILD/logs/asan-part.count"
}

# Waits for run_asan_part, shows its output, counts its result (no count at all: 1 failure).
collect_asan_part() {
  local passed=0 failed=1
  wait "$1" || true
  cat "$BUILD/logs/asan-part.log"
  if [[ -s $BUILD/logs/asan-part.count ]]; then
    read -r passed failed <"$BUILD/logs/asan-part.count"
  fi
  count_part "ASan+UBSan unit tests" "$passed" "$failed"
}

cmd_test() {
  local t0
  t0=$(now)
  cmd_deps
  mkdir -p "$BUILD/e2e" "$BUILD/logs"

  # (3) native unit tests under ASan + UBSan, in the background from the start: its run is one
  # thread for a quarter of a minute, which the builds and unit tests below (mostly cache hits)
  # leave a core for. Its output is shown when it is collected.
  local asan_pid
  rm -f "$BUILD/logs/asan-part.count"
  run_asan_part >"$BUILD/logs/asan-part.log" 2>&1 &
  asan_pid=$!

  # (1) native unit tests
  capture step "native build -> build/native" build_native
  if ((LAST_RC == 0)); then
    run_doctest "native unit tests" "$BUILD/logs/unit-native.log" "$BUILD/native/rx_tests" \
        --source-dir="$ROOT"
  else
    count_part "native unit tests" 0 1
  fi
  # (1b) the same tools over a second content folder
  check_second_content

  # (2) the same tests compiled to wasm, under node. The app is linked in the same build: each
  # link is one long single-threaded LTO step, so the two share the two cores.
  capture step "wasm build (unit tests and app) -> build/wasm" build_wasm rx_tests explorer
  # A broken app must not count against the unit tests: then build them alone.
  if ((LAST_RC != 0)); then
    capture step "wasm unit tests build -> build/wasm" build_wasm rx_tests
  fi
  if ((LAST_RC == 0)); then
    run_doctest "wasm unit tests (node)" "$BUILD/logs/unit-wasm.log" \
      node --no-experimental-fetch "$BUILD/wasm/rx_tests.js" --source-dir="$ROOT"
  else
    count_part "wasm unit tests (node)" 0 1
  fi

  # (4) browser end-to-end tests against the served site (the app was built in step 2), once the
  # ASan run is over (a browser test shares the cores with nothing else)
  capture step "wasm app build -> build/wasm" build_wasm explorer
  if ((LAST_RC == 0)); then
    capture step "site -> build/site (content: ${CONTENT_DIR#"$ROOT"/})" stage_site
  fi
  local site_rc=$LAST_RC
  collect_asan_part "$asan_pid"
  LAST_RC=$site_rc
  if ((LAST_RC == 0)); then
    run_e2e
  else
    note "no site to test: browser e2e counted as 1 failure"
    count_part "browser e2e" 0 1
  fi

  say "test summary ($(elapsed "$t0"))"
  local s
  for s in "${PART_SUMMARY[@]}"; do note "$s"; done
  printf '%d passed, %d failed\n' "$TOTAL_PASSED" "$TOTAL_FAILED"
  ((TOTAL_FAILED == 0))
}
