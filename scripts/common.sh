# shellcheck shell=bash
# Shared by build.sh and the other scripts: output helpers, root commands, the upstream
# source folders, configuring CMake presets.
# Sourced by build.sh (set -euo pipefail, ROOT, BUILD, CACHE_DIR, ... are set there).

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
