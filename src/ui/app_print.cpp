// What printing shows: the current state, or the one a page asks for, as the static
// rendition's HTML (core/html_rendition.h renderStateHtml). Needs no ImGui context or GL: a
// print-pdf deck or a speaker-view preview asks before (or without) the canvas starting.
#include "app.h"

#include "html_rendition.h"

namespace rx::ui {

std::string App::printHtml(const std::string& hashOrQuery) {
    if (!model_.loaded) model_.load();
    model_.finishLoading(); // a print shows the whole document's cards
    const UrlState state = hashOrQuery.empty() && started_ ? composeUrl() : decodeHash(hashOrQuery);
    RenditionInput in;
    in.doc = &model_.doc;
    in.adopters = model_.hasAdopters ? &model_.adopters : nullptr;
    in.vocabulary = &model_.vocabulary;
    in.tags = &model_.tags;
    in.search = &model_.searchIndex;
    return renderStateHtml(in, state);
}

} // namespace rx::ui
