// Synthetic documents of the seed's shape for tests and benchmarks (explorer-tool gen-document,
// the bench at 200 x 50, the unit tests at 10,000 cards): built on the core, not part of it.
#pragma once
#include <cstdint>
#include <string>

namespace rx {

// `sections` sections of `entries` entries each, shaped like content/rust-overview.md: a bold
// intro, `### **Title**` and `### Title:` headings with a lead, `---` rules, numbered entries
// with a bold title and a nested body (bold and `code` inline, typographic apostrophes), bullet
// sections, a closing paragraph. Every title is unique, so ids need no suffixes. The word
// kLastCardWord occurs only in the last entry's body. Same seed, same output everywhere.
struct SyntheticDocumentSpec {
    int sections = 200;
    int entries = 50;
    uint64_t seed = 1;
};
inline constexpr const char* kLastCardWord = "quillwort";
std::string generateDocumentMarkdown(const SyntheticDocumentSpec& spec);

} // namespace rx
