#include "text_fold.h"

#include "utf8.h"

#include <algorithm>
#include <cstring>

namespace rx {
namespace {

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
        const size_t len = utf8Decode(s, pos, cp);
        if (len == 0) {
            emit(kReplacementChar, pos, pos + 1);
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

ByteRange FoldedText::originOf(size_t i) const {
    // The last piece starting at or before i (an empty piece, a dropped soft hyphen, may share its
    // start with the next one: upper_bound takes the later).
    const auto after = std::upper_bound(pieces.begin(), pieces.end(), i,
                                        [](size_t at, const Piece& p) { return at < p.folded; });
    if (after == pieces.begin()) return {static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)};
    const Piece& p = *(after - 1);
    if (i < p.foldedEnd) return {p.begin, p.end};
    const auto at = static_cast<uint32_t>(p.end + (i - p.foldedEnd));
    return {at, at + 1};
}

ByteRange FoldedText::toOriginal(size_t begin, size_t end) const {
    const auto size = static_cast<uint32_t>(originalSize);
    if (begin >= text.size()) return {size, size};
    if (end > text.size()) end = text.size();
    const uint32_t from = originOf(begin).begin;
    if (end <= begin) return {from, from};
    return {from, originOf(end - 1).end};
}

FoldedText foldWithMap(std::string_view original) {
    FoldedText out;
    out.originalSize = original.size();
    out.text.reserve(original.size());
    foldInto(original, [&](std::string_view piece, size_t from, size_t to) {
        const auto folded = static_cast<uint32_t>(out.text.size());
        out.text.append(piece);
        if (to - from == 1 && piece.size() == 1 &&
            static_cast<unsigned char>(original[from]) < 0x80)
            return; // ASCII: one byte for one byte
        out.pieces.push_back({folded, static_cast<uint32_t>(out.text.size()),
                              static_cast<uint32_t>(from), static_cast<uint32_t>(to)});
    });
    out.text.shrink_to_fit();
    return out;
}

std::string foldText(std::string_view original) {
    std::string out;
    out.reserve(original.size());
    foldInto(original, [&](std::string_view piece, size_t, size_t) { out.append(piece); });
    return out;
}

} // namespace rx
