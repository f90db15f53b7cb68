// Tag vocabulary loading, tag derivation on the real document, and related-card links.
#include "core/document.h"
#include "core/tags.h"

#include <doctest/doctest.h>

#include "test_support.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

namespace {

using rx::test::readRepoFile;
using rx::test::realDocument;

const rx::LoadedVocabulary& realVocabulary() {
    static const rx::LoadedVocabulary loaded =
        rx::loadVocabulary(readRepoFile("content/tags.json"), "tags.json");
    return loaded;
}

const rx::TagIndex& realTags() {
    static const rx::TagIndex index = rx::deriveTags(realDocument(), realVocabulary().vocabulary);
    return index;
}

// Id of the item titled `title` in the section whose title starts with `sectionPrefix`.
std::string itemId(const std::string& sectionPrefix, const std::string& title) {
    for (const rx::Section& s : realDocument().sections) {
        if (s.title.compare(0, sectionPrefix.size(), sectionPrefix) != 0) continue;
        for (const rx::Item& item : s.items)
            if (item.title == title) return item.id;
    }
    FAIL("no item '" << title << "' in section '" << sectionPrefix << "'");
    return {};
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

rx::Document tinyDocument() {
    rx::Document doc;
    const auto add = [&](const std::string& sectionId, const std::string& title,
                         const std::string& body) {
        if (doc.sections.empty() || doc.sections.back().id != sectionId) {
            doc.sections.push_back({});
            doc.sections.back().id = sectionId;
        }
        rx::Item item;
        item.id = sectionId + "/" + std::to_string(doc.sections.back().items.size());
        item.title = title;
        item.body.runs.push_back({body, rx::kPlain});
        doc.sections.back().items.push_back(item);
    };
    add("a", "Ownership", "the borrow checker");
    add("a", "Speed", "Rust is FAST");
    add("b", "Servers", "used by Cloudflare for its servers, with ownership");
    add("b", "Laws", "fastidious laws of physics"); // no "aws", no "fast" as a word
    add("c", "Vulnerabilities", "fewer vulnerabilities, fast");
    return doc;
}

rx::Vocabulary tinyVocabulary() {
    const rx::LoadedVocabulary v = rx::loadVocabulary(R"({"tags": [
        {"id": "memory-safety", "label": "memory safety", "terms": ["ownership", "Borrow Checker"]},
        {"id": "performance", "label": "performance", "terms": ["fast"]},
        {"id": "security", "label": "security", "terms": ["vulnerabilit*"]},
        {"id": "aws", "label": "AWS", "kind": "adopter", "terms": ["aws"]},
        {"id": "cloudflare", "label": "Cloudflare", "kind": "adopter", "terms": ["cloudflare"]}
    ]})",
                                                      "tiny.json");
    REQUIRE(v.errors.empty());
    return v.vocabulary;
}

} // namespace

TEST_CASE("vocabulary: content/tags.json loads without errors and covers the issue's tags") {
    const rx::LoadedVocabulary& v = realVocabulary();
    for (const rx::Diagnostic& d : v.errors) FAIL_CHECK(rx::format(d));
    for (const char* id :
         {"memory-safety", "performance", "concurrency", "webassembly", "networking", "embedded",
          "security", "tooling", "systems", "games", "blockchain"}) {
        const rx::TagDef* tag = v.vocabulary.find(id);
        REQUIRE_MESSAGE(tag, id);
        CHECK(tag->kind == rx::TagKind::Topic);
    }
    for (const char* id : {"mozilla", "dropbox", "aws", "cloudflare", "microsoft", "discord",
                           "figma", "deno", "solana"}) {
        const rx::TagDef* tag = v.vocabulary.find(id);
        REQUIRE_MESSAGE(tag, id);
        CHECK(tag->kind == rx::TagKind::Adopter);
    }
}

TEST_CASE("vocabulary: JSON syntax errors carry line and column") {
    const rx::LoadedVocabulary v =
        rx::loadVocabulary("{\n  \"tags\": [\n    {\"id\": x}\n  ]\n}", "broken.json");
    REQUIRE(v.errors.size() == 1);
    CHECK(v.errors[0].source == "broken.json");
    CHECK(v.errors[0].line == 3);
    CHECK(v.errors[0].col == 12);
    CHECK(v.vocabulary.tags.empty());

    const rx::LoadedVocabulary truncated = rx::loadVocabulary("{\"tags\": [", "t.json");
    REQUIRE(truncated.errors.size() == 1);
    CHECK(truncated.errors[0].line == 1);
}

