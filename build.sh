#!/usr/bin/env bash
# One entry point for the Rust overview explorer. Run `./build.sh help` for the commands.
# A dispatcher: `./build.sh NAME` runs `cmd_NAME`, defined here or in scripts/NAME.sh (the shared
# steps are in scripts/common.sh, deps.sh and compile.sh). Everything is idempotent: caches live
# outside the clone (XDG cache), outputs under build/.
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

source "$ROOT/scripts/common.sh"
source "$ROOT/scripts/deps.sh"
source "$ROOT/scripts/compile.sh"
source "$ROOT/scripts/test.sh"
source "$ROOT/scripts/lint.sh"
source "$ROOT/scripts/bench.sh"
source "$ROOT/scripts/fuzz.sh"

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
  bench   benchmarks against Dear ImGui's own web example (docs/PERFORMANCE.md)
  fuzz [SECONDS]  libFuzzer targets, SECONDS each (default 60)

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

# Sourced (tests/bench/emcc_ab.sh builds with another Emscripten through these functions): only
# the definitions.
[[ ${BASH_SOURCE[0]} == "$0" ]] || return 0
{ main "$@"; exit; }  # braces: bash reads the whole file before running it
