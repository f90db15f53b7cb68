// Text folding and card search: case, accents, apostrophes, AND of words, highlight ranges in
// the original text, stepping, truncation, invalid UTF-8.
#include "core/document.h"
#include "core/search.h"
#include "core/text_fold.h"

#include <doctest/doctest.h>

#include "test_support.h"

#include <fstream>
#include <sstream>
#include <string>

namespace {

using rx::test::readRepoFile;
using rx::test::realDocument;

// A document with one section per call; items given as {title, body}.
rx::Document makeDocument(std::initializer_list<std::pair<std::string, std::string>> items) {
    rx::Document doc;
    rx::Section section;
    section.id = "s";
    section.title = "S";
    int n = 0;
    for (const auto& [title, body] : items) {
        rx::Item item;
        item.id = "s/" + std::to_string(++n);
        item.title = title;
        // Two runs, so ranges must be computed on the concatenated plain text.
        const size_t half = body.size() / 2;
        item.body.runs.push_back({body.substr(0, half), rx::kPlain});
        item.body.runs.push_back({body.substr(half), rx::kBold});
        section.items.push_back(item);
    }
    doc.sections.push_back(section);
    return doc;
}

std::string cut(const std::string& text, rx::ByteRange r) {
    REQUIRE(r.begin <= r.end);
    REQUIRE(r.end <= text.size());
    return text.substr(r.begin, r.end - r.begin);
}

size_t cardIndex(const rx::SearchIndex& index, const std::string& idSuffix) {
    for (size_t i = 0; i < index.cards.size(); ++i) {
        const std::string& id = index.cards[i].itemId;
        if (id.size() >= idSuffix.size() &&
            id.compare(id.size() - idSuffix.size(), idSuffix.size(), idSuffix) == 0)
            return i;
    }
    FAIL("no card ending in " << idSuffix);
    return 0;
}

} // namespace

TEST_CASE("fold: ASCII case, Latin-1 and Latin Extended-A accents, typographic punctuation") {
    CHECK(rx::foldText("RuSt") == "rust");
    CHECK(rx::foldText("Mémoire À Ça ÑÖÜ ÿ") == "memoire a ca nou y");
    CHECK(rx::foldText("Straße Æsir œuvre Þorn") == "strasse aesir oeuvre thorn");
    CHECK(rx::foldText("Łódź Čeština Őrült ŽŸ ſ ĳ") == "lodz cestina orult zy s ij");
    CHECK(rx::foldText("Ā ă Ć Ď Ē Ĝ Ħ Ĩ Ĵ Ķ Ĺ Ń Ō Ŕ Ś Ţ Ũ Ŵ Ŷ Ź") ==
          "a a c d e g h i j k l n o r s t u w y z");
    CHECK(rx::foldText("Rust’s ‘x’ “y” a–b") == "rust's 'x' \"y\" a-b");
    CHECK(rx::foldText("× ÷") == "× ÷");               // not letters: unchanged
    CHECK(rx::foldText("日本 Ωmega") == "日本 Ωmega"); // other scripts: unchanged
}

TEST_CASE("fold: the offset map points back at the original characters") {
    const std::string original = "Çà Straße!";
    const rx::FoldedText folded = rx::foldWithMap(original);
    REQUIRE(folded.text == "ca strasse!");
    // Every folded byte maps to the whole original character behind it.
    CHECK(cut(original, folded.originOf(0)) == "Ç");
    CHECK(cut(original, folded.originOf(1)) == "à");
    CHECK(cut(original, folded.originOf(2)) == " ");
    // "ca" -> "Çà" (4 bytes)
    CHECK(cut(original, folded.toOriginal(0, 2)) == "Çà");
    // "strasse" -> "Straße"
    const size_t s = folded.text.find("strasse");
    CHECK(cut(original, folded.toOriginal(s, s + 7)) == "Straße");
    // half of the "ss" expansion still covers the whole ß
    const size_t ss = folded.text.find("ss");
    CHECK(cut(original, folded.toOriginal(ss, ss + 1)) == "ß");
    CHECK(cut(original, folded.toOriginal(folded.text.size() - 1, folded.text.size())) == "!");
}

