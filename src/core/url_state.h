// What the URL remembers: view, open card, search, matrix filters/sort/pivot and embed params.
//
// Format: "#key=value&key=value...", keys in the fixed order below, only keys whose value
// differs from the default. Values are percent-encoded UTF-8 (everything except A-Z a-z 0-9
// - . _ ~ / is escaped); lists are comma-separated, with commas inside items escaped as %2C.
//
//   key       field         values (default)
//   view      view          cards | matrix                          (cards)
//   card      card          item id, e.g. key-features-of-rust/high-performance
//   q         query         card search text, at most 256 bytes
//   tag       tag           tag id filter
//   section   section       section id
//   mq        mtext         matrix search text, at most 256 bytes
//   domains   domains       matrix domain ids, comma-separated
//   facets    facets        matrix facet ids, comma-separated
//   inferred  inferred      0 hides inferred matrix cells           (1)
//   rsort     rowSort       matrix row sort key, e.g. name or -count
//   csort     colSort       matrix column sort key
//   pivot     pivot         1 swaps matrix rows and columns         (0)
//   row, col  selRow/selCol selected matrix cell
//   embed     embed         1 = chrome-less embed mode              (0)
//   theme     theme         auto | light | dark                     (auto)
//   bg        transparentBg transparent                             (opaque)
//   scale     scale         font scale 0.5..4 (clamped)             (1)
//   controls  controls      0 | 1; absent = the mode's default      (-1 = unset)
//   parent    parentOrigin  origin allowed to drive an embed by postMessage, e.g.
//                           https://slides.example.org (scheme://host[:port] only)
//
// Decoding accepts "#...", "?...", "?...#..." (hash keys win) or a full URL, and also '+' for a
// space. It never fails: unknown keys are skipped, malformed values (view=xyz, scale=abc, bad
// percent escapes, invalid UTF-8, ids with odd characters) leave the default and add a note,
// and input past 4 KB is ignored. Ids are only checked for shape here; whether a card exists
// is up to the caller.
#pragma once
#include "diagnostics.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rx {

inline constexpr size_t kMaxUrlStateBytes = 4096;
inline constexpr float kMinScale = 0.5f;
inline constexpr float kMaxScale = 4.0f;

struct UrlState {
    std::string view = "cards"; // "cards" | "matrix"
    std::string card;           // open card id
    std::string query;          // card search
    std::string tag;            // tag filter
    std::string section;        // section scrolled to
    // matrix
    std::string mtext;
    std::vector<std::string> domains;
    std::vector<std::string> facets;
    bool inferred = true;
    std::string rowSort;
    std::string colSort;
    bool pivot = false;
    std::string selRow;
    std::string selCol;
    // embed
    bool embed = false;
    std::string theme = "auto"; // "auto" | "light" | "dark"
    bool transparentBg = false;
    float scale = 1.0f; // kMinScale..kMaxScale
    int controls = -1;  // 1 shown, 0 hidden, -1 unset (the mode decides)
    std::string parentOrigin;

    bool operator==(const UrlState& o) const;
    bool operator!=(const UrlState& o) const { return !(*this == o); }
};

// "#view=matrix&domains=web,networking"; "" when everything is at its default.
std::string encodeHash(const UrlState& state);

// Never fails; `notes` (optional) receives one Diagnostic (source "url") per ignored value.
UrlState decodeHash(std::string_view hashOrQuery, Diagnostics* notes = nullptr);

enum class HistoryAction : uint8_t {
    None,    // nothing the URL shows changed
    Replace, // only typing-like changes (query, mtext) or display params: replaceState
    Push,    // a meaningful step (view, card, tag, section, filters, sort, pivot, cell): pushState
};

HistoryAction historyAction(const UrlState& from, const UrlState& to);

// True when going from `a` to `b` does not deserve its own Back step.
inline bool sameHistoryStep(const UrlState& a, const UrlState& b) {
    return historyAction(a, b) != HistoryAction::Push;
}

} // namespace rx
