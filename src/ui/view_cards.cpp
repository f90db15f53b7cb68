#include "view_cards.h"

#include "card_grid.h"
#include "rich_text.h"

// ClearActiveID and the scrollbar's id: 1.90.1 has no public way to deactivate a widget or to
// tell that the user drags a scrollbar.
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace rx::ui {
namespace {

constexpr float kMaxGridWidth = 1120.0f; // three columns of about 360 px: comfortable lines
constexpr float kMaxReadWidth = 720.0f;  // intro and closing paragraphs
constexpr float kMinCardWidth = 300.0f;
constexpr float kGap = 16.0f;
constexpr float kCardPadding = 18.0f;
constexpr int kCollapsedBodyLines = 3;
constexpr float kSidebarWidth = 230.0f;
constexpr float kWideLayout = 980.0f; // below this the sidebar becomes a one-line bar
constexpr double kFlashMs = 1200.0;

ImU32 fade(ImU32 color, float alpha) {
    const ImU32 a = static_cast<ImU32>(((color >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
    return (color & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

RichTextStyle bodyStyle(const Theme& theme, int maxLines) {
    RichTextStyle st;
    st.regular = theme.fonts().body;
    st.bold = theme.fonts().bold;
    st.size = 16.0f;
    st.lineHeight = 1.5f;
    st.color = theme.colors().text;
    st.highlight = theme.colors().highlight;
    st.highlightCurrent = theme.colors().highlightCurrent;
    st.codeBg = theme.colors().codeBg;
    st.maxLines = maxLines;
    return st;
}

RichTextStyle titleStyle(const Theme& theme) {
    RichTextStyle st = bodyStyle(theme, 0);
    st.regular = theme.fonts().bold;
    st.size = 18.0f;
    st.lineHeight = 1.3f;
    return st;
}

RichText plainRich(const std::string& s) {
    RichText t;
    t.runs.push_back(Run{s, kPlain});
    return t;
}

std::vector<ByteRange> toUi(const std::vector<rx::ByteRange>& ranges, const MatchPosition* cur,
                            MatchField field) {
    std::vector<ByteRange> out;
    out.reserve(ranges.size());
    for (const rx::ByteRange& r : ranges) {
        ByteRange u{r.begin, r.end, false};
        u.current = cur && cur->field == field && cur->range == r;
        out.push_back(u);
    }
    return out;
}

bool startsWith(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Model binding and layout

void CardsView::bindModel(const Model& model) {
    if (model_ == &model && !searchCardOf_.empty()) return;
    model_ = &model;
    searchCardOf_.assign(model.doc.sections.size(), {});
    for (size_t s = 0; s < model.doc.sections.size(); ++s)
        searchCardOf_[s].assign(model.doc.sections[s].items.size(), -1);
    for (size_t i = 0; i < model.searchIndex.cards.size(); ++i) {
        const IndexedCard& c = model.searchIndex.cards[i];
        if (c.section < searchCardOf_.size() && c.item < searchCardOf_[c.section].size())
            searchCardOf_[c.section][c.item] = static_cast<int>(i);
    }
}

bool CardsView::matchesSearch(int searchCard) const {
    if (!search_.searching()) return true;
    const auto& cards = search_.result().cards;
    return searchCard >= 0 && static_cast<size_t>(searchCard) < cards.size() &&
           cards[static_cast<size_t>(searchCard)].matched;
}

bool CardsView::shownByFilter(size_t section, size_t item, int searchCard) const {
    const Item& it = model_->doc.sections[section].items[item];
    if (!tag_.empty()) {
        const auto& tags = model_->tags.tagsOf(it.id);
        if (std::find(tags.begin(), tags.end(), tag_) == tags.end()) return false;
    }
    if (search_.hideNonMatching && search_.searching()) {
        const auto& cards = search_.result().cards;
        if (searchCard < 0 || static_cast<size_t>(searchCard) >= cards.size() ||
            !cards[searchCard].matched)
            return false;
    }
    return true;
}

void CardsView::ensureLayout(const UiContext& ctx, float width) {
    LayoutKey key;
    key.width = width;
    key.open = openCard_;
    key.tag = tag_;
    key.hide = search_.hideNonMatching && search_.searching();
    key.searchVersion = search_.version();
    key.font = ctx.theme.fonts().body;
    key.dpr = ctx.theme.pixelRatio();
    if (key == key_) return;
    key_ = key;

    const Theme& theme = ctx.theme;
    const Document& doc = model_->doc;
    const bool filtered = !tag_.empty() || key.hide;
    cards_.clear();
    sections_.clear();
    texts_.clear();
    navEntries_.clear();
    blocks_.clear();

    gridWidth_ = std::min(width, kMaxGridWidth);
    columns_ =
        std::max(1, std::min(3, static_cast<int>((gridWidth_ + kGap) / (kMinCardWidth + kGap))));
    const float cardW = std::floor((gridWidth_ - kGap * (columns_ - 1)) / columns_);
    const float textW = cardW - 2 * kCardPadding;
    const float readW = std::min(gridWidth_, kMaxReadWidth);
    const auto& matches = search_.result().cards;

    float y = 12;
    const auto addText = [&](const RichText& text, bool muted, float size, float after,
                             std::string blockId) {
        RichTextStyle st = bodyStyle(theme, 0);
        st.size = size;
        const float h = drawRichText(nullptr, ImVec2(), readW, text, st).height;
        const int block = blocks_.add(std::move(blockId), text.plain());
        texts_.push_back({&text, y, 0, readW, muted, size, block});
        y += h + after;
    };
    if (!filtered)
        for (size_t i = 0; i < doc.intro.size(); ++i)
            addText(doc.intro[i], false, 18.0f, 12, "intro:" + std::to_string(i));

    for (size_t s = 0; s < doc.sections.size(); ++s) {
        const Section& section = doc.sections[s];
        std::vector<size_t> shown;
        for (size_t i = 0; i < section.items.size(); ++i)
            if (shownByFilter(s, i, searchCardOf_[s][i])) shown.push_back(i);
        // The nav counts what the reader is looking for: while searching, the matching cards
        // (dimmed cards are on screen but are not results).
        int counted = 0;
        for (const size_t i : shown) counted += matchesSearch(searchCardOf_[s][i]) ? 1 : 0;
        navEntries_.push_back(
            {section.id, section.title, counted, static_cast<int>(section.items.size())});
        if (filtered && shown.empty()) continue;

        y += 20;
        SectionBox box;
        box.section = s;
        box.y = y;
        box.firstCard = cards_.size();
        y += 24.0f * 1.3f + 10;
        if (!filtered)
            for (size_t i = 0; i < section.lead.size(); ++i)
                addText(section.lead[i], false, 16.0f, 10,
                        "lead:" + section.id + ":" + std::to_string(i));

        for (size_t row = 0; row < shown.size(); row += columns_) {
            const size_t rowEnd = std::min(shown.size(), row + columns_);
            float collapsedH = 0;
            const size_t first = cards_.size();
            for (size_t k = row; k < rowEnd; ++k) {
                const Item& item = section.items[shown[k]];
                CardBox card;
                card.section = s;
                card.item = shown[k];
                card.searchCard = searchCardOf_[s][shown[k]];
                card.title = plainRich(item.title);
                card.titleBlock = blocks_.add("title:" + item.id, item.title, item.id);
                card.bodyBlock = blocks_.add("body:" + item.id, item.body.plain(), item.id);
                card.matches = !search_.searching() ||
                               (card.searchCard >= 0 &&
                                static_cast<size_t>(card.searchCard) < matches.size() &&
                                matches[card.searchCard].matched);
                card.titleH =
                    drawRichText(nullptr, ImVec2(), textW, card.title, titleStyle(theme)).height;
                const RichTextLayout collapsed = drawRichText(
                    nullptr, ImVec2(), textW, item.body, bodyStyle(theme, kCollapsedBodyLines));
                card.truncated = collapsed.truncated;
                float h = 2 * kCardPadding + card.titleH + 8 + collapsed.height;
                if (openCard_ == item.id) {
                    const float full =
                        drawRichText(nullptr, ImVec2(), textW, item.body, bodyStyle(theme, 0))
                            .height;
                    h += full - collapsed.height +
                         drawOpenExtras(ctx, nullptr, ImVec2(), textW, item);
                } else {
                    collapsedH = std::max(collapsedH, h);
                }
                card.pos = ImVec2((k - row) * (cardW + kGap), y);
                card.size = ImVec2(cardW, h);
                cards_.push_back(std::move(card));
            }
            // Collapsed cards of a row share the tallest one's height; the open card grows.
            float rowH = collapsedH;
            for (size_t k = first; k < cards_.size(); ++k) {
                const bool open = doc.sections[s].items[cards_[k].item].id == openCard_;
                if (!open) cards_[k].size.y = collapsedH;
                rowH = std::max(rowH, cards_[k].size.y);
            }
            y += rowH + kGap;
        }
        box.cardCount = cards_.size() - box.firstCard;
        sections_.push_back(box);
    }
    if (!filtered) {
        y += 8;
        for (size_t i = 0; i < doc.closing.size(); ++i)
            addText(doc.closing[i], true, 16.0f, 12, "closing:" + std::to_string(i));
    }
    contentH_ = y + 40;
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
    field.at(search_.fieldMin().x, search_.fieldMin().y, search_.fieldMax().x - search_.fieldMin().x,
             search_.fieldMax().y - search_.fieldMin().y);
    ctx.access->add(std::move(field));
    if (ev.escape || (ev.deactivated && focus_ == "search")) focus_.clear();
    if (ev.enter || ev.shiftEnter) {
        search_.refresh(ctx.model.searchIndex);
        search_.step(ev.enter);
        goToCurrentMatch();
    }
}

void CardsView::draw(UiContext& ctx) {
    bindModel(ctx.model);
    const Theme& theme = ctx.theme;
    const Colors& c = theme.colors();
    const ImGuiIO& io = ImGui::GetIO();
    if (search_.refresh(ctx.model.searchIndex) && search_.searching() &&
        search_.result().matches > 0)
        ctx.announce(search_.countText());

    // Time step for scroll motion: a motion that starts now gets one nominal frame.
    const bool wasMoving = scroll_.moving();
    const double dt = lastFrameMs_ > 0 ? ctx.nowMs - lastFrameMs_ : 16.0;
    lastFrameMs_ = ctx.nowMs;

    const bool overUi = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows |
                                               ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    const ImVec2 dragMax(areaMax_.x - ImGui::GetStyle().ScrollbarSize, areaMax_.y);
    selectionBeforePointer(ctx, overUi, dragMax);
    pointer_.update(overUi && !ctx.pointerBlocked, areaMin_, dragMax, ctx.nowMs, scroll_,
                    maxScroll_, ctx.reducedMotion, selecting_);
    if (pointer_.pressedThisFrame()) focusSerialAtPress_ = focusSerial_;
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
    ensureLayout(ctx, innerW);
    const float statusH = search_.drawStatus(ctx, controls_, pointer_, origin, avail.x, tagLabel,
                                             focus_, focusVisible_);
    float top = origin.y + statusH;
    SectionNav::Frame navFrame;
    navFrame.entries = &navEntries_;
    navFrame.current = currentSection_;
    navFrame.focus = focus_;
    navFrame.focusVisible = focusVisible_;
    navFrame.filtered = navFiltered();
    float areaLeft = origin.x;
    if (hasNav) {
        if (wide_) {
            nav_.drawSidebar(ctx, controls_, pointer_, ImVec2(origin.x, top), kSidebarWidth,
                             navFrame);
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
    for (const TextBlock& t : texts_) {
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
    for (const CardBox& box : cards_) {
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
            continue;
        }
        CardOnScreen& shown = onScreen_[item.id];
        shown.visible = true;
        shown.rect = ImVec4(min.x, min.y, box.size.x, box.size.y);
        controls_.addClipped(id, min, max, areaMin_, dragMax);
        drawCard(ctx, dl, box, gridOrigin);
    }
    drawSelectionChrome(ctx, dl);
    if (cards_.empty()) {
        const char* msg = "No cards to show. Clear the search or the tag filter.";
        dl->AddText(f.body, 16.0f, ImVec2(gridOrigin.x, areaMin_.y + 24), c.textMuted, msg);
    }
    ImGui::EndChild();
    nav_.drawDropdown(ctx, controls_, pointer_, navFrame);

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
            setFocus(clicked, false);
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
    if (scroll_.moving() || flashing) ctx.animating = true;
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
    const bool dim = search_.searching() && !box.matches;
    const float alpha = dim ? 0.45f : 1.0f;
    const bool hovered = pointer_.hovering(min, max) && !open;

    dl->AddRectFilled(min, max, fade(hovered ? c.surfaceHover : c.surface, alpha), 12.0f);
    dl->AddRect(min, max, fade(open ? c.accent : c.border, alpha), 12.0f, 0, open ? 2.0f : 1.0f);

    const SearchResult& result = search_.result();
    const MatchPosition* cur = nullptr;
    if (search_.current() >= 0 && static_cast<size_t>(search_.current()) < result.positions.size())
        cur = &result.positions[search_.current()];
    if (cur && static_cast<int>(cur->card) != box.searchCard) cur = nullptr;
    std::vector<ByteRange> titleHl, bodyHl;
    if (box.matches && search_.searching() && box.searchCard >= 0 &&
        static_cast<size_t>(box.searchCard) < result.cards.size()) {
        titleHl = toUi(result.cards[box.searchCard].title, cur, MatchField::Title);
        bodyHl = toUi(result.cards[box.searchCard].body, cur, MatchField::Body);
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
        CardOnScreen& shown = onScreen_[item.id];
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

// ---------------------------------------------------------------------------------------------
// Input

void CardsView::setFocus(const std::string& id, bool visible) {
    ++focusSerial_;
    focus_ = id;
    focusVisible_ = visible;
    twinTyping_ = false;
}

// ---------------------------------------------------------------------------------------------
// DOM twins (issue 20)

void CardsView::takeAccessRequests(UiContext& ctx) {
    for (const UiContext::AccessRequest& r : ctx.accessRequests) {
        if (r.id == "search") {
            if (r.action == "set") search_.setQuery(r.value);
            if (r.action == "submit" || r.action == "submit-back") {
                search_.refresh(ctx.model.searchIndex);
                search_.step(r.action == "submit");
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
            if (search_.result().matches > 0) {
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
    for (const SectionBox& s : sections_) {
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
            const CardBox& box = cards_[k];
            const Item& item = section.items[box.item];
            const bool open = item.id == openCard_;
            AccessNode card("card:" + item.id, AccessRole::Button, item.title,
                            kAccessFocusable | kAccessExpandable | (open ? kAccessExpanded : 0));
            card.at(gridOrigin.x + box.pos.x, gridOrigin.y + box.pos.y, box.size.x, box.size.y);
            const auto on = onScreen_.find(item.id);
            if (on == onScreen_.end() || !on->second.visible) card.state |= kAccessOffscreen;
            if (search_.searching() && !box.matches) card.description = "not a search match";
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
                for (const std::string& r : related) {
                    const Item* target = doc.findItem(r);
                    addControlNode(t, "link:" + r, AccessRole::Link, target ? target->title : r);
                }
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
            if ("nav:" + navEntries_[i].id == cur) idx = i + (move == GridMove::Down ? 1 : 0);
        if (!cur.empty() && move == GridMove::Up && idx > 0) --idx;
        idx = std::min(idx, navEntries_.empty() ? 0 : navEntries_.size() - 1);
        if (!navEntries_.empty()) setFocus("nav:" + navEntries_[idx].id, true);
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
        search_.step(id == "next");
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

void CardsView::copyCard(UiContext& ctx, const std::string& itemId) {
    const Item* item = ctx.model.doc.findItem(itemId);
    if (!item) return;
    ctx.host.call("copy",
                  nlohmann::json{{"text", item->title + "\n\n" + item->body.plain()}}.dump());
    copiedCard_ = itemId;
    ctx.announce("Copied " + item->title);
}

void CardsView::searchTwinFocus(bool focused) {
    if (focused && focus_ != "search") setFocus("search", false);
    if (!focused && focus_ == "search") focus_.clear();
}

void CardsView::stepSearch(bool forward) {
    if (!model_) return;
    search_.refresh(model_->searchIndex);
    search_.step(forward);
    goToCurrentMatch();
}

void CardsView::escapeSearch() {
    search_.field().expectLeave();
    search_.setQuery("");
    if (focus_ == "search") focus_.clear();
}

void CardsView::goToCurrentMatch() {
    const SearchResult& r = search_.result();
    if (search_.current() < 0 || !model_) return;
    const MatchPosition& pos = r.positions[search_.current()];
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

void CardsView::writeState(nlohmann::json& state) const {
    using nlohmann::json;
    json sections = json::array();
    if (model_) {
        const auto& matched = search_.result().cards;
        for (size_t s = 0; s < model_->doc.sections.size(); ++s) {
            const Section& section = model_->doc.sections[s];
            json cards = json::array();
            int shown = 0;
            for (size_t i = 0; i < section.items.size(); ++i) {
                const Item& item = section.items[i];
                const int sc = s < searchCardOf_.size() && i < searchCardOf_[s].size()
                                   ? searchCardOf_[s][i]
                                   : -1;
                const bool isShown = shownByFilter(s, i, sc);
                shown += isShown ? 1 : 0;
                const bool matches =
                    !search_.searching() ||
                    (sc >= 0 && static_cast<size_t>(sc) < matched.size() && matched[sc].matched);
                json card = {{"id", item.id},
                             {"title", item.title},
                             {"visible", false},
                             {"rect", nullptr},
                             {"shown", isShown},
                             {"matches", matches},
                             {"tags", model_->tags.tagsOf(item.id)},
                             {"links", model_->tags.related(item.id)}};
                const auto it = onScreen_.find(item.id);
                // Drawn last frame and still shown (a filter applied since hides it now).
                if (it != onScreen_.end() && it->second.visible && isShown) {
                    const ImVec4& r = it->second.rect;
                    card["visible"] = true;
                    card["rect"] = {r.x, r.y, r.z, r.w};
                    if (it->second.cut) {
                        const ImVec4& e = it->second.cutEdges;
                        card["cut"] = {{"lastWordRight", e.x},
                                       {"ellipsisLeft", e.y},
                                       {"ellipsisRight", e.z},
                                       {"textRight", e.w}};
                    }
                }
                cards.push_back(card);
            }
            sections.push_back(
                {{"id", section.id},
                 {"title", section.title},
                 {"count", section.items.size()},
                 {"shown", shown},
                 {"navCount", s < navEntries_.size() ? countLabel(navEntries_[s], navFiltered())
                                                     : std::string()},
                 {"cards", cards}});
        }
    }
    state["sections"] = sections;
    const auto nullable = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    state["openCard"] = nullable(openCard_);
    state["tag"] = nullable(tag_);
    state["section"] = nullable(section_);
    state["currentSection"] = nullable(currentSection_);
    const std::string card = focusedCard();
    state["focus"] = nullable(card.empty() ? focus_ : card);
    const SearchResult& r = search_.result();
    const ImVec2 fieldMin = search_.fieldMin(), fieldMax = search_.fieldMax();
    state["search"] = {
        {"query", search_.query()},
        {"matches", r.matches},
        {"cards", r.matchedCards},
        {"current", search_.current()},
        {"hide", search_.hideNonMatching},
        {"active", search_.fieldActive()},
        {"runs", search_.version()},
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
    state["layout"] = {
        {"columns", columns_}, {"nav", wide_ ? "sidebar" : "bar"}, {"navMenuOpen", nav_.menuOpen}};
}

} // namespace rx::ui
