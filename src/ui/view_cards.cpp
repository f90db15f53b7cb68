// The cards view: drawing (top bar controls, the scroll area, cards, the open card's extras).
// Layout: view_cards_layout.cpp; keys, activation and scrolling: view_cards_input.cpp; DOM twins:
// view_cards_access.cpp; URL and state(): view_cards_state.cpp; selection: cards_selection.cpp.
#include "view_cards.h"
#include "view_cards_common.h"

#include "card_grid.h"

// The scrollbar's id: 1.90.1 has no public way to tell that the user drags a scrollbar.
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace rx::ui {
using namespace cards_detail;

CardOnScreen& CardsOnScreen::add(const std::string& id) {
    for (size_t i = 0; i < count_; ++i)
        if (entries_[i].id == id) return entries_[i].shown;
    if (count_ == entries_.size()) entries_.emplace_back();
    Entry& e = entries_[count_++];
    e.id.assign(id);
    e.shown = CardOnScreen();
    return e.shown;
}

const CardOnScreen* CardsOnScreen::find(const std::string& id) const {
    for (size_t i = 0; i < count_; ++i)
        if (entries_[i].id == id) return &entries_[i].shown;
    return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Drawing

void CardsView::drawTopBarControls(UiContext& ctx) {
    if (!ctx.model.loaded && ctx.model.doc.sections.empty()) return;
    // Room for the App's buttons drawn right-aligned on the same line (Copy link, theme).
    const float pad = ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
    const float reserve =
        ImGui::CalcTextSize("Copy link").x + ImGui::CalcTextSize("Light theme").x + 2 * pad + 16.0f;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = std::max(96.0f, std::min(440.0f, avail - reserve));
    const bool keepActive = focus_ == "search" && !twinTyping_;
    const bool activeBefore = search_.fieldActive();
    const SearchBar::FieldEvents ev = search_.drawField(ctx, keepActive, width);
    // The field has this frame's keys while it is the focus and was active before drawing (its
    // Enter/Esc are not the view's too) or became active now (a focus request ImGui completes a
    // frame late: the Tab that follows must still leave it). A field activated after the focus
    // moved on does not take the keys; drawField lets it go.
    searchHadKeys_ = keepActive && (activeBefore || search_.fieldActive());
    if (ev.activated) setFocus("search", false);
    if (twinTyping_ && focus_ == "search")
        drawFocusRing(ImGui::GetWindowDrawList(), search_.fieldMin(), search_.fieldMax(),
                      ctx.theme.colors().focus, ImGui::GetStyle().FrameRounding);
    AccessNode field("search", AccessRole::SearchBox, "Search cards", kAccessFocusable);
    field.value = search_.query();
    field.description = "Slash or Ctrl+K; Enter and Shift+Enter step through the matches";
    field.at(search_.fieldMin().x, search_.fieldMin().y,
             search_.fieldMax().x - search_.fieldMin().x,
             search_.fieldMax().y - search_.fieldMin().y);
    ctx.access->add(std::move(field));
    if (ev.escape || (ev.deactivated && focus_ == "search")) focus_.clear();
    if (ev.enter || ev.shiftEnter) {
        search_.step(ctx.model.searchIndex, ev.enter);
        goToCurrentMatch();
    }
}

void CardsView::draw(UiContext& ctx) {
    bindModel(ctx.model);
    const Theme& theme = ctx.theme;
    const Colors& c = theme.colors();
    const ImGuiIO& io = ImGui::GetIO();
    // Announced once per query, when its search is complete ("No cards match" too: silence would
    // leave the last query's count as the latest word).
    if (search_.refresh(ctx.model.searchIndex) && search_.searching() && search_.complete() &&
        announcedQuery_ != search_.queryVersion()) {
        announcedQuery_ = search_.queryVersion();
        ctx.announce(search_.countText());
    }

    // Time step for scroll motion: a motion that starts now gets one nominal frame.
    const bool wasMoving = scroll_.moving();
    const double dt = lastFrameMs_ > 0 ? ctx.nowMs - lastFrameMs_ : 16.0;
    lastFrameMs_ = ctx.nowMs;

    const bool overUi = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows |
                                               ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    const ImVec2 dragMax(areaMax_.x - ImGui::GetStyle().ScrollbarSize, areaMax_.y);
    selectionBeforePointer(ctx, overUi, dragMax);
    // Over the open section dropdown (a phone's), the wheel and a drag scroll its list, not the
    // cards below: for the pointer there is no card area there.
    const bool overDropdown = nav_.overDropdown(io.MousePos) ||
                              (io.MouseDown[0] && nav_.overDropdown(io.MouseClickedPos[0]));
    pointer_.update(overUi && !ctx.pointerBlocked, overDropdown ? ImVec2() : areaMin_,
                    overDropdown ? ImVec2() : dragMax, ctx.nowMs, scroll_, maxScroll_,
                    ctx.reducedMotion, selecting_, ctx.releaseVelocity);
    if (pointer_.pressedThisFrame()) {
        focusSerialAtPress_ = focusSerial_;
        pressInputSerial_ = ctx.pressSerial;
    }
    selectionAfterPointer(ctx);
    if (!ctx.menuOpen) handleKeys(ctx);
    controls_.beginFrame();
    // Tab order starts in the top bar: the App's buttons and the search field.
    for (const UiContext::TopBarStop& stop : ctx.topBarStops) controls_.addFocusOnly(stop.id);
    if (scroll_.moving())
        stepScroll(scroll_, wasMoving ? static_cast<float>(dt) : 16.0f, maxScroll_);

    // Status row (search counts, tag filter), then the nav and the card area.
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    std::string tagLabel;
    if (!tag_.empty()) {
        const TagDef* def = ctx.model.vocabulary.find(tag_);
        tagLabel = def ? def->label : tag_;
    }
    // Layout first (cheap unless something changed), so the nav counts of this frame are current.
    wide_ = avail.x >= kWideLayout;
    const bool hasNav = !ctx.model.doc.sections.empty();
    const float scrollbarW = ImGui::GetStyle().ScrollbarSize;
    const float areaWidth = avail.x - (hasNav && wide_ ? kSidebarWidth + 24 : 0.0f);
    const float innerW = std::max(200.0f, areaWidth - scrollbarW - 8);
    const unsigned generationBefore = layoutGeneration_;
    ensureLayout(ctx, innerW);
    // A filter that hides the selected text takes the selection in this frame, not the next.
    if (layoutGeneration_ != generationBefore) resolveSelection();
    ensureNavCounts();
    hasCurrentMatch_ = search_.currentPosition(ctx.model.searchIndex, currentMatch_);
    const float statusH = search_.drawStatus(ctx, controls_, pointer_, origin, avail.x, tagLabel,
                                             focus_, focusVisible_);
    float top = origin.y + statusH;
    SectionNav::Frame navFrame;
    navFrame.entries = &navEntries_;
    navFrame.current = currentSection_;
    navFrame.focus = focus_;
    navFrame.focusVisible = focusVisible_;
    navFrame.filtered = navFiltered();
    navFrame.entriesVersion = layoutGeneration_;
    float areaLeft = origin.x;
    if (hasNav) {
        if (wide_) {
            nav_.drawSidebar(ctx, controls_, pointer_, ImVec2(origin.x, top), kSidebarWidth,
                             origin.y + avail.y - top, navFrame);
            areaLeft += kSidebarWidth + 24;
        } else {
            top +=
                nav_.drawBar(ctx, controls_, pointer_, ImVec2(origin.x, top), avail.x, navFrame) +
                8;
        }
    }
    areaMin_ = ImVec2(areaLeft, top);
    areaMax_ = ImVec2(origin.x + avail.x, origin.y + avail.y);
    const float areaW = areaMax_.x - areaMin_.x;
    const float areaH = std::max(0.0f, areaMax_.y - areaMin_.y);
    maxScroll_ = std::max(0.0f, contentH_ - areaH);
    processPendingScroll(ctx);
    if (!scroll_.moving()) scroll_.position = clampScroll(scroll_.position, maxScroll_);

    // The scroll area: ImGui draws the scrollbar; the view owns the offset.
    ImGui::SetCursorScreenPos(areaMin_);
    ImGui::SetNextWindowScroll(ImVec2(0.0f, scroll_.position));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("cards", ImVec2(areaW, areaH), false,
                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNavInputs |
                          ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_AlwaysVerticalScrollbar);
    ImGui::PopStyleVar();
    {
        ImGuiWindow* window = ImGui::GetCurrentWindow();
        if (ImGui::GetActiveID() == ImGui::GetWindowScrollbarID(window, ImGuiAxis_Y))
            jumpTo(scroll_, window->Scroll.y, maxScroll_); // the user drags the scrollbar
    }
    ImGui::SetCursorPos(ImVec2(0, 0));
    ImGui::Dummy(ImVec2(innerW, contentH_));

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float gridLeft = areaMin_.x + std::floor((innerW - gridWidth_) * 0.5f);
    const ImVec2 gridOrigin(gridLeft, areaMin_.y - scroll_.position);
    const float viewTop = scroll_.position, viewBottom = scroll_.position + areaH;

    resolveSelection();
    layer_.clear();
    layerScroll_ = scroll_.position;
    for (const PlacedProse& t : prose_) {
        if (t.y > viewBottom || t.y + 200 < viewTop) continue;
        RichTextStyle st = bodyStyle(theme, 0);
        st.size = t.size;
        if (t.muted) st.color = c.textMuted;
        const RichTextSelection sel = selectionFor(t.block);
        drawRichText(dl, ImVec2(gridOrigin.x + t.x, gridOrigin.y + t.y), t.width, *t.text, st, {},
                     &sel);
    }
    const Fonts& f = theme.fonts();
    for (const SectionBox& s : sections_) {
        if (s.y > viewBottom || s.y + 40 < viewTop) continue;
        const Section& section = ctx.model.doc.sections[s.section];
        const ImVec2 at(gridOrigin.x, gridOrigin.y + s.y);
        dl->AddText(f.heading, 24.0f, at, c.text, section.title.c_str());
        const float tw = f.heading->CalcTextSizeA(24.0f, 1e9f, 0.0f, section.title.c_str()).x;
        const std::string count =
            std::to_string(s.cardCount) + (s.cardCount == 1 ? " card" : " cards");
        if (tw + 100 < gridWidth_)
            dl->AddText(f.small, 14.0f, ImVec2(at.x + tw + 12, at.y + 8), c.textMuted,
                        count.c_str());
    }

    onScreen_.clear();
    chooseTreeWindow(viewTop, viewBottom);
    forEachCardInWindow([&](size_t k) {
        const CardBox& box = cards_[k];
        const Item& item = ctx.model.doc.sections[box.section].items[box.item];
        const ImVec2 min(gridOrigin.x + box.pos.x, gridOrigin.y + box.pos.y);
        const ImVec2 max(min.x + box.size.x, min.y + box.size.y);
        const std::string id = "card:" + item.id;
        const bool visible = max.y > areaMin_.y && min.y < areaMax_.y && areaH > 0;
        if (!visible) {
            controls_.addFocusOnly(id);
            if (item.id == openCard_) { // keep its buttons in the Tab order
                controls_.addFocusOnly("copy:" + item.id);
                controls_.addFocusOnly("close:" + item.id);
            }
            return;
        }
        CardOnScreen& shown = onScreen_.add(item.id);
        shown.visible = true;
        shown.rect = ImVec4(min.x, min.y, box.size.x, box.size.y);
        controls_.addClipped(id, min, max, areaMin_, dragMax);
        drawCard(ctx, dl, box, gridOrigin);
    });
    drawSelectionChrome(ctx, dl);
    if (cards_.empty()) {
        const char* msg = "No cards to show. Clear the search or the tag filter.";
        dl->AddText(f.body, 16.0f, ImVec2(gridOrigin.x, areaMin_.y + 24), c.textMuted, msg);
    }
    ImGui::EndChild();
    nav_.drawDropdown(ctx, controls_, pointer_, navFrame);
    if (nav_.dropdownDragging()) pointer_.suppressClick(); // a drag of the list picks nothing

    // Scroll-spy: the last section whose heading is above the top quarter of the area.
    currentSection_.clear();
    for (const SectionBox& s : sections_) {
        if (s.y <= scroll_.position + std::min(120.0f, areaH * 0.25f) || currentSection_.empty())
            currentSection_ = ctx.model.doc.sections[s.section].id;
    }
    if (!sections_.empty() && maxScroll_ > 0 && scroll_.position >= maxScroll_ - 1)
        currentSection_ = ctx.model.doc.sections[sections_.back().section].id;

    // Clicks resolve against this frame's controls (topmost first).
    const std::string clicked = pointer_.resolveClick(controls_);
    if (!clicked.empty()) {
        if (clicked == "#background") {
            nav_.menuOpen = false;
            if (!openCard_.empty()) openCard_.clear();
            // A click that took frames to resolve does not undo a focus the keyboard (or a
            // search twin, which a press on the canvas blurs at once) set after its press.
            const bool movedSincePress = focusSerial_ != focusSerialAtPress_;
            if (!movedSincePress && !(focus_ == "search" && search_.field().twinFocused()))
                focus_.clear();
        } else if (clicked == "#outside") {
            nav_.menuOpen = false;
        } else if (clicked == "card:" + openCard_ && pressOnText_) {
            setFocus(clicked, false); // a click in an open card's text only places the caret
        } else if (clicked != "#blocked") {
            const bool searchTookKeysSincePress =
                focus_ == "search" && search_.field().twinFocused() && pressInputSerial_ != 0 &&
                searchTwinSerial_ > pressInputSerial_;
            if (!searchTookKeysSincePress) setFocus(clicked, false);
            activate(ctx, clicked);
        }
    }
    if (overUi && !ctx.touch && (selecting_ || !pointer_.dragging())) {
        const std::string hover = controls_.hitAt(io.MousePos);
        const bool onText = contains(areaMin_, dragMax, io.MousePos) &&
                            layer_.hitExact(io.MousePos.x, io.MousePos.y).valid();
        if (selecting_ || (onText && (hover.empty() || startsWith(hover, "card:"))))
            ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
        else if (!hover.empty() && hover[0] != '#')
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }

    addAccessNodes(ctx, gridOrigin);

    const bool flashing =
        !flashCard_.empty() && !ctx.reducedMotion && ctx.nowMs - flashStartMs_ < kFlashMs;
    if (!flashing) flashCard_.clear();
    // A search still testing cards needs the next frames even when no input comes; one that
    // only waits to count its matches needs one frame, when the wait is over.
    const bool searchPending =
        search_.searching() && !search_.complete() && !search_.waitingToCount();
    if (search_.waitingToCount() && countWakeFor_ != search_.queryVersion()) {
        countWakeFor_ = search_.queryVersion();
        ctx.host.call("wake-in",
                      nlohmann::json{{"ms", static_cast<int>(search_.countWaitMs()) + 5}}.dump());
    }
    if (scroll_.moving() || flashing || searchPending) ctx.animating = true;
    searchHadKeys_ = false;
    const std::string focusedNow = focusedCard().empty() ? openCard_ : focusedCard();
    if (focusedNow != reportedFocus_) {
        reportedFocus_ = focusedNow;
        ctx.host.call("focus", nlohmann::json{{"card", focusedNow}}.dump());
    }
}

void CardsView::drawCard(const UiContext& ctx, ImDrawList* dl, const CardBox& box, ImVec2 origin) {
    const Theme& theme = ctx.theme;
    const Colors& c = theme.colors();
    const Item& item = ctx.model.doc.sections[box.section].items[box.item];
    const bool open = item.id == openCard_;
    const ImVec2 min(origin.x + box.pos.x, origin.y + box.pos.y);
    const ImVec2 max(min.x + box.size.x, min.y + box.size.y);
    const bool dim = dimmedBySearch(box.searchCard);
    const float alpha = dim ? 0.45f : 1.0f;
    const bool hovered = pointer_.hovering(min, max) && !open;

    dl->AddRectFilled(min, max, fade(hovered ? c.surfaceHover : c.surface, alpha), 12.0f);
    dl->AddRect(min, max, fade(open ? c.accent : c.border, alpha), 12.0f, 0, open ? 2.0f : 1.0f);

    // Highlights only for the cards drawn: their ranges are found now, not kept for every card.
    const MatchPosition* cur =
        hasCurrentMatch_ && static_cast<int>(currentMatch_.card) == box.searchCard ? &currentMatch_
                                                                                   : nullptr;
    std::vector<Highlight> titleHl, bodyHl;
    if (search_.searching() && box.searchCard >= 0 &&
        search_.result().matched(static_cast<size_t>(box.searchCard))) {
        const CardMatches m =
            search_.result().rangesOf(ctx.model.searchIndex, static_cast<size_t>(box.searchCard));
        titleHl = toUi(m.title, cur, MatchField::Title);
        bodyHl = toUi(m.body, cur, MatchField::Body);
    }

    const float textW = box.size.x - 2 * kCardPadding;
    ImVec2 at(min.x + kCardPadding, min.y + kCardPadding);
    RichTextStyle ts = titleStyle(theme);
    ts.color = fade(ts.color, dim ? 0.6f : 1.0f);
    const RichTextSelection titleSel = selectionFor(box.titleBlock);
    drawRichText(dl, at, textW, box.title, ts, titleHl, &titleSel);
    at.y += box.titleH + 8;
    RichTextStyle bs = bodyStyle(theme, open ? 0 : kCollapsedBodyLines);
    bs.color = fade(bs.color, dim ? 0.6f : 1.0f);
    dl->PushClipRect(min, max, true);
    const RichTextSelection bodySel = selectionFor(box.bodyBlock);
    const RichTextLayout body = drawRichText(dl, at, textW, item.body, bs, bodyHl, &bodySel);
    const float bodyH = body.height;
    dl->PopClipRect();
    if (body.truncated) {
        CardOnScreen& shown = onScreen_.add(item.id);
        shown.cut = true;
        shown.cutEdges =
            ImVec4(body.lastWordRight, body.ellipsisLeft, body.ellipsisRight, at.x + textW);
    }
    if (open) drawOpenExtras(ctx, dl, ImVec2(at.x, at.y + bodyH), textW, item);

    if (flashCard_ == item.id) {
        const float t = static_cast<float>((ctx.nowMs - flashStartMs_) / kFlashMs);
        const float pulse = 1.0f - std::clamp(t, 0.0f, 1.0f);
        dl->AddRect(ImVec2(min.x - 4, min.y - 4), ImVec2(max.x + 4, max.y + 4),
                    fade(c.accent, pulse), 15.0f, 0, 4.0f);
    }
    if (focusVisible_ && focus_ == "card:" + item.id) drawFocusRing(dl, min, max, c.focus, 12.0f);
}

float CardsView::drawOpenExtras(const UiContext& ctx, ImDrawList* dl, ImVec2 pos, float width,
                                const Item& item) {
    const Theme& theme = ctx.theme;
    const Colors& c = theme.colors();
    const Fonts& f = theme.fonts();
    float y = pos.y + 14;
    float x = pos.x;
    float rowH = 0;
    const auto newRow = [&](float gap) {
        if (rowH > 0) y += rowH + gap;
        x = pos.x;
        rowH = 0;
    };
    // A chip that wraps to the next row when it does not fit; returns its rect.
    const auto place = [&](const std::string& id, const std::string& label, const ChipStyle& st) {
        ImVec2 size = chipSize(st, label);
        size.x = std::min(size.x, width);
        if (x > pos.x && x + size.x > pos.x + width) {
            y += rowH + 6;
            x = pos.x;
            rowH = 0;
        }
        const ImVec2 at(x, y), end(x + size.x, y + size.y);
        x += size.x + 6;
        rowH = std::max(rowH, size.y);
        if (dl) {
            drawChip(dl, at, size, label, st, pointer_.hovering(at, end));
            if (focusVisible_ && focus_ == id) drawFocusRing(dl, at, end, c.focus, size.y * 0.5f);
            controls_.addClipped(id, at, end, areaMin_, areaMax_);
        }
    };
    const auto label = [&](const char* text) {
        newRow(10);
        if (dl) dl->AddText(f.smallBold, 13.0f, ImVec2(pos.x, y), c.textMuted, text);
        y += 20;
    };

    ChipStyle tag;
    tag.font = f.small;
    tag.bg = c.tagBg;
    tag.bgHover = c.surfaceHover;
    tag.text = c.text;
    const auto& tags = ctx.model.tags.tagsOf(item.id);
    if (!tags.empty()) {
        label("TAGS");
        for (const std::string& t : tags) {
            const TagDef* def = ctx.model.vocabulary.find(t);
            place("tag:" + t, "# " + (def ? def->label : t), tag);
        }
    }
    const auto& related = ctx.model.tags.related(item.id);
    if (!related.empty()) {
        label("RELATED");
        ChipStyle link = tag;
        link.bg = c.surface;
        link.border = c.accent;
        link.text = c.text;
        for (const std::string& r : related) {
            const Item* target = ctx.model.doc.findItem(r);
            place("link:" + r, target ? target->title : r, link);
        }
    }
    newRow(16);
    ChipStyle button;
    button.font = f.smallBold;
    button.bg = c.accent;
    button.bgHover = c.accent;
    button.text = c.accentText;
    place("copy:" + item.id, copiedCard_ == item.id ? "Copied" : "Copy text", button);
    ChipStyle close = tag;
    close.bg = c.surface;
    close.border = c.border;
    place("close:" + item.id, "Close  (Esc)", close);
    newRow(0);
    return y - pos.y;
}

} // namespace rx::ui
