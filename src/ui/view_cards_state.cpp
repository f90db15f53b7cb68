// The cards view: URL state and state() (sections, cards on screen, search, focus).
#include "view_cards.h"
#include "view_cards_common.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace rx::ui {
using namespace cards_detail;

// ---------------------------------------------------------------------------------------------
// URL and state

void CardsView::applyUrl(const UrlState& url) {
    if (url.query != search_.query()) search_.setQuery(url.query);
    tag_ = url.tag;
    if (url.card != openCard_) {
        openCard_ = url.card;
        if (!openCard_.empty()) {
            pendingCard_ = openCard_;
            pendingAnimate_ = false;
        }
    }
    if (url.section != section_) {
        section_ = url.section;
        if (!section_.empty() && url.card.empty()) {
            pendingSection_ = section_;
            pendingAnimate_ = false;
        }
    }
}

void CardsView::writeUrl(UrlState& url) const {
    url.card = openCard_;
    url.query = search_.query();
    url.tag = tag_;
    url.section = section_;
}

// sections[]: each section's counts and its cards (cardLists: every card's details; otherwise the
// ids of the ones drawn on screen and of the ones matching the search).
nlohmann::json CardsView::sectionsState(bool cardLists) const {
    using nlohmann::json;
    json sections = json::array();
    if (model_) {
        for (size_t s = 0; s < model_->doc.sections.size(); ++s) {
            const Section& section = model_->doc.sections[s];
            json cards = json::array();
            json visibleIds = json::array(), matchingIds = json::array();
            int shown = 0;
            for (size_t i = 0; i < section.items.size(); ++i) {
                const Item& item = section.items[i];
                const int sc = s < searchCardOf_.size() && i < searchCardOf_[s].size()
                                   ? searchCardOf_[s][i]
                                   : -1;
                const bool isShown = shownByFilter(s, i, sc);
                shown += isShown ? 1 : 0;
                const bool matches = matchesSearch(sc);
                const CardOnScreen* drawn = onScreen_.find(item.id);
                // Drawn last frame and still shown (a filter applied since hides it now).
                const bool visible = drawn && drawn->visible && isShown;
                if (!cardLists) {
                    if (visible) visibleIds.push_back(item.id);
                    if (matches) matchingIds.push_back(item.id);
                    continue;
                }
                json card = {{"id", item.id},
                             {"title", item.title},
                             {"visible", false},
                             {"rect", nullptr},
                             {"shown", isShown},
                             {"matches", matches},
                             {"tags", model_->tags.tagsOf(item.id)},
                             {"links", model_->tags.related(item.id)}};
                if (visible) {
                    const ImVec4& r = drawn->rect;
                    card["visible"] = true;
                    card["rect"] = {r.x, r.y, r.z, r.w};
                    if (drawn->cut) {
                        const ImVec4& e = drawn->cutEdges;
                        card["cut"] = {{"lastWordRight", e.x},
                                       {"ellipsisLeft", e.y},
                                       {"ellipsisRight", e.z},
                                       {"textRight", e.w}};
                    }
                }
                cards.push_back(card);
            }
            json entry = {{"id", section.id},
                          {"title", section.title},
                          {"count", section.items.size()},
                          {"shown", shown},
                          {"navCount", s < navEntries_.size()
                                           ? countLabel(navEntries_[s], navFiltered())
                                           : std::string()}};
            if (cardLists) {
                entry["cards"] = std::move(cards);
            } else {
                entry["visibleCards"] = std::move(visibleIds);
                entry["matchingCards"] = std::move(matchingIds);
            }
            sections.push_back(std::move(entry));
        }
    }
    return sections;
}

void CardsView::writeState(nlohmann::json& state, bool cardLists) const {
    using nlohmann::json;
    state["sections"] = sectionsState(cardLists);
    const auto nullable = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    state["openCard"] = nullable(openCard_);
    state["tag"] = nullable(tag_);
    state["section"] = nullable(section_);
    state["currentSection"] = nullable(currentSection_);
    const std::string card = focusedCard();
    state["focus"] = nullable(card.empty() ? focus_ : card);
    const CardSearch& r = search_.result();
    const ImVec2 fieldMin = search_.fieldMin(), fieldMax = search_.fieldMax();
    state["search"] = {
        {"query", search_.query()},
        {"matches", r.matches()},
        {"cards", r.matchedCards()},
        {"current", search_.current()},
        {"hide", search_.hideNonMatching},
        {"active", search_.fieldActive()},
        {"runs", search_.queryVersion()},
        {"complete", search_.complete()},
        {"matchingComplete", search_.matchingComplete()},
        {"counted", r.counted()},
        {"status", search_.countText()},
        {"narrowed", r.narrowed()},
        {"tested", r.tested()},
        {"candidates", r.candidates()},
        {"field", {fieldMin.x, fieldMin.y, fieldMax.x - fieldMin.x, fieldMax.y - fieldMin.y}}};
    // On-screen controls other than cards (status row, nav, the open card's chips and buttons),
    // with the rect that takes clicks.
    json controls = json::array();
    controls_.forEachHit([&](const std::string& id, ImVec2 min, ImVec2 max) {
        if (id.empty() || id[0] == '#' || startsWith(id, "card:")) return;
        controls.push_back({{"id", id}, {"rect", {min.x, min.y, max.x - min.x, max.y - min.y}}});
    });
    state["controls"] = controls;
    state["cardArea"] = {areaMin_.x, areaMin_.y, areaMax_.x - areaMin_.x, areaMax_.y - areaMin_.y};
    state["scroll"] = {{"y", scroll_.position},
                       {"max", maxScroll_},
                       {"moving", scroll_.moving()},
                       {"velocity", scroll_.velocity},
                       {"releaseVelocity", pointer_.releaseVelocity()}};
    // How the layouts since load were made: from the start, or only the sections a large
    // document's reading added (the rest kept); contentHeight to compare the two.
    state["layout"] = {{"columns", columns_},          {"nav", wide_ ? "sidebar" : "bar"},
                       {"navMenuOpen", nav_.menuOpen}, {"contentHeight", contentH_},
                       {"fullLayouts", fullLayouts_},  {"grownLayouts", grownLayouts_}};
}

} // namespace rx::ui
