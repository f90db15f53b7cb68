// The cards view's controls as accessibility tree nodes and the DOM twins' requests.
#include "view_cards.h"
#include "view_cards_common.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace rx::ui {
using namespace cards_detail;

// ---------------------------------------------------------------------------------------------
// DOM twins

void CardsView::takeAccessRequests(UiContext& ctx) {
    for (const UiContext::AccessRequest& r : ctx.accessRequests) {
        if (r.id == "search") {
            if (r.action == "set") search_.setQuery(r.value);
            if (r.action == "submit" || r.action == "submit-back") {
                search_.step(ctx.model.searchIndex, r.action == "submit");
                goToCurrentMatch();
            }
            setFocus("search", true);
            twinTyping_ = true;
        } else if (r.action == "focus") {
            focusFromTwin(r.id);
        } else if (r.action == "activate") {
            focusFromTwin(r.id);
            activate(ctx, r.id);
        }
    }
}

void CardsView::focusFromTwin(const std::string& id) {
    setFocus(id, true);
    if (startsWith(id, "card:")) {
        pendingCard_ = id.substr(5);
        pendingAnimate_ = false;
    } else if (!openCard_.empty() && (startsWith(id, "tag:") || startsWith(id, "link:") ||
                                      startsWith(id, "copy:") || startsWith(id, "close:"))) {
        ImVec2 min, max;
        if (!controls_.rectOf(id, min, max)) { // the open card's control is scrolled away
            pendingCard_ = openCard_;
            pendingAnimate_ = false;
        }
    }
}

void CardsView::addControlNode(AccessTree& tree, const std::string& id, AccessRole role,
                               const std::string& name, std::uint16_t state) const {
    AccessNode node(id, role, name, state | kAccessFocusable);
    ImVec2 min, max;
    if (controls_.rectOf(id, min, max))
        node.at(min.x, min.y, max.x - min.x, max.y - min.y);
    else
        node.state |= kAccessOffscreen;
    tree.add(std::move(node));
}

