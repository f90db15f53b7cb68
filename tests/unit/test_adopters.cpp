// adopters.json: the seed data, schema and syntax errors with positions, evidence verification,
// the JSON position scanner, and the synthetic generator.
#include "core/adopters.h"
#include "core/diagnostics.h"
#include "core/document.h"
#include "core/json_locate.h"
#include "tools/synthetic_adopters.h"

#include <doctest/doctest.h>

#include "test_support.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace {

using rx::test::readRepoFile;
using rx::test::realDocument;

const std::string& seedJson() {
    static const std::string text = readRepoFile("content/adopters.json");
    return text;
}

rx::LoadedAdopters load(const std::string& json) {
    return rx::loadAdopters(json, "adopters.json", realDocument());
}

// 1-based line and column of byte `offset`, counted here independently of the core.
std::pair<int, int> positionOf(const std::string& text, size_t offset) {
    int line = 1, col = 1;
    for (size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++col;
        }
    }
    return {line, col};
}

std::string replaceFirst(std::string text, const std::string& from, const std::string& to) {
    const size_t pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    text.replace(pos, from.size(), to);
    return text;
}

const rx::Adopter* adopter(const rx::AdoptersData& data, const std::string& id) {
    const int i = data.findAdopter(id);
    return i < 0 ? nullptr : &data.adopters[static_cast<size_t>(i)];
}

// A tiny valid file to derive schema-error cases from (quotes are real document sentences).
const char* const kSmall = R"({
  "domains": [
    {"id": "systems", "name": "Systems Programming", "sourceNames": ["Systems Programming"]},
    {"id": "blockchain", "name": "Blockchain"}
  ],
  "facets": [{"id": "security", "name": "Security", "keywords": ["security"]}],
  "adopters": [
    {"id": "solana", "name": "Solana", "facets": [{"id": "security", "quote": "due to security and performance benefits"}],
     "marks": [{"domain": "blockchain", "strength": "stated",
                "evidence": [{"quote": "Increasingly used in blockchain development"}]}]},
    {"id": "microsoft", "name": "Microsoft",
     "marks": [{"domain": "systems", "strength": "stated",
                "evidence": [{"quote": "for system-level development."}]}]}
  ]
}
)";

} // namespace

TEST_CASE("the seed adopters.json loads without errors and every quote is located") {
    const rx::LoadedAdopters loaded = load(seedJson());
    for (const rx::Diagnostic& d : loaded.errors) MESSAGE(rx::format(d));
    CHECK(loaded.errors.empty());
    const rx::AdoptersData& data = loaded.data;
    CHECK(data.adopters.size() == 9);
    CHECK(data.domains.size() == 6);
    CHECK(data.facets.size() == 5);

    const std::set<std::string> expectedAdopters = {"mozilla",    "dropbox",   "aws",
                                                    "cloudflare", "microsoft", "discord",
                                                    "figma",      "deno",      "solana"};
    std::set<std::string> ids;
    for (const rx::Adopter& a : data.adopters) ids.insert(a.id);
    CHECK(ids == expectedAdopters);

    size_t evidenceCount = 0;
    auto checkLocated = [&](const rx::Evidence& e) {
        ++evidenceCount;
        const rx::Item* item = realDocument().findItem(e.itemId);
        REQUIRE_MESSAGE(item != nullptr, e.quote);
        CHECK(item->id.rfind(e.sectionId + "/", 0) == 0);
        const std::string text = rx::normalizeSpace(item->body.plain());
        CHECK_MESSAGE(text.find(rx::normalizeSpace(e.quote)) != std::string::npos, e.quote);
    };
    for (const rx::Adopter& a : data.adopters) {
        CHECK_MESSAGE(!a.marks.empty(), a.id);
        for (const rx::Mark& m : a.marks)
            for (const rx::Evidence& e : m.evidence) checkLocated(e);
        for (const rx::FacetClaim& c : a.facets) checkLocated(c.evidence);
    }
    CHECK(evidenceCount > 20);

    // Each domain's source names resolve to document items with those titles.
    for (const rx::Domain& d : data.domains) {
        CHECK_MESSAGE(d.itemIds.size() >= d.sourceNames.size(), d.id);
        for (const std::string& itemId : d.itemIds) {
            const rx::Item* item = realDocument().findItem(itemId);
            REQUIRE(item);
            CHECK(std::find(d.sourceNames.begin(), d.sourceNames.end(), item->title) !=
                  d.sourceNames.end());
        }
    }
    const rx::Domain& systems = data.domains[static_cast<size_t>(data.findDomain("systems"))];
    CHECK(systems.sourceNames ==
          std::vector<std::string>{"Systems Programming", "Operating Systems"});
}

