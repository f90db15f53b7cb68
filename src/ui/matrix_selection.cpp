// The matrix detail panel's quotes as selectable text, and what the context menu finds under
// the pointer in the matrix. The panel is small and rebuilt every frame, so its
// blocks and text layer are too; the previous frame's layer answers this frame's presses.
#include "view_matrix.h"

#include "selection_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace rx::ui {

float MatrixView::drawQuote(UiContext& ctx, const RichText& text, const std::string& blockId,
                            const std::string& card) {
    const Colors& c = ctx.theme.colors();
    const Fonts& f = ctx.theme.fonts();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = std::max(60.0f, ImGui::GetContentRegionAvail().x - 12);
    const int block = nextBlocks_.add(blockId, text.plain(), card);
    RichTextSelection sel;
    sel.layer = &nextLayer_;
    sel.block = block;
    sel.color = c.selection;
    // The selection as it stands (resolved against last frame's blocks, which hold these ids).
    if (hasSelection()) {
        const int old = blocks_.find(blockId);
        if (old >= 0) sel.selected = selectedSpan(blocks_, old, selA_, selF_);
    }
    RichTextStyle st;
    st.regular = f.body;
    st.bold = f.bold;
    st.size = 15.0f;
    st.lineHeight = 1.45f;
    st.color = c.text;
    const float h = drawRichText(dl, ImVec2(at.x + 12, at.y), width, text, st, {}, &sel).height;
    dl->AddRectFilled(at, ImVec2(at.x + 3, at.y + h), c.accent, 1.5f); // a quote's bar
    ImGui::Dummy(ImVec2(width + 12, h));
    return h;
}

void MatrixView::selectionInput(UiContext& ctx) {
    // Last frame's panel becomes what this frame's input is tested against.
    blocks_ = nextBlocks_;
    layer_ = nextLayer_;
    nextBlocks_.clear();
    nextLayer_.clear();
    selA_ = selF_ = TextPoint{};
    if (selection_.active() && !selection_.resolve(blocks_, selA_, selF_)) {
        selection_.clear(); // another cell (or none) is pinned: its quotes left
        selA_ = selF_ = TextPoint{};
    }
    ImGuiIO& io = ImGui::GetIO();
    if (ctx.pointerBlocked || ctx.menuOpen) return;
    if (io.MouseClicked[0]) {
        const ImVec2 p = io.MouseClickedPos[0];
        const TextPoint hit = layer_.hitExact(p.x, p.y);
        selecting_ = hit.valid();
        if (!hit.valid()) {
            if (!io.KeyShift) selection_.clear();
        } else {
            const int counted = clicks_.press(ctx.nowMs, p.x, p.y);
            const int count = ctx.pressClicks > 0 ? (ctx.pressClicks - 1) % 3 + 1 : counted;
            gesture_.press(blocks_, selection_, hit, count, io.KeyShift && selection_.active());
        }
    }
    if (selecting_ && io.MouseDown[0] && !io.MouseClicked[0]) {
        const TextPoint p = layer_.hitNearest(io.MousePos.x, io.MousePos.y);
        if (p.valid() && selection_.active()) gesture_.drag(blocks_, selection_, p);
    }
    if (!io.MouseDown[0]) selecting_ = false;
    if (selecting_) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if (selection_.active() && !selection_.resolve(blocks_, selA_, selF_))
        selA_ = selF_ = TextPoint{};

    if (io.WantTextInput || !hasSelection()) return;
    const auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(key, false); };
    if ((io.KeyCtrl || io.KeySuper) && pressed(ImGuiKey_C)) {
        // After the page's copy event, which carried the text where the browser fired one.
        ctx.host.call("copy", nlohmann::json{{"text", selectedText()}, {"selection", true}}.dump());
        ctx.announce("Copied the selection");
    }
    if (pressed(ImGuiKey_Escape)) clearSelection();
}

std::string MatrixView::selectedText() const {
    return hasSelection() ? rx::selectedText(blocks_, selA_, selF_) : std::string();
}

void MatrixView::clearSelection() {
    selection_.clear();
    selA_ = selF_ = TextPoint{};
    selecting_ = false;
}

void MatrixView::writeSelectionState(nlohmann::json& state) const {
    state["selection"] =
        hasSelection() ? selectionJson(blocks_, selA_, selF_, false) : nlohmann::json(nullptr);
}

std::string MatrixView::textLayoutJson() const {
    return ui::textLayoutJson(nextLayer_, nextBlocks_, 0.0f);
}

MatrixView::ContextTarget MatrixView::contextTarget(ImVec2 p) const {
    ContextTarget t;
    t.selection = selectedText();
    if (!data_) return t;
    int adopter = -1, domain = -1;
    for (const MatrixCellOnScreen& cell : cellsOnScreen_) {
        const ImVec4& r = cell.rect;
        if (p.x >= r.x && p.y >= r.y && p.x < r.x + r.z && p.y < r.y + r.w)
            adopter = cell.adopter, domain = cell.domain;
    }
    const ImVec4& d = detailRect_;
    if (adopter < 0 && detailShown_ && p.x >= d.x && p.y >= d.y && p.x < d.x + d.z &&
        p.y < d.y + d.w) {
        // Over the detail panel: the pinned cell it describes.
        adopter = data_->findAdopter(selAdopter_);
        domain = adopter < 0 ? -1 : data_->findDomain(selDomain_);
    }
    if (adopter < 0 || domain < 0) return t;
    const Adopter& a = data_->adopters[static_cast<size_t>(adopter)];
    for (const Mark& m : a.marks) {
        if (m.domain != domain) continue;
        t.adopter = a.id;
        t.domain = data_->domains[static_cast<size_t>(domain)].id;
        for (const Evidence& e : m.evidence) {
            t.quote += (t.quote.empty() ? "" : "\n") + e.quote;
            if (t.sourceCard.empty()) t.sourceCard = e.itemId;
        }
    }
    return t;
}

} // namespace rx::ui
