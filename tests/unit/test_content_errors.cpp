// Each kind of content error: broken Markdown structure, invalid JSON, schema
// violations, evidence not in the document, unknown domain ids, duplicate ids, oversized files.
// Every error must carry the file, line and column of the offending text (found here in the
// fixture by a plain search, independently of the core), and everything valid must still load.
#include "core/adopters.h"
#include "core/diagnostics.h"
#include "core/document.h"
#include "core/tags.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <string>

namespace {

std::string readFixture(const std::string& relativePath) {
    return rx::test::readRepoFile("tests/fixtures/" + relativePath);
}

// 1-based line and column of the `occurrence`-th (0-based) match of `needle`; the fixtures are
// ASCII, so columns are bytes. {0, 0} when there is no such match.
rx::LineCol positionOf(const std::string& text, const std::string& needle, int occurrence = 0) {
    size_t at = text.find(needle);
    for (int i = 0; i < occurrence && at != std::string::npos; ++i) at = text.find(needle, at + 1);
    if (at == std::string::npos) return {0, 0};
    rx::LineCol lc{1, 1};
    for (size_t i = 0; i < at; ++i) {
        if (text[i] == '\n') {
            ++lc.line;
            lc.col = 1;
        } else {
            ++lc.col;
        }
    }
    return lc;
}

// The diagnostic whose message contains `fragment`, or nullptr.
const rx::Diagnostic* findError(const rx::Diagnostics& errors, const std::string& fragment) {
    for (const rx::Diagnostic& d : errors)
        if (d.message.find(fragment) != std::string::npos) return &d;
    return nullptr;
}

// Checks that an error mentioning `fragment` exists in `source` at the position of `needle`.
void checkErrorAt(const rx::Diagnostics& errors, const std::string& fragment,
                  const std::string& source, const std::string& text, const std::string& needle,
                  int occurrence = 0) {
    CAPTURE(fragment);
    const rx::LineCol want = positionOf(text, needle, occurrence);
    REQUIRE(want.line > 0); // the fixture really holds the offending text
    const rx::Diagnostic* d = findError(errors, fragment);
    REQUIRE(d != nullptr);
    CHECK(d->source == source);
    CHECK(d->line == want.line);
    CHECK(d->col == want.col);
}

struct BadContent {
    std::string markdown = readFixture("bad-content/pebble-overview.md");
    std::string adoptersJson = readFixture("bad-content/adopters.json");
    rx::ParsedDocument parsed = rx::parseDocument(markdown, "pebble-overview.md");
    rx::LoadedAdopters adopters = rx::loadAdopters(adoptersJson, "adopters.json", parsed.doc);
};

} // namespace

TEST_CASE("content errors: broken Markdown structure is reported and the rest still parses") {
    const BadContent c;
    checkErrorAt(c.parsed.errors, "no bold title", "pebble-overview.md", c.markdown,
                 "An entry without a bold title");
    checkErrorAt(c.parsed.errors, "has no numbered or bulleted entries", "pebble-overview.md",
                 c.markdown, "### Empty Section");
    CHECK(c.parsed.errors.size() == 2);
    // Valid sections and entries are all there.
    REQUIRE(c.parsed.doc.sections.size() == 3);
    CHECK(c.parsed.doc.sections[0].items.size() == 3);
    CHECK(c.parsed.doc.sections[0].items[2].title == "Safety");
    CHECK(c.parsed.doc.sections[2].items.size() == 2);
}

TEST_CASE("content errors: invalid JSON is reported at the offending character") {
    const std::string adoptersJson = readFixture("bad-json/adopters.json");
    const std::string markdown = readFixture("bad-json/pebble-overview.md");
    const rx::ParsedDocument parsed = rx::parseDocument(markdown, "pebble-overview.md");
    CHECK(parsed.errors.empty());
    const rx::LoadedAdopters loaded = rx::loadAdopters(adoptersJson, "adopters.json", parsed.doc);
    REQUIRE(loaded.errors.size() == 1);
    // The trailing comma is legal until the ']' that follows it.
    checkErrorAt(loaded.errors, "JSON syntax error", "adopters.json", adoptersJson,
                 "],\n  \"facets\"");
    CHECK(loaded.data.domains.empty());

    const std::string tagsJson = readFixture("bad-json/tags.json");
    const rx::LoadedVocabulary vocabulary = rx::loadVocabulary(tagsJson, "tags.json");
    REQUIRE(vocabulary.errors.size() == 1);
    const rx::Diagnostic& d = vocabulary.errors[0];
    CHECK(d.source == "tags.json");
    // The missing comma shows on the string that should have followed one.
    const std::string token = "\"terms\"";
    const rx::LineCol want = positionOf(tagsJson, token);
    CHECK(d.line == want.line);
    CHECK(d.col >= want.col);
    CHECK(d.col < want.col + static_cast<int>(token.size()));
    CHECK(vocabulary.vocabulary.tags.empty());
}