TEST_CASE("seed marks: stated only where the sentence itself places Rust in the domain") {
    const rx::AdoptersData data = load(seedJson()).data;
    std::set<std::string> stated;
    for (const rx::Adopter& a : data.adopters)
        for (const rx::Mark& m : a.marks)
            if (m.strength == rx::Strength::Stated)
                stated.insert(a.id + ":" + data.domains[static_cast<size_t>(m.domain)].id);
    CHECK(stated ==
          std::set<std::string>{"cloudflare:networking", "microsoft:systems", "solana:blockchain"});
    // The document names no adopter for games or embedded systems: honest empty columns.
    CHECK(data.domains[static_cast<size_t>(data.findDomain("games"))].markCount == 0);
    CHECK(data.domains[static_cast<size_t>(data.findDomain("embedded"))].markCount == 0);
    CHECK(data.domains[static_cast<size_t>(data.findDomain("web"))].markCount > 0);
    // Inferred marks explain themselves.
    for (const rx::Adopter& a : data.adopters)
        for (const rx::Mark& m : a.marks)
            if (m.strength == rx::Strength::Inferred) CHECK_MESSAGE(!m.note.empty(), a.id);
    // Facet claims carry one of the facet's words.
    for (const rx::Adopter& a : data.adopters) {
        for (const rx::FacetClaim& c : a.facets) {
            const rx::Facet& f = data.facets[static_cast<size_t>(c.facet)];
            const std::string quote = rx::asciiLower(c.evidence.quote);
            bool found = false;
            for (const std::string& k : f.keywords)
                found = found || quote.find(k) != std::string::npos;
            CHECK_MESSAGE(found, (a.id + " " + f.id));
        }
    }
}

TEST_CASE("a JSON syntax error is reported at its line and column and nothing loads") {
    const std::string text = "{\n  \"domains\": [\n    {\"id\": \"a\",, }\n  ]\n}\n";
    const rx::LoadedAdopters loaded = load(text);
    REQUIRE(loaded.errors.size() == 1);
    const auto [line, col] = positionOf(text, text.find(",,") + 1);
    CHECK(loaded.errors[0].line == line);
    CHECK(loaded.errors[0].col == col);
    CHECK(loaded.errors[0].source == "adopters.json");
    CHECK(loaded.errors[0].message.find("syntax error") != std::string::npos);
    CHECK(loaded.data.adopters.empty());
    CHECK(loaded.data.domains.empty());

    const std::string truncated = "{\"domains\": [";
    const rx::LoadedAdopters cut = load(truncated);
    REQUIRE(cut.errors.size() == 1);
    CHECK(cut.errors[0].line == 1);
    CHECK(cut.errors[0].col >= 13);
}

