// Glyph ranges built from code points (core/glyph_ranges.h): what ImGui's ranges builder gives,
// without its walk over every code point to U+10FFFF.
#include "core/glyph_ranges.h"

#include <doctest/doctest.h>

#include <random>
#include <set>
#include <vector>

namespace {

bool covered(const std::vector<char32_t>& ranges, char32_t cp) {
    for (size_t i = 0; i + 1 < ranges.size(); i += 2)
        if (cp >= ranges[i] && cp <= ranges[i + 1]) return true;
    return false;
}

// Sorted, disjoint, never touching (else they would have been joined), ended by a single 0.
void checkWellFormed(const std::vector<char32_t>& ranges) {
    REQUIRE(!ranges.empty());
    CHECK(ranges.size() % 2 == 1);
    CHECK(ranges.back() == 0);
    for (size_t i = 0; i + 1 < ranges.size(); i += 2) {
        CHECK(ranges[i] != 0);
        CHECK(ranges[i] <= ranges[i + 1]);
        if (i >= 2) CHECK(ranges[i] > ranges[i - 1] + 1);
    }
}

} // namespace

TEST_CASE("glyphRanges: code points and ranges, sorted and joined") {
    CHECK(rx::glyphRanges({}) == std::vector<char32_t>{0});
    CHECK(rx::glyphRanges({0}) == std::vector<char32_t>{0}); // 0 ends the list: never a glyph
    CHECK(rx::glyphRanges({U'b', U'a', U'c', U'a'}) == std::vector<char32_t>{U'a', U'c', 0});
    CHECK(rx::glyphRanges({0x2019, U'x'}, {{0x20, 0xFF}}) ==
          std::vector<char32_t>{0x20, 0xFF, 0x2019, 0x2019, 0});
    // Adjacent and overlapping ranges join; an empty one is left out.
    CHECK(rx::glyphRanges({0x100}, {{0x20, 0xFF}, {0x101, 0x110}, {0x50, 0x60}, {9, 3}}) ==
          std::vector<char32_t>{0x20, 0x110, 0});
    CHECK(rx::glyphRanges({0x10FFFF, 0x1F980}) ==
          std::vector<char32_t>{0x1F980, 0x1F980, 0x10FFFF, 0x10FFFF, 0});
}

TEST_CASE("glyphRanges: covers exactly what it is given (random sets)") {
    std::mt19937 rng(7);
    for (int round = 0; round < 50; ++round) {
        std::set<char32_t> want;
        std::vector<char32_t> codePoints;
        std::vector<rx::CodePointRange> ranges;
        for (int k = 0; k < 40; ++k) {
            const char32_t cp = rng() % 600;
            codePoints.push_back(cp);
            if (cp != 0) want.insert(cp);
        }
        for (int k = 0; k < 4; ++k) {
            const char32_t a = rng() % 600, b = a + rng() % 30;
            ranges.emplace_back(a, b);
            for (char32_t cp = a; cp <= b; ++cp)
                if (cp != 0) want.insert(cp);
        }
        const std::vector<char32_t> out = rx::glyphRanges(codePoints, ranges);
        checkWellFormed(out);
        for (char32_t cp = 0; cp < 700; ++cp) CHECK(covered(out, cp) == (want.count(cp) == 1));
    }
}
