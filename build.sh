#!/usr/bin/env bash
# One entry point for the Rust overview explorer. Run `./build.sh help` for the commands.
# Each subcommand is one function `cmd_<name>` below; shared steps are plain functions.
# Everything is idempotent: caches live outside the clone (XDG cache), outputs under build/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/rust-explorer"
SRC_CACHE="$CACHE_DIR/src"
BUILD="${RX_BUILD_DIR:-$ROOT/build}"  # RX_BUILD_DIR: a separate build tree (parallel work, CI)
CONTENT_DIR="$ROOT/content"
PORT=8080
BUILD_TYPE=Release
EXTRA_ARGS=()
# Debian's emcc needs acorn from /usr/share/nodejs, which Node 20 does not search by default.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Headless Chromium with software WebGL2 (see TOOLCHAIN.md); tests/e2e/chromium.mjs reads it too.
export RX_CHROMIUM="${RX_CHROMIUM:-/usr/bin/chromium}"

# --- output helpers ---------------------------------------------------------------------------
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }
say() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() {
  printf 'build.sh: %s\n' "$*" >&2
  exit 1
}
# step "label" cmd...: prints the label, runs the command, prints how long it took.
step() {
  local label=$1 t0
  shift
  t0=$(now)
  say "$label"
  "$@"
  note "done: $label ($(elapsed "$t0"))"
}
as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# --- paths of cached upstream sources -------------------------------------------------------
first_dir() { # first existing directory matching a glob, or empty
  local d
  for d in "$@"; do [[ -d $d ]] && {
    printf '%s' "$d"
    return
  }; done
  true
}
resolve_sources() {
  SDL_SRC=$(first_dir "$SRC_CACHE"/SDL2-2.*)
  IMGUI_DIR=$(first_dir "$SRC_CACHE"/imgui-1.*)
  MD4C_DIR=$(first_dir "$SRC_CACHE"/md4c-release-*/src)
  SDL_VERSION=${SDL_SRC##*/SDL2-}
  SDL_PREFIX="$CACHE_DIR/sdl2-wasm-${SDL_VERSION:-unknown}"
  SDL_MIN_PREFIX="$CACHE_DIR/sdl2-wasm-nogl-${SDL_VERSION:-unknown}"
  if [[ -n ${EMSDK:-} ]]; then
    EMCMAKE="$EMSDK/upstream/emscripten/emcmake"
    EMCC="$EMSDK/upstream/emscripten/emcc"
  else
    EMCMAKE=emcmake
    EMCC=emcc
  fi
}

# --- deps -------------------------------------------------------------------------------------
APT_PACKAGES=(cmake ninja-build doctest-dev nlohmann-json3-dev fonts-noto-core python3-fonttools
  chromium librsvg2-bin libclang-rt-14-dev clang clang-format clang-tidy brotli wabt)
APT_EMSCRIPTEN=(emscripten binaryen)

apt_missing() {
  local wanted=("${APT_PACKAGES[@]}") installed p
  [[ -z ${EMSDK:-} ]] && wanted+=("${APT_EMSCRIPTEN[@]}")
  command -v node >/dev/null || wanted+=(nodejs)
  command -v npm >/dev/null || wanted+=(npm)
  installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${wanted[@]}" 2>/dev/null |
    awk '$2 == "installed" { print $1 }' || true)
  for p in "${wanted[@]}"; do
    grep -qx "$p" <<<"$installed" || printf '%s\n' "$p"
  done
}

ensure_deb_src() {
  if grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    return 1 # nothing changed
  fi
  [[ -f /etc/apt/sources.list.d/debian.sources ]] ||
    die "no deb-src entry and no /etc/apt/sources.list.d/debian.sources to copy; add one by hand"
  note "adding deb-src entry /etc/apt/sources.list.d/debian-src.sources"
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
    as_root tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
}

