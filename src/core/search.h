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

// Built once per document, or section by section while a large document is still being read;
// cards in document order.
struct SearchIndex {
    std::vector<IndexedCard> cards;
    size_t sections = 0;  // Document::sections indexed so far
    bool complete = true; // false while the document is still being read: more cards will come
    float loaded = 1.0f;  // the share of the document read (0..1), for "Searching… N%"
};

SearchIndex buildSearchIndex(const Document& doc);
// Indexes the sections added to `doc` since the last call (sections only grow at the end).
void appendToSearchIndex(SearchIndex& index, const Document& doc);

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

// The search the cards view runs as the user types, at any document size:
// - narrowing: when every word of the previous query occurs inside a word of the new one ("saf"
//   -> "safe", "safe" -> "safe bor"), only the cards that still could match are tested again;
// - two passes, each in slices: matching tells each card whether every word occurs in it
//   (reading it only up to each word's first occurrence), then counting finds the matching
//   cards' ranges for the total and for stepping. What is drawn needs only the first pass (which
//   cards match, and the ranges of the cards drawn), so a caller can put off counting while the
//   query keeps changing; until matching is complete, the cards not yet tested are Unknown
//   (neither a match nor not one: never the previous query's answer shown as this one's);
// - highlight ranges are computed only for the cards that are drawn (rangesOf) and for the match
//   being stepped to (position); a card keeps only its range count.
// Same matching rules and results as search() (unit-tested against it).
class CardSearch {
  public:
    enum class CardState : uint8_t { Unknown, Match, NoMatch };

    // A new query (cut at kMaxQueryBytes). Nothing is tested yet unless the query is empty (then
    // every card matches with no ranges) or has the same words as the last one (kept as it is).
    void start(const SearchIndex& index, std::string_view query);
    // Matches, then counts, until about `budgetBytes` of folded text were read (at least one
    // card); true when the search is complete.
    bool advance(const SearchIndex& index, size_t budgetBytes);
    // The first pass alone: tests cards in document order until about `budgetBytes` of folded
    // text were read (at least one card); true when every card is tested.
    bool advanceMatching(const SearchIndex& index, size_t budgetBytes);
    // The second pass alone: counts the ranges of the matching cards found so far, in document
    // order, until about `budgetBytes` were read (at least one card); true when all are counted
    // and matching is complete.
    bool advanceCounting(const SearchIndex& index, size_t budgetBytes);
    // The index grew (a large document still being read): its new cards are tested too (they
    // come after every card tested so far, so the matches stay in document order).
    void extend(const SearchIndex& index);
    // Every card tested (over the index's cards so far).
    bool matchingComplete() const { return next_ >= candidates_.size(); }
    // Every card tested and every match counted.
    bool complete() const { return matchingComplete() && counted_ >= matchList_.size(); }
    size_t cards() const { return state_.size(); }

    const std::string& query() const { return query_; }
    const std::vector<std::string>& words() const { return words_; }
    bool truncated() const { return truncated_; }
    bool emptyQuery() const { return words_.empty(); }
    CardState state(size_t card) const {
        return card < state_.size() ? static_cast<CardState>(state_[card]) : CardState::NoMatch;
    }
    bool matched(size_t card) const { return state(card) == CardState::Match; }
    size_t matchedCards() const { return matchedCards_; } // so far
    size_t matches() const { return matches_; } // highlighted ranges in the cards counted so far
    size_t counted() const { return counted_; } // matching cards counted, of matchedCards()
    size_t tested() const { return next_; }     // of candidates()
    size_t candidates() const { return candidates_.size(); }
    size_t candidate(size_t k) const {
        return candidates_[k];
    }                                           // the k-th card tested, k < tested()
    bool narrowed() const { return narrowed_; } // the last start() reused the previous result

    // The highlight ranges of one matching card (empty ones for any other).
    CardMatches rangesOf(const SearchIndex& index, size_t card) const;
    // The k-th highlighted range in document order, k < matches().
    MatchPosition position(const SearchIndex& index, size_t k) const;

  private:
    size_t matchCards(const SearchIndex& index, size_t budgetBytes); // returns the bytes read
    size_t countCards(const SearchIndex& index, size_t budgetBytes); // returns the bytes read

    std::string query_;
    std::vector<std::string> words_;
    bool truncated_ = false;
    bool narrowed_ = false;
    std::vector<uint8_t> state_;       // CardState per card
    std::vector<uint32_t> candidates_; // cards to test, document order
    size_t next_ = 0;                  // candidates_[0, next_) are tested
    std::vector<uint32_t> matchList_;  // matching cards so far, document order
    size_t counted_ = 0;               // matchList_[0, counted_) are counted
    std::vector<uint32_t> before_;     // ranges in the matches before matchList_[j], j < counted_
    size_t matchedCards_ = 0, matches_ = 0;
};

// Index in `positions` of the match to go to from `current` (-1 = none yet) by Enter
// (forward) or Shift+Enter (backward), wrapping around; -1 when there are no matches.
int stepMatch(const SearchResult& result, int current, bool forward);
int stepMatch(size_t matches, int current, bool forward);

} // namespace rx
