#include "utf8.h"

#include <algorithm>

namespace rx {

size_t utf8Decode(std::string_view text, size_t pos, char32_t& codePoint) {
    if (pos >= text.size()) return 0;
    const auto byteAt = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byteAt(pos);
    if (lead < 0x80) {
        codePoint = lead;
        return 1;
    }
    size_t length = 0;
    char32_t cp = 0, min = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, cp = lead & 0x1F, min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, cp = lead & 0x0F, min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, cp = lead & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (pos + length > text.size()) return 0;
    for (size_t i = 1; i < length; ++i) {
        if (!isUtf8Continuation(text[pos + i])) return 0;
        cp = (cp << 6) | (byteAt(pos + i) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    codePoint = cp;
    return length;
}

size_t utf8SequenceLength(std::string_view text, size_t pos) {
    char32_t unused = 0;
    return utf8Decode(text, pos, unused);
}

size_t utf8CharStart(std::string_view text, size_t pos) {
    for (int i = 0; i < 3 && pos > 0 && pos < text.size() && isUtf8Continuation(text[pos]); ++i)
        --pos;
    return pos;
}

std::string_view truncateUtf8(std::string_view text, size_t maxBytes) {
    if (text.size() <= maxBytes) return text;
    return text.substr(0, utf8CharStart(text, maxBytes));
}

size_t utf8CodePointCount(std::string_view text) {
    size_t count = 0;
    for (size_t pos = 0; pos < text.size(); ++count) {
        const size_t length = utf8SequenceLength(text, pos);
        pos += length == 0 ? 1 : length;
    }
    return count;
}

bool isValidUtf8(std::string_view text) {
    for (size_t pos = 0; pos < text.size();) {
        const size_t length = utf8SequenceLength(text, pos);
        if (length == 0) return false;
        pos += length;
    }
    return true;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        out += kReplacementChar;
    } else if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool DistinctChars::add(std::string_view text) {
    const size_t before = chars_.size();
    for (size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (!ascii_[c]) {
                ascii_[c] = true;
                chars_ += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        length = std::min(length, text.size() - i);
        std::uint32_t key = 0;
        for (size_t k = 0; k < length; ++k)
            key = (key << 8) | static_cast<unsigned char>(text[i + k]);
        if (key != lastOther_) {
            lastOther_ = key;
            if (other_.insert(key).second) chars_.append(text.data() + i, length);
        }
        i += length;
    }
    return chars_.size() != before;
}

} // namespace rx