TEST_CASE("vocabulary: schema problems are reported, valid tags still load") {
    const std::string json = R"({"tags": [
  {"id": "good", "label": "Good", "terms": ["good"]},
  {"id": "Bad Id", "label": "x", "terms": ["x"]},
  {"id": "good", "label": "Again", "terms": ["again"]},
  {"id": "nolabel", "terms": ["y"]},
  {"id": "kind", "label": "K", "kind": "other", "terms": ["k"]},
  {"id": "noterms", "label": "N", "terms": []},
  {"id": "someterms", "label": "S", "terms": ["ok", 3, ""]},
  42
]})";
    const rx::LoadedVocabulary v = rx::loadVocabulary(json, "schema.json");
    CHECK(v.vocabulary.tags.size() == 2);
    CHECK(v.vocabulary.find("good"));
    REQUIRE(v.vocabulary.find("someterms"));
    CHECK(v.vocabulary.find("someterms")->terms == std::vector<std::string>{"ok"});
    CHECK(v.errors.size() == 8);
    bool duplicateOnLine4 = false;
    for (const rx::Diagnostic& d : v.errors)
        if (d.message.find("duplicate") != std::string::npos)
            duplicateOnLine4 = d.line == 2 || d.line == 4;
    CHECK(duplicateOnLine4);

    CHECK(rx::loadVocabulary("[1, 2]", "a.json").errors.size() == 1);
    CHECK(rx::loadVocabulary("{\"tags\": 3}", "a.json").errors.size() == 1);
}

TEST_CASE("tags: terms match folded, at word boundaries, with '*' prefixes") {
    const rx::Document doc = tinyDocument();
    const rx::TagIndex index = rx::deriveTags(doc, tinyVocabulary());
    CHECK(index.tagsOf("a/0") == std::vector<std::string>{"memory-safety"});
    CHECK(index.tagsOf("a/1") == std::vector<std::string>{"performance"});
    CHECK(index.tagsOf("b/0") == std::vector<std::string>{"memory-safety", "cloudflare"});
    CHECK(index.tagsOf("b/1").empty()); // "laws", "fastidious": not words of the vocabulary
    CHECK(index.tagsOf("c/0") == std::vector<std::string>{"performance", "security"});
    CHECK(index.itemsWithTag("performance") == std::vector<std::string>{"a/1", "c/0"});
    CHECK(index.itemsWithTag("aws").empty());
    CHECK(index.itemsWithTag("nonexistent").empty());
    CHECK(index.tagsOf("nonexistent").empty());
}

TEST_CASE("links: only across sections, through topic tags, symmetric, capped") {
    const rx::Document doc = tinyDocument();
    const rx::TagIndex index = rx::deriveTags(doc, tinyVocabulary());
    // a/0 and b/0 share memory-safety across sections.
    CHECK(index.related("a/0") == std::vector<std::string>{"b/0"});
    // a/1 and c/0 share performance; a/0 and a/1 are in the same section: never linked.
    CHECK(contains(index.related("a/1"), "c/0"));
    CHECK_FALSE(contains(index.related("a/1"), "a/0"));
    CHECK(index.related("b/1").empty());

    const rx::TagIndex capped = rx::deriveTags(doc, tinyVocabulary(), 0);
    for (const rx::TaggedItem& item : capped.items) CHECK(item.related.empty());
}

TEST_CASE("tags: every item of the real document gets at least one topic tag") {
    const rx::TagIndex& index = realTags();
    REQUIRE(index.items.size() == realDocument().itemCount());
    REQUIRE(index.items.size() > 30);
    for (const rx::TaggedItem& item : index.items) {
        const bool hasTopic =
            std::any_of(item.tags.begin(), item.tags.end(), [](const std::string& t) {
                const rx::TagDef* def = realVocabulary().vocabulary.find(t);
                return def && def->kind == rx::TagKind::Topic;
            });
        CHECK_MESSAGE(hasTopic, item.itemId);
    }
}

