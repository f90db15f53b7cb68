#include "diagnostics.h"

#include "utf8.h"

#include <algorithm>

namespace rx {

LineCol lineColAt(std::string_view text, size_t offset) {
    offset = std::min(offset, text.size());
    LineCol result;
    size_t lineStart = 0;
    for (size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++result.line;
            lineStart = i + 1;
        }
    }
    result.col =
        1 + static_cast<int>(utf8CodePointCount(text.substr(lineStart, offset - lineStart)));
    return result;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
    lineStarts_.push_back(0);
}

void LineIndex::scanTo(size_t offset) const {
    while (scanned_ < offset) {
        const size_t end = text_.find('\n', scanned_);
        if (end == std::string_view::npos || end >= offset) {
            // Line ends after `offset` are found by a later lookup that needs them.
            scanned_ = end == std::string_view::npos ? text_.size() : end;
            break;
        }
        lineStarts_.push_back(end + 1);
        scanned_ = end + 1;
    }
}

LineCol LineIndex::at(size_t offset) const {
    offset = std::min(offset, text_.size());
    scanTo(offset);
    // The last line start at or before offset.
    const auto next = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    const size_t lineIndex = static_cast<size_t>(next - lineStarts_.begin()) - 1;
    const size_t lineStart = lineStarts_[lineIndex];
    LineCol result;
    result.line = static_cast<int>(lineIndex) + 1;
    result.col =
        1 + static_cast<int>(utf8CodePointCount(text_.substr(lineStart, offset - lineStart)));
    return result;
}

std::string format(const Diagnostic& d) {
    std::string out = d.source;
    if (d.line > 0) {
        out += ':' + std::to_string(d.line);
        if (d.col > 0) out += ':' + std::to_string(d.col);
    }
    out += ": ";
    out += d.message;
    return out;
}

} // namespace rx
