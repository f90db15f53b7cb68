# shellcheck shell=bash
# `./build.sh fuzz [SECONDS]`: the libFuzzer targets, one after the other.
# Sourced by build.sh (set -euo pipefail, ROOT, BUILD, CACHE_DIR, ... are set there).

# libFuzzer targets (tests/fuzz/fuzz_*.cpp), clang + ASan + UBSan, in their own tree build/fuzz.
FUZZ_TARGETS=(fuzz_document fuzz_adopters fuzz_url_state)

# Inputs are capped at 4 KB (libFuzzer's own floor for its default): every check is reachable far
# below that (100 diagnostics, deep nesting, the 256-byte URL fields), every seed fits, and a
# parse costs about linear time in its input, so longer inputs only mean fewer execs.
FUZZ_MAX_LEN=4096

build_fuzz() {
  configure_preset fuzz
  cmake --build "$BUILD/fuzz" --target "${FUZZ_TARGETS[@]}" -- -j"$(nproc)"
}

# run_fuzz_target NAME SECONDS: runs one target on its own (2 cores: one after the other). New
# inputs go to build/fuzz/corpus/NAME (the repo seeds in tests/fuzz/corpus/ stay read-only),
# crash inputs to build/fuzz/crashes/. Appends "date target seconds execs crashes" to
# build/fuzz/history.tsv. Sets FUZZ_EXECS and FUZZ_CRASHED.
run_fuzz_target() {
  local name=$1 seconds=$2 seeds="$ROOT/tests/fuzz/corpus/${1#fuzz_}" work="$BUILD/fuzz/corpus/$1"
  local crashes="$BUILD/fuzz/crashes" log="$BUILD/fuzz/$1.log" dict="$ROOT/tests/fuzz/${1#fuzz_}.dict"
  local rc
  mkdir -p "$work" "$crashes"
  [[ -d $seeds ]] || seeds=""
  [[ -f $dict ]] || dict=""
  set +e
  # -reload=0: one process at a time, nobody else adds to the corpus while it runs.
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
    "$BUILD/fuzz/$name" -max_total_time="$seconds" -max_len="$FUZZ_MAX_LEN" -timeout=10 \
    -rss_limit_mb=2048 -reload=0 ${dict:+"-dict=$dict"} -print_final_stats=1 \
    -artifact_prefix="$crashes/$name-" "$work" ${seeds:+"$seeds"} >"$log" 2>&1
  rc=$?
  set -e
  FUZZ_EXECS=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -1)
  if [[ -z $FUZZ_EXECS ]]; then # a crash ends the run before the final stats
    FUZZ_EXECS=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  fi
  FUZZ_EXECS=${FUZZ_EXECS:-0}
  FUZZ_CRASHED=0
  if ((rc != 0)); then
    FUZZ_CRASHED=1
    grep -aE 'ERROR: |SUMMARY: |runtime error|Test unit written to' "$log" | head -8 | sed 's/^/    /'
    note "full log: $log"
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$name" "$seconds" "$FUZZ_EXECS" \
    "$FUZZ_CRASHED" >>"$BUILD/fuzz/history.tsv"
}

# ./build.sh fuzz [SECONDS]: SECONDS per target (default 60). RX_FUZZ_TARGETS="fuzz_document ..."
# runs only those targets (default: all, one after the other).
cmd_fuzz() {
  local seconds=${EXTRA_ARGS[0]:-60} name crashed=0 t0 targets
  [[ $seconds =~ ^[0-9]+$ ]] && ((seconds > 0)) ||
    die "fuzz: SECONDS must be a whole number above 0 (default 60)"
  read -r -a targets <<<"${RX_FUZZ_TARGETS:-${FUZZ_TARGETS[*]}}"
  for name in "${targets[@]}"; do
    [[ " ${FUZZ_TARGETS[*]} " == *" $name "* ]] ||
      die "fuzz: unknown target '$name' in RX_FUZZ_TARGETS (known: ${FUZZ_TARGETS[*]})"
  done
  t0=$(now)
  cmd_deps
  step "fuzz targets (clang, libFuzzer + ASan + UBSan) -> build/fuzz" build_fuzz
  for name in "${targets[@]}"; do
    say "$name for ${seconds}s"
    run_fuzz_target "$name" "$seconds"
    note "$name: $FUZZ_EXECS execs ($((FUZZ_EXECS / seconds))/s), $FUZZ_CRASHED crashes"
    ((FUZZ_CRASHED == 0)) || crashed=1
  done
  say "fuzz summary ($(elapsed "$t0")); all runs so far (build/fuzz/history.tsv):"
  awk -F'\t' '{ e[$2] += $4; c[$2] += $5; r[$2]++; s[$2] += $3 }
    END { for (t in e) printf "    %-16s %12d execs in %d runs (%d s), %d crashes\n", t, e[t], r[t],
      s[t], c[t] }' "$BUILD/fuzz/history.tsv" | sort
  if ((crashed)); then
    ls -1 "$BUILD/fuzz/crashes" | sed 's/^/    crash input: build\/fuzz\/crashes\//'
    die "fuzzing found a crash (inputs in $BUILD/fuzz/crashes; reproduce: build/fuzz/TARGET FILE)"
  fi
  say "no crashes"
}