TEST_CASE("tags: expected tags on real cards") {
    const rx::TagIndex& index = realTags();
    const auto has = [&](const std::string& id, const char* tag) {
        return contains(index.tagsOf(id), tag);
    };
    const std::string featureSafety =
        itemId("Key Features", "Memory Safety without Garbage Collection");
    CHECK(has(featureSafety, "memory-safety"));
    CHECK(has(itemId("Benefits", "Memory Safety"), "memory-safety"));
    CHECK(has(itemId("Key Features", "Concurrency without Data Races"), "concurrency"));
    CHECK(has(itemId("Key Features", "High Performance"), "performance"));
    CHECK(has(itemId("Key Features", "Tooling and Developer Experience"), "tooling"));
    CHECK(has(itemId("Where is Rust Used", "WebAssembly (Wasm)"), "webassembly"));
    CHECK(has(itemId("Where is Rust Used", "Networking"), "networking"));
    CHECK(has(itemId("Where is Rust Used", "Embedded Systems"), "embedded"));
    CHECK(has(itemId("Where is Rust Used", "Game Development"), "games"));
    CHECK(has(itemId("Examples of Products", "Cloudflare"), "cloudflare"));
    CHECK(has(itemId("Examples of Products", "Cloudflare"), "security"));
    CHECK(has(itemId("Examples of Products", "Cloudflare"), "memory-safety"));
    CHECK(has(itemId("Examples of Products", "Firefox and Servo (Mozilla)"), "mozilla"));
    CHECK(has(itemId("Examples of Products", "Amazon Web Services (AWS)"), "aws"));
    CHECK(has(itemId("Examples of Products", "Microsoft"), "microsoft"));
    CHECK(has(itemId("Examples of Products", "Microsoft"), "systems"));
    CHECK(has(itemId("Summary of Rust", "Operating Systems"), "systems"));
    CHECK(has(itemId("Summary of Rust", "Blockchain"), "blockchain"));
    CHECK(has(itemId("Summary of Rust", "Blockchain"), "solana"));
    // Word boundaries: "Windows" on the Cross-Platform card is not Microsoft.
    CHECK_FALSE(has(itemId("Benefits", "Cross-Platform"), "microsoft"));
    CHECK_FALSE(has(featureSafety, "performance"));
    // Each adopter tag lands on exactly its product card.
    for (const char* adopter : {"dropbox", "cloudflare", "microsoft", "discord", "figma", "deno"})
        CHECK_MESSAGE(index.itemsWithTag(adopter).size() == 1, adopter);
}

// True when a link group of the real vocabulary holds both cards.
bool inSameGroup(const std::string& a, const std::string& b) {
    for (const rx::LinkGroup& g : realVocabulary().vocabulary.linkGroups)
        if (contains(g.items, a) && contains(g.items, b)) return true;
    return false;
}

TEST_CASE("links: symmetric, sorted without duplicates, capped, within a section only by group") {
    const rx::TagIndex& index = realTags();
    CHECK(index.errors.empty());
    size_t linked = 0;
    for (const rx::TaggedItem& item : index.items) {
        CHECK(item.related.size() <= rx::kMaxRelated);
        std::set<std::string> unique(item.related.begin(), item.related.end());
        CHECK(unique.size() == item.related.size());
        linked += item.related.empty() ? 0 : 1;
        for (const std::string& other : item.related) {
            CHECK(other != item.itemId);
            const rx::TaggedItem* target = index.item(other);
            REQUIRE(target);
            CHECK_MESSAGE((target->section != item.section || inSameGroup(item.itemId, other)),
                          item.itemId << " -> " << other);
            CHECK_MESSAGE(contains(target->related, item.itemId), item.itemId << " -> " << other);
        }
    }
    CHECK(linked * 10 >= index.items.size() * 9); // nearly every card has somewhere to go
}

