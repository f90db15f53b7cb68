# shellcheck shell=bash
# `./build.sh deps`: apt packages, the deb-src entry, the upstream sources from Debian's source
# packages, SDL2 built for wasm, npm packages; everything cached outside the clone.
# Sourced by build.sh (set -euo pipefail, ROOT, BUILD, CACHE_DIR, ... are set there).

APT_PACKAGES=(cmake ninja-build doctest-dev nlohmann-json3-dev fonts-noto-core python3-fonttools
  chromium librsvg2-bin libclang-rt-14-dev clang clang-format clang-tidy brotli wabt poppler-utils ccache)
# Fonts the browser draws the explorer's missing glyphs with (web/glyphs.js): CJK and colour emoji,
# as every phone and desktop has; the browser tests type both.
APT_PACKAGES+=(fonts-wqy-microhei fonts-noto-color-emoji)

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

# deb-src entries, used only by `apt-get source`: Debian 12's (a copy of the system's entry) and
# Debian 13's (no `deb` line, so no binary package comes from it: the machine stays Debian 12).
# Both use the system's mirror and archive key.
TRIXIE_SOURCES=/etc/apt/sources.list.d/rust-explorer-trixie-src.sources
ensure_deb_src() { # returns 0 when it added an entry (apt-get update needed)
  local added=1 uri=http://deb.debian.org/debian
  if ! grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    [[ -f /etc/apt/sources.list.d/debian.sources ]] ||
      die "no deb-src entry and no /etc/apt/sources.list.d/debian.sources to copy; add one by hand"
    note "adding deb-src entry /etc/apt/sources.list.d/debian-src.sources"
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
      as_root tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
    added=0
  fi
  [[ -f $TRIXIE_SOURCES ]] && return $added
  if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
    uri=$(awk '$1 == "URIs:" && $2 ~ /\/debian\/?$/ { print $2; exit }' \
      /etc/apt/sources.list.d/debian.sources)
    uri=${uri:-http://deb.debian.org/debian}
  fi
  note "adding deb-src entry $TRIXIE_SOURCES (Debian 13 sources, for apt-get source only)"
  printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: %s\n' "$uri" \
    /usr/share/keyrings/debian-archive-keyring.gpg | as_root tee "$TRIXIE_SOURCES.tmp" >/dev/null
  as_root mv "$TRIXIE_SOURCES.tmp" "$TRIXIE_SOURCES"
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

# Upstream sources of SDL2, Dear ImGui and md4c from Debian 13's source packages, each fetched
# and unpacked once into the cache (atomically: a temporary folder, then a rename).
fetch_pinned_source() { # package suite tarball sha256 folder
  local pkg=$1 suite=$2 tarball=$3 sum=$4 dir=$5 tmp
  [[ -d $SRC_CACHE/$dir ]] && return 0
  tmp=$(mktemp -d "$SRC_CACHE/.fetch-$pkg.XXXXXX")
  note "apt-get source $pkg/$suite -> $SRC_CACHE/$dir"
  if [[ -f $SRC_CACHE/$tarball ]]; then
    cp "$SRC_CACHE/$tarball" "$tmp/"
  else
    # --tar-only fetches only the upstream tarball. If apt cannot (index not yet downloaded,
    # or a missing .dsc as seen once for md4c), refresh the index and take the tarball's own
    # address and hash from it.
    (cd "$tmp" && apt-get source -q --download-only --tar-only "$pkg/$suite" >/dev/null) ||
      (cd "$tmp" && as_root apt-get update -q &&
        apt-get source -q --download-only --tar-only "$pkg/$suite" >/dev/null) ||
      fetch_tarball_by_uri "$pkg/$suite" "$tarball" "$tmp"
  fi
  [[ -f $tmp/$tarball ]] || die "apt-get source $pkg/$suite gave no $tarball (pinned)"
  [[ $(sha256sum "$tmp/$tarball" | cut -d' ' -f1) == "$sum" ]] ||
    die "$tarball: SHA-256 differs from the pinned one; refusing an unexpected source"
  tar -C "$tmp" -xf "$tmp/$tarball"
  [[ -d $tmp/$dir ]] || die "$tarball did not unpack to $dir"
  mv "$tmp/$tarball" "$SRC_CACHE/$tarball.tmp.$$" && mv "$SRC_CACHE/$tarball.tmp.$$" "$SRC_CACHE/$tarball"
  [[ -d $SRC_CACHE/$dir ]] || mv "$tmp/$dir" "$SRC_CACHE/$dir"
  rm -rf "$tmp"
}
fetch_tarball_by_uri() { # package/suite tarball dest: the address apt gives, via apt's downloader
  local uri
  uri=$(apt-get source -q --print-uris --tar-only "$1" 2>/dev/null |
    awk -v t="$2" '$2 == t { gsub(/\047/, "", $1); print $1 }')
  [[ -n $uri ]] || return 1
  /usr/lib/apt/apt-helper download-file "$uri" "$3/$2"
}
fetch_sources() {
  local entry
  mkdir -p "$SRC_CACHE"
  for entry in "${PINNED_SOURCES[@]}"; do
    # shellcheck disable=SC2086 # five words by construction
    fetch_pinned_source $entry
  done
  resolve_sources
  [[ -n $IMGUI_DIR && -n $MD4C_DIR && -n $SDL_SRC ]] || die "pinned sources missing in $SRC_CACHE"
}

# SDL2 built for wasm once per version and variant, installed into the cache (atomically: tmp
# dir + mv). The app links a size-trimmed SDL2: no audio, joystick, haptic, sensor, power,
# render or threads, -Oz + LTO; SDL_LEAN_AND_MEAN drops the software blitters a WebGL app never
# calls; no OpenGL/EGL, offscreen or dummy video, since the app makes its WebGL2 context itself
# and SDL's EGL kept every GL function (what each saved: docs/PERFORMANCE.md). The bench's baseline, Dear ImGui's own example, needs the full one (it inits the game
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
