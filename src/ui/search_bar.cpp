#include "search_bar.h"

#include "glyph_fallback.h"

// ClearActiveID (1.90.1 has no public way to deactivate a widget) and SetKeyOwner.
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cstring>

namespace rx::ui {

void SearchBar::setQuery(const std::string& query) {
    field_.setText(query);
    query_ = field_.committed();
}

bool SearchBar::refresh(const SearchIndex& index, double budgetMs) {
    bool changed = false;
    if (indexComplete_ != index.complete) {
        indexComplete_ = index.complete;
        changed = true;
    }
    indexLoaded_ = index.loaded;
    if (search_.cards() != index.cards.size()) {
        search_.extend(index); // a large document still being read: its new cards
        changed = true;
    }
    bool restarted = false;
    if (!searchedOnce_ || query_ != searched_) {
        searchedOnce_ = true;
        searched_ = query_;
        search_.start(index, query_);
        queryAt_ = std::chrono::steady_clock::now();
        current_ = -1;
        ++queryVersion_;
        changed = restarted = true;
    }
    waitingToCount_ = false;
    // The frame a key changed the query in already does that key's work (the field, its twin,
    // the URL): it tests one small slice (a small document's whole search, counts included, so
    // its result shows with the key), the next frames the rest.
    if (restarted && budgetMs > 0) {
        if (!search_.complete()) search_.advance(index, kKeyFrameBytes);
        if (changed) ++version_;
        return changed;
    }
    using Ms = std::chrono::duration<double, std::milli>;
    const auto t0 = std::chrono::steady_clock::now();
    const double sinceQuery = Ms(t0 - queryAt_).count();
    // Slices of ~32 KB of text until the frame's budget is used: matching first; counting once
    // the query has stood for kCountAfterMs (at once without a budget: Enter, a step).
    while (!search_.complete()) {
        if (search_.matchingComplete() && budgetMs > 0 && sinceQuery < kCountAfterMs) {
            waitingToCount_ = true;
            countWaitMs_ = kCountAfterMs - sinceQuery;
            break;
        }
        if (!search_.matchingComplete())
            search_.advanceMatching(index, kSliceBytes);
        else
            search_.advanceCounting(index, kSliceBytes);
        changed = true;
        if (budgetMs > 0 && Ms(std::chrono::steady_clock::now() - t0).count() >= budgetMs) break;
    }
    if (changed) ++version_;
    return changed;
}

void SearchBar::step(const SearchIndex& index, bool forward) {
    // Enter from the DOM field comes between frames, maybe with keys the field has taken but no
    // frame has searched yet: it steps through the matches of what the field holds.
    if (query_ != field_.committed()) query_ = field_.committed();
    refresh(index, 0.0);
    current_ = stepMatch(search_.matches(), current_, forward);
    ++version_;
}

bool SearchBar::currentPosition(const SearchIndex& index, MatchPosition& out) const {
    if (current_ < 0 || static_cast<size_t>(current_) >= search_.matches()) return false;
    out = search_.position(index, static_cast<size_t>(current_));
    return true;
}

std::string SearchBar::countText(bool quoteQuery) const {
    if (!searching()) return {};
    const auto plural = [](size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    if (!matchingComplete()) {
        // While the document is still being read, the share read counts too.
        const double tested =
            search_.candidates() ? double(search_.tested()) / double(search_.candidates()) : 0.0;
        const auto percent = static_cast<size_t>(
            100.0 * (indexComplete_ ? tested : std::min(0.99, tested * indexLoaded_)));
        return "Searching\u2026 " + std::to_string(percent) + "%, " +
               plural(search_.matchedCards(), "card", "cards") + " so far";
    }
    if (search_.matchedCards() == 0)
        return quoteQuery ? "No cards match \u201C" + search_.query() + "\u201D"
                          : std::string("No cards match this search");
    if (!complete())
        return "Counting the matches in " + plural(search_.matchedCards(), "card", "cards") +
               "\u2026";
    std::string text = plural(search_.matches(), "match", "matches") + " in " +
                       plural(search_.matchedCards(), "card", "cards");
    if (current_ >= 0) text = std::to_string(current_ + 1) + " of " + text;
    return text;
}

SearchBar::FieldEvents SearchBar::drawField(const UiContext& ctx, bool keepActive, float width) {
    FieldEvents ev;
    ImGuiIO& io = ImGui::GetIO();
    const bool enterDown = ImGui::IsKeyPressed(ImGuiKey_Enter, true) ||
                           ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, true);
    const bool escDown = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    // A child without nav inputs: ImGui's own Tab handling would fight the view's Tab order.
    const float h = ImGui::GetFrameHeight();
    ImGui::BeginChild("search-box", ImVec2(width, h), false,
                      ImGuiWindowFlags_NoNavInputs | ImGuiWindowFlags_NoScrollbar |
                          ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse);
    ImVector<ImWchar>& typed = io.InputQueueCharacters;
    if (!keepActive) heldText_.clear();
    if (keepActive && !fieldActive_) {
        heldText_.insert(heldText_.end(), typed.begin(), typed.end());
        typed.resize(0);
        // Focus this child first: 1.90.1's SetKeyboardFocusHere() moves the nav window but keeps
        // the previous window's focus scope, so its request never matches the field otherwise.
        ImGui::SetWindowFocus();
        ImGui::SetKeyboardFocusHere();
    } else if (keepActive && !heldText_.empty()) {
        // The held text goes first, before what arrived this frame.
        heldText_.insert(heldText_.end(), typed.begin(), typed.end());
        typed.resize(0);
        for (const ImWchar c : heldText_) typed.push_back(c);
        heldText_.clear();
    }
    if (!keepActive && fieldActive_ && !ImGui::IsMouseClicked(0)) {
        ImGui::ClearActiveID(); // the view moved the focus elsewhere
        fieldActive_ = false;
    }
    if (fieldActive_ && enterDown) {
        // Enter steps through matches and the field stays active. ImGui's InputText would
        // deactivate on Enter (io.ConfigInputTextEnterKeepActive would keep it active but select
        // all, so the next key would replace the query), so the field must not see this press:
        // the key is locked for this frame (nav activation does not see it either).
        (io.KeyShift ? ev.shiftEnter : ev.enter) = true;
        const ImGuiID owner = ImGui::GetID("search-enter");
        for (const ImGuiKey key : {ImGuiKey_Enter, ImGuiKey_KeypadEnter})
            ImGui::SetKeyOwner(key, owner, ImGuiInputFlags_LockThisFrame);
    }
    ImGui::SetNextItemWidth(width);
    ImGui::PushStyleColor(ImGuiCol_Border,
                          ImGui::ColorConvertU32ToFloat4(ctx.theme.colors().border));
    field_.draw("Search cards  ( / )");
    ImGui::PopStyleColor();
    fieldMin_ = ImGui::GetItemRectMin();
    fieldMax_ = ImGui::GetItemRectMax();
    const bool activeNow = ImGui::IsItemActive();
    ev.activated = ImGui::IsItemActivated() && ImGui::IsMouseClicked(0);
    if (fieldActive_ && !activeNow) {
        if (escDown)
            ev.escape = true;
        else
            ev.deactivated = true;
    }
    ImGui::EndChild();
    fieldActive_ = activeNow;
    if (ev.escape) field_.setText(""); // Esc clears (ImGui would only restore the old text)
    // Search runs on committed text only: an input method's pre-edit is not searched.
    if (query_ != field_.committed()) query_ = field_.committed();
    return ev;
}

float SearchBar::drawStatus(const UiContext& ctx, Controls& controls, const Pointer& pointer,
                            ImVec2 pos, float width, const std::string& tagLabel,
                            const std::string& focus, bool focusVisible) {
    if (!searching() && tagLabel.empty()) return 0.0f;
    const Colors& c = ctx.theme.colors();
    const Fonts& f = ctx.theme.fonts();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ChipStyle button;
    button.font = f.small;
    button.bg = c.surface;
    button.bgHover = c.surfaceHover;
    button.text = c.text;
    button.border = c.border;
    const float rowH = chipSize(button, "Ag").y;
    float x = pos.x;
    float y = pos.y;
    const float right = pos.x + width;
    const auto place = [&](ImVec2 size) {
        if (x > pos.x && x + size.x > right) { // wrap on narrow screens
            x = pos.x;
            y += rowH + 6;
        }
        const ImVec2 at(x, y);
        x += size.x + 8;
        return at;
    };
    const auto chip = [&](const std::string& id, const std::string& label, const ChipStyle& st) {
        const ImVec2 size = chipSize(st, label);
        const ImVec2 at = place(size);
        const ImVec2 max(at.x + size.x, at.y + size.y);
        drawChip(dl, at, size, label, st, pointer.hovering(at, max));
        if (focusVisible && focus == id) drawFocusRing(dl, at, max, c.focus, size.y * 0.5f);
        controls.add(id, at, max);
    };

    if (searching()) {
        // A query the canvas would draw garbled (right to left, joined letters: the field shows
        // it shaped) is not quoted here; screen readers get it quoted (countText()).
        const std::string text = countText(!needsShaping(search_.query()));
        // "No cards match “query”" quotes typed text: the regular face has every typed glyph
        // (label faces carry only the content's characters).
        const bool none = complete() && search_.matchedCards() == 0;
        ImFont* font = none || !complete() ? f.small : f.smallBold;
        const ImVec2 ts = font->CalcTextSizeA(14.0f, 1e9f, 0.0f, text.c_str());
        const ImVec2 at = place(ImVec2(ts.x + 4, rowH));
        dl->AddText(font, 14.0f, ImVec2(at.x, at.y + (rowH - 14.0f) * 0.5f),
                    none ? c.error : c.text, text.c_str());
        if (search_.matchedCards() > 0) { // stepping counts the matches first
            chip("prev", "\u2039 Previous", button);
            chip("next", "Next \u203A", button);
            chip("mode", hideNonMatching ? "Show all cards" : "Hide other cards", button);
        }
        chip("clear-search", "\u00D7 Clear search", button);
    }
    if (!tagLabel.empty()) {
        ChipStyle tag = button;
        tag.bg = c.tagBg;
        tag.border = c.accent;
        chip("clear-tag", "Tag: " + tagLabel + "  \u00D7", tag);
    }
    return y + rowH - pos.y + 10.0f;
}

} // namespace rx::ui