TEST_CASE("links: the memory-safety group of the issue is linked") {
    const rx::TagIndex& index = realTags();
    const std::string feature = itemId("Key Features", "Memory Safety without Garbage Collection");
    const std::string benefit = itemId("Benefits", "Memory Safety");
    const std::string cloudflare = itemId("Examples of Products", "Cloudflare");
    const std::string microsoft = itemId("Examples of Products", "Microsoft");
    const std::string os = itemId("Summary of Rust", "Operating Systems");
    const auto linked = [&](const std::string& a, const std::string& b) {
        return contains(index.related(a), b) && contains(index.related(b), a);
    };
    // Each of the five links to each of the others, and those links come first.
    const std::vector<std::string> group = {feature, benefit, cloudflare, microsoft, os};
    for (const std::string& a : group) {
        const std::vector<std::string>& related = index.related(a);
        REQUIRE(related.size() >= group.size() - 1);
        for (const std::string& b : group) {
            if (a == b) continue;
            CHECK_MESSAGE(linked(a, b), a << " <-> " << b);
            const auto at = std::find(related.begin(), related.end(), b) - related.begin();
            CHECK_MESSAGE(static_cast<size_t>(at) < group.size() - 1,
                          a << " lists " << b << " late");
        }
    }
}

rx::Vocabulary tinyVocabularyWithGroup(const std::string& groups) {
    const rx::LoadedVocabulary v = rx::loadVocabulary(R"({"tags": [
        {"id": "memory-safety", "label": "memory safety", "terms": ["ownership"]},
        {"id": "performance", "label": "performance", "terms": ["fast"]}
      ], "linkGroups": )" + groups + "}",
                                                      "groups.json");
    REQUIRE(v.errors.empty());
    return v.vocabulary;
}

TEST_CASE("link groups: every pair linked, same section too, first, beyond the cap") {
    const rx::Document doc = tinyDocument();
    // a/0 and a/1 share a section and no topic; b/1 shares nothing with anyone.
    const rx::Vocabulary v =
        tinyVocabularyWithGroup(R"([{"label": "g", "items": ["a/0", "a/1", "b/1"]}])");
    const rx::TagIndex index = rx::deriveTags(doc, v);
    CHECK(index.errors.empty());
    CHECK(index.related("a/0") == std::vector<std::string>{"a/1", "b/1", "b/0"});
    CHECK(index.related("a/1") == std::vector<std::string>{"a/0", "b/1", "c/0"});
    CHECK(index.related("b/1") == std::vector<std::string>{"a/0", "a/1"});
    // A cap of 0 drops every derived link but never a group link.
    const rx::TagIndex capped = rx::deriveTags(doc, v, 0);
    CHECK(capped.related("a/0") == std::vector<std::string>{"a/1", "b/1"});
    CHECK(capped.related("b/0").empty());
}

TEST_CASE("link groups: unknown cards are reported at the group, the rest still link") {
    const rx::Document doc = tinyDocument();
    const rx::Vocabulary v = tinyVocabularyWithGroup(
        "[\n  {\"label\": \"g\", \"items\": [\"a/1\", \"nope\", \"b/1\"]}\n]");
    const rx::TagIndex index = rx::deriveTags(doc, v);
    REQUIRE(index.errors.size() == 1);
    CHECK(index.errors[0].source == "groups.json");
    CHECK(index.errors[0].line == 5);
    CHECK(index.errors[0].col == 28);
    CHECK(index.errors[0].message.find("\"nope\"") != std::string::npos);
    CHECK(contains(index.related("a/1"), "b/1"));
}

TEST_CASE("link groups: schema problems skip the group, others load") {
    const rx::LoadedVocabulary v = rx::loadVocabulary(R"({"tags": [
        {"id": "t", "label": "t", "terms": ["x"]}
      ], "linkGroups": [
        {"label": "one item", "items": ["a/0"]},
        {"label": "", "items": ["a/0", "a/1"]},
        {"label": "twice", "items": ["a/0", "a/0"]},
        {"label": "not strings", "items": ["a/0", 3]},
        "nope",
        {"label": "good", "items": ["a/0", "b/0"]}
      ]})",
                                                      "g.json");
    CHECK(v.errors.size() == 5);
    for (const rx::Diagnostic& d : v.errors) CHECK(d.line > 0);
    REQUIRE(v.vocabulary.linkGroups.size() == 1);
    CHECK(v.vocabulary.linkGroups[0].label == "good");
    CHECK(v.vocabulary.tags.size() == 1);
    CHECK(rx::loadVocabulary(R"({"tags": [], "linkGroups": {}})", "g.json").errors.size() == 1);
}