TEST_CASE("fold: invalid UTF-8 becomes U+FFFD per byte, never ASCII") {
    const std::string bad =
        std::string("a\xC3") + "b\xFF\x80" + "\xE2\x80" + "\xED\xA0\x80" + "\xC0\xAF" + "z";
    const rx::FoldedText folded = rx::foldWithMap(bad);
    CHECK(folded.text.find('/') == std::string::npos); // overlong "/" must not appear
    CHECK(folded.text.front() == 'a');
    CHECK(folded.text.back() == 'z');
    size_t replacements = 0;
    for (size_t p = folded.text.find("\xEF\xBF\xBD"); p != std::string::npos;
         p = folded.text.find("\xEF\xBF\xBD", p + 1))
        ++replacements;
    CHECK(replacements == 10); // C3, FF, 80, E2, 80, ED, A0, 80, C0, AF
    for (size_t i = 0; i < folded.text.size(); ++i) CHECK(folded.originOf(i).end <= bad.size());
    CHECK(cut(bad, folded.originOf(folded.text.size() - 1)) == "z");
}

TEST_CASE("fold: the map stores only non-ASCII characters; dropped soft hyphens shift the rest") {
    const std::string ascii = "Plain ASCII text, UPPER and lower: 123.";
    const rx::FoldedText a = rx::foldWithMap(ascii);
    CHECK(a.pieces.empty());
    CHECK(cut(ascii, a.toOriginal(6, 11)) == "ASCII");
    const std::string shy = "co\xC2\xADop \xE2\x80\x99x\xE2\x80\x99 end"; // co<SHY>op ’x’ end
    const rx::FoldedText f = rx::foldWithMap(shy);
    REQUIRE(f.text == "coop 'x' end");
    CHECK(f.pieces.size() == 3);
    CHECK(cut(shy, f.toOriginal(0, 4)) == "co\xC2\xADop");
    CHECK(cut(shy, f.toOriginal(2, 4)) == "op");
    CHECK(cut(shy, f.toOriginal(5, 8)) == "\xE2\x80\x99x\xE2\x80\x99");
    CHECK(cut(shy, f.toOriginal(9, 12)) == "end");
    CHECK(f.toOriginal(12, 12).begin == shy.size());
}

TEST_CASE("search: case-insensitive, ranges index the original title and body") {
    const rx::Document doc = makeDocument(
        {{"Memory Safety", "RUST prevents bugs. rust is fast."}, {"Other", "nothing here"}});
    const rx::SearchIndex index = rx::buildSearchIndex(doc);
    const rx::SearchResult r = rx::search(index, "rust");
    CHECK(r.matchedCards == 1);
    CHECK(r.matches == 2);
    CHECK(r.cards[0].matched);
    CHECK_FALSE(r.cards[1].matched);
    const std::string body = doc.sections[0].items[0].body.plain();
    REQUIRE(r.cards[0].body.size() == 2);
    CHECK(cut(body, r.cards[0].body[0]) == "RUST");
    CHECK(cut(body, r.cards[0].body[1]) == "rust");
    CHECK(r.cards[1].body.empty());

    const rx::SearchResult t = rx::search(index, "SAFETY");
    REQUIRE(t.cards[0].title.size() == 1);
    CHECK(cut(doc.sections[0].items[0].title, t.cards[0].title[0]) == "Safety");
}

TEST_CASE("search: accents and apostrophes fold both ways") {
    const rx::Document doc = makeDocument({{"Sécurité mémoire", "Rust’s borrow checker"},
                                           {"Plain", "memoire without accents, Rust's"}});
    const rx::SearchIndex index = rx::buildSearchIndex(doc);

    const rx::SearchResult a = rx::search(index, "memoire");
    CHECK(a.matchedCards == 2);
    REQUIRE(a.cards[0].title.size() == 1);
    CHECK(cut(doc.sections[0].items[0].title, a.cards[0].title[0]) == "mémoire");

    const rx::SearchResult b = rx::search(index, "MÉMOIRE");
    CHECK(b.matchedCards == 2);

    const rx::SearchResult c = rx::search(index, "rust's");
    CHECK(c.matchedCards == 2);
    REQUIRE(c.cards[0].body.size() == 1);
    CHECK(cut(doc.sections[0].items[0].body.plain(), c.cards[0].body[0]) == "Rust’s");

    const rx::SearchResult d = rx::search(index, "rust’s");
    CHECK(d.matchedCards == 2);
}

TEST_CASE("search: every word must occur (AND), in title or body") {
    const rx::Document doc = makeDocument({{"Memory Safety", "ownership rules"},
                                           {"Concurrency", "ownership prevents data races"},
                                           {"Safety", "nothing about it"}});
    const rx::SearchIndex index = rx::buildSearchIndex(doc);
    const rx::SearchResult r = rx::search(index, "  safety   OWNERSHIP ");
    CHECK(r.words == std::vector<std::string>{"safety", "ownership"});
    CHECK(r.cards[0].matched);
    CHECK_FALSE(r.cards[1].matched); // no "safety"
    CHECK_FALSE(r.cards[2].matched); // no "ownership"
    CHECK(r.matchedCards == 1);
    CHECK(r.matches == 2);
    // Non-matching cards carry no highlights even where one word occurs.
    CHECK(r.cards[1].body.empty());
    CHECK(r.cards[2].title.empty());
}

