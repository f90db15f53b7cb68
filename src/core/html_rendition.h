// Static, semantic HTML of the loaded content: the page's first paint, the no-JS /
// no-WebGL2 fallback, the print version, and the accessible mirror of the canvas explorer.
//
// Anchors double as explorer URL state, so one link works with and without the canvas:
//   section heading  id="section=<section id>"    (explorer: scroll to the section)
//   card heading     id="card=<item id>"          (explorer: open the card)
//   topic heading    id="tag=<tag id>"            (explorer: filter cards by the tag)
//   card article     id="card-<item id>"          (a11y.js sets aria-current on it)
#pragma once
#include "adopters.h"
#include "document.h"
#include "search.h"
#include "tags.h"
#include "url_state.h"

#include <string>
#include <string_view>

namespace rx {

// Escapes & < > " ' for text and attribute values alike.
std::string htmlEscape(std::string_view text);

struct RenditionInput {
    const Document* doc = nullptr;          // required
    const AdoptersData* adopters = nullptr; // optional: no matrix without it
    const Vocabulary* vocabulary = nullptr; // optional: tag labels
    const TagIndex* tags = nullptr;         // optional: card tags, related cards, topic list
    const SearchIndex* search = nullptr;    // optional: built on the fly when a state searches
    std::string title;                      // the page's <h1>; empty: "<subject> overview"
};

// The HTML fragment that replaces <!--RENDITION--> inside <main id="doc">: a <header> (title +
// intro), a <nav> table of contents, one <section> per document section with one <article> per
// card, the closing text, the adopter x domain <table> with its evidence, and the topic list.
std::string renderHtml(const RenditionInput& input);

// What the explorer shows in `state`, as the same HTML (print, reveal.js print-pdf, static
// previews): a <header class="print-header"> naming the view and its active filters, then
//   cards view: the search result (matching cards, matches in <mark>) or the tag's cards, grouped
//     by section; else the open card's or the URL's section (the open card has class "open");
//     else every section with the intro and closing text;
//   matrix view: the table as filtered, sorted and pivoted (legend, counts, the empty-state
//     explanation), then the evidence of the shown marks only.
// Unknown ids (a section or card that is not there) are named in the header and ignored.
std::string renderStateHtml(const RenditionInput& input, const UrlState& state);

} // namespace rx
