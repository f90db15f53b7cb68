#include "glyph_ranges.h"

#include <algorithm>

namespace rx {

std::vector<char32_t> glyphRanges(const std::vector<char32_t>& codePoints,
                                  const std::vector<CodePointRange>& ranges) {
    std::vector<CodePointRange> all;
    all.reserve(codePoints.size() + ranges.size());
    for (const char32_t cp : codePoints)
        if (cp != 0) all.emplace_back(cp, cp);
    for (CodePointRange r : ranges) {
        if (r.first == 0) r.first = 1;
        if (r.first <= r.second) all.push_back(r);
    }
    std::sort(all.begin(), all.end());
    std::vector<char32_t> out;
    for (size_t i = 0; i < all.size();) {
        const char32_t first = all[i].first;
        char32_t last = all[i].second;
        // Join what overlaps or touches [first, last].
        for (++i; i < all.size() && all[i].first - 1 <= last; ++i)
            last = std::max(last, all[i].second);
        out.push_back(first);
        out.push_back(last);
    }
    out.push_back(0);
    return out;
}

} // namespace rx
