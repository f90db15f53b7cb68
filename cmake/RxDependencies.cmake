# Where the upstream sources and libraries come from, so that CMake configures on its own.
#
# `./build.sh deps` unpacks Debian's source packages of Dear ImGui, md4c and SDL2 into
# RX_CACHE_DIR/src and installs SDL2 built for wasm under RX_CACHE_DIR. Each RX_*_DIR left empty
# is looked up there (by the folder names pinned below); set it to use another copy. Header-only
# libraries (nlohmann-json, doctest) are found on the system and linked into a folder that holds
# only them (emcc must never see /usr/include).

if(DEFINED ENV{XDG_CACHE_HOME} AND NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
  set(_rx_default_cache "$ENV{XDG_CACHE_HOME}/rust-explorer")
else()
  set(_rx_default_cache "$ENV{HOME}/.cache/rust-explorer")
endif()
set(RX_CACHE_DIR "${_rx_default_cache}" CACHE PATH "Cache ./build.sh deps fills (sources, SDL2)")

# The upstream versions this code is written against: the folders `./build.sh deps` makes in the
# cache (sources under src/, SDL2 for wasm at the top) from the tarballs scripts/common.sh pins
# (PINNED_SOURCES: keep both in step).
set(RX_IMGUI_FOLDER imgui-1.90.1)
set(RX_MD4C_FOLDER md4c-release-0.5.2)
set(RX_SDL2_FOLDER sdl2-wasm-nogl-2.26.5)

# rx_find_cached(VAR PATTERN MARKER DESCRIPTION): when VAR is empty, sets it to the folder
# RX_CACHE_DIR/PATTERN (a glob: the newest match) that holds MARKER; fails with a message naming
# VAR otherwise.
function(rx_find_cached var pattern marker description)
  if(NOT ${var})
    file(GLOB _candidates LIST_DIRECTORIES true "${RX_CACHE_DIR}/${pattern}")
    list(FILTER _candidates EXCLUDE REGEX "\\.(tmp|build)\\.[0-9]+") # unfinished builds
    list(SORT _candidates COMPARE NATURAL ORDER DESCENDING)
    foreach(_dir IN LISTS _candidates)
      if(EXISTS "${_dir}/${marker}")
        set(${var} "${_dir}" CACHE PATH "${description}" FORCE)
        break()
      endif()
    endforeach()
  endif()
  if(NOT ${var} OR NOT EXISTS "${${var}}/${marker}")
    message(FATAL_ERROR
      "${description} not found (no ${marker} in '${${var}}', nor in ${RX_CACHE_DIR}/${pattern}).\n"
      "Run ./build.sh deps, or configure with -D${var}=<folder holding ${marker}>.")
  endif()
  message(STATUS "${var}: ${${var}}")
endfunction()

# rx_header_only_include(): RX_THIRD_PARTY_INCLUDE, a folder with links to nlohmann/ and doctest/.
function(rx_header_only_include)
  if(RX_THIRD_PARTY_INCLUDE)
    return()
  endif()
  set(_dir "${CMAKE_BINARY_DIR}/third_party")
  file(MAKE_DIRECTORY "${_dir}")
  foreach(_lib nlohmann/json.hpp doctest/doctest.h)
    get_filename_component(_name "${_lib}" DIRECTORY)
    find_path(_found_${_name} "${_lib}" PATHS /usr/include /usr/local/include NO_DEFAULT_PATH
              NO_CMAKE_FIND_ROOT_PATH)
    if(NOT _found_${_name})
      message(FATAL_ERROR "${_lib} not found (apt: nlohmann-json3-dev doctest-dev; ./build.sh deps "
                          "installs them), or set RX_THIRD_PARTY_INCLUDE to a folder holding ${_name}/")
    endif()
    file(CREATE_LINK "${_found_${_name}}/${_name}" "${_dir}/${_name}" SYMBOLIC)
  endforeach()
  set(RX_THIRD_PARTY_INCLUDE "${_dir}" CACHE PATH "Folder with nlohmann/ and doctest/ include links"
      FORCE)
endfunction()
