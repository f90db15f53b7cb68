// Synthetic adopters.json for tests and benchmarks (explorer-tool gen-adopters, the bench, the
// unit tests at 10,000 x 100): built on the core, not part of it.
#pragma once
#include "adopters.h"
#include "document.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rx {

// The sentences of the document's item bodies (split after '.', '!' or '?' followed by a space),
// whitespace-normalised: each is an exact quote of the document.
std::vector<std::string> documentSentences(const Document& doc);

// Synthetic adopters.json for tests and benchmarks: `adopters` adopters over `domains` domains
// ("domain-1".., no sourceNames), the five seed facets, quotes drawn from clauses of the document's
// sentences so evidence verifies; 10,000 adopters stay under kMaxContentBytes. Same seed, same
// output on every platform.
struct SyntheticSpec {
    int adopters = 100;
    int domains = 6;
    uint64_t seed = 1;
};
std::string generateAdoptersJson(const Document& doc, const SyntheticSpec& spec);

} // namespace rx
