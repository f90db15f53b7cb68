// The Markdown document parser: the real document, a second document, edge cases, positions.
#include "core/diagnostics.h"
#include "core/document.h"
#include "core/utf8.h"

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

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (size_t pos = text.find(from); pos != std::string::npos;
         pos = text.find(from, pos + to.size())) {
        text.replace(pos, from.size(), to);
    }
    return text;
}

// The source line `line` (1-based) of `text`.
std::string sourceLine(const std::string& text, int line) {
    std::istringstream lines(text);
    std::string current;
    for (int i = 0; i < line && std::getline(lines, current); ++i) {
    }
    return current;
}

bool hasBoldRun(const rx::RichText& text, const std::string& words) {
    for (const rx::Run& run : text.runs) {
        if ((run.style & rx::kBold) && run.text == words) return true;
    }
    return false;
}

void checkSameText(const rx::RichText& a, const rx::RichText& b) {
    REQUIRE(a.runs.size() == b.runs.size());
    for (size_t i = 0; i < a.runs.size(); ++i) {
        CHECK(a.runs[i].text == b.runs[i].text);
        CHECK(a.runs[i].style == b.runs[i].style);
    }
}

void checkSameDocument(const rx::Document& a, const rx::Document& b) {
    REQUIRE(a.intro.size() == b.intro.size());
    for (size_t i = 0; i < a.intro.size(); ++i) checkSameText(a.intro[i], b.intro[i]);
    REQUIRE(a.closing.size() == b.closing.size());
    for (size_t i = 0; i < a.closing.size(); ++i) checkSameText(a.closing[i], b.closing[i]);
    REQUIRE(a.sections.size() == b.sections.size());
    for (size_t s = 0; s < a.sections.size(); ++s) {
        const rx::Section& x = a.sections[s];
        const rx::Section& y = b.sections[s];
        CHECK(x.id == y.id);
        CHECK(x.title == y.title);
        CHECK(x.line == y.line);
        REQUIRE(x.items.size() == y.items.size());
        for (size_t i = 0; i < x.items.size(); ++i) {
            CHECK(x.items[i].id == y.items[i].id);
            CHECK(x.items[i].title == y.items[i].title);
            CHECK(x.items[i].line == y.items[i].line);
            CHECK(x.items[i].number == y.items[i].number);
            checkSameText(x.items[i].body, y.items[i].body);
        }
    }
}

} // namespace

TEST_CASE("the real document: sections, titles and entry counts") {
    const rx::ParsedDocument parsed =
        rx::parseDocument(readRepoFile("content/rust-overview.md"), "rust-overview.md");
    for (const rx::Diagnostic& d : parsed.errors) INFO(rx::format(d));
    CHECK(parsed.errors.empty());
    const rx::Document& doc = parsed.doc;
    CHECK(doc.source == "rust-overview.md");

    const std::vector<std::string> titles = {
        "Key Features of Rust",          "Benefits of Using Rust",
        "Where is Rust Used?",           "Examples of Products Built with Rust",
        "Summary of Rust's Usage Areas", "Why Choose Rust?"};
    const std::vector<size_t> counts = {6, 6, 5, 8, 6, 3};
    const std::vector<bool> numbered = {true, true, true, true, false, false};
    REQUIRE(doc.sections.size() == titles.size());
    for (size_t s = 0; s < titles.size(); ++s) {
        const rx::Section& section = doc.sections[s];
        CAPTURE(section.title);
        CHECK(section.title == titles[s]);
        CHECK(section.id == rx::slugify(titles[s]));
        REQUIRE(section.items.size() == counts[s]);
        for (size_t i = 0; i < section.items.size(); ++i) {
            const rx::Item& item = section.items[i];
            CHECK(item.numbered == numbered[s]);
            CHECK(item.number == (numbered[s] ? static_cast<int>(i) + 1 : 0));
            CHECK_FALSE(item.title.empty());
            CHECK_FALSE(item.body.empty());
            CHECK(item.id == section.id + "/" + rx::slugify(item.title));
        }
    }
    CHECK(doc.itemCount() == 34);
    CHECK(doc.sections[4].id == "summary-of-rusts-usage-areas");
}

