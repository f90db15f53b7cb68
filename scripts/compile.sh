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
  configure_preset wasm -DCMAKE_BUILD_TYPE="$BUILD_TYPE" "${sdl[@]}" \
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
