// Content problems reported to the user (error panel, `validate` tool, state().errors).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace rx {

struct Diagnostic {
    std::string source;  // file name as the user knows it, e.g. "rust-overview.md"
    int line = 0;        // 1-based; 0 when the problem has no position
    int col = 0;         // 1-based, in code points
    std::string message;
};
using Diagnostics = std::vector<Diagnostic>;

struct LineCol {
    int line = 1;
    int col = 1;
};

// 1-based line and column (in UTF-8 code points) of a byte offset; offsets past the end clamp.
LineCol lineColAt(std::string_view text, size_t offset);

// "file:line:col: message"
std::string format(const Diagnostic& d);

} // namespace rx
