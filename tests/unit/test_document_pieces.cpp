// DocumentParser: a document parsed a piece at a time (the explorer's first frame of a large
// document) gives the same model and diagnostics as one parse of the whole text.
#include "core/diagnostics.h"
#include "core/document.h"
#include "tools/synthetic_document.h"

#include <doctest/doctest.h>

#include "test_support.h"

#include <string>
#include <vector>

namespace {

using rx::test::readRepoFile;

bool sameRich(const rx::RichText& a, const rx::RichText& b) {
    if (a.runs.size() != b.runs.size()) return false;
    for (size_t i = 0; i < a.runs.size(); ++i)
        if (a.runs[i].text != b.runs[i].text || a.runs[i].style != b.runs[i].style) return false;
    return true;
}

bool sameParagraphs(const std::vector<rx::RichText>& a, const std::vector<rx::RichText>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!sameRich(a[i], b[i])) return false;
    return true;
}

void checkSame(const rx::ParsedDocument& a, const rx::ParsedDocument& b) {
    CHECK(sameParagraphs(a.doc.intro, b.doc.intro));
    CHECK(sameParagraphs(a.doc.closing, b.doc.closing));
    REQUIRE(a.doc.sections.size() == b.doc.sections.size());
    for (size_t s = 0; s < a.doc.sections.size(); ++s) {
        const rx::Section& x = a.doc.sections[s];
        const rx::Section& y = b.doc.sections[s];
        CAPTURE(x.id);
        CHECK(x.id == y.id);
        CHECK(x.title == y.title);
        CHECK(x.line == y.line);
        CHECK(sameParagraphs(x.lead, y.lead));
        CHECK(sameParagraphs(x.after, y.after));
        REQUIRE(x.items.size() == y.items.size());
        for (size_t i = 0; i < x.items.size(); ++i) {
            CHECK(x.items[i].id == y.items[i].id);
            CHECK(x.items[i].title == y.items[i].title);
            CHECK(sameRich(x.items[i].body, y.items[i].body));
            CHECK(x.items[i].line == y.items[i].line);
            CHECK(x.items[i].number == y.items[i].number);
            CHECK(x.items[i].numbered == y.items[i].numbered);
        }
    }
    REQUIRE(a.errors.size() == b.errors.size());
    for (size_t i = 0; i < a.errors.size(); ++i)
        CHECK(rx::format(a.errors[i]) == rx::format(b.errors[i]));
}

// Parsed in pieces of at least `step` bytes, one call after the other.
rx::ParsedDocument inPieces(const std::string& md, size_t step, int* calls = nullptr) {
    rx::DocumentParser parser(md, "doc.md");
    int n = 0;
    while (!parser.parseMore(step)) ++n;
    if (calls) *calls = n + 1;
    return parser.take();
}

} // namespace

TEST_CASE("a document parsed in pieces equals the whole parse: the real document and fixtures") {
    for (const char* path : {"content/rust-overview.md", "tests/fixtures/second-doc/go-overview.md",
                             "tests/fixtures/bad-content/pebble-overview.md"}) {
        CAPTURE(path);
        const std::string md = readRepoFile(path);
        REQUIRE(!md.empty());
        const rx::ParsedDocument whole = rx::parseDocument(md, "doc.md");
        int calls = 0;
        const rx::ParsedDocument pieces = inPieces(md, 1, &calls);
        checkSame(whole, pieces);
        // The text really was cut.
        CHECK(calls > 1);
    }
}

TEST_CASE("a 10,000-card document parsed in pieces equals the whole parse; sections only grow") {
    rx::SyntheticDocumentSpec spec;
    spec.sections = 200;
    spec.entries = 50;
    const std::string md = rx::generateDocumentMarkdown(spec);
    const rx::ParsedDocument whole = rx::parseDocument(md, "doc.md");
    REQUIRE(whole.doc.itemCount() == 10000);

    rx::DocumentParser parser(md, "doc.md");
    CHECK(!parser.parseMore(32 * 1024));
    const size_t head = parser.result().doc.sections.size();
    CHECK(head > 0);
    CHECK(head < 20); // the first screen's sections, not the document
    CHECK(parser.parsedBytes() >= 32 * 1024);
    CHECK(parser.parsedBytes() < parser.totalBytes());
    CHECK(parser.result().doc.closing.empty()); // the closing text comes with the last piece
    // The head's sections are final: later pieces only append.
    const std::string firstId = parser.result().doc.sections.front().items.front().id;
    const std::string headLast = parser.result().doc.sections[head - 1].items.back().id;
    while (!parser.parseMore(100 * 1024)) {
    }
    CHECK(parser.parsedBytes() == parser.totalBytes());
    CHECK(parser.result().doc.sections.front().items.front().id == firstId);
    CHECK(parser.result().doc.sections[head - 1].items.back().id == headLast);
    checkSame(whole, parser.take());
}

TEST_CASE("duplicate ids, empty sections and bad bytes across pieces match the whole parse") {
    const std::string md = "Intro **X** text.\n\n### A\n\n1. **Same**: one\n\n"
                           "### A\n\nLead.\n\n1. **Same**: two\n2. **Same**: three\n\n"
                           "### Empty\n\nNothing here.\n\n### B\n\n- no title \xFF here\n"
                           "- **B**: b\n\nAfter b.\n###\n\n1. **C**: c\n\nClosing.\n";
    const rx::ParsedDocument whole = rx::parseDocument(md, "doc.md");
    CHECK(whole.errors.size() >= 3);
    checkSame(whole, inPieces(md, 1));
}

TEST_CASE("text with a code fence or a link reference definition is one piece") {
    const std::string fenced = "Intro.\n\n### A\n\n1. **A**: a\n\n```\n### not a heading\n```\n\n"
                               "### B\n\n1. **B**: b\n";
    int calls = 0;
    checkSame(rx::parseDocument(fenced, "doc.md"), inPieces(fenced, 1, &calls));
    CHECK(calls == 1);
    const std::string refs = "Intro [x].\n\n### A\n\n1. **A**: see [x]\n\n### B\n\n"
                             "1. **B**: [x]\n\n[x]: https://example.org\n";
    checkSame(rx::parseDocument(refs, "doc.md"), inPieces(refs, 1, &calls));
    CHECK(calls == 1);
}

TEST_CASE("backticks or a bracket that open no fence or definition still let the text be cut") {
    const std::string md = "Intro with ```inline``` code, ~~~ and [a]: b.\n\n### A\n\n1. **A**: a "
                           "```x```\n\n###\tB\n\n1. **B**: b\n\n###C not a heading\n\n### D\n\n"
                           "1. **D**: d\n";
    int calls = 0;
    checkSame(rx::parseDocument(md, "doc.md"), inPieces(md, 1, &calls));
    CHECK(calls == 4);
}

TEST_CASE("CRLF line ends and a byte order mark: cut and parsed in pieces like the whole") {
    const std::string md = "\xEF\xBB\xBFIntro.\r\n\r\n### A\r\n\r\n1. **A**: a\r\n\r\n### B\r\n"
                           "\r\n1. **B**: b\r\n";
    int calls = 0;
    checkSame(rx::parseDocument(md, "doc.md"), inPieces(md, 1, &calls));
    CHECK(calls == 3);
    CHECK(rx::parseDocument(md, "doc.md").doc.sections.size() == 2);
}

TEST_CASE("a parser over nothing to parse is done at once") {
    rx::DocumentParser empty("  \n", "doc.md");
    CHECK(empty.done());
    CHECK(empty.parseMore(1));
    CHECK(empty.result().errors.size() == 1);
}
