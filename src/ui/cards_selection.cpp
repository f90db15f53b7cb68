// Selecting and copying text in the cards view: a mouse press on text starts a
// selection instead of a scroll drag, double/triple clicks select a word/paragraph, Shift+click
// extends, Ctrl/Cmd+A and Ctrl/Cmd+C; with touch a long press selects a word and shows handles
// and a small toolbar. Hit tests use the previous frame's text layer (what the user sees).
#include "view_cards.h"

#include "selection_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace rx::ui {
namespace {

constexpr double kLongPressMs = 500.0; // Android's and iOS's long-press time
constexpr float kHandleRadius = 8.0f;
constexpr float kHandleHitPx = 24.0f;   // a finger-sized target around each handle
constexpr size_t kSearchMaxBytes = 100; // "Search for" takes a phrase, not a page

bool startsWith(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

// Trims spaces and newlines and cuts at `maxBytes` on a code point boundary.
std::string phrase(const std::string& text, size_t maxBytes) {
    size_t b = 0, e = text.size();
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    std::string out = text.substr(b, e - b);
    for (char& c : out)
        if (c == '\n') c = ' ';
    if (out.size() > maxBytes) out.resize(floorToCodePoint(out, maxBytes));
    return out;
}

} // namespace

void CardsView::resolveSelection() {
    selA_ = selF_ = TextPoint{};
    if (selection_.active() && !selection_.resolve(blocks_, selA_, selF_)) {
        selection_.clear(); // its text left the layout (a filter, a search that hides its card)
        selA_ = selF_ = TextPoint{};
        selectionByTouch_ = false;
    }
}

void CardsView::clearSelection() {
    selection_.clear();
    selA_ = selF_ = TextPoint{};
    selectionByTouch_ = false;
    handlesShown_ = false;
}

std::string CardsView::selectedText() const {
    return hasSelection() ? rx::selectedText(blocks_, selA_, selF_) : std::string();
}

RichTextSelection CardsView::selectionFor(int block) {
    RichTextSelection sel;
    sel.layer = &layer_;
    sel.block = block;
    sel.color = selectionColor_;
    if (hasSelection()) sel.selected = selectedSpan(blocks_, block, selA_, selF_);
    return sel;
}

void CardsView::selectBlocks(int first, int last) {
    if (first < 0 || last < first || static_cast<size_t>(last) >= blocks_.size()) return;
    selection_.set(blocks_, {first, 0}, {last, blocks_[static_cast<size_t>(last)].text.size()});
    resolveSelection();
}

int CardsView::handleAt(ImVec2 p) const {
    if (!handlesShown_) return 0;
    for (int i = 0; i < 2; ++i) {
        const float dx = p.x - handlePos_[i].x, dy = layerY(p.y) - handlePos_[i].y;
        if (dx * dx + dy * dy <= kHandleHitPx * kHandleHitPx) return i + 1;
    }
    return 0;
}

void CardsView::selectionBeforePointer(UiContext& ctx, bool overUi, ImVec2 dragMax) {
    const ImGuiIO& io = ImGui::GetIO();
    selectionColor_ = ctx.theme.colors().selection;
    resolveSelection();
    if (!io.MouseClicked[0] || !overUi || ctx.pointerBlocked) return;
    const ImVec2 p = io.MouseClickedPos[0];
    // The open section dropdown (a phone's) covers the cards: a press on it scrolls or picks an
    // entry, never holds or selects the text hidden beneath.
    const bool inArea = contains(areaMin_, dragMax, p) && !nav_.overDropdown(p);
    const bool onToolbar = startsWith(controls_.hitAt(p), "sel:");
    const TextPoint hit = inArea && !onToolbar ? layer_.hitExact(p.x, layerY(p.y)) : TextPoint{};
    pressOnText_ = hit.valid();
    selecting_ = false;
    suppressPending_ = false;
    if (ctx.touch) {
        // A finger scrolls; holding it still selects (see selectionAfterPointer).
        touchHeld_ = inArea;
        longPressFired_ = false;
        touchPressMs_ = ctx.nowMs;
        touchHit_ = hit;
        if (const int handle = hasSelection() ? handleAt(p) : 0) {
            // Dragging a handle moves that end; the other end stays put.
            const TextPoint start = std::min(selA_, selF_), end = std::max(selA_, selF_);
            selection_.set(blocks_, handle == 1 ? end : start, handle == 1 ? start : end);
            selecting_ = true;
            touchHeld_ = false;
            suppressPending_ = true;
        } else if (!onToolbar) {
            clearSelection(); // a tap elsewhere lets go of it
        }
        return;
    }
    if (!hit.valid()) {
        if (!onToolbar && !io.KeyShift) clearSelection(); // a click elsewhere clears it
        return;
    }
    selecting_ = true;
    selectionByTouch_ = false;
    const int counted = clicks_.press(ctx.nowMs, p.x, p.y);
    const int count = ctx.pressClicks > 0 ? (ctx.pressClicks - 1) % 3 + 1 : counted;
    const bool extend = io.KeyShift && selection_.active() && selA_.valid();
    gesture_.press(blocks_, selection_, hit, count, extend);
    if (extend || count >= 2) suppressPending_ = true; // it selects; it opens no card
    resolveSelection();
}

void CardsView::selectionAfterPointer(UiContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    if (suppressPending_) pointer_.suppressClick();
    suppressPending_ = false;
    if (selecting_ && io.MouseDown[0] && pointer_.dragging()) {
        const TextPoint p = layer_.hitNearest(io.MousePos.x, layerY(io.MousePos.y));
        if (p.valid() && selection_.active()) gesture_.drag(blocks_, selection_, p);
        // Beyond the area's top or bottom edge the content scrolls towards the pointer.
        float over = 0;
        if (io.MousePos.y < areaMin_.y + 4) over = io.MousePos.y - (areaMin_.y + 4);
        if (io.MousePos.y > areaMax_.y - 4) over = io.MousePos.y - (areaMax_.y - 4);
        if (over != 0) {
            jumpTo(scroll_, scroll_.position + std::clamp(over, -60.0f, 60.0f) * 0.4f, maxScroll_);
            ctx.animating = true; // keeps scrolling while the mouse rests out there
        }
        resolveSelection();
    }
    if (!io.MouseDown[0]) selecting_ = false;

    if (touchHeld_) {
        if (!io.MouseDown[0] || (pointer_.dragging() && !selecting_)) {
            touchHeld_ = false; // released, or a swipe: it scrolls
        } else if (!longPressFired_ && ctx.nowMs - touchPressMs_ >= kLongPressMs) {
            longPressFired_ = true;
            pointer_.suppressClick();
            if (touchHit_.valid() && static_cast<size_t>(touchHit_.block) < blocks_.size()) {
                const ByteSpan w =
                    wordAt(blocks_[static_cast<size_t>(touchHit_.block)].text, touchHit_.offset);
                selection_.set(blocks_, {touchHit_.block, w.begin}, {touchHit_.block, w.end});
                selectionByTouch_ = true;
                resolveSelection();
                ctx.announce("Selected " + selectedText());
            } else {
                ctx.openMenu = true; // nothing to select there: the context menu
                ctx.menuAt = pointer_.pressPos();
            }
            touchHeld_ = false;
        } else if (!longPressFired_) {
            ctx.animating = true; // frames keep coming until the long press fires
        }
    }
}

void CardsView::drawSelectionChrome(UiContext& ctx, ImDrawList* dl) {
    handlesShown_ = false;
    if (!hasSelection() || !selectionByTouch_) return;
    const Colors& c = ctx.theme.colors();
    const TextPoint start = std::min(selA_, selF_), end = std::max(selA_, selF_);
    float sx = 0, st = 0, sb = 0, ex = 0, et = 0, eb = 0;
    const bool startShown = layer_.caret(start, sx, st, sb);
    const bool endShown = layer_.caret(end, ex, et, eb);
    if (startShown && endShown) {
        handlePos_[0] = ImVec2(sx, sb + kHandleRadius);
        handlePos_[1] = ImVec2(ex, eb + kHandleRadius);
        for (const ImVec2& h : handlePos_) {
            dl->AddLine(ImVec2(h.x, h.y - kHandleRadius - 2), h, c.focus, 2.0f);
            dl->AddCircleFilled(h, kHandleRadius, c.focus, 16);
        }
        handlesShown_ = true;
    }
    if (selecting_ || !(startShown || endShown)) return;

    // The toolbar: above the selection, or below it when the top has no room.
    const std::string owner = blocks_[static_cast<size_t>(start.block)].owner;
    ChipStyle st0;
    st0.font = ctx.theme.fonts().smallBold;
    st0.bg = c.surface;
    st0.bgHover = c.surfaceHover;
    st0.text = c.text;
    st0.border = c.border;
    st0.padY = 9.0f; // finger-sized: 32 px tall
    struct Button {
        const char* id;
        const char* label;
    };
    std::vector<Button> buttons = {{"sel:copy", "Copy"}, {"sel:search", "Search"}};
    if (!owner.empty()) buttons.push_back({"sel:link", "Copy link"});
    float total = 0;
    for (const Button& b : buttons) total += chipSize(st0, b.label).x + 6;
    const float h = chipSize(st0, "Copy").y;
    const float anchorX = startShown ? sx : ex;
    float x = std::clamp(anchorX - total * 0.5f, areaMin_.x + 4, areaMax_.x - total - 4);
    float y = (startShown ? st : et) - h - 10;
    if (y < areaMin_.y + 4) y = (endShown ? eb : sb) + 2 * kHandleRadius + 12;
    const ImVec2 boxMin(x - 4, y - 4), boxMax(x + total + 2, y + h + 4);
    dl->AddRectFilled(ImVec2(boxMin.x + 2, boxMin.y + 3), ImVec2(boxMax.x + 2, boxMax.y + 3),
                      IM_COL32(0, 0, 0, 50), 10.0f);
    dl->AddRectFilled(boxMin, boxMax, c.surfaceHover, 10.0f);
    dl->AddRect(boxMin, boxMax, c.border, 10.0f);
    for (const Button& b : buttons) {
        const ImVec2 size = chipSize(st0, b.label);
        const ImVec2 at(x, y), to(x + size.x, y + size.y);
        drawChip(dl, at, size, b.label, st0, pointer_.hovering(at, to));
        controls_.add(b.id, at, to);
        x += size.x + 6;
    }
}

bool CardsView::selectionKeys(UiContext& ctx) {
    ImGuiIO& io = ImGui::GetIO();
    const auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(key, false); };
    const bool command = io.KeyCtrl || io.KeySuper;
    if (command && pressed(ImGuiKey_A)) {
        const int open = cardIndex(openCard_);
        if (open >= 0)
            selectBlocks(cards_[open].titleBlock, cards_[open].bodyBlock);
        else
            selectBlocks(0, static_cast<int>(blocks_.size()) - 1);
        selectionByTouch_ = false;
        return true;
    }
    if (command && pressed(ImGuiKey_C) && hasSelection()) {
        // The page's copy event has already put the text on the clipboard where the browser
        // fired one; the page only falls back to the Clipboard API where it did not.
        ctx.host.call("copy", nlohmann::json{{"text", selectedText()}, {"selection", true}}.dump());
        ctx.announce("Copied the selection");
        return true;
    }
    if (pressed(ImGuiKey_Escape) && hasSelection()) {
        clearSelection();
        return true;
    }
    return false;
}