TEST_CASE("search: overlapping words merge into one highlight") {
    const rx::Document doc = makeDocument({{"Title", "borrowing"}});
    const rx::SearchIndex index = rx::buildSearchIndex(doc);
    const rx::SearchResult r = rx::search(index, "borrow rowing");
    REQUIRE(r.cards[0].body.size() == 1);
    CHECK(cut(doc.sections[0].items[0].body.plain(), r.cards[0].body[0]) == "borrowing");
    CHECK(r.matches == 1);
}

TEST_CASE("search: empty query matches everything with no matches; no match reports zero") {
    const rx::SearchIndex index = rx::buildSearchIndex(realDocument());
    REQUIRE(index.cards.size() == realDocument().itemCount());
    const rx::SearchResult empty = rx::search(index, "   ");
    CHECK(empty.emptyQuery());
    CHECK(empty.matchedCards == index.cards.size());
    CHECK(empty.matches == 0);
    CHECK(empty.positions.empty());

    const rx::SearchResult none = rx::search(index, "haskell");
    CHECK(none.matchedCards == 0);
    CHECK(none.matches == 0);
    CHECK(rx::stepMatch(none, -1, true) == -1);
}

TEST_CASE("search: the real document, counts and positions in document order") {
    const rx::Document& doc = realDocument();
    const rx::SearchIndex index = rx::buildSearchIndex(doc);
    const rx::SearchResult r = rx::search(index, "Memory Safety");
    // Both Memory Safety cards match, and Cloudflare and Deno mention memory safety.
    CHECK(r.cards[cardIndex(index, "/memory-safety-without-garbage-collection")].matched);
    CHECK(r.cards[cardIndex(index, "benefits-of-using-rust/memory-safety")].matched);
    CHECK(r.cards[cardIndex(index, "/cloudflare")].matched);
    CHECK(r.cards[cardIndex(index, "/deno")].matched);
    CHECK_FALSE(r.cards[cardIndex(index, "/figma")].matched);

    size_t counted = 0;
    for (size_t c = 0; c < r.cards.size(); ++c) {
        counted += r.cards[c].title.size() + r.cards[c].body.size();
        const rx::Item& item = doc.sections[index.cards[c].section].items[index.cards[c].item];
        const std::string body = item.body.plain();
        for (const rx::ByteRange& range : r.cards[c].body) {
            const std::string text = rx::foldText(cut(body, range));
            CHECK((text == "memory" || text == "safety"));
        }
        for (const rx::ByteRange& range : r.cards[c].title) {
            const std::string text = rx::foldText(cut(item.title, range));
            CHECK((text == "memory" || text == "safety"));
        }
    }
    CHECK(counted == r.matches);
    CHECK(r.positions.size() == r.matches);
    for (size_t i = 1; i < r.positions.size(); ++i) {
        const rx::MatchPosition& a = r.positions[i - 1];
        const rx::MatchPosition& b = r.positions[i];
        const bool ordered =
            a.card < b.card || (a.card == b.card && a.field < b.field) ||
            (a.card == b.card && a.field == b.field && a.range.begin < b.range.begin);
        CHECK(ordered);
    }
    // Enter / Shift+Enter wrap around.
    const int last = static_cast<int>(r.positions.size()) - 1;
    CHECK(rx::stepMatch(r, -1, true) == 0);
    CHECK(rx::stepMatch(r, -1, false) == last);
    CHECK(rx::stepMatch(r, last, true) == 0);
    CHECK(rx::stepMatch(r, 0, false) == last);
    CHECK(rx::stepMatch(r, 0, true) == 1);
}

TEST_CASE("search: long queries are truncated, invalid UTF-8 is safe") {
    const rx::SearchIndex index = rx::buildSearchIndex(realDocument());
    std::string huge;
    while (huge.size() < 100000) huge += "rust é ";
    const rx::SearchResult r = rx::search(index, huge);
    CHECK(r.truncated);
    CHECK(r.query.size() <= rx::kMaxQueryBytes);
    CHECK(r.words.size() == 2);

    const rx::SearchResult ok = rx::search(index, "rust");
    CHECK_FALSE(ok.truncated);

    const std::string garbage = std::string("ru\xFF\xC3") + "st \x80\xE2\x80";
    const rx::SearchResult g = rx::search(index, garbage);
    CHECK(g.matchedCards == 0); // "ru?st" must not match "rust"

    const rx::Document doc =
        makeDocument({{"Bad \xF0\x9F title", std::string("body \xC0\xAF rust \xFF")}});
    const rx::SearchIndex badIndex = rx::buildSearchIndex(doc);
    const rx::SearchResult b = rx::search(badIndex, "rust");
    REQUIRE(b.cards[0].body.size() == 1);
    CHECK(cut(doc.sections[0].items[0].body.plain(), b.cards[0].body[0]) == "rust");
    CHECK(rx::search(badIndex, "/").matchedCards == 0); // overlong "/" is not a slash
}

