// Link-time replacements for library functions the explorer never calls at run time.
#include <cstdio>
#include <imgui.h>

// Only ImGui's .ini settings reader calls sscanf, and the explorer keeps no .ini
// (io.IniFilename = nullptr). musl's sscanf brings its whole scanf engine and FILE plumbing:
// -3.0 KB gzip of wasm. A call would be a bug: stop loudly rather than parse nothing.
extern "C" int sscanf(const char* __restrict, const char* __restrict, ...) {
    __builtin_trap();
}

// ImGui's built-in font (ProggyClean and its decompressor: -11.8 KB gzip of wasm), linked through
// ImFontAtlas::Build's "no font added" path. The explorer always adds its own faces first and
// does not start without them (App::hasFonts); CMakeLists.txt routes the symbol here (--wrap).
// Dear ImGui 1.90.1 has no compile-time switch for this (IMGUI_DISABLE_DEFAULT_FONT came later).
// The linker's --wrap dictates the reserved name.
// NOLINTNEXTLINE(bugprone-reserved-identifier)
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*,
                                                                            const ImFontConfig*) {
    __builtin_trap();
}
