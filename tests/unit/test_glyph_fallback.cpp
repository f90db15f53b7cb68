// Glyphs the fonts lack, drawn by the browser (src/core/glyph_fallback.h): which code points are
// asked for, once each, one batch at a time, up to the cap; and where the bitmaps are packed.
#include "glyph_fallback.h"

#include <doctest/doctest.h>

#include <string>

namespace {
bool asciiOnly(char32_t cp) {
    return cp < 0x80;
}
} // namespace

TEST_CASE("only characters no font has are noted, each once, in order") {
    rx::GlyphFallback fb;
    fb.noteText("caf\xC3\xA9 \xE3\x83\xA1\xE3\x83\xA2 \xE3\x83\xA1 \xF0\x9F\xA6\x80", asciiOnly);
    const auto batch = fb.takeBatch();
    REQUIRE(batch.size() == 4);
    CHECK(batch[0] == 0xE9);
    CHECK(batch[1] == 0x30E1);
    CHECK(batch[2] == 0x30E2);
    CHECK(batch[3] == 0x1F980);
    CHECK(fb.source('c') == rx::GlyphSource::Unknown);
    CHECK(fb.source(0x30E1) == rx::GlyphSource::Requested);
}

TEST_CASE("control characters and ill-formed bytes are never asked for") {
    rx::GlyphFallback fb;
    fb.noteText(std::string("\x01\x7F\xC2\x85\xFF\x80", 6), [](char32_t) { return false; });
    CHECK(fb.takeBatch().empty());
}

TEST_CASE("one batch is out at a time; the answers make glyphs fallback or unavailable") {
    rx::GlyphFallback fb(512, 2);
    fb.noteText("\xE3\x83\xA1\xE3\x83\xA2\xE3\x83\xAA", asciiOnly); // メモリ
    const auto first = fb.takeBatch();
    REQUIRE(first.size() == 2);
    CHECK(fb.batchOut());
    CHECK(fb.takeBatch().empty()); // the first is still out
    fb.drawn(0x30E1);
    fb.batchAnswered(); // モ was not answered: unavailable
    CHECK(fb.source(0x30E1) == rx::GlyphSource::Fallback);
    CHECK(fb.source(0x30E2) == rx::GlyphSource::Unavailable);
    CHECK(fb.fallbackCount() == 1);
    const auto second = fb.takeBatch();
    REQUIRE(second.size() == 1);
    CHECK(second[0] == 0x30EA);
    fb.unavailable(0x30EA);
    fb.batchAnswered();
    CHECK(fb.source(0x30EA) == rx::GlyphSource::Unavailable);
    // Noting them again asks nothing: the answers stand.
    fb.noteText("\xE3\x83\xA1\xE3\x83\xA2\xE3\x83\xAA", asciiOnly);
    CHECK(fb.takeBatch().empty());
}

TEST_CASE("answers for code points that were not asked for change nothing") {
    rx::GlyphFallback fb;
    fb.drawn(0x4E00);
    CHECK(fb.source(0x4E00) == rx::GlyphSource::Unknown);
    CHECK(fb.fallbackCount() == 0);
    fb.note(0x4E00); // queued, not requested yet
    fb.drawn(0x4E00);
    CHECK(fb.source(0x4E00) == rx::GlyphSource::Queued);
}

TEST_CASE("the cap: beyond it characters are never asked for and stay missing") {
    rx::GlyphFallback fb(3, 10);
    for (char32_t cp = 0x4E00; cp < 0x4E05; ++cp) fb.note(cp);
    CHECK(fb.overCapCount() == 2);
    CHECK(fb.source(0x4E03) == rx::GlyphSource::OverCap);
    const auto batch = fb.takeBatch();
    CHECK(batch.size() == 3);
    fb.drawn(0x4E00);
    fb.drawn(0x4E01);
    fb.unavailable(0x4E02); // frees its place
    fb.batchAnswered();
    fb.note(0x4E10);
    CHECK(fb.source(0x4E10) == rx::GlyphSource::Queued);
    fb.note(0x4E11);
    CHECK(fb.source(0x4E11) == rx::GlyphSource::OverCap);
    CHECK(fb.fallbackCount() == 2);
}

