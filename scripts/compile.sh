# shellcheck shell=bash
# Builds through the CMake presets (CMakePresets.json) into $BUILD/<preset>, the bench's
# baseline, and the site (web/tools/build-site.mjs).
# Sourced by build.sh (set -euo pipefail, ROOT, BUILD, CACHE_DIR, ... are set there).

build_native() {
  configure_preset native -DCMAKE_BUILD_TYPE="$BUILD_TYPE"
  cmake --build "$BUILD/native" -- -j"$(nproc)" "$@"
}

configure_wasm() {
  local sdl=(${SDL_MIN_PREFIX:+"-DRX_SDL2_PREFIX=$SDL_MIN_PREFIX"})
  [[ -n ${EMSDK:-} ]] && sdl=(-DRX_USE_EMSDK_SDL_PORT=ON)
  # RX_CLOSURE_COMPILER: another closure-compiler binary (tests/bench/emcc_ab.sh: the one
  # Emscripten 3.1.69 was made with); otherwise CMake takes npm's when installed.
  # Links reuse the outputs of identical earlier links (cmake/link_cache.mjs), like ccache.
  configure_preset wasm -DCMAKE_BUILD_TYPE="$BUILD_TYPE" "${sdl[@]}" -DRX_LINK_CACHE_DIR="$CACHE_DIR/links" \
    ${IMGUI_DIR:+"-DRX_IMGUI_DIR=$IMGUI_DIR"} \
    ${RX_CLOSURE_COMPILER:+-DRX_CLOSURE=ON "-DRX_CLOSURE_COMPILER=$RX_CLOSURE_COMPILER"}
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

# Dear ImGui's own SDL2 + OpenGL3 web example (examples/example_sdl2_opengl3, demo window), from
# the same ImGui source the app uses and with the same emcc: the bench's baseline. Flags are its
# Makefile.emscripten's, with our SDL2 prefix instead of -sUSE_SDL=2 (Debian's emcc has no ports)
# and -O2 for compile and link (the Makefile compiles -Os and links unoptimised: a baseline
# without wasm-opt and with unminified JS would flatter the app). Output: build/baseline/.
build_baseline() {
  build_sdl2_wasm_full
  # Objects per ImGui version: unpacked sources keep their (old) tarball dates.
  local out="$BUILD/baseline" obj="$BUILD/baseline/obj-${IMGUI_DIR##*/}"
  local ex="$IMGUI_DIR/examples/example_sdl2_opengl3"
  mkdir -p "$obj/include" "$obj/libs/emscripten"
  write_baseline_support "$obj/libs/emscripten"
  local flags=(-O2 -Wall -Wformat -DIMGUI_DISABLE_FILE_FUNCTIONS -I"$IMGUI_DIR"
    -I"$IMGUI_DIR/backends" -I"$obj/include" -sDISABLE_EXCEPTION_CATCHING=1)
  local link=(-O2 -sWASM=1 -sALLOW_MEMORY_GROWTH=1 -sNO_EXIT_RUNTIME=0 -sASSERTIONS=1
    -sNO_FILESYSTEM=1 -sDISABLE_EXCEPTION_CATCHING=1)
  if [[ -n ${EMSDK:-} ]]; then
    flags+=(-sUSE_SDL=2)
    link+=(-sUSE_SDL=2)
  else
    flags+=(-I"$SDL_PREFIX/include/SDL2")
    link+=("$SDL_PREFIX/lib/libSDL2.a")
  fi
  local src objs=() o
  for src in "$ex/main.cpp" "$IMGUI_DIR"/imgui{,_demo,_draw,_tables,_widgets}.cpp \
    "$IMGUI_DIR"/backends/imgui_impl_{sdl2,opengl3}.cpp; do
    o="$obj/$(basename "${src%.cpp}").o"
    objs+=("$o")
    [[ $o -nt $src ]] && continue
    "${EMCC/%emcc/em++}" "${flags[@]}" -c "$src" -o "$o" &
  done
  wait
  local relink=0
  [[ -f $out/index.wasm ]] || relink=1
  for o in "${objs[@]}"; do [[ $o -nt $out/index.wasm ]] && relink=1; done
  # Debian's emcc cannot write -o x.html (html minifier bug): link to JS, ship the shell page.
  ((relink == 0)) || "${EMCC/%emcc/em++}" -o "$out/index.js" "${objs[@]}" "${link[@]}"
  cp "$obj/libs/emscripten/shell_minimal.html" "$out/index.html"
}

# Two small files of upstream's examples/libs/emscripten/ that Debian's repacked tarball
# (1.90.1+ds) leaves out: the main-loop macros main.cpp includes (as
# "../libs/emscripten/emscripten_mainloop_stub.h", found through -I obj/include) and the page.
write_baseline_support() {
  local dir=$1
  cat >"$dir/emscripten_mainloop_stub.h" <<'EOF_STUB'
#pragma once
#include <emscripten.h>
#include <functional>
static std::function<void()> MainLoopForEmscriptenP;
static void MainLoopForEmscripten() { MainLoopForEmscriptenP(); }
#define EMSCRIPTEN_MAINLOOP_BEGIN MainLoopForEmscriptenP = [&]()
#define EMSCRIPTEN_MAINLOOP_END ; emscripten_set_main_loop(MainLoopForEmscripten, 0, true)
EOF_STUB
  cat >"$dir/shell_minimal.html" <<'EOF_PAGE'
<!doctype html>
<html lang="en-us">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, minimum-scale=1, user-scalable=no"/>
<title>Dear ImGui Emscripten example</title>
<style>
body { margin: 0; background-color: black }
.emscripten { position: absolute; top: 0px; left: 0px; margin: 0px; border: 0; width: 100%;
  height: 100%; overflow: hidden; display: block; image-rendering: pixelated; }
</style>
</head>
<body>
<canvas class="emscripten" id="canvas" oncontextmenu="event.preventDefault()"></canvas>
<script type='text/javascript'>
var Module = {
  print: function() { console.log(Array.prototype.slice.call(arguments).join(' ')); },
  printErr: function() { console.error(Array.prototype.slice.call(arguments).join(' ')); },
  canvas: document.getElementById('canvas'),
  setStatus: function(text) { console.log("status: " + text); },
  monitorRunDependencies: function(left) {}
};
window.onerror = function(event) { console.log("onerror: " + event); };
</script>
<script async src="index.js"></script>
</body>
</html>
EOF_PAGE
}

# The site: web/ + the wasm app + content, through the named steps of web/tools/site-steps.mjs.
stage_site() {
  node "$ROOT/web/tools/build-site.mjs" --content "$CONTENT_DIR" --build "$BUILD" --out "$BUILD/site" \
    --cache "$CACHE_DIR/site"
}
