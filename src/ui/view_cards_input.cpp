// The cards view: keyboard focus, keys, activating controls, copying, search steps and
// scrolling to a card or section.
#include "view_cards.h"
#include "view_cards_common.h"

#include "card_grid.h"

#include <imgui_internal.h> // ClearActiveID: 1.90.1 has no public way to deactivate a widget
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace rx::ui {
using namespace cards_detail;

// ---------------------------------------------------------------------------------------------
// Input

void CardsView::setFocus(const std::string& id, bool visible) {
    ++focusSerial_;
    focus_ = id;
    focusVisible_ = visible;
    twinTyping_ = false;
}

std::string CardsView::focusedCard() const {
    return startsWith(focus_, "card:") ? focus_.substr(5) : std::string();
}

int CardsView::cardIndex(const std::string& itemId) const {
    for (size_t i = 0; i < cards_.size(); ++i)
        if (model_->doc.sections[cards_[i].section].items[cards_[i].item].id == itemId)
            return static_cast<int>(i);
    return -1;
}

void CardsView::handleKeys(UiContext& ctx) {
    ImGuiIO& io = ImGui::GetIO();
    const auto pressed = [](ImGuiKey key, bool repeat = true) {
        return ImGui::IsKeyPressed(key, repeat);
    };
    if (searchHadKeys_) {
        // The field had the keys: only Tab leaves it (ImGui's tabbing is off in our windows).
        if (pressed(ImGuiKey_Tab)) {
            ImGui::ClearActiveID();
            search_.field().leaveNow();
            setFocus(controls_.step("search", !io.KeyShift), true);
        }
        return;
    }
    // A focus request ImGui completed a frame late activated the field after the focus moved on.
    if (search_.fieldActive() && focus_ != "search") ImGui::ClearActiveID();
    if (ImGui::IsAnyItemActive()) return; // another widget (the App's) is being used
    if (selectionKeys(ctx)) return;

    bool focusSearch = io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_K, false);
    ImVector<ImWchar>& typed = io.InputQueueCharacters;
    for (int i = 0; i < typed.Size; ++i) {
        if (typed[i] == '/') {
            // `/` focuses the search; what was typed after it in this frame goes into the field.
            focusSearch = true;
            search_.holdText(typed.begin() + i + 1, typed.end());
            typed.resize(i);
            break;
        }
    }
    if (focusSearch) {
        setFocus("search", true);
        return;
    }
    if (pressed(ImGuiKey_Tab)) {
        const std::string next = controls_.step(focus_, !io.KeyShift);
        setFocus(next, true);
        if (next.empty())
            ctx.host.call("release-focus", "{}"); // no keyboard trap
        else if (startsWith(next, "card:")) {
            pendingCard_ = next.substr(5);
            pendingAnimate_ = false;
        }
        return;
    }

    GridMove move{};
    bool moved = false;
    if (pressed(ImGuiKey_LeftArrow))
        move = GridMove::Left, moved = true;
    else if (pressed(ImGuiKey_RightArrow))
        move = GridMove::Right, moved = true;
    else if (pressed(ImGuiKey_UpArrow))
        move = GridMove::Up, moved = true;
    else if (pressed(ImGuiKey_DownArrow))
        move = GridMove::Down, moved = true;
    else if (pressed(ImGuiKey_Home))
        move = GridMove::Home, moved = true;
    else if (pressed(ImGuiKey_End))
        move = GridMove::End, moved = true;
    if (moved && nav_.menuOpen && (move == GridMove::Up || move == GridMove::Down)) {
        // Arrows walk the open section menu.
        std::string cur = startsWith(focus_, "nav:") ? focus_ : std::string();
        size_t idx = 0;
        for (size_t i = 0; i < navEntries_.size(); ++i)
            if (navEntries_[i].controlId == cur) idx = i + (move == GridMove::Down ? 1 : 0);
        if (!cur.empty() && move == GridMove::Up && idx > 0) --idx;
        idx = std::min(idx, navEntries_.empty() ? 0 : navEntries_.size() - 1);
        if (!navEntries_.empty()) setFocus(navEntries_[idx].controlId, true);
        return;
    }
    if (moved && !cards_.empty()) {
        std::vector<int> counts;
        for (const SectionBox& s : sections_) counts.push_back(static_cast<int>(s.cardCount));
        int next = cardIndex(focusedCard());
        if (next >= 0) {
            next = moveGridFocus(counts, columns_, next, move);
        } else {
            // First arrow press: focus the open card, else the first card in view.
            next = cardIndex(openCard_);
            for (size_t i = 0; i < cards_.size() && next < 0; ++i)
                if (cards_[i].pos.y + cards_[i].size.y > scroll_.position)
                    next = static_cast<int>(i);
        }
        if (next >= 0) {
            const CardBox& b = cards_[next];
            const std::string id = model_->doc.sections[b.section].items[b.item].id;
            setFocus("card:" + id, true);
            pendingCard_ = id;
            pendingAnimate_ = !ctx.reducedMotion;
        }
        return;
    }
    const float page = std::max(100.0f, (areaMax_.y - areaMin_.y) * 0.85f);
    if (pressed(ImGuiKey_PageDown)) addWheel(scroll_, page, maxScroll_, !ctx.reducedMotion);
    if (pressed(ImGuiKey_PageUp)) addWheel(scroll_, -page, maxScroll_, !ctx.reducedMotion);

    if (pressed(ImGuiKey_Enter, false) || pressed(ImGuiKey_KeypadEnter, false) ||
        pressed(ImGuiKey_Space, false)) {
        if (!focus_.empty()) {
            focusVisible_ = true;
            activate(ctx, focus_);
        }
        return;
    }
    if (pressed(ImGuiKey_Escape, false)) {
        if (nav_.menuOpen) {
            nav_.menuOpen = false;
            setFocus("nav-menu", true);
        } else if (!openCard_.empty()) {
            setFocus("card:" + openCard_, true);
            openCard_.clear();
        } else {
            focus_.clear();
        }
        return;
    }
    if (io.KeyCtrl && pressed(ImGuiKey_C, false)) {
        std::string card = focusedCard();
        if (card.empty() && (startsWith(focus_, "copy:") || startsWith(focus_, "close:")))
            card = openCard_;
        if (card.empty()) card = openCard_;
        if (!card.empty()) copyCard(ctx, card);
    }
}