void CardsView::copyText(UiContext& ctx, const std::string& text, const char* what) {
    if (text.empty()) return;
    ctx.host.call("copy", nlohmann::json{{"text", text}}.dump());
    ctx.announce(std::string("Copied ") + what);
}

void CardsView::searchFor(UiContext& ctx, const std::string& text) {
    const std::string q = phrase(text, kSearchMaxBytes);
    if (q.empty()) return;
    search_.setQuery(q);
    search_.hideNonMatching = false;
    clearSelection();
    ctx.announce("Searching for " + q);
}

CopyPayload CardsView::cardLinkPayload(const std::string& itemId) {
    UrlState link;
    link.card = itemId;
    return {{}, encodeHash(link)};
}

void CardsView::copyCardLink(UiContext& ctx, const std::string& itemId) {
    sendCopy(ctx.host, cardLinkPayload(itemId));
    ctx.announce("Link copied");
}

CopyPayload CardsView::copyPayloadAt(ImVec2 press, ImVec2 release, const Model& model) const {
    const std::string id = controls_.hitAt(press);
    if (id.empty() || id != controls_.hitAt(release)) return {};
    if (id.rfind("copy:", 0) == 0) return cardTextPayload(model, id.substr(5));
    if (id == "sel:copy") return {selectedText(), {}};
    if (id == "sel:link" && hasSelection()) {
        const std::string& owner = blocks_[static_cast<size_t>(std::min(selA_, selF_).block)].owner;
        if (!owner.empty()) return cardLinkPayload(owner);
    }
    return {};
}