TEST_CASE("restart asks for every drawn glyph again and ignores the stale batch") {
    rx::GlyphFallback fb(512, 2);
    fb.note(0x30E1);
    fb.note(0x30E2);
    fb.note(0x30EA);
    fb.takeBatch();
    fb.drawn(0x30E1);
    fb.drawn(0x30E2);
    fb.batchAnswered();
    fb.takeBatch(); // リ out
    fb.restart();
    CHECK(fb.fallbackCount() == 0);
    CHECK(fb.drawnOrder().empty());
    CHECK_FALSE(fb.batchOut());
    fb.drawn(0x30EA); // the stale answer
    CHECK(fb.fallbackCount() == 0);
    auto batch = fb.takeBatch();
    REQUIRE(batch.size() == 2);
    CHECK(batch[0] == 0x30E1); // the drawn ones first
    CHECK(batch[1] == 0x30E2);
    fb.drawn(0x30E1);
    fb.drawn(0x30E2);
    fb.batchAnswered();
    batch = fb.takeBatch();
    REQUIRE(batch.size() == 1);
    CHECK(batch[0] == 0x30EA);
}

TEST_CASE("the shelf packer fills rows left to right, then starts a new row") {
    rx::ShelfPacker packer(100, 50, 1);
    auto a = packer.place(40, 10);
    auto b = packer.place(40, 12);
    auto c = packer.place(40, 10); // 3 x 42 > 100: next row, below the taller of a and b
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(c);
    CHECK(a->x == 1);
    CHECK(a->y == 1);
    CHECK(b->x == 43);
    CHECK(b->y == 1);
    CHECK(c->x == 1);
    CHECK(c->y == 15);
    CHECK(packer.usedHeight() == 26);
    CHECK_FALSE(packer.place(99, 5));  // wider than the texture with padding
    CHECK_FALSE(packer.place(10, 40)); // taller than what is left
    CHECK(packer.place(10, 20));       // still fits in the row
    packer.clear();
    CHECK(packer.usedHeight() == 0);
    auto d = packer.place(10, 10);
    REQUIRE(d);
    CHECK(d->y == 1);
}

TEST_CASE("needsShaping: text one glyph per code point would garble") {
    CHECK_FALSE(rx::needsShaping(""));
    CHECK_FALSE(rx::needsShaping("memory safety"));
    CHECK_FALSE(rx::needsShaping(
        "caf\xC3\xA9 Rust\xE2\x80\x99s \xE3\x83\xA1\xE3\x83\xA2\xE3\x83\xAA"));  // café Rust’s
                                                                                 // メモリ
    CHECK_FALSE(rx::needsShaping("\xF0\x9F\xA6\x80"));                           // 🦀 alone
    CHECK(rx::needsShaping("\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7"));         // مرحبا
    CHECK(rx::needsShaping("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"));                 // שלום
    CHECK(rx::needsShaping("\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D")); // नमस्
    CHECK(rx::needsShaping("cafe\xCC\x81"));                                     // e + U+0301
    CHECK(rx::needsShaping("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9"));     // 👨‍👩
    CHECK(rx::needsShaping("\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5"));                 // 🇯🇵
    CHECK(rx::needsShaping("\xE2\x9D\xA4\xEF\xB8\x8F"));                         // ❤️ (VS16)
    CHECK(rx::needsShaping("\xEA\xA6\xA7\xEA\xA6\xBA")); // Javanese + vowel sign
    CHECK(rx::needsShaping("\xE3\x81\x8B\xE3\x82\x99")); // か + combining dakuten
    CHECK_FALSE(rx::needsShaping("\xEA\xB0\x80"));       // 가: precomposed Hangul
    CHECK_FALSE(rx::needsShaping("\xFF\xFE broken"));    // bytes, no crash
}
