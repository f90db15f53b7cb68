# shellcheck shell=bash
# `./build.sh bench`: the release site, the baseline and the bench inputs, measured by
# tests/bench/bench.mjs.
# Sourced by build.sh (set -euo pipefail, ROOT, BUILD, CACHE_DIR, ... are set there).

# Inputs of the bench besides the site and the baseline (tests/bench/inputs.mjs).
stage_bench_inputs() {
  command -v cmark >/dev/null || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends cmark
  node "$ROOT/tests/bench/inputs.mjs" --content "$CONTENT_DIR" --build "$BUILD"
}

# Release build + baseline + bench inputs, then tests/bench/bench.mjs prints one table and writes
# build/bench/bench.json. It reports targets as PASS/FAIL; it does not fail on a missed target.
# Extra arguments go to bench.mjs (--runs N, --interaction-runs N, --no-lighthouse).
cmd_bench() {
  local t0
  t0=$(now)
  BUILD_TYPE=Release
  cmd_build
  step "baseline: Dear ImGui examples/example_sdl2_opengl3 (-O2, demo window) -> build/baseline" \
    build_baseline
  step "bench inputs (plain cmark pages, 10k x 100 site, 10,000-card site, native core timings) -> build/bench" \
    stage_bench_inputs
  say "browser measurements (explorer, baseline and plain page alternating)"
  node "$ROOT/tests/bench/bench.mjs" --build "$BUILD" "${EXTRA_ARGS[@]}"
  say "cards at scale: 10,000 cards (200 x 50) against the seed"
  node "$ROOT/tests/bench/cards_scale.mjs" --build "$BUILD"
  say "typing into the cards search: this build against 34d3852, the last one before its DOM text field"
  node "$ROOT/tests/bench/typing_ab.mjs" --a "$BUILD/site" --b-commit 34d3852 --runs 5 ||
    say "typing A/B not measured: the reference build of 34d3852 failed (see above)"
  say "bench finished in $(elapsed "$t0")"
}

cmd_baseline() { # internal helper for the bench; kept as a command to build it on its own
  cmd_deps
  step "baseline: Dear ImGui examples/example_sdl2_opengl3 -> build/baseline" build_baseline
}