TEST_CASE("the real document: entry titles and bodies") {
    const rx::Document& doc = realDocument();
    REQUIRE(doc.sections.size() == 6);

    const rx::Item& memory = doc.sections[0].items[0];
    CHECK(memory.title == "Memory Safety without Garbage Collection");
    CHECK(memory.id == "key-features-of-rust/memory-safety-without-garbage-collection");
    CHECK(memory.body.plain() ==
          "Rust ensures memory safety by enforcing strict ownership and borrowing rules at compile "
          "time, meaning you don\xE2\x80\x99t need a garbage collector like in higher-level "
          "languages (e.g., Java, C#).");

    const rx::Item& tooling = doc.sections[0].items[5];
    CHECK(tooling.title == "Tooling and Developer Experience");
    bool cargoIsCode = false;
    for (const rx::Run& run : tooling.body.runs) {
        if (run.text == "cargo" && (run.style & rx::kCode)) cargoIsCode = true;
    }
    CHECK(cargoIsCode);

    const rx::Item* firefox =
        doc.findItem("examples-of-products-built-with-rust/firefox-and-servo-mozilla");
    REQUIRE(firefox != nullptr);
    CHECK(firefox->title == "Firefox and Servo (Mozilla)");
    CHECK(hasBoldRun(firefox->body, "Servo"));
    CHECK(hasBoldRun(firefox->body, "Firefox"));
    CHECK(firefox->body.plain().rfind("Servo, a high-performance browser engine", 0) == 0);

    const rx::Item& operating = doc.sections[4].items[0];
    CHECK(operating.title == "Operating Systems");
    CHECK(operating.body.plain() == "Safe and fast low-level systems programming.");

    // A bold lead without a colon starts a sentence: the body keeps it, still bold.
    const rx::Item& performance = doc.sections[5].items[0];
    CHECK(performance.title == "If you need performance");
    CHECK(performance.body.plain() ==
          "If you need performance similar to C/C++ but want to eliminate memory management "
          "headaches.");
    CHECK(hasBoldRun(performance.body, "If you need performance"));
    CHECK(doc.sections[5].items[2].title ==
          "If you're working on systems programming, embedded devices, or performance-critical "
          "applications");
}

TEST_CASE("the real document: intro, closing, lookups and line numbers") {
    const std::string source = readRepoFile("content/rust-overview.md");
    const rx::Document& doc = realDocument();
    REQUIRE(doc.intro.size() == 1);
    CHECK(doc.intro[0].plain().rfind("Rust is a modern systems programming language", 0) == 0);
    REQUIRE_FALSE(doc.intro[0].runs.empty());
    CHECK(doc.intro[0].runs[0].text == "Rust");
    CHECK(doc.intro[0].runs[0].style == rx::kBold);
    REQUIRE(doc.closing.size() == 1);
    CHECK(doc.closing[0].plain().rfind("Rust has gained popularity", 0) == 0);
    CHECK(doc.sections.back().after.empty()); // moved to closing

    CHECK(doc.findSection("where-is-rust-used") == &doc.sections[2]);
    CHECK(doc.findSection("nope") == nullptr);
    CHECK(doc.findItem("where-is-rust-used/nope") == nullptr);

    std::set<std::string> ids;
    for (const rx::Section& section : doc.sections) {
        CHECK(ids.insert(section.id).second);
        // The recorded line is the heading's line in the file.
        CHECK(sourceLine(source, section.line).rfind("### ", 0) == 0);
        for (const rx::Item& item : section.items) {
            CHECK(ids.insert(item.id).second);
            CAPTURE(item.title);
            CHECK(sourceLine(source, item.line).find(item.title) != std::string::npos);
        }
    }
}

TEST_CASE("the second document parses without errors") {
    const rx::ParsedDocument parsed =
        rx::parseDocument(readRepoFile("tests/fixtures/second-doc/go-overview.md"), "go.md");
    for (const rx::Diagnostic& d : parsed.errors) INFO(rx::format(d));
    CHECK(parsed.errors.empty());
    REQUIRE(parsed.doc.sections.size() == 3);
    CHECK(parsed.doc.sections[1].title == "Where is Go Used?");
    CHECK(parsed.doc.sections[0].items.size() == 3);
    CHECK(parsed.doc.sections[1].items.size() == 2);
    CHECK(parsed.doc.sections[2].items.size() == 3);
    CHECK(parsed.doc.sections[2].items[1].title == "Tooling");
    CHECK(parsed.doc.intro.size() == 1);
    CHECK(parsed.doc.closing.size() == 1);
}

TEST_CASE("empty input is reported") {
    for (const std::string text : {"", "  \n\n\t\r\n"}) {
        const rx::ParsedDocument parsed = rx::parseDocument(text, "empty.md");
        REQUIRE(parsed.errors.size() == 1);
        CHECK(parsed.errors[0].source == "empty.md");
        CHECK(parsed.errors[0].message.find("empty") != std::string::npos);
        CHECK(parsed.doc.sections.empty());
        CHECK(parsed.doc.intro.empty());
    }
}

