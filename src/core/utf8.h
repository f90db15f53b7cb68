// Small UTF-8 helpers shared by the loaders (no locale, no allocation unless stated).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace rx {

// Length (1..4) of the well-formed UTF-8 sequence starting at `pos`, or 0 when the bytes there
// are not one (stray continuation byte, truncated sequence, overlong form, surrogate, > U+10FFFF).
size_t utf8SequenceLength(std::string_view text, size_t pos);

// Code points in `text`; every byte that is not part of a well-formed sequence counts as one.
size_t utf8CodePointCount(std::string_view text);

bool isValidUtf8(std::string_view text);

// Appends the UTF-8 encoding of `codePoint` (invalid code points become U+FFFD).
void appendUtf8(std::string& out, char32_t codePoint);

inline constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD"; // U+FFFD

} // namespace rx
