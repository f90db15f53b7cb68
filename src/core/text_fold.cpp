#include "text_fold.h"

#include <cstring>

namespace rx {
namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";

// Decodes one well-formed UTF-8 sequence at `pos`; returns its length, or 0 when ill-formed
// (stray continuation, truncated, overlong, surrogate, beyond U+10FFFF).
size_t decodeUtf8(std::string_view s, size_t pos, char32_t& cp) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    size_t len = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (pos + len > s.size()) return 0;
    for (size_t i = 1; i < len; ++i) {
        const unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

// Base letters of U+00C0..U+00FF; '*' marks expansions and '=' characters kept as they are.
constexpr char kLatin1[] = "aaaaaa*ceeeeiiiidnooooo=ouuuuy**"  // U+00C0..U+00DF
                           "aaaaaa*ceeeeiiiidnooooo=ouuuuy*y"; // U+00E0..U+00FF
static_assert(sizeof(kLatin1) == 64 + 1, "one entry per code point");

// Base letters of U+0100..U+017F; '*' marks expansions (Ĳ ĳ Œ œ).
constexpr char kLatinExtA[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkk"
                              "llllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyy"
                              "zzzzzzs";
static_assert(sizeof(kLatinExtA) == 128 + 1, "one entry per code point");

// Folded form of one code point; nullptr = copy the original bytes unchanged.
const char* foldCodePoint(char32_t cp, char buf[2]) {
    buf[1] = '\0';
    if (cp < 0x80) {
        buf[0] =
            (cp >= 'A' && cp <= 'Z') ? static_cast<char>(cp - 'A' + 'a') : static_cast<char>(cp);
        return buf;
    }
    if (cp >= 0xC0 && cp <= 0xFF) {
        const char c = kLatin1[cp - 0xC0];
        if (c == '=') return nullptr;
        if (c != '*') return buf[0] = c, buf;
        switch (cp) {
        case 0xC6:
        case 0xE6:
            return "ae";
        case 0xDE:
        case 0xFE:
            return "th";
        case 0xDF:
            return "ss";
        default:
            return nullptr;
        }
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        const char c = kLatinExtA[cp - 0x100];
        if (c != '*') return buf[0] = c, buf;
        return (cp == 0x132 || cp == 0x133) ? "ij" : "oe";
    }
    switch (cp) {
    case 0xA0:
    case 0x2007:
    case 0x202F:
        return " ";
    case 0xAD:
        return ""; // soft hyphen: invisible, must not split words
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x02BC:
    case 0x2032:
        return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2033:
        return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
        return "-";
    default:
        return nullptr;
    }
}

template <typename Emit> void foldInto(std::string_view s, Emit&& emit) {
    size_t pos = 0;
    char buf[2];
    while (pos < s.size()) {
        char32_t cp = 0;
        const size_t len = decodeUtf8(s, pos, cp);
        if (len == 0) {
            emit(std::string_view(kReplacement, 3), pos, pos + 1);
            pos += 1;
            continue;
        }
        const char* folded = foldCodePoint(cp, buf);
        emit(folded ? std::string_view(folded, std::strlen(folded)) : s.substr(pos, len), pos,
             pos + len);
        pos += len;
    }
}

} // namespace

ByteRange FoldedText::toOriginal(size_t begin, size_t end) const {
    const auto size = static_cast<uint32_t>(originalSize);
    if (begin >= origin.size()) return {size, size};
    if (end > origin.size()) end = origin.size();
    if (end <= begin) return {origin[begin].begin, origin[begin].begin};
    return {origin[begin].begin, origin[end - 1].end};
}

FoldedText foldWithMap(std::string_view original) {
    FoldedText out;
    out.originalSize = original.size();
    out.text.reserve(original.size());
    out.origin.reserve(original.size());
    foldInto(original, [&](std::string_view piece, size_t from, size_t to) {
        out.text.append(piece);
        out.origin.insert(out.origin.end(), piece.size(),
                          ByteRange{static_cast<uint32_t>(from), static_cast<uint32_t>(to)});
    });
    return out;
}

std::string foldText(std::string_view original) {
    std::string out;
    out.reserve(original.size());
    foldInto(original, [&](std::string_view piece, size_t, size_t) { out.append(piece); });
    return out;
}

std::string_view truncateUtf8(std::string_view text, size_t maxBytes) {
    if (text.size() <= maxBytes) return text;
    size_t cut = maxBytes;
    // Back off continuation bytes so a multi-byte character is never split (at most 3 steps).
    for (int i = 0; i < 3 && cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80; ++i)
        --cut;
    return text.substr(0, cut);
}

} // namespace rx