TEST_CASE("a document without ### headings keeps its text and reports it") {
    const rx::ParsedDocument parsed =
        rx::parseDocument("Just a paragraph.\n\n## Not level three\n\n- a list item\n", "flat.md");
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].message.find("###") != std::string::npos);
    CHECK(parsed.doc.sections.empty());
    REQUIRE(parsed.doc.intro.size() == 3);
    CHECK(parsed.doc.intro[0].plain() == "Just a paragraph.");
}

TEST_CASE("unclosed emphasis: text kept, entry title from its first words") {
    const rx::ParsedDocument parsed =
        rx::parseDocument("**bold never closed\n\n### S\n\n- **bold never closed\n", "u.md");
    REQUIRE(parsed.doc.intro.size() == 1);
    CHECK(parsed.doc.intro[0].plain() == "**bold never closed");
    REQUIRE(parsed.doc.sections.size() == 1);
    REQUIRE(parsed.doc.sections[0].items.size() == 1);
    const rx::Item& item = parsed.doc.sections[0].items[0];
    CHECK(item.title == "bold never closed");
    CHECK(item.id == "s/bold-never-closed");
    CHECK(item.line == 5);
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].line == 5);
    CHECK(parsed.errors[0].col == 3);
    CHECK(parsed.errors[0].message.find("never closed") != std::string::npos);
}

TEST_CASE("an entry without a bold title is reported and titled by its first words") {
    const rx::ParsedDocument parsed = rx::parseDocument(
        "### S\n\n1. **Fine**: ok\n2. plain words here that go on for quite a while\n", "t.md");
    REQUIRE(parsed.doc.sections.size() == 1);
    REQUIRE(parsed.doc.sections[0].items.size() == 2);
    const rx::Item& item = parsed.doc.sections[0].items[1];
    CHECK(item.title == "plain words here that go on");
    CHECK(item.body.plain() == "plain words here that go on for quite a while");
    CHECK(item.number == 2);
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].line == 4);
    CHECK(parsed.errors[0].col == 4);
    CHECK(parsed.errors[0].message.find("bold title") != std::string::npos);
}

TEST_CASE("CRLF line ends parse exactly like LF") {
    const std::string lf = readRepoFile("content/rust-overview.md");
    const std::string crlf = replaceAll(lf, "\n", "\r\n");
    REQUIRE(crlf.size() > lf.size());
    const rx::ParsedDocument a = rx::parseDocument(lf, "x.md");
    const rx::ParsedDocument b = rx::parseDocument(crlf, "x.md");
    CHECK(b.errors.empty());
    checkSameDocument(a.doc, b.doc);
}

TEST_CASE("invalid UTF-8: reported with its position, replaced, parsing goes on") {
    const std::string text = "Intro.\n\n### S\n\n- **T\xFF**: b\xC3(\n- **Next**: fine \xE2\x80";
    const rx::ParsedDocument parsed = rx::parseDocument(text, "bad.md");
    REQUIRE(parsed.errors.size() == 1);
    const rx::Diagnostic& error = parsed.errors[0];
    CHECK(error.line == 5);
    CHECK(error.col == 6);
    CHECK(error.message.find("UTF-8") != std::string::npos);
    CHECK(error.message.find("0xFF") != std::string::npos);
    CHECK(error.message.find("4 bad bytes") != std::string::npos);
    REQUIRE(parsed.doc.sections.size() == 1);
    const rx::Section& section = parsed.doc.sections[0];
    REQUIRE(section.items.size() == 2);
    CHECK(section.items[0].title == "T\xEF\xBF\xBD");
    CHECK(section.items[0].body.plain() == "b\xEF\xBF\xBD(");
    CHECK(section.items[1].title == "Next");
    for (const rx::Item& item : section.items) {
        CHECK(rx::isValidUtf8(item.title));
        CHECK(rx::isValidUtf8(item.body.plain()));
    }
}

TEST_CASE("input over the size limit is refused with a clear error") {
    const std::string huge(rx::kMaxContentBytes + 1, 'a');
    const rx::ParsedDocument parsed = rx::parseDocument(huge, "huge.md");
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].message.find("limit") != std::string::npos);
    CHECK(parsed.errors[0].message.find("5 MB") != std::string::npos);
    CHECK(parsed.doc.sections.empty());
    CHECK(parsed.doc.intro.empty());
}

