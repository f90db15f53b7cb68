// Tags derived from the document with a small vocabulary (content/tags.json, documented in
// content/README.md), and "related" links between cards that share topic tags.
#pragma once
#include "diagnostics.h"
#include "document.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rx {

enum class TagKind : uint8_t {
    Topic,   // a subject ("memory safety"); shared topics link cards
    Adopter, // a company or project using Rust; shown and filterable, never links cards
};

struct TagDef {
    std::string id;    // lower-case slug, unique
    std::string label; // shown on the card
    TagKind kind = TagKind::Topic;
    // Phrases that give the tag when found in an item's title or body: case-, accent- and
    // apostrophe-insensitive, at word boundaries; a trailing '*' also accepts longer words
    // ("vulnerabilit*" matches "vulnerability" and "vulnerabilities").
    std::vector<std::string> terms;
};

// Cards the content author declares related although their words alone do not link them
// (Microsoft's "safer alternative to C/C++" is a memory-safety claim that never says so).
// Every pair in a group is linked, within a section too, before any tag-derived link.
struct LinkGroup {
    std::string label;              // what the group is about, for people reading tags.json
    std::vector<std::string> items; // item ids, as in "#card=<id>"
    int line = 0, col = 0;          // where the group starts in tags.json, for error messages
};

struct Vocabulary {
    std::vector<TagDef> tags;
    std::vector<LinkGroup> linkGroups;
    std::string sourceName; // for errors found when the groups meet the document
    const TagDef* find(std::string_view id) const;
};

struct LoadedVocabulary {
    Vocabulary vocabulary;
    Diagnostics errors; // never fatal: every valid tag is still loaded
};

// Parses content/tags.json (schema in content/README.md). JSON syntax errors carry line and
// column; schema problems carry the line of the offending tag when it can be found.
LoadedVocabulary loadVocabulary(std::string_view json, const std::string& sourceName);

// Links per card at most, by default.
inline constexpr size_t kMaxRelated = 8;

struct TaggedItem {
    std::string itemId;
    size_t section = 0;               // index into Document::sections
    std::vector<std::string> tags;    // tag ids, in vocabulary order
    std::vector<std::string> related; // item ids, most related first
};

struct TagUse {
    TagDef tag;
    std::vector<std::string> items; // item ids in document order
};

struct TagIndex {
    std::vector<TaggedItem> items; // document order
    std::vector<TagUse> tags;      // vocabulary order, including tags no item has
    Diagnostics errors;            // link-group items the document does not have

    const TaggedItem* item(std::string_view itemId) const;
    // Empty when the id is unknown.
    const std::vector<std::string>& tagsOf(std::string_view itemId) const;
    const std::vector<std::string>& itemsWithTag(std::string_view tagId) const;
    const std::vector<std::string>& related(std::string_view itemId) const;
};

// Tags every item whose title or body contains one of a tag's terms. Links: first every pair of
// each link group (always kept; they fill `maxRelated` slots first). Then two items in
// DIFFERENT sections that share a specific topic (one on at most a quarter of the items, or 2, so
// "safety" or "performance" alone never link) are candidates; a pair scores the sum of all
// the shared topics' weights, where a topic on fewer items weighs more (log(N / items with tag)).
// Pairs are accepted best first while both cards have fewer than `maxRelated` links, so links
// are symmetric by construction. Each list holds group links first, then the rest by score,
// then document order.
TagIndex deriveTags(const Document& doc, const Vocabulary& vocabulary,
                    size_t maxRelated = kMaxRelated);

} // namespace rx