void CardsView::activate(UiContext& ctx, const std::string& id) {
    if (startsWith(id, "sel:")) {
        activateSelectionTool(ctx, id);
    } else if (startsWith(id, "app:")) {
        ctx.activateTopBar = id; // the App's own buttons
    } else if (id == "search") {
        focus_ = "search";
    } else if (id == "prev" || id == "next") {
        search_.step(ctx.model.searchIndex, id == "next");
        goToCurrentMatch();
    } else if (id == "mode") {
        search_.hideNonMatching = !search_.hideNonMatching;
    } else if (id == "clear-search") {
        search_.setQuery("");
        setFocus("search", focusVisible_);
    } else if (id == "clear-tag") {
        ctx.announce("Tag filter cleared");
        tag_.clear();
        focus_.clear();
    } else if (id == "nav-menu") {
        nav_.menuOpen = !nav_.menuOpen;
    } else if (startsWith(id, "nav:")) {
        section_ = id.substr(4);
        pendingSection_ = section_;
        pendingAnimate_ = !ctx.reducedMotion;
        nav_.menuOpen = false;
    } else if (startsWith(id, "card:")) {
        const std::string item = id.substr(5);
        openCard_ = openCard_ == item ? std::string() : item;
        copiedCard_.clear();
        if (!openCard_.empty()) {
            pendingCard_ = openCard_;
            pendingAnimate_ = !ctx.reducedMotion;
            ctx.needWholeModel = true; // its tags and related cards
        }
    } else if (startsWith(id, "copy:")) {
        copyCard(ctx, id.substr(5));
    } else if (startsWith(id, "close:")) {
        setFocus("card:" + id.substr(6), focusVisible_);
        openCard_.clear();
    } else if (startsWith(id, "tag:")) {
        tag_ = id.substr(4);
        const TagDef* def = ctx.model.vocabulary.find(tag_);
        ctx.announce("Showing cards tagged " + (def ? def->label : tag_));
        if (!openCard_.empty()) {
            pendingCard_ = openCard_;
            pendingAnimate_ = false;
        }
    } else if (startsWith(id, "link:")) {
        const std::string target = id.substr(5);
        const Item* item = ctx.model.doc.findItem(target);
        if (!item) return;
        // A filter that hides the target gives way: the user asked for that card.
        const auto& tags = ctx.model.tags.tagsOf(target);
        if (!tag_.empty() && std::find(tags.begin(), tags.end(), tag_) == tags.end()) tag_.clear();
        search_.hideNonMatching = false;
        revealCard(target);
        setFocus("card:" + target, focusVisible_);
        flashStartMs_ = ctx.nowMs;
        ctx.announce("Opened " + item->title);
    }
}