TEST_CASE("a large document at the limit parses fully with unique ids") {
    const std::string seed = readRepoFile("content/rust-overview.md") + "\n\n";
    std::string text;
    size_t copies = 0;
    while (text.size() + seed.size() <= rx::kMaxContentBytes) {
        text += seed;
        ++copies;
    }
    REQUIRE(copies > 100);
    const rx::ParsedDocument parsed = rx::parseDocument(text, "big.md");
    CHECK(parsed.errors.empty());
    REQUIRE(parsed.doc.sections.size() == copies * 6);
    CHECK(parsed.doc.sections[6].id == "key-features-of-rust-2");
    CHECK(parsed.doc.sections[6].items[0].id ==
          "key-features-of-rust-2/memory-safety-without-garbage-collection");
    std::set<std::string> ids;
    for (const rx::Section& section : parsed.doc.sections) {
        for (const rx::Item& item : section.items) ids.insert(item.id);
    }
    CHECK(ids.size() == copies * 34);
}

TEST_CASE("duplicate titles get -2, -3 suffixes") {
    const rx::ParsedDocument parsed = rx::parseDocument(
        "### A\n\n- **X**: 1\n- **X**: 2\n- **X-2**: 3\n\n### A\n\n- **X**: 4\n", "d.md");
    CHECK(parsed.errors.empty());
    REQUIRE(parsed.doc.sections.size() == 2);
    CHECK(parsed.doc.sections[0].id == "a");
    CHECK(parsed.doc.sections[1].id == "a-2");
    const auto& items = parsed.doc.sections[0].items;
    REQUIRE(items.size() == 3);
    CHECK(items[0].id == "a/x");
    CHECK(items[1].id == "a/x-2");
    CHECK(items[2].id == "a/x-2-2");
    CHECK(parsed.doc.sections[1].items[0].id == "a-2/x");
}

TEST_CASE("entry shapes: colon inside bold, soft breaks, nested entries, entities") {
    const rx::ParsedDocument parsed =
        rx::parseDocument("### S\n\n"
                          "- **Inside:** text\n"
                          "- **Wrapped**: one\n  two *three*\n"
                          "- **Nested**\n  - first\n  - second\n"
                          "- **Entities**: a &amp; b &#8217; &#x2014; &unknown;\n",
                          "shapes.md");
    CHECK(parsed.errors.empty());
    REQUIRE(parsed.doc.sections.size() == 1);
    const auto& items = parsed.doc.sections[0].items;
    REQUIRE(items.size() == 4);
    CHECK(items[0].title == "Inside");
    CHECK(items[0].body.plain() == "text");
    CHECK(items[1].body.plain() == "one two three");
    REQUIRE(items[1].body.runs.size() == 2);
    CHECK(items[1].body.runs[1].style == rx::kItalic);
    CHECK(items[2].title == "Nested");
    CHECK(items[2].body.plain() == "first\nsecond");
    CHECK(items[3].body.plain() == "a & b \xE2\x80\x99 \xE2\x80\x94 &unknown;");
    CHECK(items[3].line == 9);
}

TEST_CASE("lead, text between sections, sections without entries, rules ignored") {
    const rx::ParsedDocument parsed =
        rx::parseDocument("### One\n\nLead text.\n\n- **A**: a\n\n"
                          "Between.\n\n---\n\n### Two\n\nOnly text.\n",
                          "m.md");
    REQUIRE(parsed.doc.sections.size() == 2);
    const rx::Section& one = parsed.doc.sections[0];
    REQUIRE(one.lead.size() == 1);
    CHECK(one.lead[0].plain() == "Lead text.");
    REQUIRE(one.after.size() == 1);
    CHECK(one.after[0].plain() == "Between.");
    CHECK(parsed.doc.sections[1].lead.size() == 1);
    CHECK(parsed.doc.closing.empty());
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].line == 11);
    CHECK(parsed.errors[0].message.find("\"Two\"") != std::string::npos);
}

TEST_CASE("slugify") {
    CHECK(rx::slugify("Where is Rust Used?") == "where-is-rust-used");
    CHECK(rx::slugify("Firefox and Servo (Mozilla)") == "firefox-and-servo-mozilla");
    CHECK(rx::slugify("Rust's Usage") == "rusts-usage");
    CHECK(rx::slugify("Rust\xE2\x80\x99s Usage") == "rusts-usage");
    CHECK(rx::slugify("  --C/C++--  ") == "c-c");
    CHECK(rx::slugify("***") == "");
}

