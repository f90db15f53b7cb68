// The synthetic document of the bench (explorer-tool gen-document): the seed's shape at 10,000
// cards parses with no problems, every card is there, and search finds the word that only the
// last card holds.
#include "core/document.h"
#include "core/search.h"
#include "tools/synthetic_document.h"

#include <doctest/doctest.h>

#include <string>

TEST_CASE("a generated 200 x 50 document parses into 10,000 cards with no problems") {
    rx::SyntheticDocumentSpec spec;
    spec.sections = 200;
    spec.entries = 50;
    const std::string md = rx::generateDocumentMarkdown(spec);
    CHECK(md.size() > 3 * 1000 * 1000);
    CHECK(md.size() < rx::kMaxContentBytes);
    const rx::ParsedDocument parsed = rx::parseDocument(md, "generated.md");
    CHECK(parsed.errors.empty());
    REQUIRE(parsed.doc.sections.size() == 200);
    CHECK(parsed.doc.itemCount() == 10000);
    for (const rx::Section& s : parsed.doc.sections) CHECK(s.items.size() == 50);
    CHECK_FALSE(parsed.doc.intro.empty());
    CHECK_FALSE(parsed.doc.closing.empty());
    // The seed's inline shape: bold and code runs, typographic apostrophes, nested bodies.
    bool bold = false, code = false, apostrophe = false, nested = false;
    for (const rx::Section& s : parsed.doc.sections)
        for (const rx::Item& it : s.items) {
            for (const rx::Run& r : it.body.runs) {
                bold |= (r.style & rx::kBold) != 0;
                code |= (r.style & rx::kCode) != 0;
            }
            const std::string plain = it.body.plain();
            apostrophe |= plain.find("\u2019") != std::string::npos;
            nested |= plain.find('\n') != std::string::npos;
        }
    CHECK(bold);
    CHECK(code);
    CHECK(apostrophe);
    CHECK(nested);
    // Titles are unique: every id is its title's slug, none needed a "-2" suffix.
    size_t suffixed = 0;
    for (const rx::Section& s : parsed.doc.sections) {
        suffixed += s.id != rx::slugify(s.title);
        for (const rx::Item& it : s.items) suffixed += it.id != s.id + "/" + rx::slugify(it.title);
    }
    CHECK(suffixed == 0);

    const rx::SearchIndex index = rx::buildSearchIndex(parsed.doc);
    REQUIRE(index.cards.size() == 10000);
    const rx::SearchResult hit = rx::search(index, rx::kLastCardWord);
    CHECK(hit.matchedCards == 1);
    CHECK(hit.cards.back().matched);
    CHECK_FALSE(hit.cards.front().matched);
}

TEST_CASE("the generator is deterministic per seed") {
    rx::SyntheticDocumentSpec a;
    a.sections = 3;
    a.entries = 12;
    rx::SyntheticDocumentSpec b = a;
    b.seed = 2;
    CHECK(rx::generateDocumentMarkdown(a) == rx::generateDocumentMarkdown(a));
    CHECK(rx::generateDocumentMarkdown(a) != rx::generateDocumentMarkdown(b));
    const rx::ParsedDocument parsed = rx::parseDocument(rx::generateDocumentMarkdown(a), "g.md");
    CHECK(parsed.errors.empty());
    CHECK(parsed.doc.itemCount() == 36);
}
