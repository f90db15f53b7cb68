// Text selection: word boundaries, reading-order extraction, the text layer's hit
// tests, click counting.
#include "core/text_selection.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <string>

namespace {

std::string word(std::string_view text, size_t offset) {
    const rx::ByteSpan s = rx::wordAt(text, offset);
    return std::string(text.substr(s.begin, s.end - s.begin));
}

// Every code point 10 px wide, so expected x positions are easy to write.
float tenPx(uint32_t) {
    return 10.0f;
}

} // namespace

TEST_CASE("wordAt: words, apostrophes inside words, spaces, punctuation, UTF-8") {
    const std::string text = "Rust\xE2\x80\x99s borrow checker, (safe) code";
    CHECK(word(text, 0) == "Rust\xE2\x80\x99s");
    CHECK(word(text, 2) == "Rust\xE2\x80\x99s");
    CHECK(word(text, 5) == "Rust\xE2\x80\x99s"); // inside the 3-byte apostrophe
    CHECK(word(text, 8) == "Rust\xE2\x80\x99s"); // the caret right after the word
    CHECK(word(text, 10) == "borrow");
    CHECK(word(text, text.find("checker") + 3) == "checker");
    CHECK(word(text, text.find(',')) == "checker"); // the caret after "checker"
    CHECK(word(text, text.find('(')) == "(");
    CHECK(word(text, text.find("safe")) == "safe");
    CHECK(word(text, text.size()) == "code");
    CHECK(word("a  b", 2) == "  ");
    // Quotes around a word are not part of it; an apostrophe at a word's end is not either.
    CHECK(word("\xE2\x80\x98hi\xE2\x80\x99 there", 4) == "hi");
    CHECK(word("dogs\xE2\x80\x99 bowls", 1) == "dogs");
    // Letters beyond ASCII are letters; malformed bytes do not crash and stay single.
    CHECK(word("na\xC3\xAFve idea", 1) == "na\xC3\xAFve");
    CHECK(word("ab \xFF"
               " cd",
               3) == "\xFF");
    CHECK(word("", 0).empty());
}

TEST_CASE("floorToCodePoint and nextCodePoint stay on UTF-8 boundaries") {
    const std::string s = "a\xE2\x80\x99z";
    CHECK(rx::floorToCodePoint(s, 2) == 1);
    CHECK(rx::floorToCodePoint(s, 3) == 1);
    CHECK(rx::floorToCodePoint(s, 4) == 4);
    CHECK(rx::floorToCodePoint(s, 99) == s.size());
    CHECK(rx::nextCodePoint(s, 1) == 4);
    CHECK(rx::nextCodePoint(s, 5) == 5);
}

TEST_CASE("selectedText: reading order, either direction, blocks joined by newlines") {
    rx::TextBlocks blocks;
    blocks.add("card:a:title", "Memory Safety", "a");
    blocks.add("card:a:body", "The borrow checker\xE2\x80\x99s rules.", "a");
    blocks.add("card:b:title", "Speed", "b");
    const rx::TextPoint start{1, 4}, end{2, 3};
    CHECK(rx::selectedText(blocks, start, end) == "borrow checker\xE2\x80\x99s rules.\nSpe");
    CHECK(rx::selectedText(blocks, end, start) == rx::selectedText(blocks, start, end));
    CHECK(rx::selectedText(blocks, {1, 4}, {1, 10}) == "borrow");
    CHECK(rx::selectedText(blocks, {1, 4}, {1, 4}).empty());
    CHECK(rx::selectedText(blocks, {0, 0}, {2, 5}) ==
          "Memory Safety\nThe borrow checker\xE2\x80\x99s rules.\nSpeed");
    CHECK(rx::selectedSpan(blocks, 0, start, end).empty());
    CHECK(rx::selectedSpan(blocks, 1, end, start) == rx::ByteSpan{4, blocks[1].text.size()});
    CHECK(rx::selectedSpan(blocks, 2, start, end) == rx::ByteSpan{0, 3});
    // Offsets beyond a block (stale) are clamped, never read past the text.
    CHECK(rx::selectedText(blocks, {2, 0}, {2, 999}) == "Speed");
}

TEST_CASE("Selection survives a relayout by id and is dropped when its block leaves") {
    rx::TextBlocks before;
    before.add("intro:0", "Hello world");
    before.add("card:x:body", "Some text here");
    rx::Selection sel;
    sel.set(before, {0, 6}, {1, 4});
    CHECK(sel.active());
    rx::TextBlocks after; // a filter removed the intro: the card's body moved to index 0
    after.add("card:x:body", "Some text here");
    after.add("card:y:body", "More");
    rx::TextPoint a, f;
    CHECK_FALSE(sel.resolve(after, a, f));
    sel.set(before, {1, 0}, {1, 4});
    REQUIRE(sel.resolve(after, a, f));
    CHECK(a == rx::TextPoint{0, 0});
    CHECK(rx::selectedText(after, a, f) == "Some");
    rx::TextBlocks changed; // same id, shorter text: the offsets no longer fit
    changed.add("card:x:body", "So");
    CHECK_FALSE(sel.resolve(changed, a, f));
}