TEST_CASE("lineColAt and LineIndex") {
    const std::string text = "ab\nc\xE2\x80\x99"
                             "d\n\nxyz";
    CHECK(rx::lineColAt(text, 0).line == 1);
    CHECK(rx::lineColAt(text, 0).col == 1);
    CHECK(rx::lineColAt(text, 2).col == 3); // the '\n' itself ends line 1
    CHECK(rx::lineColAt(text, 3).line == 2);
    CHECK(rx::lineColAt(text, 3).col == 1);
    CHECK(rx::lineColAt(text, 7).col == 3); // 'd' after the 3-byte ’ is code point 3
    CHECK(rx::lineColAt(text, 9).line == 3);
    CHECK(rx::lineColAt(text, 10).line == 4);
    const rx::LineCol end = rx::lineColAt(text, 1000); // clamps to the end
    CHECK(end.line == 4);
    CHECK(end.col == 4);
    CHECK(rx::lineColAt("", 5).line == 1);
    CHECK(rx::lineColAt("", 5).col == 1);
    CHECK(rx::lineColAt("\xFF\xFFx", 2).col == 3); // a bad byte counts as one column

    const std::string doc = readRepoFile("content/rust-overview.md");
    const rx::LineIndex index(doc);
    for (size_t offset = 0; offset <= doc.size() + 1; offset += 7) {
        const rx::LineCol a = rx::lineColAt(doc, offset);
        const rx::LineCol b = index.at(offset);
        CHECK(a.line == b.line);
        CHECK(a.col == b.col);
    }
    // Line ends are found only as far as a lookup needs: lookups in any order agree.
    const rx::LineIndex backwards(doc);
    for (size_t offset = doc.size() + 1; offset > 0; offset -= std::min<size_t>(offset, 11)) {
        const rx::LineCol a = rx::lineColAt(doc, offset);
        const rx::LineCol b = backwards.at(offset);
        CHECK(a.line == b.line);
        CHECK(a.col == b.col);
    }
    const rx::LineIndex jumping(text);
    for (const size_t offset : {7, 2, 10, 3, 0, 9, 1000, 4}) {
        CHECK(jumping.at(offset).line == rx::lineColAt(text, offset).line);
        CHECK(jumping.at(offset).col == rx::lineColAt(text, offset).col);
    }
}

TEST_CASE("format of a diagnostic") {
    CHECK(rx::format(rx::Diagnostic{"f.md", 3, 5, "bad"}) == "f.md:3:5: bad");
    CHECK(rx::format(rx::Diagnostic{"f.md", 3, 0, "bad"}) == "f.md:3: bad");
    CHECK(rx::format(rx::Diagnostic{"f.md", 0, 0, "bad"}) == "f.md: bad");
}

TEST_CASE("utf8 helpers") {
    CHECK(rx::isValidUtf8("plain \xE2\x80\x99 \xF0\x9F\xA6\x80"));
    CHECK_FALSE(rx::isValidUtf8("\xC0\xAF"));         // overlong '/'
    CHECK_FALSE(rx::isValidUtf8("\xED\xA0\x80"));     // surrogate
    CHECK_FALSE(rx::isValidUtf8("\xF4\x90\x80\x80")); // past U+10FFFF
    CHECK_FALSE(rx::isValidUtf8("\xE2\x80"));         // truncated
    CHECK(rx::utf8CodePointCount("a\xE2\x80\x99z") == 3);
    std::string out;
    rx::appendUtf8(out, 0x2019);
    rx::appendUtf8(out, 0x1F980);
    CHECK(out == "\xE2\x80\x99\xF0\x9F\xA6\x80");
}

TEST_CASE("documentSubject names what the document is about, from the intro's first bold run") {
    CHECK(rx::documentSubject(
              rx::parseDocument("**Rust** is fast.\n\n### A\n1. **B**: c\n", "a.md").doc) ==
          "Rust");
    CHECK(rx::documentSubject(
              rx::parseDocument("**Go** is simple.\n\n### A\n1. **B**: c\n", "b.md").doc) == "Go");
    // No bold run in the intro: a neutral word, never another document's name.
    CHECK(rx::documentSubject(
              rx::parseDocument("Plain intro.\n\n### A\n1. **B**: c\n", "c.md").doc) ==
          "the subject");
}

TEST_CASE("linkNames: cards that share a title in one list are named with their sections") {
    const rx::Document& doc = rx::test::realDocument();
    const std::vector<std::string> ids = {"where-is-rust-used/game-development",
                                          "benefits-of-using-rust/performance",
                                          "summary-of-rusts-usage-areas/game-development", "nope"};
    const std::vector<std::string> names = rx::linkNames(doc, ids);
    REQUIRE(names.size() == 4);
    CHECK(names[0] == "Game Development (Where is Rust Used?)");
    CHECK(names[1] == "Performance");
    CHECK(names[2].rfind("Game Development (Summary of Rust", 0) == 0);
    CHECK(names[0] != names[2]);
    CHECK(names[3] == "nope");
}
