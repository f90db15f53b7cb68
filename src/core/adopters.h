// Who uses Rust for what, and why: content/adopters.json (schema in content/README.md), checked
// against the document so every claim rests on one of its sentences.
#pragma once
#include "diagnostics.h"
#include "document.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rx {

// How directly the document supports a mark (content/README.md gives the rule).
enum class Strength : uint8_t {
    None = 0,     // no mark (used by views for empty cells)
    Inferred = 1, // needs the domain's description to connect the sentence to the domain
    Stated = 2,   // the sentence itself places the adopter's Rust use in the domain
};
const char* strengthName(Strength s); // "stated", "inferred", ""

// One quoted sentence and where it stands in the document. sectionId/itemId are empty for intro
// and closing text; itemId is empty for a section's lead or trailing paragraphs.
struct Evidence {
    std::string quote; // exactly as written in adopters.json
    int quoteId = -1;  // index into AdoptersData::quoteSearchText (same quote, same id)
    std::string sectionId;
    std::string itemId;
};

struct Domain {
    std::string id;                       // e.g. "web"
    std::string name;                     // display name, one of the document's own names
    std::vector<std::string> sourceNames; // the document's names merged into this domain
    std::vector<std::string> itemIds;     // the document items titled with those names
    std::string mergeNote;                // why near-duplicates were merged
    int markCount = 0;                    // marks of all adopters in this domain (no filters)
};

struct Facet {
    std::string id; // e.g. "memory-safety"
    std::string name;
    std::vector<std::string> keywords; // lower-case; a claim's quote must contain one
};

// "Why Rust": a facet with the sentence that says so.
struct FacetClaim {
    int facet = -1; // index into AdoptersData::facets
    Evidence evidence;
};

struct Mark {
    int domain = -1; // index into AdoptersData::domains
    Strength strength = Strength::None;
    std::vector<Evidence> evidence; // at least one, all verified
    std::string note;               // how an inferred mark was inferred
};

struct Adopter {
    std::string id;
    std::string name;
    std::vector<std::string> products;
    std::vector<FacetClaim> facets;
    std::vector<Mark> marks;   // at most one per domain
    std::string searchKey;     // lower-cased name and products, for the text filter
    std::vector<int> quoteIds; // distinct quote ids of all its evidence, for the text filter
};

struct AdoptersData {
    std::vector<Domain> domains; // file order = the document's order
    std::vector<Facet> facets;
    std::vector<Adopter> adopters; // file order
    // Every distinct quote once, lower-cased: the text filter tests each quote once, not once per
    // adopter that cites it (quotes come from one document, so there are few).
    std::vector<std::string> quoteSearchText;
    // Rank of each adopter / domain by case-insensitive name (ties: file order), so views sort
    // by name without comparing strings.
    std::vector<int> adopterNameRank;
    std::vector<int> domainNameRank;
    // All marks in one flat, compact array (adopter i owns [markStart[i], markStart[i + 1])), so
    // filtering 10,000 adopters walks contiguous memory instead of each adopter's vectors.
    struct FlatMark {
        int domain;
        Strength strength;
    };
    std::vector<FlatMark> flatMarks;
    std::vector<int> markStart; // adopters.size() + 1 entries
    // The same for facet indices and quote ids; and every searchKey in one buffer, each ended by
    // '\0', adopter i's at searchKeyStart[i] (one scan of the buffer per filter word).
    std::vector<int> flatFacets, facetStart;
    std::vector<int> flatQuoteIds, quoteIdStart;
    std::string searchKeys;
    std::vector<size_t> searchKeyStart;

    int findDomain(std::string_view id) const; // index or -1
    int findFacet(std::string_view id) const;
    int findAdopter(std::string_view id) const;
};

struct LoadedAdopters {
    AdoptersData data;  // every entry that passed its checks
    Diagnostics errors; // syntax, schema and content errors with line and column in the JSON
};

// Parses and checks adopters.json against `doc`:
//  - syntax errors at their line/column (nothing loads);
//  - schema errors (missing or wrong-typed field, unknown domain or facet id, duplicate id, bad
//    strength) at the offending value; the entry holding it is skipped, the rest still loads;
//  - each evidence quote must occur in the document (item title or body, section lead or trailing
//    text, intro, closing; whitespace runs compare equal) and is located there; a quote that does
//    not occur is an error at the quote and is dropped, and a mark left without evidence too;
//  - a facet claim's quote must contain one of the facet's keywords;
//  - a domain's sourceNames must be titles of document items.
// Inputs over kMaxContentBytes are refused. At most kMaxAdopterDiagnostics errors are listed.
LoadedAdopters loadAdopters(std::string_view json, const std::string& sourceName,
                            const Document& doc);

inline constexpr size_t kMaxAdopterDiagnostics = 100;

// Lower-cases ASCII letters; other bytes (UTF-8 included) are kept as they are.
std::string asciiLower(std::string_view text);

// Collapses every run of whitespace to one space and trims both ends.
std::string normalizeSpace(std::string_view text);

} // namespace rx
