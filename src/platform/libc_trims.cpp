// Link-time replacements for libc functions the explorer never calls at run time.
#include <cstdio>

// Only ImGui's .ini settings reader calls sscanf, and the explorer keeps no .ini
// (io.IniFilename = nullptr). musl's sscanf brings its whole scanf engine and FILE plumbing:
// -3.0 KB gzip of wasm. A call would be a bug: stop loudly rather than parse nothing.
extern "C" int sscanf(const char* __restrict, const char* __restrict, ...) {
    __builtin_trap();
}