CopyPayload CardsView::cardTextPayload(const Model& model, const std::string& itemId) {
    const Item* item = model.doc.findItem(itemId);
    if (!item) return {};
    return {item->title + "\n\n" + item->body.plain(), {}};
}

void CardsView::copyCard(UiContext& ctx, const std::string& itemId) {
    const Item* item = ctx.model.doc.findItem(itemId);
    if (!item) return;
    sendCopy(ctx.host, cardTextPayload(ctx.model, itemId));
    copiedCard_ = itemId;
    ctx.announce("Copied " + item->title);
}

void CardsView::searchTwinFocus(bool focused, unsigned serial) {
    if (focused) searchTwinSerial_ = serial;
    if (focused && focus_ != "search") setFocus("search", false);
    if (!focused && focus_ == "search") focus_.clear();
}

void CardsView::stepSearch(bool forward) {
    if (!model_) return;
    search_.step(model_->searchIndex, forward);
    goToCurrentMatch();
}

void CardsView::escapeSearch() {
    search_.field().expectLeave();
    search_.setQuery("");
    if (focus_ == "search") focus_.clear();
}

void CardsView::goToCurrentMatch() {
    MatchPosition pos;
    if (!model_ || !search_.currentPosition(model_->searchIndex, pos)) return;
    if (pos.card >= model_->searchIndex.cards.size()) return;
    const std::string& id = model_->searchIndex.cards[pos.card].itemId;
    const int idx = cardIndex(id);
    // A body match the collapsed card cuts off: open the card to show it.
    if (pos.field == MatchField::Body && idx >= 0 && cards_[idx].truncated && openCard_ != id)
        openCard_ = id;
    pendingCard_ = id;
    pendingAnimate_ = true;
}

void CardsView::revealCard(const std::string& id) {
    openCard_ = id;
    copiedCard_.clear();
    pendingCard_ = id;
    pendingAnimate_ = true;
    flashCard_ = id;
    flashStartMs_ = lastFrameMs_;
}

void CardsView::scrollToContentRange(float top, float bottom, bool animate) {
    const float viewH = areaMax_.y - areaMin_.y;
    const float margin = 16.0f;
    float target = scroll_.moving() && scroll_.mode == ScrollMotion::Mode::Smooth
                       ? scroll_.target
                       : scroll_.position;
    if (bottom - top + 2 * margin > viewH || top - margin < target)
        target = top - margin;
    else if (bottom + margin > target + viewH)
        target = bottom + margin - viewH;
    else
        return;
    target = clampScroll(target, maxScroll_);
    if (animate) {
        scroll_.target = target;
        scroll_.velocity = 0;
        scroll_.mode =
            target == scroll_.position ? ScrollMotion::Mode::Idle : ScrollMotion::Mode::Smooth;
    } else {
        jumpTo(scroll_, target, maxScroll_);
    }
}

void CardsView::processPendingScroll(const UiContext& ctx) {
    const bool animate = pendingAnimate_ && !ctx.reducedMotion;
    if (!pendingCard_.empty()) {
        const int idx = cardIndex(pendingCard_);
        if (idx >= 0) {
            const CardBox& b = cards_[idx];
            scrollToContentRange(b.pos.y, b.pos.y + b.size.y, animate);
        }
        pendingCard_.clear();
    }
    if (!pendingSection_.empty()) {
        for (const SectionBox& s : sections_)
            if (model_->doc.sections[s.section].id == pendingSection_) {
                const float target = clampScroll(s.y - 8, maxScroll_);
                if (animate)
                    addWheel(scroll_, target - scroll_.position, maxScroll_, true);
                else
                    jumpTo(scroll_, target, maxScroll_);
            }
        pendingSection_.clear();
    }
}

} // namespace rx::ui
