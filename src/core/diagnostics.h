// Content problems reported to the user (error panel, `validate` tool, state().errors).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rx {

// Content files larger than this are refused by every loader (keeps the wasm heap predictable).
inline constexpr size_t kMaxContentBytes = 5 * 1024 * 1024;

struct Diagnostic {
    std::string source; // file name as the user knows it, e.g. "rust-overview.md"
    int line = 0;       // 1-based; 0 when the problem has no position
    int col = 0;        // 1-based, in code points
    std::string message;
};
using Diagnostics = std::vector<Diagnostic>;

struct LineCol {
    int line = 1;
    int col = 1;
};

// 1-based line and column (in UTF-8 code points) of a byte offset; offsets past the end clamp.
LineCol lineColAt(std::string_view text, size_t offset);

// Same as lineColAt, for many lookups in one text: O(log n + line length) per lookup. The line
// starts are found only as far as a lookup needs (a large document's first piece asks about its
// first lines only), so the text is scanned at most once in all. Keeps a view of `text`, which
// must outlive it.
class LineIndex {
  public:
    explicit LineIndex(std::string_view text);
    LineCol at(size_t offset) const;

  private:
    void scanTo(size_t offset) const;
    std::string_view text_;
    mutable std::vector<size_t> lineStarts_; // byte offset of each line's first byte found so far
    mutable size_t scanned_ = 0;             // bytes of text_ searched for line ends
};

// "file:line:col: message"; the position parts are left out when they are 0.
std::string format(const Diagnostic& d);

} // namespace rx