namespace {

// Runs `search` to completion in slices of `budget` bytes; returns the number of advance() calls.
int runToEnd(rx::CardSearch& search, const rx::SearchIndex& index, size_t budget) {
    int slices = 0;
    while (!search.advance(index, budget)) ++slices;
    return slices + 1;
}

// The incremental search agrees with search() on every card, count, range and position.
void checkSame(const rx::CardSearch& inc, const rx::SearchIndex& index, const std::string& query) {
    const rx::SearchResult full = rx::search(index, query);
    INFO("query: " << query);
    REQUIRE(inc.complete());
    CHECK(inc.words() == full.words);
    CHECK(inc.matchedCards() == full.matchedCards);
    CHECK(inc.matches() == full.matches);
    for (size_t c = 0; c < index.cards.size(); ++c) {
        CHECK(inc.matched(c) == full.cards[c].matched);
        const rx::CardMatches m = inc.rangesOf(index, c);
        CHECK(m.title == full.cards[c].title);
        CHECK(m.body == full.cards[c].body);
    }
    for (size_t k = 0; k < full.positions.size(); ++k) {
        const rx::MatchPosition p = inc.position(index, k);
        CHECK(p.card == full.positions[k].card);
        CHECK(p.field == full.positions[k].field);
        CHECK(p.range == full.positions[k].range);
    }
}

} // namespace

TEST_CASE("CardSearch: typed key by key, in slices, equals search() after every key") {
    const rx::SearchIndex index = rx::buildSearchIndex(realDocument());
    rx::CardSearch inc;
    std::string typed;
    for (const char ch : std::string("memory safety  c")) {
        typed += ch;
        inc.start(index, typed);
        runToEnd(inc, index, 64);
        checkSame(inc, index, typed);
    }
    // Backspace and a different word: not a narrowing, still right.
    for (const std::string q : {"memory saf", "rust", "RUST’s", "zzz", "", "webassembly"}) {
        inc.start(index, q);
        runToEnd(inc, index, 1000);
        checkSame(inc, index, q);
    }
}

TEST_CASE("CardSearch: a query that extends the last one tests only the last matches") {
    const rx::SearchIndex index = rx::buildSearchIndex(realDocument());
    rx::CardSearch inc;
    inc.start(index, "safe");
    CHECK_FALSE(inc.narrowed());
    CHECK(inc.candidates() == index.cards.size());
    runToEnd(inc, index, 1 << 20);
    const size_t before = inc.matchedCards();
    REQUIRE(before > 0);
    REQUIRE(before < index.cards.size());
    inc.start(index, "safety");
    CHECK(inc.narrowed());
    CHECK(inc.candidates() == before);
    inc.start(index, "safety rust"); // a new word: the cards must still hold "safety"
    CHECK(inc.narrowed());
    inc.start(index, "rust"); // "safety" dropped: every card again
    CHECK_FALSE(inc.narrowed());
    CHECK(inc.candidates() == index.cards.size());
}

TEST_CASE("CardSearch: until complete, untested cards are unknown, never the last answer") {
    const rx::SearchIndex index = rx::buildSearchIndex(realDocument());
    rx::CardSearch inc;
    inc.start(index, "rust");
    runToEnd(inc, index, 1 << 20);
    REQUIRE(inc.matched(index.cards.size() - 1));
    inc.start(index, "rust performance"); // narrowed: the last card is a candidate again
    CHECK(inc.state(index.cards.size() - 1) == rx::CardSearch::CardState::Unknown);
    CHECK_FALSE(inc.advance(index, 1)); // one card per slice
    CHECK(inc.tested() == 1);
    CHECK_FALSE(inc.complete());
    const int slices = runToEnd(inc, index, 1);
    // One card a slice: every candidate tested, then every match counted.
    CHECK(static_cast<size_t>(slices) + 1 == inc.candidates() + inc.matchedCards());
    checkSame(inc, index, "rust performance");
}

