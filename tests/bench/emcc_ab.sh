#!/usr/bin/env bash
# Opt-in measurement: Debian 13's Emscripten 3.1.69 against Debian 12's 3.1.6 (the
# one build.sh uses), on the same code, in one browser run. Not part of build/test; needs root
# (debootstrap, chroot, bind mounts) and about 20 minutes the first time.
#
#   nice -n 10 tests/bench/emcc_ab.sh [--runs N]     (N alternating load rounds, default 15)
#
# 1. build.sh builds the app's site and the bench's baseline with 3.1.6 (./build.sh build, baseline);
#    they are copied to build/emcc-ab/3.1.6/{site,baseline}.
# 2. A Debian 13 root made with debootstrap from the archive this machine uses (the URI in
#    /etc/apt/sources.list.d/debian.sources), with Debian 13's emscripten, binaryen, cmake and
#    ninja, cached in ~/.cache/rust-explorer/trixie-root (made once, atomically).
# 3. Inside that root, build.sh's own functions (sourced: the same SDL2 options, CMake flags,
#    closure, wasm-opt round and baseline commands) build SDL2 from the same Debian source
#    (cached in ~/.cache/rust-explorer/emcc-3.1.69/), the app and the baseline; the 3.1.6 site
#    with the 3.1.69 explorer.js/.wasm becomes build/emcc-ab/3.1.69/site. Closure is the npm build
#    Emscripten 3.1.69 names in its package.json, as build.sh does for 3.1.6.
# 4. tests/bench/emcc_ab.mjs loads the four pages alternating and prints one table
#    (build/emcc-ab/ab.json).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/rust-explorer"
BUILD="${RX_BUILD_DIR:-$ROOT/build}"
OUT="$BUILD/emcc-ab"
TRIXIE_ROOT="$CACHE_DIR/trixie-root"
EM_NEW=3.1.69
NEW_CACHE="$CACHE_DIR/emcc-$EM_NEW" # SDL2 builds and closure for the new compiler
RUNS=15

say() { printf '==> %s\n' "$*"; }
die() {
  printf 'emcc_ab.sh: %s\n' "$*" >&2
  exit 1
}
while (($#)); do
  case $1 in
  --runs) RUNS=${2:?--runs needs a number} && shift 2 ;;
  *) die "unknown argument $1 (usage: tests/bench/emcc_ab.sh [--runs N])" ;;
  esac
done
[[ $EUID -eq 0 ]] || die "needs root (debootstrap, chroot, mount)"

archive_uri() { # the Debian archive this machine's apt uses
  local uri
  uri=$(sed -nE 's/^URIs: *(\S+).*/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null |
    grep -v security | head -1)
  printf '%s' "${uri:-http://deb.debian.org/debian}"
}

ensure_trixie_root() {
  local marker="$TRIXIE_ROOT/usr/share/emscripten/emcc.py"
  [[ -f $marker ]] && return 0
  command -v debootstrap >/dev/null ||
    { apt-get install -y -q --no-install-recommends debootstrap || { apt-get update -q &&
      apt-get install -y -q --no-install-recommends debootstrap; }; }
  local tmp="$TRIXIE_ROOT.tmp.$$"
  say "debootstrap trixie -> $TRIXIE_ROOT ($(archive_uri); a few minutes, once)"
  rm -rf "$tmp"
  debootstrap --variant=minbase --include=emscripten,binaryen,cmake,ninja-build,ca-certificates \
    trixie "$tmp" "$(archive_uri)" >"$tmp.log" 2>&1 || die "debootstrap failed, see $tmp.log"
  [[ -f $tmp/usr/share/emscripten/emcc.py ]] || die "no emscripten in $tmp"
  rm -rf "$TRIXIE_ROOT" "$tmp.log"
  mv "$tmp" "$TRIXIE_ROOT"
}

# Closure as Emscripten 3.1.69 pins it (upstream package.json: google-closure-compiler 20240317;
# Debian's package drops that file and points at Debian's older closure-compiler), the native npm
# build, as build.sh takes 20220104 for 3.1.6. Cached.
CLOSURE_VERSION=20240317.0.0
ensure_closure() {
  CLOSURE_DIR="$NEW_CACHE/closure-$CLOSURE_VERSION"
  [[ -x $CLOSURE_DIR/node_modules/google-closure-compiler-linux/compiler ]] && return 0
  say "npm google-closure-compiler-linux@$CLOSURE_VERSION -> $CLOSURE_DIR"
  rm -rf "$CLOSURE_DIR.tmp"
  mkdir -p "$CLOSURE_DIR.tmp"
  (cd "$CLOSURE_DIR.tmp" && npm install --no-save --no-audit --no-fund --loglevel=error \
    "google-closure-compiler-linux@$CLOSURE_VERSION")
  rm -rf "$CLOSURE_DIR"
  mv "$CLOSURE_DIR.tmp" "$CLOSURE_DIR"
}

