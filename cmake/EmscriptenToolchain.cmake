# Toolchain of the wasm preset: Emscripten's own, found from the emcc in use (an upstream emsdk
# when EMSDK is set, else Debian's): what `emcmake` passes, without needing it on the command
# line. (The wasm unit tests run under node: CMakeLists.txt says how.)
if(DEFINED ENV{EMSDK} AND EXISTS "$ENV{EMSDK}/upstream/emscripten")
  set(_rx_emscripten_root "$ENV{EMSDK}/upstream/emscripten")
else()
  find_program(_rx_em_config em-config)
  if(NOT _rx_em_config)
    message(FATAL_ERROR "em-config not found: install Emscripten (./build.sh deps: apt emscripten) "
                        "or set EMSDK to an upstream emsdk")
  endif()
  execute_process(COMMAND "${_rx_em_config}" EMSCRIPTEN_ROOT OUTPUT_VARIABLE _rx_emscripten_root
                  OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
endif()
include("${_rx_emscripten_root}/cmake/Modules/Platform/Emscripten.cmake")
