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
#include "tags.h"

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
    std::string title;                      // the page's <h1>; empty: "<subject> overview"
};

// The HTML fragment that replaces <!--RENDITION--> inside <main id="doc">: a <header> (title +
// intro), a <nav> table of contents, one <section> per document section with one <article> per
// card, the closing text, the adopter x domain <table> with its evidence, and the topic list.
std::string renderHtml(const RenditionInput& input);

} // namespace rx