void CardsView::addAccessNodes(UiContext& ctx, ImVec2 gridOrigin) const {
    AccessTree& t = *ctx.access;
    const Document& doc = ctx.model.doc;
    if (search_.searching() || !tag_.empty()) {
        t.open(AccessNode("status", AccessRole::Group, "Search results"));
        if (search_.searching()) {
            t.add(AccessNode("search-count", AccessRole::Text, search_.countText()));
            if (search_.result().matchedCards() > 0) {
                addControlNode(t, "prev", AccessRole::Button, "Previous match");
                addControlNode(t, "next", AccessRole::Button, "Next match");
                addControlNode(t, "mode", AccessRole::Button, "Hide other cards",
                               kAccessPressable | (search_.hideNonMatching ? kAccessPressed : 0));
            }
            addControlNode(t, "clear-search", AccessRole::Button, "Clear search");
        }
        if (!tag_.empty()) {
            const TagDef* def = ctx.model.vocabulary.find(tag_);
            addControlNode(t, "clear-tag", AccessRole::Button,
                           "Tag: " + (def ? def->label : tag_) + ", clear the tag filter");
        }
        t.close();
    }

    if (!navEntries_.empty()) {
        t.open(AccessNode("nav", AccessRole::Navigation, "Sections"));
        if (!wide_) {
            std::string current;
            for (const NavEntry& e : navEntries_)
                if (e.id == currentSection_) current = e.title;
            addControlNode(t, "nav-menu", AccessRole::Button,
                           current.empty() ? std::string("Sections") : "Sections: " + current,
                           kAccessExpandable | (nav_.menuOpen ? kAccessExpanded : 0));
        }
        for (const NavEntry& e : navEntries_) {
            const std::string id = "nav:" + e.id;
            AccessNode node(id, AccessRole::Link, e.title,
                            e.id == currentSection_ ? kAccessCurrent : 0);
            const std::string count = countLabel(e, navFiltered());
            node.description = count + (e.total == 1 ? " card" : " cards");
            ImVec2 min, max;
            // In the bar layout the entries are drawn only while the menu is open: a screen reader
            // still reaches them, Tab (like the canvas's) does not.
            if (controls_.rectOf(id, min, max)) {
                node.at(min.x, min.y, max.x - min.x, max.y - min.y);
                node.state |= kAccessFocusable;
            }
            t.add(std::move(node));
        }
        t.close();
    }

    AccessNode area("cards-area", AccessRole::Group, "");
    area.at(areaMin_.x, areaMin_.y, areaMax_.x - areaMin_.x, areaMax_.y - areaMin_.y);
    t.open(std::move(area));
    for (size_t si = 0; si < sections_.size(); ++si) {
        const SectionBox& s = sections_[si];
        // A big document's sections far from the view are left out with their cards (the nav's
        // links still name and reach every section).
        const float end = si + 1 < sections_.size() ? sections_[si + 1].y : contentH_;
        const auto overlaps = [&](std::pair<size_t, size_t> r) {
            return r.first < s.firstCard + s.cardCount && s.firstCard < r.second;
        };
        const bool near =
            (s.y <= treeBottom_ && end >= treeTop_) || overlaps(window_) || overlaps(extra_);
        if (cards_.size() > kAllCardsInTree && !near) continue;
        const Section& section = doc.sections[s.section];
        t.open(AccessNode("section:" + section.id, AccessRole::Group, section.title));
        const std::string count =
            std::to_string(s.cardCount) + (s.cardCount == 1 ? " card" : " cards");
        AccessNode heading("heading:" + section.id, AccessRole::Heading, section.title);
        heading.level = 2;
        heading.description = count;
        heading.at(gridOrigin.x, gridOrigin.y + s.y, gridWidth_, 32);
        t.add(std::move(heading));
        for (size_t k = s.firstCard; k < s.firstCard + s.cardCount; ++k) {
            if (!inTreeWindow(k)) continue;
            const CardBox& box = cards_[k];
            const Item& item = section.items[box.item];
            const bool open = item.id == openCard_;
            AccessNode card("card:" + item.id, AccessRole::Button, item.title,
                            kAccessFocusable | kAccessExpandable | (open ? kAccessExpanded : 0));
            card.at(gridOrigin.x + box.pos.x, gridOrigin.y + box.pos.y, box.size.x, box.size.y);
            const CardOnScreen* shown = onScreen_.find(item.id);
            if (!shown || !shown->visible) card.state |= kAccessOffscreen;
            if (dimmedBySearch(box.searchCard)) card.description = "not a search match";
            t.add(std::move(card));
            if (!open) continue;
            t.open(AccessNode("details:" + item.id, AccessRole::Group, item.title));
            t.add(AccessNode("body:" + item.id, AccessRole::Text, item.body.plain()));
            const auto& tags = ctx.model.tags.tagsOf(item.id);
            if (!tags.empty()) {
                t.open(AccessNode("tags:" + item.id, AccessRole::Group, "Tags"));
                for (const std::string& tag : tags) {
                    const TagDef* def = ctx.model.vocabulary.find(tag);
                    addControlNode(t, "tag:" + tag, AccessRole::Button, def ? def->label : tag);
                }
                t.close();
            }
            const auto& related = ctx.model.tags.related(item.id);
            if (!related.empty()) {
                t.open(AccessNode("related:" + item.id, AccessRole::Group, "Related"));
                const std::vector<std::string> names = linkNames(doc, related);
                for (size_t i = 0; i < related.size(); ++i)
                    addControlNode(t, "link:" + related[i], AccessRole::Link, names[i]);
                t.close();
            }
            addControlNode(t, "copy:" + item.id, AccessRole::Button,
                           copiedCard_ == item.id ? "Copied" : "Copy text");
            addControlNode(t, "close:" + item.id, AccessRole::Button, "Close");
            t.close();
        }
        t.close();
    }
    if (cards_.empty())
        t.add(AccessNode("no-cards", AccessRole::Text,
                         "No cards to show. Clear the search or the tag filter."));
    t.close();
}

} // namespace rx::ui
