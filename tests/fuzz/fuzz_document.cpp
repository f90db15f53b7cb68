// libFuzzer target: the Markdown document parser, and what the explorer derives from whatever
// document it is given (subject, tags and related links with the real vocabulary, the search
// index), must never crash, hang or read out of bounds; every diagnostic carries a sane position
// and the derived model is consistent with the parsed one.
#include "document.h"
#include "fuzz_support.h"
#include "search.h"
#include "tags.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>

namespace {

// content/tags.json, loaded once: the vocabulary is fixed, the document is what varies.
const rx::Vocabulary* gVocabulary = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static const rx::LoadedVocabulary loaded =
        rx::loadVocabulary(rx::fuzz::readRepoFile("content/tags.json"), "tags.json");
    if (!loaded.errors.empty() || loaded.vocabulary.tags.empty()) std::abort();
    gVocabulary = &loaded.vocabulary;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const rx::ParsedDocument parsed = rx::parseDocument(text, "fuzz.md");
    const rx::Document& doc = parsed.doc;
    rx::fuzz::checkDiagnostics(parsed.errors);

    // The model's lookups find everything that parsed.
    for (const rx::Section& s : doc.sections) {
        if (doc.findSection(s.id) != &s) std::abort();
        for (const rx::Item& item : s.items)
            if (doc.findItem(item.id) != &item) std::abort();
        (void)rx::slugify(s.title);
    }
    (void)rx::documentSubject(doc);

    // Tags and related links, as the explorer derives them on load.
    const rx::TagIndex tags = rx::deriveTags(doc, *gVocabulary);
    if (tags.items.size() != doc.itemCount() || tags.tags.size() != gVocabulary->tags.size())
        std::abort();
    rx::fuzz::checkDiagnostics(tags.errors); // link-group cards this document lacks
    // Two cards of one link group (content/tags.json) may link within a section.
    const auto grouped = [&](const std::string& a, const std::string& b) {
        for (const rx::LinkGroup& g : gVocabulary->linkGroups)
            if (std::find(g.items.begin(), g.items.end(), a) != g.items.end() &&
                std::find(g.items.begin(), g.items.end(), b) != g.items.end())
                return true;
        return false;
    };
    std::unordered_map<std::string_view, size_t> position;
    for (size_t i = 0; i < tags.items.size(); ++i) position.emplace(tags.items[i].itemId, i);
    if (position.size() != tags.items.size()) std::abort(); // item ids are unique
    for (const rx::TaggedItem& item : tags.items) {
        if (item.section >= doc.sections.size() || item.related.size() > rx::kMaxRelated)
            std::abort();
        for (const std::string& other : item.related) {
            const auto found = position.find(other);
            if (found == position.end() || other == item.itemId) std::abort();
            const rx::TaggedItem& back = tags.items[found->second];
            if (back.section == item.section && !grouped(item.itemId, other))
                std::abort(); // links cross sections, except within a link group
            if (std::find(back.related.begin(), back.related.end(), item.itemId) ==
                back.related.end())
                std::abort(); // links are symmetric
        }
    }
    for (const rx::TagUse& use : tags.tags)
        for (const std::string& id : use.items)
            if (position.find(id) == position.end()) std::abort();

    // The search index covers every card.
    const rx::SearchIndex index = rx::buildSearchIndex(doc);
    if (index.cards.size() != doc.itemCount()) std::abort();
    return 0;
}