TEST_CASE("a wrong-typed field is reported at the value; the rest still loads") {
    const std::string from = "\"strength\": \"stated\"";
    const std::string text = replaceFirst(seedJson(), from, "\"strength\": 7");
    const rx::LoadedAdopters loaded = load(text);
    REQUIRE(loaded.errors.size() == 1);
    const auto [line, col] = positionOf(text, text.find("\"strength\": 7") + 12);
    CHECK(loaded.errors[0].line == line);
    CHECK(loaded.errors[0].col == col);
    CHECK(loaded.errors[0].message.find("strength") != std::string::npos);
    CHECK(loaded.errors[0].message.find("a number") != std::string::npos);
    // The first stated mark in the file is Cloudflare's networking mark: only it is gone.
    CHECK(loaded.data.adopters.size() == 9);
    const rx::Adopter* cloudflare = adopter(loaded.data, "cloudflare");
    REQUIRE(cloudflare);
    REQUIRE(cloudflare->marks.size() == 1);
    CHECK(loaded.data.domains[static_cast<size_t>(cloudflare->marks[0].domain)].id == "web");
}

TEST_CASE("a bad strength value is named and located") {
    const std::string text =
        replaceFirst(kSmall, "\"strength\": \"stated\"", "\"strength\": \"maybe\"");
    const rx::LoadedAdopters loaded = load(text);
    REQUIRE(loaded.errors.size() == 1);
    const auto [line, col] = positionOf(text, text.find("\"maybe\""));
    CHECK(loaded.errors[0].line == line);
    CHECK(loaded.errors[0].col == col);
    CHECK(loaded.errors[0].message.find("\"maybe\"") != std::string::npos);
    CHECK(adopter(loaded.data, "solana")->marks.empty());
    CHECK(adopter(loaded.data, "microsoft")->marks.size() == 1);
}

TEST_CASE("a tampered quote is a content error at the quote; the mark loses that evidence") {
    const std::string text =
        replaceFirst(seedJson(), "HTTP/2 and HTTP/3 server", "HTTP/2 and HTTP/4 server");
    const rx::LoadedAdopters loaded = load(text);
    REQUIRE(loaded.errors.size() == 1);
    const std::string quoteKey = "\"quote\": \"Cloudflare, a leading";
    const size_t valueStart = text.find(quoteKey) + std::string("\"quote\": ").size();
    const auto [line, col] = positionOf(text, valueStart);
    CHECK(loaded.errors[0].line == line);
    CHECK(loaded.errors[0].col == col);
    CHECK(loaded.errors[0].message.find("does not occur") != std::string::npos);
    // The message shows where the quote leaves the document's text.
    MESSAGE(rx::format(loaded.errors[0]));
    CHECK(loaded.errors[0].message.find("HTTP/2 and HTTP/\"") != std::string::npos);
    CHECK(loaded.errors[0].message.find("4 server") != std::string::npos);
    const rx::Adopter* cloudflare = adopter(loaded.data, "cloudflare");
    REQUIRE(cloudflare);
    // The networking mark had only that quote and is dropped; the web mark keeps its two quotes.
    REQUIRE(cloudflare->marks.size() == 1);
    CHECK(cloudflare->marks[0].evidence.size() == 2);
}

TEST_CASE("quotes match across whitespace differences only") {
    const std::string spaced =
        replaceFirst(kSmall, "for system-level development.", "for   system-level\\n development.");
    CHECK(load(spaced).errors.empty());
    const std::string changedCase =
        replaceFirst(kSmall, "for system-level development.", "for System-level development.");
    CHECK(load(changedCase).errors.size() == 1);
}

TEST_CASE("unknown domain and unknown facet ids are errors at the id") {
    std::string text = replaceFirst(kSmall, "\"domain\": \"systems\"", "\"domain\": \"gaming\"");
    text = replaceFirst(text, "{\"id\": \"security\", \"quote\"", "{\"id\": \"speed\", \"quote\"");
    const rx::LoadedAdopters loaded = load(text);
    REQUIRE(loaded.errors.size() == 2);
    std::set<std::pair<int, int>> expected = {positionOf(text, text.find("\"speed\"")),
                                              positionOf(text, text.find("\"gaming\""))};
    std::set<std::pair<int, int>> got;
    for (const rx::Diagnostic& d : loaded.errors) got.insert({d.line, d.col});
    CHECK(got == expected);
    CHECK(adopter(loaded.data, "microsoft")->marks.empty());
    CHECK(adopter(loaded.data, "solana")->facets.empty());
    CHECK(adopter(loaded.data, "solana")->marks.size() == 1);
}

