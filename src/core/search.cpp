#include "search.h"

#include <algorithm>

namespace rx {
namespace {

bool isQuerySpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::vector<std::string> splitWords(std::string_view folded) {
    std::vector<std::string> words;
    size_t pos = 0;
    while (pos < folded.size()) {
        while (pos < folded.size() && isQuerySpace(folded[pos])) ++pos;
        size_t end = pos;
        while (end < folded.size() && !isQuerySpace(folded[end])) ++end;
        if (end > pos) {
            std::string word(folded.substr(pos, end - pos));
            if (std::find(words.begin(), words.end(), word) == words.end())
                words.push_back(std::move(word));
        }
        pos = end;
    }
    return words;
}

// Folded-text ranges of every non-overlapping occurrence of `word`.
void findAll(const std::string& haystack, const std::string& word, std::vector<ByteRange>& out) {
    size_t pos = 0;
    while ((pos = haystack.find(word, pos)) != std::string::npos) {
        out.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + word.size())});
        pos += word.size();
    }
}

// Sorts, merges overlapping or touching ranges and maps them to original bytes.
std::vector<ByteRange> mergeToOriginal(std::vector<ByteRange> folded, const FoldedText& text) {
    std::sort(folded.begin(), folded.end(), [](const ByteRange& a, const ByteRange& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    std::vector<ByteRange> merged;
    for (const ByteRange& r : folded) {
        if (!merged.empty() && r.begin <= merged.back().end)
            merged.back().end = std::max(merged.back().end, r.end);
        else
            merged.push_back(r);
    }
    std::vector<ByteRange> original;
    original.reserve(merged.size());
    for (const ByteRange& r : merged) {
        const ByteRange o = text.toOriginal(r.begin, r.end);
        // Two folded ranges inside one expanded character ("ß" -> "ss") map to the same bytes.
        if (!original.empty() && o.begin < original.back().end)
            original.back().end = std::max(original.back().end, o.end);
        else
            original.push_back(o);
    }
    return original;
}

// How many ranges mergeToOriginal(folded, text) gives, without making them: sorted and merged in
// place; mapped to the original bytes only when a character expands when folded ("ß" -> "ss"),
// the one case where two folded ranges can land on the same original bytes.
size_t countMerged(std::vector<ByteRange>& folded, const FoldedText& text) {
    const auto byStart = [](const ByteRange& a, const ByteRange& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    };
    if (!std::is_sorted(folded.begin(), folded.end(), byStart))
        std::sort(folded.begin(), folded.end(), byStart);
    const bool expands =
        std::any_of(text.pieces.begin(), text.pieces.end(),
                    [](const FoldedText::Piece& p) { return p.foldedEnd > p.folded + 1; });
    if (expands) return mergeToOriginal(folded, text).size();
    size_t count = 0;
    uint32_t end = 0;
    for (const ByteRange& r : folded) {
        if (count == 0 || r.begin > end) {
            ++count;
            end = r.end;
        } else {
            end = std::max(end, r.end);
        }
    }
    return count;
}

// Every word's occurrences in the card's title and body (folded ranges); false as soon as one word
// occurs in neither.
bool findWords(const IndexedCard& card, const std::vector<std::string>& words,
               std::vector<ByteRange>& inTitle, std::vector<ByteRange>& inBody) {
    for (const std::string& word : words) {
        const size_t before = inTitle.size() + inBody.size();
        findAll(card.title.text, word, inTitle);
        findAll(card.body.text, word, inBody);
        if (inTitle.size() + inBody.size() == before) return false;
    }
    return true;
}

// Whether every word occurs in the card's title or body; `read` grows by the bytes compared
// (up to each word's first occurrence, the whole text where a word does not occur).
bool containsAll(const IndexedCard& card, const std::vector<std::string>& words, size_t& read) {
    for (const std::string& word : words) {
        size_t at = card.title.text.find(word);
        if (at != std::string::npos) {
            read += at + word.size();
            continue;
        }
        read += card.title.text.size();
        at = card.body.text.find(word);
        if (at != std::string::npos) {
            read += at + word.size();
            continue;
        }
        read += card.body.text.size();
        return false;
    }
    return true;
}

// Every word of `before` occurs inside some word of `now`: a card matching `now` matches `before`.
bool narrows(const std::vector<std::string>& before, const std::vector<std::string>& now) {
    if (before.empty()) return false;
    for (const std::string& b : before) {
        bool inside = false;
        for (const std::string& n : now) inside = inside || n.find(b) != std::string::npos;
        if (!inside) return false;
    }
    return true;
}

} // namespace

SearchIndex buildSearchIndex(const Document& doc) {
    SearchIndex index;
    appendToSearchIndex(index, doc);
    return index;
}

void appendToSearchIndex(SearchIndex& index, const Document& doc) {
    for (size_t s = index.sections; s < doc.sections.size(); ++s) {
        const Section& section = doc.sections[s];
        for (size_t i = 0; i < section.items.size(); ++i) {
            const Item& item = section.items[i];
            IndexedCard card;
            card.itemId = item.id;
            card.section = s;
            card.item = i;
            card.title = foldWithMap(item.title);
            card.body = foldWithMap(item.body.plain());
            index.cards.push_back(std::move(card));
        }
    }
    index.sections = doc.sections.size();
}

SearchResult search(const SearchIndex& index, std::string_view query) {
    SearchResult result;
    const std::string_view used = truncateUtf8(query, kMaxQueryBytes);
    result.truncated = used.size() < query.size();
    result.query = std::string(used);
    result.words = splitWords(foldText(used));
    result.cards.resize(index.cards.size());

    for (size_t c = 0; c < index.cards.size(); ++c) {
        const IndexedCard& card = index.cards[c];
        CardMatches& out = result.cards[c];
        if (result.words.empty()) {
            out.matched = true;
            continue;
        }
        std::vector<ByteRange> inTitle, inBody;
        if (!findWords(card, result.words, inTitle, inBody)) continue;
        out.matched = true;
        out.title = mergeToOriginal(std::move(inTitle), card.title);
        out.body = mergeToOriginal(std::move(inBody), card.body);
        for (const ByteRange& r : out.title) result.positions.push_back({c, MatchField::Title, r});
        for (const ByteRange& r : out.body) result.positions.push_back({c, MatchField::Body, r});
    }
    for (const CardMatches& m : result.cards) result.matchedCards += m.matched ? 1 : 0;
    result.matches = result.positions.size();
    return result;
}

void CardSearch::start(const SearchIndex& index, std::string_view query) {
    const std::string_view used = truncateUtf8(query, kMaxQueryBytes);
    std::vector<std::string> words = splitWords(foldText(used));
    truncated_ = used.size() < query.size();
    query_ = std::string(used);
    const size_t n = index.cards.size();
    if (words == words_ && state_.size() == n && !words.empty()) {
        narrowed_ = true; // same words ("safe" -> "safe "): the result stands
        return;
    }
    std::vector<uint32_t> candidates;
    narrowed_ = state_.size() == n && narrows(words_, words);
    if (narrowed_) {
        // Cards that matched, or were not tested yet; the rest cannot match the longer words.
        for (const uint32_t c : candidates_)
            if (state_[c] != static_cast<uint8_t>(CardState::NoMatch)) candidates.push_back(c);
    } else if (!words.empty()) {
        candidates.resize(n);
        for (size_t c = 0; c < n; ++c) candidates[c] = static_cast<uint32_t>(c);
    }
    words_ = std::move(words);
    candidates_ = std::move(candidates);
    next_ = 0;
    const CardState initial = words_.empty() ? CardState::Match
                              : narrowed_    ? CardState::NoMatch
                                             : CardState::Unknown;
    state_.assign(n, static_cast<uint8_t>(initial));
    for (const uint32_t c : candidates_) state_[c] = static_cast<uint8_t>(CardState::Unknown);
    matchList_.clear();
    counted_ = 0;
    before_.clear();
    matchedCards_ = words_.empty() ? n : 0;
    matches_ = 0;
}

bool CardSearch::advance(const SearchIndex& index, size_t budgetBytes) {
    size_t read = 0;
    if (!matchingComplete()) read = matchCards(index, budgetBytes);
    if (read < budgetBytes && !complete()) countCards(index, budgetBytes - read);
    return complete();
}

bool CardSearch::advanceMatching(const SearchIndex& index, size_t budgetBytes) {
    matchCards(index, budgetBytes);
    return matchingComplete();
}

bool CardSearch::advanceCounting(const SearchIndex& index, size_t budgetBytes) {
    countCards(index, budgetBytes);
    return complete();
}

size_t CardSearch::matchCards(const SearchIndex& index, size_t budgetBytes) {
    size_t read = 0;
    while (next_ < candidates_.size() && (read < budgetBytes || read == 0)) {
        const uint32_t c = candidates_[next_++];
        ++read; // an empty card still costs
        if (!containsAll(index.cards[c], words_, read)) {
            state_[c] = static_cast<uint8_t>(CardState::NoMatch);
            continue;
        }
        state_[c] = static_cast<uint8_t>(CardState::Match);
        matchList_.push_back(c);
        ++matchedCards_;
    }
    return read;
}

size_t CardSearch::countCards(const SearchIndex& index, size_t budgetBytes) {
    size_t read = 0;
    std::vector<ByteRange> inTitle, inBody;
    while (counted_ < matchList_.size() && (read < budgetBytes || read == 0)) {
        const IndexedCard& card = index.cards[matchList_[counted_]];
        read += (card.title.text.size() + card.body.text.size()) * words_.size() + 1;
        inTitle.clear();
        inBody.clear();
        findWords(card, words_, inTitle, inBody);
        before_.push_back(static_cast<uint32_t>(matches_));
        matches_ += countMerged(inTitle, card.title) + countMerged(inBody, card.body);
        ++counted_;
    }
    return read;
}

void CardSearch::extend(const SearchIndex& index) {
    const size_t before = state_.size(), n = index.cards.size();
    if (n <= before) return;
    // Cards not tested yet: Unknown while the query has words, matches (no ranges) when empty.
    const CardState added = words_.empty() ? CardState::Match : CardState::Unknown;
    state_.resize(n, static_cast<uint8_t>(added));
    if (words_.empty()) {
        matchedCards_ += n - before;
        return;
    }
    for (size_t c = before; c < n; ++c) candidates_.push_back(static_cast<uint32_t>(c));
}

CardMatches CardSearch::rangesOf(const SearchIndex& index, size_t card) const {
    CardMatches out;
    if (!matched(card) || card >= index.cards.size()) return out;
    out.matched = true;
    if (words_.empty()) return out;
    const IndexedCard& c = index.cards[card];
    std::vector<ByteRange> inTitle, inBody;
    findWords(c, words_, inTitle, inBody);
    out.title = mergeToOriginal(std::move(inTitle), c.title);
    out.body = mergeToOriginal(std::move(inBody), c.body);
    return out;
}

MatchPosition CardSearch::position(const SearchIndex& index, size_t k) const {
    // The last counted matching card whose ranges start at or before k.
    const auto after = std::upper_bound(before_.begin(), before_.end(), static_cast<uint32_t>(k));
    if (after == before_.begin()) return {};
    const size_t j = static_cast<size_t>(after - before_.begin()) - 1;
    const size_t card = matchList_[j];
    const CardMatches m = rangesOf(index, card);
    size_t local = k - before_[j];
    if (local < m.title.size()) return {card, MatchField::Title, m.title[local]};
    local -= m.title.size();
    if (local < m.body.size()) return {card, MatchField::Body, m.body[local]};
    return {card, MatchField::Title, {}};
}

int stepMatch(const SearchResult& result, int current, bool forward) {
    return stepMatch(result.positions.size(), current, forward);
}

int stepMatch(size_t matches, int current, bool forward) {
    const int count = static_cast<int>(matches);
    if (count == 0) return -1;
    if (current < 0 || current >= count) return forward ? 0 : count - 1;
    return forward ? (current + 1) % count : (current + count - 1) % count;
}

} // namespace rx