void CardsView::activateSelectionTool(UiContext& ctx, const std::string& id) {
    const std::string text = selectedText();
    const std::string owner =
        hasSelection() ? blocks_[static_cast<size_t>(std::min(selA_, selF_).block)].owner : "";
    if (id == "sel:copy") copyText(ctx, text, "the selection");
    if (id == "sel:search") searchFor(ctx, text);
    if (id == "sel:link" && !owner.empty()) copyCardLink(ctx, owner);
    clearSelection();
}

CardsView::ContextTarget CardsView::contextTarget(ImVec2 p, bool byKeyboard) const {
    ContextTarget t;
    t.selection = selectedText();
    if (byKeyboard) {
        t.card = focusedCard();
        if (t.card.empty() && hasSelection())
            t.card = blocks_[static_cast<size_t>(std::min(selA_, selF_).block)].owner;
        if (t.card.empty()) t.card = openCard_;
    } else {
        onScreen_.forEach([&](const std::string& id, const CardOnScreen& shown) {
            const ImVec4& r = shown.rect;
            if (shown.visible && contains(ImVec2(r.x, r.y), ImVec2(r.x + r.z, r.y + r.w), p) &&
                contains(areaMin_, areaMax_, p))
                t.card = id;
        });
    }
    if (!t.selection.empty()) {
        t.word = phrase(t.selection, kSearchMaxBytes);
    } else if (!byKeyboard) {
        const TextPoint hit = layer_.hitExact(p.x, layerY(p.y));
        if (hit.valid()) {
            const std::string& text = blocks_[static_cast<size_t>(hit.block)].text;
            const ByteSpan w = wordAt(text, hit.offset);
            t.word = phrase(text.substr(w.begin, w.end - w.begin), kSearchMaxBytes);
        }
    }
    return t;
}