MOUNTS=()
bind() { # host-path [ro]: the same path inside the root
  mkdir -p "$TRIXIE_ROOT$1"
  mount --bind "$1" "$TRIXIE_ROOT$1"
  MOUNTS+=("$TRIXIE_ROOT$1")
  [[ ${2:-} != ro ]] || mount -o remount,bind,ro "$TRIXIE_ROOT$1"
}
unmount_all() {
  local i
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do umount "${MOUNTS[i]}" 2>/dev/null || umount -l "${MOUNTS[i]}"; done
  MOUNTS=()
}
trap unmount_all EXIT

build_new() { # inside the Debian 13 root, with build.sh's functions
  mkdir -p "$TRIXIE_ROOT/proc" "$OUT/$EM_NEW" "$NEW_CACHE"
  mount -t proc proc "$TRIXIE_ROOT/proc" && MOUNTS+=("$TRIXIE_ROOT/proc")
  bind /dev
  ! mountpoint -q /dev/shm || bind /dev/shm
  bind "$ROOT"
  [[ $BUILD == "$ROOT"/* ]] || bind "$BUILD"
  bind "$CACHE_DIR/src" ro
  bind "$NEW_CACHE"
  # The same header-only libraries as the host build (Debian 12's nlohmann-json and doctest).
  bind /usr/include/nlohmann ro
  bind /usr/include/doctest ro
  say "Emscripten $EM_NEW in the Debian 13 root: SDL2, app, baseline -> $OUT/$EM_NEW"
  chroot "$TRIXIE_ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    RX_BUILD_DIR="$OUT/$EM_NEW/build" RX_CLOSURE_COMPILER="$CLOSURE_DIR/node_modules/google-closure-compiler-linux/compiler" \
    NEW_CACHE="$NEW_CACHE" OUT="$OUT/$EM_NEW" \
    bash -c '
      set -euo pipefail
      source "$1/build.sh"
      emcc --version | head -1
      resolve_sources
      # build.sh names the SDL2 prefixes by version and options; these hold 3.1.69 builds.
      SDL_PREFIX="$NEW_CACHE/${SDL_PREFIX##*/}"
      SDL_MIN_PREFIX="$NEW_CACHE/${SDL_MIN_PREFIX##*/}"
      step "SDL2 $SDL_VERSION (app trims)" build_sdl2_wasm
      step "explorer" build_wasm explorer
      step "baseline" build_baseline
      rm -rf "$OUT/baseline"
      cp -a "$BUILD/baseline" "$OUT/baseline"
      rm -rf "$OUT/baseline/obj"' _ "$ROOT"
  unmount_all
}

# The 3.1.6 site with the new explorer.js/.wasm: the service-worker hook rehashes, then gzip/br.
stage_new_site() {
  local site="$OUT/$EM_NEW/site" f
  rm -rf "$site"
  cp -a "$OUT/3.1.6/site" "$site"
  cp "$OUT/$EM_NEW/build/wasm/explorer.js" "$OUT/$EM_NEW/build/wasm/explorer.wasm" "$site/"
  [[ ! -f $ROOT/web/tools/precache.mjs ]] || node "$ROOT/web/tools/precache.mjs" "$site" >/dev/null
  for f in "$site"/explorer.{js,wasm} "$site"/sw.js "$site"/version.json; do
    [[ -f $f ]] || continue
    gzip -9 -n -c "$f" >"$f.gz"
    brotli -q 11 -c "$f" >"$f.br"
  done
}

main() {
  say "Emscripten 3.1.6 (Debian 12, build.sh): site and baseline"
  (cd "$ROOT" && ./build.sh build && ./build.sh baseline)
  mkdir -p "$OUT/3.1.6"
  rm -rf "$OUT/3.1.6/site" "$OUT/3.1.6/baseline"
  cp -a "$BUILD/site" "$OUT/3.1.6/site"
  cp -a "$BUILD/baseline" "$OUT/3.1.6/baseline"
  rm -rf "$OUT/3.1.6/baseline/obj"
  ensure_trixie_root
  ensure_closure
  build_new
  stage_new_site
  say "A/B in one browser run ($RUNS rounds)"
  node "$ROOT/tests/bench/emcc_ab.mjs" --a "3.1.6=$OUT/3.1.6" --b "$EM_NEW=$OUT/$EM_NEW" --runs "$RUNS" \
    --json "$OUT/ab.json"
}
main
