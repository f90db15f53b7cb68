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

# Upstream sources pinned to exact versions from Debian source packages: Debian 13 (trixie, the
# current stable release) for Dear ImGui and md4c; SDL2 stays at Debian 12's 2.26.5, because
# trixie's 2.32.4 does not build with Debian 12's emcc 3.1.6 (README, "Dependencies"). A stable
# release's versions stay put, so the build is reproducible. Each entry: source package, suite,
# upstream tarball, its SHA-256 (as listed in the suite's signed Sources index), the folder it
# unpacks to. Folders are chosen by exact name, never by glob: caches may hold other versions.
# cmake/RxDependencies.cmake names the same folders (RX_*_FOLDER) for configuring without build.sh.
PINNED_SOURCES=(
  "imgui trixie imgui_1.90.1+ds.orig.tar.xz ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c imgui-1.90.1"
  "libsdl2 bookworm libsdl2_2.26.5+dfsg.orig.tar.gz b3f2c822151804125d08db94c65852f711c2e5df2145a59da120748dc32eb9c3 SDL2-2.26.5"
  "md4c trixie md4c_0.5.2.orig.tar.gz 55d0111d48fb11883aaee91465e642b8b640775a4d6993c2d0e7a8092758ef21 md4c-release-0.5.2"
)
pinned_dir() { # package -> the folder its pinned tarball unpacks to
  local entry pkg suite tarball sum dir
  for entry in "${PINNED_SOURCES[@]}"; do
    read -r pkg suite tarball sum dir <<<"$entry"
    [[ $pkg == "$1" ]] && printf '%s' "$dir" && return
  done
  die "no pinned source for $1"
}
resolve_sources() {
  SDL_SRC="$SRC_CACHE/$(pinned_dir libsdl2)"
  IMGUI_DIR="$SRC_CACHE/$(pinned_dir imgui)"
  MD4C_DIR="$SRC_CACHE/$(pinned_dir md4c)/src"
  [[ -d $SDL_SRC ]] || SDL_SRC=""
  [[ -d $IMGUI_DIR ]] || IMGUI_DIR=""
  [[ -d $MD4C_DIR ]] || MD4C_DIR=""
  SDL_VERSION=$(pinned_dir libsdl2)
  SDL_VERSION=${SDL_VERSION#SDL2-}
  SDL_PREFIX="$CACHE_DIR/sdl2-wasm-$SDL_VERSION"
  SDL_MIN_PREFIX="$CACHE_DIR/sdl2-wasm-nogl-$SDL_VERSION"
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
  local preset=$1 launcher=()
  shift
  mkdir -p "$BUILD/$preset"
  command -v ccache >/dev/null &&
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  configure_once "$BUILD/$preset" cmake --preset "$preset" -B "$BUILD/$preset" \
    ${MD4C_DIR:+"-DRX_MD4C_DIR=$MD4C_DIR"} "${launcher[@]}" "$@"
}

# Compiler cache for every preset (ccache, outside the clone): a fresh clone compiles only what
# changed since any earlier build on this machine. Paths under the clone are hashed relative to
# it (base_dir), so clones in different folders share entries; hash_dir off, since the Release
# and sanitizer builds' debug info is not used across clones.
export CCACHE_DIR="${CCACHE_DIR:-$CACHE_DIR/ccache}"
export CCACHE_BASEDIR="$ROOT"
export CCACHE_NOHASHDIR=1
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-2G}"

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