ImVec2 CardsView::keyboardMenuPoint() const {
    float x = 0, top = 0, bottom = 0;
    if (hasSelection() && layer_.caret(selF_, x, top, bottom))
        return ImVec2(x, bottom - (layerScroll_ - scroll_.position));
    const std::string card = focusedCard().empty() ? openCard_ : focusedCard();
    const CardOnScreen* shown = onScreen_.find(card);
    if (!card.empty() && shown && shown->visible)
        return ImVec2(shown->rect.x + 24, std::max(areaMin_.y, shown->rect.y) + 24);
    return ImVec2(areaMin_.x + 24, areaMin_.y + 24);
}

void CardsView::writeSelectionState(nlohmann::json& state) const {
    if (!hasSelection()) {
        state["selection"] = nullptr;
        return;
    }
    nlohmann::json sel = selectionJson(blocks_, selA_, selF_, selectionByTouch_);
    if (handlesShown_) {
        const float dy = scroll_.position - layerScroll_;
        sel["handles"] = {{handlePos_[0].x, handlePos_[0].y - dy},
                          {handlePos_[1].x, handlePos_[1].y - dy}};
    }
    state["selection"] = sel;
}

std::string CardsView::textLayoutJson() const {
    return ui::textLayoutJson(layer_, blocks_, scroll_.position - layerScroll_);
}

} // namespace rx::ui