install_apt() {
  local missing updated=0
  mapfile -t missing < <(apt_missing)
  if ensure_deb_src; then
    as_root apt-get update -q
    updated=1
  fi
  if ((${#missing[@]})); then
    note "apt: installing ${missing[*]}"
    ((updated)) || as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      "${missing[@]}"
  fi
}

# Upstream sources of SDL2, Dear ImGui and md4c from Debian's source packages, unpacked once.
fetch_sources() {
  resolve_sources
  local wanted=()
  [[ -n $SDL_SRC || -n ${EMSDK:-} ]] || wanted+=(libsdl2)
  [[ -n $IMGUI_DIR ]] || wanted+=(imgui)
  [[ -n $MD4C_DIR ]] || wanted+=(md4c)
  ((${#wanted[@]})) || return 0
  note "apt-get source ${wanted[*]} -> $SRC_CACHE"
  mkdir -p "$SRC_CACHE"
  (
    cd "$SRC_CACHE"
    apt-get source --download-only --tar-only "${wanted[@]}" ||
      { as_root apt-get update -q && apt-get source --download-only --tar-only "${wanted[@]}"; }
    local t top
    for t in *.orig.tar.*; do
      # head closes the pipe early: tar's SIGPIPE is expected, not an error (pipefail).
      top=$({ tar tf "$t" || true; } | head -1 | cut -d/ -f1)
      [[ -d $top ]] || tar xf "$t"
    done
  )
  resolve_sources
  [[ -n $IMGUI_DIR && -n $MD4C_DIR ]] || die "could not unpack imgui/md4c sources in $SRC_CACHE"
}

# SDL2 built for wasm once per version and variant, installed into the cache (atomically: tmp
# dir + mv). The app links a size-trimmed SDL2 (no audio, joystick, haptic, sensor, power,
# render, threads; -Oz + LTO: -18 KB gzip of wasm; SDL_LEAN_AND_MEAN drops the software
# blitters a WebGL app never calls: -29 KB gzip; no OpenGL/EGL, offscreen or dummy video: the
# app makes its WebGL2 context itself, and SDL's EGL kept every GL function: -16 KB gzip of wasm
# + JS); the bench's baseline, Dear ImGui's own example, needs the full one (it inits the game
# controller subsystem). The prefix name changes with the options, so caches rebuild.
SDL_MIN_OPTIONS=(-DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_HIDAPI=OFF
  -DSDL_SENSOR=OFF -DSDL_POWER=OFF -DSDL_RENDER=OFF -DSDL_FILESYSTEM=OFF -DSDL_LOCALE=OFF
  -DSDL_MISC=OFF -DSDL_LOADSO=OFF -DSDL_THREADS=OFF -DSDL_OPENGL=OFF -DSDL_OPENGLES=OFF
  -DSDL_OFFSCREEN=OFF -DSDL_DUMMYVIDEO=OFF -DCMAKE_BUILD_TYPE=MinSizeRel
  "-DCMAKE_C_FLAGS=-Oz -flto -DSDL_LEAN_AND_MEAN=1")
build_sdl2_variant() { # prefix cmake-args...
  local prefix=$1
  shift
  [[ -f $prefix/lib/libSDL2.a && -d $prefix/lib/cmake/SDL2 ]] && return 0
  [[ -n $SDL_SRC ]] || die "SDL2 source missing in $SRC_CACHE"
  local tmp="$prefix.tmp.$$" bdir="$prefix.build.$$"
  note "building SDL2 $SDL_VERSION for wasm into ${prefix##*/} (a few minutes, once)"
  "$EMCMAKE" cmake -S "$SDL_SRC" -B "$bdir" -G Ninja -DSDL_SHARED=OFF -DSDL_STATIC=ON \
    -DSDL_TEST=OFF -DCMAKE_BUILD_TYPE=Release "$@" -DCMAKE_INSTALL_PREFIX="$tmp" >"$bdir.log" 2>&1 ||
    die "SDL2 configure failed, see $bdir.log"
  cmake --build "$bdir" >>"$bdir.log" 2>&1 || die "SDL2 build failed, see $bdir.log"
  cmake --install "$bdir" >>"$bdir.log" 2>&1 || die "SDL2 install failed, see $bdir.log"
  # The installed config files embed the prefix; rewrite it before the rename.
  grep -rl "$tmp" "$tmp" | xargs -r sed -i "s|$tmp|$prefix|g"
  rm -rf "$prefix"
  mv "$tmp" "$prefix"
  rm -rf "$bdir" "$bdir.log"
}
build_sdl2_wasm() { # the app's SDL2
  [[ -z ${EMSDK:-} ]] || return 0 # emsdk uses its own SDL2 port
  build_sdl2_variant "$SDL_MIN_PREFIX" "${SDL_MIN_OPTIONS[@]}"
}
build_sdl2_wasm_full() { # the baseline's SDL2
  [[ -z ${EMSDK:-} ]] || return 0
  build_sdl2_variant "$SDL_PREFIX"
}

# npm packages installed once per package-lock.json content, outside the clone; ./node_modules
# is a symlink to that cache.
install_node_modules() {
  local hash dir
  hash=$(sha256sum "$ROOT/package-lock.json" | cut -c1-16)
  dir="$CACHE_DIR/node-$hash"
  if [[ ! -d $dir/node_modules ]]; then
    note "npm ci (lock $hash) -> $dir"
    rm -rf "$dir.tmp"
    mkdir -p "$dir.tmp"
    cp "$ROOT/package.json" "$ROOT/package-lock.json" "$dir.tmp/"
    (cd "$dir.tmp" && npm ci --no-audit --no-fund --loglevel=error)
    rm -rf "$dir"
    mv "$dir.tmp" "$dir"
  fi
  if [[ -e $ROOT/node_modules && ! -L $ROOT/node_modules ]]; then
    note "replacing ./node_modules folder with a link to the cache"
    rm -rf "$ROOT/node_modules"
  fi
  [[ $(readlink "$ROOT/node_modules" 2>/dev/null) == "$dir/node_modules" ]] ||
    ln -sfn "$dir/node_modules" "$ROOT/node_modules"
}

ensure_deps() {
  install_apt
  fetch_sources
  build_sdl2_wasm
  install_node_modules
  resolve_sources
}

# --- builds -------------------------------------------------------------------------------------
# configure_once DIR CONFIGURE-COMMAND...: configures only when the command line changed.
configure_once() {
  local dir=$1 stamp
  shift
  stamp="$dir/.rx-configure"
  if [[ -f $dir/build.ninja && -f $stamp && $(cat "$stamp") == "$*" ]]; then
    return 0
  fi
  rm -f "$stamp"
  "$@" >"$dir.configure.log" 2>&1 || {
    cat "$dir.configure.log" >&2
    die "configure failed: $dir"
  }
  printf '%s' "$*" >"$stamp"
}

# configure_preset PRESET -DNAME=VALUE...: a CMakePresets.json configure preset into $BUILD/PRESET,
# told the source folders resolved here (CMake finds them in the cache on its own too).
configure_preset() {
  local preset=$1
  shift
  mkdir -p "$BUILD/$preset"
  configure_once "$BUILD/$preset" cmake --preset "$preset" -B "$BUILD/$preset" \
    ${MD4C_DIR:+"-DRX_MD4C_DIR=$MD4C_DIR"} "$@"
}

build_native() {
  configure_preset native -DCMAKE_BUILD_TYPE="$BUILD_TYPE"
  cmake --build "$BUILD/native" -- -j"$(nproc)" "$@"
}

configure_wasm() {
  local sdl=(${SDL_MIN_PREFIX:+"-DRX_SDL2_PREFIX=$SDL_MIN_PREFIX"})
  [[ -n ${EMSDK:-} ]] && sdl=(-DRX_USE_EMSDK_SDL_PORT=ON)
  configure_preset wasm -DCMAKE_BUILD_TYPE="$BUILD_TYPE" "${sdl[@]}" \
    ${IMGUI_DIR:+"-DRX_IMGUI_DIR=$IMGUI_DIR"}
}

# build_wasm [target...]: default both the app (explorer.js/.wasm) and the wasm unit tests.
build_wasm() {
  configure_wasm
  local targets=("$@")
  ((${#targets[@]})) || targets=(explorer rx_tests)
  cmake --build "$BUILD/wasm" --target "${targets[@]}" -- -j"$(nproc)"
}

build_asan() {
  configure_preset asan
  cmake --build "$BUILD/asan" --target rx_tests -- -j"$(nproc)"
}

# Dear ImGui's own SDL2 + OpenGL3 web example, built as upstream does (-O2, demo window) from the
# same Debian source and the same emcc: the bench's baseline. Output: build/baseline/index.html.
build_baseline() {
  build_sdl2_wasm_full
  local out="$BUILD/baseline" obj="$BUILD/baseline/obj" ex="$IMGUI_DIR/examples/example_emscripten_opengl3"
  mkdir -p "$obj"
  local flags=(-O2 -Wall -Wformat -DIMGUI_DISABLE_FILE_FUNCTIONS -I"$IMGUI_DIR"
    -I"$IMGUI_DIR/backends" -sDISABLE_EXCEPTION_CATCHING=1)
  local link=(-O2 -sWASM=1 -sALLOW_MEMORY_GROWTH=1 -sNO_EXIT_RUNTIME=0 -sASSERTIONS=1
    -sNO_FILESYSTEM=1)
  if [[ -n ${EMSDK:-} ]]; then
    flags+=(-sUSE_SDL=2)
    link+=(-sUSE_SDL=2)
  else
    flags+=(-I"$SDL_PREFIX/include/SDL2")
    link+=("$SDL_PREFIX/lib/libSDL2.a")
  fi
  local src objs=() o
  for src in "$ex/main.cpp" "$IMGUI_DIR"/imgui{,_demo,_draw,_tables,_widgets}.cpp \
    "$IMGUI_DIR"/backends/imgui_impl_{sdl,opengl3}.cpp; do
    o="$obj/$(basename "${src%.cpp}").o"
    objs+=("$o")
    [[ $o -nt $src ]] && continue
    "${EMCC/%emcc/em++}" "${flags[@]}" -c "$src" -o "$o" &
  done
  wait
  local relink=0
  [[ -f $out/index.wasm ]] || relink=1
  for o in "${objs[@]}"; do [[ $o -nt $out/index.wasm ]] && relink=1; done
  # Debian's emcc cannot write -o x.html (html minifier bug): link to JS, ship upstream's shell.
  ((relink == 0)) || "${EMCC/%emcc/em++}" -o "$out/index.js" "${objs[@]}" "${link[@]}"
  sed 's|{{{ SCRIPT }}}|<script async src="index.js"></script>|' "$ex/shell_minimal.html" \
    >"$out/index.html"
}

# The site: web/ + the wasm app + content, through the named steps of web/tools/site-steps.mjs.
stage_site() {
  node "$ROOT/web/tools/build-site.mjs" --content "$CONTENT_DIR" --build "$BUILD" --out "$BUILD/site"
}

# --- subcommands -----------------------------------------------------------------------------
cmd_deps() {
  step "deps (apt, Debian sources, SDL2 for wasm, npm)" ensure_deps
}

cmd_build() {
  local t0
  t0=$(now)
  cmd_deps
  step "native build ($BUILD_TYPE) -> build/native" build_native
  step "wasm build ($BUILD_TYPE) -> build/wasm" build_wasm
  step "site -> build/site (content: ${CONTENT_DIR#"$ROOT"/})" stage_site
  say "build finished in $(elapsed "$t0")"
}

cmd_serve() {
  cmd_build
  say "serving build/site (Ctrl+C to stop)"
  note "explorer:    http://127.0.0.1:$PORT/"
  note "sample deck: http://127.0.0.1:$PORT/deck/ (reveal.js slides embedding the explorer)"
  exec node "$ROOT/web/serve.mjs" --root "$BUILD/site" --port "$PORT" --host 127.0.0.1
}

# Runs a command in a subshell with errexit on, without aborting this script. Sets LAST_RC.
# (Must be called as a plain statement: inside `if`/`||` bash would ignore errexit.)
capture() {
  set +e
  (
    set -e
    "$@"
  )
  LAST_RC=$?
  set -e
}

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

# Playwright Test (playwright.config.mjs serves build/site itself); counted from its JSON report.
run_e2e() {
  local log="$BUILD/e2e/run.log" results="$BUILD/e2e/results.json" line t0
  t0=$(now)
  say "browser e2e (Playwright Test + Chromium)"
  rm -f "$results"
  set +e
  RX_BUILD_DIR="$BUILD" "$ROOT/node_modules/.bin/playwright" test 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  set -e
  line=$(node "$ROOT/tests/e2e/count-results.mjs" "$results")
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

cmd_test() {
  local t0
  t0=$(now)
  cmd_deps
  mkdir -p "$BUILD/e2e" "$BUILD/logs"

  # (1) native unit tests
  capture step "native build -> build/native" build_native
  if ((LAST_RC == 0)); then
    run_doctest "native unit tests" "$BUILD/logs/unit-native.log" "$BUILD/native/rx_tests"
  else
    count_part "native unit tests" 0 1
  fi
  # (1b) the same tools over a second content folder
  check_second_content

  # (2) the same tests compiled to wasm, under node
  capture step "wasm unit tests build -> build/wasm" build_wasm rx_tests
  if ((LAST_RC == 0)); then
    run_doctest "wasm unit tests (node)" "$BUILD/logs/unit-wasm.log" \
      node --no-experimental-fetch "$BUILD/wasm/rx_tests.js"
  else
    count_part "wasm unit tests (node)" 0 1
  fi

  # (3) native unit tests under ASan + UBSan
  capture step "ASan+UBSan build -> build/asan" build_asan
  if ((LAST_RC == 0)); then
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0} \
      UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
      run_doctest "ASan+UBSan unit tests" "$BUILD/logs/unit-asan.log" "$BUILD/asan/rx_tests"
  else
    count_part "ASan+UBSan unit tests" 0 1
  fi

  # (4) browser end-to-end tests against the served site
  capture step "wasm app build -> build/wasm" build_wasm explorer
  if ((LAST_RC == 0)); then
    capture step "site -> build/site (content: ${CONTENT_DIR#"$ROOT"/})" stage_site
  fi
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

# A compile database for clang-tidy over the wasm-only sources (src/ui, src/platform): the wasm
# build's commands with em++'s implied target, sysroot and defines spelled out for plain clang
# (Debian's emscripten runs on the same LLVM 14 as clang-tidy); backend-only -mllvm flags and
# -flto dropped.
wasm_tidy_db() {
  local out="$BUILD/tidy-wasm"
  mkdir -p "$out"
  node - "$BUILD/wasm/compile_commands.json" "$out/compile_commands.json" "$(em++ --cflags)" <<'JS'
    const fs = require("fs");
    const [src, dst, cflagsText] = process.argv.slice(2);
    const split = (cmd) => cmd.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g).map((a) => a.replace(/^["']|["']$/g, ""));
    const cflags = [];
    const implied = split(cflagsText);
    for (let i = 0; i < implied.length; i++) {
      if (implied[i] === "-mllvm") { i++; continue; }
      cflags.push(implied[i]);
    }
    const seen = new Set(), db = [];
    for (const c of JSON.parse(fs.readFileSync(src, "utf8"))) {
      if (!/\/src\/(ui|platform)\//.test(c.file) || seen.has(c.file)) continue;
      seen.add(c.file);
      const args = (c.arguments || split(c.command)).slice(1).filter((a) => a !== "-flto");
      db.push({ directory: c.directory, file: c.file, arguments: ["clang++", ...cflags, ...args] });
    }
    fs.writeFileSync(dst, JSON.stringify(db, null, 1));
JS
}

cmd_lint() {
  local files=() rc=0
  mapfile -t files < <(find "$ROOT/src" "$ROOT/tests" -type f \
    \( -name '*.cpp' -o -name '*.h' -o -name '*.hpp' \) -not -path '*/fuzz/corpus/*' | sort)
  say "clang-format --dry-run --Werror (${#files[@]} files)"
  clang-format --dry-run --Werror "${files[@]}" || rc=1
  cmd_deps
  step "native build (compile_commands.json)" build_native
  step "wasm configure (compile_commands.json)" configure_wasm
  wasm_tidy_db
  local tidy=() tidy_wasm=()
  mapfile -t tidy < <(find "$ROOT/src/core" "$ROOT/src/tools" -type f -name '*.cpp' 2>/dev/null | sort)
  mapfile -t tidy_wasm < <(find "$ROOT/src/ui" "$ROOT/src/platform" -type f -name '*.cpp' 2>/dev/null | sort)
  say "clang-tidy (${#tidy[@]} files in src/core, src/tools; ${#tidy_wasm[@]} in src/ui, src/platform)"
  if ((${#tidy[@]})); then
    clang-tidy -p "$BUILD/native" --quiet "${tidy[@]}" 2>/dev/null || rc=1
  fi
  if ((${#tidy_wasm[@]})); then
    clang-tidy -p "$BUILD/tidy-wasm" --quiet "${tidy_wasm[@]}" 2>/dev/null || rc=1
  fi
  if ((rc)); then die "lint found problems"; fi
  say "lint clean"
}

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
  step "baseline: Dear ImGui example_emscripten_opengl3 (-O2, demo window) -> build/baseline" \
    build_baseline
  step "bench inputs (plain cmark page, 10k x 100 site, native core timings) -> build/bench" \
    stage_bench_inputs
  say "browser measurements (explorer, baseline and plain page alternating)"
  node "$ROOT/tests/bench/bench.mjs" --build "$BUILD" "${EXTRA_ARGS[@]}"
  say "bench finished in $(elapsed "$t0")"
}

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

cmd_baseline() { # internal helper for the bench; kept as a command to build it on its own
  cmd_deps
  step "baseline: Dear ImGui example_emscripten_opengl3 -> build/baseline" build_baseline
}

usage() {
  cat <<'EOF'
usage: ./build.sh COMMAND [--content DIR] [--port N] [--debug]

  serve   build, then serve build/site on http://127.0.0.1:PORT/ (default 8080)
  test    build, run native, wasm (node) and ASan+UBSan unit tests and the browser e2e tests;
          last line: "N passed, N failed"; non-zero exit on any failure
  build   install what is missing, native build (build/native), wasm build (build/wasm),
          site (build/site)
  deps    only install what is missing (apt, Debian source packages, SDL2 for wasm, npm)
  lint    clang-format check on src/ and tests/, clang-tidy on src/core and src/tools
  bench   benchmarks (issue 9)          fuzz [SECONDS]   libFuzzer targets (issue 8)

  --content DIR   content folder (default: content/), same shape as content/README.md
  --port N        port for serve (default 8080)
  --debug         Debug instead of Release build
Set EMSDK to use an upstream emsdk (with its SDL2 port) instead of Debian's emscripten.
EOF
}

main() {
  local cmd=${1:-help}
  (($#)) && shift
  while (($#)); do
    case $1 in
    --content)
      [[ $# -ge 2 ]] || die "--content needs a folder"
      CONTENT_DIR=$2
      shift 2
      ;;
    --content=*) CONTENT_DIR=${1#--content=} && shift ;;
    --port)
      [[ $# -ge 2 ]] || die "--port needs a number"
      PORT=$2
      shift 2
      ;;
    --port=*) PORT=${1#--port=} && shift ;;
    --debug) BUILD_TYPE=Debug && shift ;;
    *) EXTRA_ARGS+=("$1") && shift ;;
    esac
  done
  [[ -d $CONTENT_DIR ]] || die "content folder not found: $CONTENT_DIR"
  CONTENT_DIR=$(cd "$CONTENT_DIR" && pwd)
  [[ $PORT =~ ^[0-9]+$ ]] || die "--port must be a number"
  resolve_sources
  case $cmd in
  deps | build | serve | test | lint | bench | fuzz | baseline) "cmd_$cmd" ;;
  help | -h | --help) usage ;;
  *)
    usage >&2
    exit 2
    ;;
  esac
}

{ main "$@"; exit; }  # braces: bash reads the whole file before running it
