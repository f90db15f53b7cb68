// Glyph ranges for the font atlas, built from the code points the content uses.
#pragma once
#include <utility>
#include <vector>

namespace rx {

using CodePointRange = std::pair<char32_t, char32_t>; // inclusive

// The inclusive [first, last] pairs that cover `codePoints` and `ranges`, sorted, overlapping or
// adjacent ones joined, flattened and ended by a 0, as Dear ImGui takes glyph ranges. The work
// grows with what is given (a document's few dozen characters), not with the size of Unicode
// (ImGui's own builder walks every code point to U+10FFFF). Code point 0 (the list's end) and
// empty ranges are left out.
std::vector<char32_t> glyphRanges(const std::vector<char32_t>& codePoints,
                                  const std::vector<CodePointRange>& ranges = {});

} // namespace rx