TEST_CASE("TextLayer: hit tests on words, gaps, beside lines, carets") {
    rx::TextLayer layer;
    const std::string text = "ab cd\xE2\x80\x99"
                             "e fg";
    // Line 0: "ab" at x 0..20, "cd’e" at x 30..70; line 1: "fg" at x 0..20, 20 px lines.
    layer.addRun(0, 0, 0, 0, 20, text.substr(0, 2), 0, tenPx);
    layer.addRun(0, 0, 30, 0, 20, text.substr(3, 6), 3, tenPx);
    layer.addRun(0, 1, 0, 20, 40, text.substr(10, 2), 10, tenPx);
    REQUIRE(layer.runs().size() == 3);
    CHECK(layer.runs()[1].right == doctest::Approx(70)); // 4 code points, 6 bytes
    CHECK(layer.hitExact(14, 10) == rx::TextPoint{0, 1});
    CHECK(layer.hitExact(58, 10) == rx::TextPoint{0, 8}); // after the 3-byte apostrophe
    CHECK(layer.hitExact(22, 10) == rx::TextPoint{0, 2}); // in the gap, near the first word
    CHECK_FALSE(layer.hitExact(200, 10).valid());
    CHECK_FALSE(layer.hitExact(10, 50).valid());
    CHECK(layer.blockAt(5, 25) == 0);
    CHECK(layer.hitNearest(200, 10) == rx::TextPoint{0, 9});  // right of line 0: its end
    CHECK(layer.hitNearest(5, 80) == rx::TextPoint{0, 10});   // below everything: last line
    CHECK(layer.hitNearest(-30, 30) == rx::TextPoint{0, 10}); // left of line 1: its start
    float x = 0, top = 0, bottom = 0;
    REQUIRE(layer.caret({0, 11}, x, top, bottom));
    CHECK(x == doctest::Approx(10));
    CHECK(top == doctest::Approx(20));
    CHECK_FALSE(layer.caret({0, 9999}, x, top, bottom));
    layer.clear();
    CHECK(layer.empty());
    CHECK_FALSE(layer.hitNearest(0, 0).valid());
}

TEST_CASE("TextLayer records the real document's text as the explorer draws it") {
    const rx::Document& doc = rx::test::realDocument();
    REQUIRE_FALSE(doc.sections.empty());
    const std::string body = doc.sections[0].items[0].body.plain();
    rx::TextLayer layer;
    layer.addRun(3, 0, 100, 0, 24, body, 0, tenPx);
    // Every edge is a code point boundary and the run covers the whole text.
    for (const rx::TextLayer::Edge& e : layer.edges())
        CHECK(rx::floorToCodePoint(body, e.offset) == e.offset);
    CHECK(layer.edges().back().offset == body.size());
    CHECK(layer.runs()[0].right == doctest::Approx(100 + 10.0 * (layer.runs()[0].edgeCount - 1)));
}

TEST_CASE("ClickCounter: double and triple clicks need speed and the same place") {
    rx::ClickCounter c;
    CHECK(c.press(1000, 10, 10) == 1);
    CHECK(c.press(1200, 11, 10) == 2);
    CHECK(c.press(1400, 11, 12) == 3);
    CHECK(c.press(1500, 11, 12) == 1); // a fourth starts over
    CHECK(c.press(3000, 11, 12) == 1); // too slow
    CHECK(c.press(3100, 40, 12) == 1); // elsewhere
}

TEST_CASE("SelectGesture: a drag grows by the unit the press selected, keeping it") {
    rx::TextBlocks blocks;
    blocks.add("a", "Rust’s borrow checker prevents data races.");
    blocks.add("b", "Ownership rules at compile time.");
    rx::Selection sel;
    rx::SelectGesture g;
    const auto text = [&]() {
        rx::TextPoint a, f;
        REQUIRE(sel.resolve(blocks, a, f));
        return rx::selectedText(blocks, a, f);
    };
    const auto at = [&](int block, const char* word) {
        const std::string& t = blocks[static_cast<size_t>(block)].text;
        return rx::TextPoint{block, t.find(word) + 1}; // inside the word
    };

    // Double click on "borrow", drag into "prevents": whole words, "borrow" kept.
    g.press(blocks, sel, at(0, "borrow"), 2, false);
    CHECK(g.unit() == rx::SelectGesture::Unit::Word);
    CHECK(text() == "borrow");
    g.drag(blocks, sel, at(0, "prevents"));
    CHECK(text() == "borrow checker prevents");
    // Backwards, into "Rust’s": from the start of that word to the end of "borrow".
    g.drag(blocks, sel, at(0, "ust"));
    CHECK(text() == "Rust’s borrow");
    // Into the next block: its words count too.
    g.drag(blocks, sel, at(1, "rules"));
    CHECK(text() == "borrow checker prevents data races.\nOwnership rules");

    // Triple click selects the block; a drag into the next takes that block whole.
    g.press(blocks, sel, at(0, "data"), 3, false);
    CHECK(text() == "Rust’s borrow checker prevents data races.");
    g.drag(blocks, sel, at(1, "compile"));
    CHECK(text() == "Rust’s borrow checker prevents data races.\nOwnership rules at compile time.");

    // A single press and drag goes by characters; Shift extends what is there.
    g.press(blocks, sel, {0, 0}, 1, false);
    g.drag(blocks, sel, {0, 3});
    CHECK(text() == "Rus");
    g.press(blocks, sel, {0, 6}, 1, true);
    CHECK(g.unit() == rx::SelectGesture::Unit::Character);
    CHECK(text().rfind("Rust", 0) == 0);
}
