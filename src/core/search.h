// Full-text search over the cards: case-, accent- and apostrophe-insensitive, every query word
// must occur (AND), match ranges point into the original title and body text for highlighting.
#pragma once
#include "document.h"
#include "text_fold.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rx {

// Longer queries are cut (at a character boundary) so a huge paste cannot stall a frame.
inline constexpr size_t kMaxQueryBytes = 256;

struct IndexedCard {
    std::string itemId;
    size_t section = 0; // index into Document::sections
    size_t item = 0;    // index into Section::items
    FoldedText title;   // folded Item::title
    FoldedText body;    // folded Item::body.plain()
};

// Built once per document; cards in document order (section by section).
struct SearchIndex {
    std::vector<IndexedCard> cards;
};

SearchIndex buildSearchIndex(const Document& doc);

enum class MatchField : uint8_t { Title, Body };

struct CardMatches {
    bool matched = false;         // every query word occurs in the title or the body
    std::vector<ByteRange> title; // into the original Item::title; sorted, non-overlapping
    std::vector<ByteRange> body;  // into the original Item::body.plain(); sorted, non-overlapping
};

// One highlighted range, for stepping with Enter / Shift+Enter.
struct MatchPosition {
    size_t card = 0; // index into SearchIndex::cards
    MatchField field = MatchField::Title;
    ByteRange range;
};

struct SearchResult {
    std::string query;              // the query actually used (after truncation)
    std::vector<std::string> words; // folded, de-duplicated query words
    bool truncated = false;         // the query was longer than kMaxQueryBytes
    std::vector<CardMatches> cards; // parallel to SearchIndex::cards
    size_t matches = 0;             // highlighted ranges in matching cards (== positions.size())
    size_t matchedCards = 0;        // cards with matched == true
    std::vector<MatchPosition> positions; // document order: card, then title before body

    bool emptyQuery() const { return words.empty(); }
};

// An empty (or all-blank) query matches every card with 0 matches. Occurrences of different
// words that overlap are merged into one highlighted range; only matching cards get ranges.
SearchResult search(const SearchIndex& index, std::string_view query);

// Index in `positions` of the match to go to from `current` (-1 = none yet) by Enter
// (forward) or Shift+Enter (backward), wrapping around; -1 when there are no matches.
int stepMatch(const SearchResult& result, int current, bool forward);

} // namespace rx