TEST_CASE(
    "CardSearch: matching first, reading each card only to its first occurrences; then counting") {
    const rx::SearchIndex index = rx::buildSearchIndex(realDocument());
    size_t text = 0;
    for (const rx::IndexedCard& c : index.cards) text += c.title.text.size() + c.body.text.size();
    REQUIRE(text > 4 * 1024);
    rx::CardSearch inc;
    // Every card has an "e" near its start: one slice of 1 KB tests them all.
    inc.start(index, "e");
    CHECK(inc.advanceMatching(index, 1024));
    CHECK(inc.matchedCards() == index.cards.size());
    CHECK_FALSE(inc.complete()); // the ranges are not counted yet
    CHECK(inc.matches() == 0);
    CHECK(inc.counted() == 0);
    // Counting reads every matching card whole: more than one slice of 1 KB.
    CHECK_FALSE(inc.advanceCounting(index, 1024));
    CHECK(inc.counted() > 0);
    while (!inc.advanceCounting(index, 1024)) {
    }
    CHECK(inc.counted() == inc.matchedCards());
    checkSame(inc, index, "e");
    // Which cards match is known before counting, and equals search()'s.
    for (const std::string q : {"memory safety", "rust", "zzz", "safe rust c"}) {
        inc.start(index, q);
        while (!inc.advanceMatching(index, 256)) {
        }
        const rx::SearchResult full = rx::search(index, q);
        CHECK(inc.matchedCards() == full.matchedCards);
        for (size_t c = 0; c < index.cards.size(); ++c)
            CHECK(inc.matched(c) == full.cards[c].matched);
        CHECK(inc.complete() == (full.matchedCards == 0));
        runToEnd(inc, index, 256);
        checkSame(inc, index, q);
    }
}

TEST_CASE("CardSearch: an empty query matches every card at once; the same words keep the result") {
    const rx::SearchIndex index = rx::buildSearchIndex(realDocument());
    rx::CardSearch inc;
    inc.start(index, "   ");
    CHECK(inc.complete());
    CHECK(inc.emptyQuery());
    CHECK(inc.matchedCards() == index.cards.size());
    CHECK(inc.matches() == 0);
    inc.start(index, "memory");
    runToEnd(inc, index, 1 << 20);
    const size_t matches = inc.matches();
    inc.start(index, "memory ");
    CHECK(inc.complete());
    CHECK(inc.matches() == matches);
    CHECK(inc.query() == "memory ");
}

TEST_CASE("CardSearch: while the index grows section by section, it ends equal to search()") {
    const std::string md = rx::test::readRepoFile("content/rust-overview.md");
    const rx::SearchIndex whole = rx::buildSearchIndex(realDocument());
    for (const std::string q : {"memory safety", "rust", "", "zzz"}) {
        INFO("query: " << q);
        rx::Document doc;
        rx::DocumentParser parser(md, "rust-overview.md", true, &doc);
        rx::SearchIndex index;
        rx::CardSearch inc;
        parser.parseMore(1);
        rx::appendToSearchIndex(index, doc);
        inc.start(index, q);
        inc.start(index, q + " "); // the same words while the index grows keep the result
        int grew = 0;
        while (!parser.done()) {
            runToEnd(inc, index, 200);
            parser.parseMore(1);
            const size_t before = index.cards.size();
            rx::appendToSearchIndex(index, doc);
            const size_t tested = inc.tested();
            inc.extend(index);
            ++grew;
            // The new cards wait to be tested; what was tested stands.
            CHECK(inc.tested() == tested);
            CHECK(inc.cards() == index.cards.size());
            CHECK(inc.complete() == (q.empty() || index.cards.size() == before));
        }
        CHECK(grew > 1);
        runToEnd(inc, index, 200);
        REQUIRE(index.cards.size() == whole.cards.size());
        checkSame(inc, index, q);
    }
}

TEST_CASE("CardSearch: counts equal search() where folding expands or drops characters") {
    // "ß" -> "ss", "æ" -> "ae", a soft hyphen dropped, typographic apostrophes, accents: the
    // counts are made without the ranges (countMerged) and must agree with the ranges themselves.
    const rx::SearchIndex index = rx::buildSearchIndex(makeDocument({
        {"Straße and STRASSE", "ßß sss stras\xC2\xADse Æsir aesir ss’s"},
        {"Café’s crème", "cafe\xE2\x80\x99s CAFÉ’S café café"},
        {"plain", "no match here, only ascii text"},
    }));
    rx::CardSearch inc;
    for (const std::string q : {"s", "ss", "sss", "s s", "ss sa", "strasse", "ae", "a e s",
                                "cafe's", "e", "caf e", "’s s"}) {
        inc.start(index, q);
        runToEnd(inc, index, 1);
        checkSame(inc, index, q);
    }
}
