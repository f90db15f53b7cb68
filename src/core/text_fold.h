// Case and accent folding for search and tag matching, with a map back to the original bytes so
// matches found in folded text can be highlighted in the original string.
#pragma once
#include "utf8.h" // truncateUtf8, used with folded text

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rx {

// A byte range [begin, end) into some string.
struct ByteRange {
    uint32_t begin = 0;
    uint32_t end = 0;
    bool operator==(const ByteRange& o) const { return begin == o.begin && end == o.end; }
    bool operator!=(const ByteRange& o) const { return !(*this == o); }
};

// Folded text plus a map from every folded byte back to the original character it came from.
// ASCII maps one byte to one byte, so only the other characters are stored (`pieces`): the map
// costs nothing for ASCII text instead of 8 bytes per byte.
struct FoldedText {
    std::string text; // folded, always valid UTF-8
    size_t originalSize = 0;
    // One per non-ASCII character or invalid byte: its folded bytes [folded, foldedEnd) and its
    // original bytes [begin, end). Sorted by `folded`; bytes between pieces are ASCII, shifted by
    // the difference the pieces before them left.
    struct Piece {
        uint32_t folded = 0, foldedEnd = 0;
        uint32_t begin = 0, end = 0;
    };
    std::vector<Piece> pieces;

    // Original bytes of the character behind text[i] (i < text.size()).
    ByteRange originOf(size_t i) const;
    // Original byte range covering the folded range [begin, end); empty ranges map to an empty
    // range at the matching original position.
    ByteRange toOriginal(size_t begin, size_t end) const;
};

// Folding rules (all code points outside these rules are copied unchanged):
// - ASCII A-Z -> a-z;
// - Latin-1 Supplement and Latin Extended-A letters with diacritics -> their base letters
//   ("é" -> "e", "Ł" -> "l"); ligatures and special letters expand ("æ" -> "ae", "ß" -> "ss",
//   "œ" -> "oe", "þ" -> "th");
// - typographic apostrophes and quotes (’ ‘ ʼ ′ “ ” „) -> ' and ", dashes (‐ ‑ ‒ – —) -> -,
//   no-break spaces -> space, soft hyphens are dropped;
// - every byte that is not part of well-formed UTF-8 -> U+FFFD (one per byte), so invalid input
//   is safe and can never produce a spurious ASCII match.
FoldedText foldWithMap(std::string_view original);

// Folded text only (same rules), for queries and vocabulary terms.
std::string foldText(std::string_view original);

} // namespace rx