TEST_CASE("duplicate ids: the second entry is skipped and reported at its id") {
    const std::string text = replaceFirst(kSmall, "{\"id\": \"microsoft\"", "{\"id\": \"solana\"");
    const rx::LoadedAdopters loaded = load(text);
    REQUIRE(loaded.errors.size() == 1);
    const size_t second = text.find("\"solana\"", text.find("\"solana\"") + 1);
    const auto [line, col] = positionOf(text, second);
    CHECK(loaded.errors[0].line == line);
    CHECK(loaded.errors[0].col == col);
    CHECK(loaded.errors[0].message.find("duplicate adopter id") != std::string::npos);
    CHECK(loaded.data.adopters.size() == 1);

    const std::string domains =
        replaceFirst(kSmall, "{\"id\": \"blockchain\"", "{\"id\": \"systems\"");
    const rx::LoadedAdopters dup = load(domains);
    // The duplicate domain is skipped, so Solana's blockchain mark names an unknown domain.
    CHECK(dup.errors.size() == 2);
    CHECK(dup.data.domains.size() == 1);
}

TEST_CASE("a missing field is reported at the object that lacks it") {
    const std::string text = replaceFirst(kSmall, "\"name\": \"Microsoft\",", "");
    const rx::LoadedAdopters loaded = load(text);
    REQUIRE(loaded.errors.size() == 1);
    const auto [line, col] = positionOf(text, text.find("{\"id\": \"microsoft\""));
    CHECK(loaded.errors[0].line == line);
    CHECK(loaded.errors[0].col == col);
    CHECK(loaded.errors[0].message.find("missing field \"name\"") != std::string::npos);
    CHECK(loaded.data.adopters.size() == 1);
}

TEST_CASE("top-level shape errors") {
    const rx::LoadedAdopters array = load("[1, 2]");
    REQUIRE(array.errors.size() == 1);
    CHECK(array.errors[0].line == 1);
    CHECK(array.errors[0].col == 1);
    const rx::LoadedAdopters noAdopters = load("{\"domains\": [], \"facets\": []}");
    REQUIRE(noAdopters.errors.size() == 1);
    CHECK(noAdopters.errors[0].message.find("adopters") != std::string::npos);
    const rx::LoadedAdopters wrong = load("{\"domains\": {}, \"facets\": [], \"adopters\": []}");
    REQUIRE(wrong.errors.size() == 1);
    CHECK(wrong.errors[0].col == 13);
}

TEST_CASE("a facet claim must be supported by its quote, a source name by an item title") {
    const std::string facet =
        replaceFirst(kSmall, "\"quote\": \"due to security and performance benefits\"",
                     "\"quote\": \"Increasingly used in blockchain development\"");
    const rx::LoadedAdopters loaded = load(facet);
    REQUIRE(loaded.errors.size() == 1);
    CHECK(loaded.errors[0].message.find("does not support facet") != std::string::npos);
    CHECK(adopter(loaded.data, "solana")->facets.empty());

    const std::string source =
        replaceFirst(kSmall, "[\"Systems Programming\"]", "[\"Systems Coding\"]");
    const rx::LoadedAdopters bad = load(source);
    REQUIRE(bad.errors.size() == 1);
    const auto [line, col] = positionOf(source, source.find("\"Systems Coding\""));
    CHECK(bad.errors[0].line == line);
    CHECK(bad.errors[0].col == col);
}

TEST_CASE("files over the size limit are refused") {
    std::string big(rx::kMaxContentBytes + 1, ' ');
    const rx::LoadedAdopters loaded = load(big);
    REQUIRE(loaded.errors.size() == 1);
    CHECK(loaded.errors[0].message.find("limit") != std::string::npos);
    CHECK(loaded.data.adopters.empty());
}

