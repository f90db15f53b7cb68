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

} // namespace

SearchIndex buildSearchIndex(const Document& doc) {
    SearchIndex index;
    for (size_t s = 0; s < doc.sections.size(); ++s) {
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
    return index;
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
        bool all = true;
        for (const std::string& word : result.words) {
            const size_t before = inTitle.size() + inBody.size();
            findAll(card.title.text, word, inTitle);
            findAll(card.body.text, word, inBody);
            if (inTitle.size() + inBody.size() == before) {
                all = false;
                break;
            }
        }
        if (!all) continue;
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

int stepMatch(const SearchResult& result, int current, bool forward) {
    const int count = static_cast<int>(result.positions.size());
    if (count == 0) return -1;
    if (current < 0 || current >= count) return forward ? 0 : count - 1;
    return forward ? (current + 1) % count : (current + count - 1) % count;
}

} // namespace rx