TEST_CASE("content errors: schema violations point at the offending value") {
    const BadContent c;
    checkErrorAt(c.adopters.errors, "\"name\" must be a string", "adopters.json", c.adoptersJson,
                 "42");
    checkErrorAt(c.adopters.errors, "strength must be", "adopters.json", c.adoptersJson,
                 "\"certain\"");
    const std::string tagsJson = readFixture("bad-content/tags.json");
    const rx::LoadedVocabulary vocabulary = rx::loadVocabulary(tagsJson, "tags.json");
    REQUIRE(vocabulary.errors.size() == 1);
    CHECK(vocabulary.errors[0].source == "tags.json");
    CHECK(vocabulary.errors[0].line == positionOf(tagsJson, "\"flavour\"").line);
    CHECK(vocabulary.vocabulary.find("web") != nullptr);
    CHECK(vocabulary.vocabulary.find("performance") != nullptr);
}

TEST_CASE("content errors: evidence that does not occur in the document") {
    const BadContent c;
    checkErrorAt(c.adopters.errors, "quote does not occur in pebble-overview.md", "adopters.json",
                 c.adoptersJson, "\"Globex ships Pebble on every toaster.\"");
    // Globex still loads, without the mark that rested only on that quote.
    const int globex = c.adopters.data.findAdopter("globex");
    REQUIRE(globex >= 0);
    CHECK(c.adopters.data.adopters[static_cast<size_t>(globex)].marks.empty());
}

TEST_CASE("content errors: unknown domain ids") {
    const BadContent c;
    checkErrorAt(c.adopters.errors, "unknown domain \"cloud\"", "adopters.json", c.adoptersJson,
                 "\"cloud\"");
    // Acme keeps its valid mark.
    const int acme = c.adopters.data.findAdopter("acme");
    REQUIRE(acme >= 0);
    const rx::Adopter& a = c.adopters.data.adopters[static_cast<size_t>(acme)];
    REQUIRE(a.marks.size() == 1);
    CHECK(c.adopters.data.domains[static_cast<size_t>(a.marks[0].domain)].id == "web");
    CHECK(a.facets.size() == 1);
}

TEST_CASE("content errors: duplicate ids") {
    const BadContent c;
    checkErrorAt(c.adopters.errors, "duplicate domain id \"web\"", "adopters.json", c.adoptersJson,
                 "\"web\"", 1);
    checkErrorAt(c.adopters.errors, "duplicate adopter id \"acme\"", "adopters.json",
                 c.adoptersJson, "\"acme\"", 1);
    // The first of each stays; the duplicate is skipped.
    CHECK(c.adopters.data.domains.size() == 2);
    CHECK(c.adopters.data.adopters[static_cast<size_t>(c.adopters.data.findAdopter("acme"))].name ==
          "Acme");
}

TEST_CASE("content errors: every error of the bad fixture is listed exactly once") {
    const BadContent c;
    // 6 in adopters.json: duplicate domain, unknown domain, quote not in the document, duplicate
    // adopter, bad strength, wrong-typed name.
    CHECK(c.adopters.errors.size() == 6);
    for (const rx::Diagnostic& d : c.adopters.errors) {
        CAPTURE(rx::format(d));
        CHECK(d.line > 0);
        CHECK(d.col > 0);
        CHECK(rx::format(d).rfind("adopters.json:" + std::to_string(d.line) + ":", 0) == 0);
    }
}

TEST_CASE("content errors: files over the size limit are refused with a clear message") {
    const std::string huge(rx::kMaxContentBytes + 1, 'a');
    const rx::ParsedDocument parsed = rx::parseDocument(huge, "big.md");
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].source == "big.md");
    CHECK(parsed.errors[0].message.find("5 MB") != std::string::npos);
    CHECK(parsed.doc.sections.empty());

    const rx::LoadedAdopters adopters = rx::loadAdopters(huge, "adopters.json", parsed.doc);
    REQUIRE(adopters.errors.size() == 1);
    CHECK(adopters.errors[0].message.find("5 MB") != std::string::npos);

    const rx::LoadedVocabulary vocabulary = rx::loadVocabulary(huge, "tags.json");
    REQUIRE(vocabulary.errors.size() == 1);
    CHECK(vocabulary.errors[0].message.find(std::to_string(rx::kMaxContentBytes)) !=
          std::string::npos);

    // Exactly at the limit is still read.
    const std::string atLimit(rx::kMaxContentBytes, '\n');
    const rx::ParsedDocument ok = rx::parseDocument(atLimit, "limit.md");
    for (const rx::Diagnostic& d : ok.errors) CHECK(d.message.find("limit") == std::string::npos);
}
