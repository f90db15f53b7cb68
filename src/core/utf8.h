// Small UTF-8 helpers shared by the loaders (no locale, no allocation unless stated).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

namespace rx {

// Decodes the well-formed UTF-8 sequence starting at `pos` into `codePoint`; returns its length
// (1..4), or 0 when the bytes there are not one (stray continuation byte, truncated sequence,
// overlong form, surrogate, > U+10FFFF). The one UTF-8 decoder of the code base.
size_t utf8Decode(std::string_view text, size_t pos, char32_t& codePoint);

// Length (1..4) of the well-formed UTF-8 sequence starting at `pos`, or 0 (see utf8Decode).
size_t utf8SequenceLength(std::string_view text, size_t pos);

inline bool isUtf8Continuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// Start of the character holding byte `pos`: `pos` backed off over continuation bytes (at most
// three, the longest tail a sequence has).
size_t utf8CharStart(std::string_view text, size_t pos);

// At most `maxBytes` of `text`, never cutting a character in two.
std::string_view truncateUtf8(std::string_view text, size_t maxBytes);

// Code points in `text`; every byte that is not part of a well-formed sequence counts as one.
size_t utf8CodePointCount(std::string_view text);

bool isValidUtf8(std::string_view text);

// Appends the UTF-8 encoding of `codePoint` (invalid code points become U+FFFD).
void appendUtf8(std::string& out, char32_t codePoint);

inline constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD"; // U+FFFD

// Each character of the texts added, once, in the order first seen (UTF-8; a byte that starts no
// well-formed sequence is kept with as many bytes as its lead promises). Adding a text costs a
// pass over it; the characters seen are kept, so a document can be added a piece at a time.
class DistinctChars {
  public:
    // True if `text` brought a character not seen before.
    bool add(std::string_view text);
    const std::string& chars() const { return chars_; }

  private:
    std::array<bool, 128> ascii_{};
    std::set<std::uint32_t> other_; // a character's bytes, packed
    std::uint32_t lastOther_ = 0;   // the last one looked up (’ repeats)
    std::string chars_;
};

} // namespace rx