TEST_CASE("error lists are capped") {
    std::string text = "{\"domains\": [], \"facets\": [], \"adopters\": [";
    for (int i = 0; i < 300; ++i) text += std::string(i ? "," : "") + "{\"id\": 1}";
    text += "]}";
    const rx::LoadedAdopters loaded = load(text);
    CHECK(loaded.errors.size() == rx::kMaxAdopterDiagnostics + 1);
    CHECK(loaded.errors.back().message.find("more errors") != std::string::npos);
}

TEST_CASE("locateJsonValue walks the raw text to a pointer") {
    const std::string text =
        "{\n \"a\": [10, {\"b/c\": \"x\", \"d~e\": [true]}],\n \"k\\u00e9\": 1,"
        " \"dup\": 1, \"dup\": {\"z\": null}\n}";
    CHECK(rx::locateJsonValue(text, "") == size_t{0});
    CHECK(rx::locateJsonValue(text, "/a") == text.find('['));
    CHECK(rx::locateJsonValue(text, "/a/0") == text.find("10"));
    CHECK(rx::locateJsonValue(text, "/a/1/b~1c") == text.find("\"x\""));
    CHECK(rx::locateJsonValue(text, "/a/1/d~0e/0") == text.find("true"));
    CHECK(rx::locateJsonValue(text, "/k\xC3\xA9") == text.find("1,"));
    CHECK(rx::locateJsonValue(text, "/dup/z") == text.find("null")); // the last duplicate wins
    CHECK_FALSE(rx::locateJsonValue(text, "/a/2").has_value());
    CHECK_FALSE(rx::locateJsonValue(text, "/missing").has_value());
    CHECK(rx::locateJsonNearest(text, "/a/1/nothing") == text.find("{\"b/c\""));
    CHECK(rx::jsonPointerAppend("/x", "a/b~") == "/x/a~1b~0");
    CHECK(rx::jsonPointerAppend("/x", size_t{3}) == "/x/3");
    // Malformed text does not crash.
    CHECK_FALSE(rx::locateJsonValue("{\"a\": [1, ", "/a/3").has_value());
    CHECK_FALSE(rx::locateJsonValue("{\"a\": \"unterminated", "/a/0").has_value());
}

TEST_CASE("the synthetic generator makes verifiable, reproducible data") {
    rx::SyntheticSpec spec;
    spec.adopters = 60;
    spec.domains = 9;
    spec.seed = 7;
    const std::string json = rx::generateAdoptersJson(realDocument(), spec);
    const rx::LoadedAdopters loaded = load(json);
    CHECK(loaded.errors.empty());
    CHECK(loaded.data.adopters.size() == 60);
    CHECK(loaded.data.domains.size() == 9);
    size_t marks = 0;
    for (const rx::Adopter& a : loaded.data.adopters) marks += a.marks.size();
    CHECK(marks >= 60);
    CHECK(rx::generateAdoptersJson(realDocument(), spec) == json);
    spec.seed = 8;
    CHECK(rx::generateAdoptersJson(realDocument(), spec) != json);
}

TEST_CASE("the second fixture document has its own adopters file that verifies") {
    const rx::ParsedDocument go = rx::parseDocument(
        readRepoFile("tests/fixtures/second-doc/go-overview.md"), "go-overview.md");
    const rx::LoadedAdopters loaded = rx::loadAdopters(
        readRepoFile("tests/fixtures/second-doc/adopters.json"), "adopters.json", go.doc);
    for (const rx::Diagnostic& d : loaded.errors) MESSAGE(rx::format(d));
    CHECK(loaded.errors.empty());
    CHECK(loaded.data.adopters.size() >= 2);
    // The Rust quotes do not occur in the Go document.
    CHECK(rx::loadAdopters(seedJson(), "adopters.json", go.doc).errors.size() > 10);
}
