// The UTF-8 module (src/core/utf8.h): the one decoder and the character-boundary helpers the
// loaders, search, URL state and the UI's ellipses share.
#include "utf8.h"

#include <doctest/doctest.h>

#include <string>

TEST_CASE("utf8Decode reads well-formed sequences and refuses ill-formed ones") {
    char32_t cp = 0;
    CHECK(rx::utf8Decode("A", 0, cp) == 1);
    CHECK(cp == U'A');
    CHECK(rx::utf8Decode("\xC3\xA9", 0, cp) == 2); // é
    CHECK(cp == 0xE9);
    CHECK(rx::utf8Decode("\xE2\x80\x99", 0, cp) == 3); // ’
    CHECK(cp == 0x2019);
    CHECK(rx::utf8Decode("\xF0\x9F\xA6\x80", 0, cp) == 4); // 🦀
    CHECK(cp == 0x1F980);
    CHECK(rx::utf8Decode("\x80", 0, cp) == 0);             // stray continuation
    CHECK(rx::utf8Decode("\xC0\x80", 0, cp) == 0);         // overlong NUL
    CHECK(rx::utf8Decode("\xE0\x80\xAF", 0, cp) == 0);     // overlong '/'
    CHECK(rx::utf8Decode("\xED\xA0\x80", 0, cp) == 0);     // surrogate
    CHECK(rx::utf8Decode("\xF4\x90\x80\x80", 0, cp) == 0); // beyond U+10FFFF
    CHECK(rx::utf8Decode("\xE2\x80", 0, cp) == 0);         // truncated
    CHECK(rx::utf8Decode("ab", 2, cp) == 0);               // past the end
}

TEST_CASE("utf8SequenceLength agrees with utf8Decode on every lead and second byte") {
    for (int lead = 0; lead < 256; ++lead) {
        for (int second = 0; second < 256; ++second) {
            const std::string s{static_cast<char>(lead), static_cast<char>(second), '\x80', '\x80'};
            char32_t cp = 0;
            const size_t n = rx::utf8Decode(s, 0, cp);
            REQUIRE(rx::utf8SequenceLength(s, 0) == n);
            if (n > 0) {
                std::string again;
                rx::appendUtf8(again, cp);
                CHECK(again == s.substr(0, n)); // decoding then encoding gives the same bytes
            }
        }
    }
}

TEST_CASE("utf8CharStart backs off to the lead byte, at most three bytes") {
    const std::string text = "a\xE2\x82\xAC"
                             "b"; // a€b
    CHECK(rx::utf8CharStart(text, 0) == 0);
    CHECK(rx::utf8CharStart(text, 1) == 1);
    CHECK(rx::utf8CharStart(text, 2) == 1);
    CHECK(rx::utf8CharStart(text, 3) == 1);
    CHECK(rx::utf8CharStart(text, 4) == 4);
    CHECK(rx::utf8CharStart("\x80\x80\x80\x80\x80", 4) == 1); // no lead in reach: stops
}

TEST_CASE("truncateUtf8 cuts before a character it would split") {
    CHECK(rx::truncateUtf8("a\xE2\x82\xAC"
                           "b",
                           3) == "a");
    CHECK(rx::truncateUtf8("a\xE2\x82\xAC"
                           "b",
                           4) == "a\xE2\x82\xAC");
    CHECK(rx::truncateUtf8("abc", 2) == "ab");
}

TEST_CASE("truncateUtf8 keeps the longest prefix of whole characters") {
    const std::string text = "ab\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"; // a b é € 😀
    CHECK(rx::truncateUtf8(text, 100).size() == text.size());
    CHECK(rx::truncateUtf8(text, 2).size() == 2);
    CHECK(rx::truncateUtf8(text, 3).size() == 2); // é would be cut
    CHECK(rx::truncateUtf8(text, 4).size() == 4);
    CHECK(rx::truncateUtf8(text, 6).size() == 4); // € would be cut
    CHECK(rx::truncateUtf8(text, 9).size() == 7); // 😀 would be cut
    CHECK(rx::truncateUtf8(text, 0).size() == 0);
    for (size_t n = 0; n <= text.size(); ++n)
        CHECK(rx::isValidUtf8(text.substr(0, rx::truncateUtf8(text, n).size())));
}

TEST_CASE("DistinctChars: each character once, in the order first seen, a piece at a time") {
    rx::DistinctChars chars;
    CHECK(chars.add("abca"));
    CHECK(chars.chars() == "abc");
    CHECK(chars.add("don\xE2\x80\x99t \xE2\x80\x99"));
    CHECK(chars.chars() == "abcdon\xE2\x80\x99t ");
    CHECK_FALSE(chars.add("cab \xE2\x80\x99")); // nothing new
    CHECK(chars.add("\xC3\xA9\xE2\x80\x99\xC3\xA9\xF0\x9F\xA6\x80"));
    CHECK(chars.chars() == "abcdon\xE2\x80\x99t \xC3\xA9\xF0\x9F\xA6\x80");
    // A bad byte is a character of its own; a truncated sequence at the end keeps what is there.
    rx::DistinctChars bad;
    CHECK(bad.add("\x80x\x80\xE2\x80"));
    CHECK(bad.chars() == "\x80x\xE2\x80");
    CHECK_FALSE(bad.add(""));
}
