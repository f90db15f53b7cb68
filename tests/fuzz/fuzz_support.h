// Shared by the libFuzzer targets: repository files read once at start-up, and the checks every
// diagnostic must pass.
#pragma once
#include "diagnostics.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace rx::fuzz {

// A file of the repository (RX_SOURCE_DIR); aborts when it is missing or empty: a fuzzer
// without its fixed inputs proves nothing.
inline std::string readRepoFile(const std::string& relativePath) {
    std::ifstream file(std::string(RX_SOURCE_DIR) + "/" + relativePath, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    if (bytes.str().empty()) std::abort();
    return bytes.str();
}

// Every diagnostic carries a non-negative position and a message.
inline void checkDiagnostics(const rx::Diagnostics& errors) {
    for (const rx::Diagnostic& d : errors)
        if (d.line < 0 || d.col < 0 || d.message.empty()) std::abort();
}

} // namespace rx::fuzz
