#include "section_nav.h"

#include <algorithm>
#include <cmath>

namespace rx::ui {

std::string countLabel(const NavEntry& e, bool filtered) {
    if (filtered && e.shown != e.total)
        return std::to_string(e.shown) + "/" + std::to_string(e.total);
    return std::to_string(e.total);
}

const std::string& NavEntry::describe(bool filtered) {
    if (shown != describedShown || filtered != describedFiltered || description.empty()) {
        describedShown = shown;
        describedFiltered = filtered;
        description = countLabel(*this, filtered) + (total == 1 ? " card" : " cards");
    }
    return description;
}

namespace {

// The room an entry's count takes, whatever its shown part is: titles wrap the same while a
// search's counts change.
float countRoom(const UiContext& ctx, const NavEntry& e, bool filtered) {
    const std::string total = std::to_string(e.total);
    const std::string widest = filtered ? total + "/" + total : total;
    return ctx.theme.fonts().small->CalcTextSizeA(14.0f, 1e9f, 0.0f, widest.c_str()).x;
}

float titleWidth(const UiContext& ctx, const NavEntry& e, float width, bool filtered) {
    return width - 24 - countRoom(ctx, e, filtered) - 8;
}

// An entry's height at `width` (its title wraps), in the current entry's bold face or not.
float entryHeight(const UiContext& ctx, const NavEntry& e, float width, bool filtered, bool bold) {
    const Fonts& f = ctx.theme.fonts();
    const float textW = titleWidth(ctx, e, width, filtered);
    const ImFont* font = bold ? f.smallBold : f.small;
    return std::max(34.0f, font->CalcTextSizeA(15.0f, 1e9f, textW, e.title.c_str()).y + 14.0f);
}

} // namespace

const std::vector<float>& SectionNav::EntryTops::get(const UiContext& ctx, float width,
                                                     const Frame& frame) {
    const std::vector<NavEntry>& entries = *frame.entries;
    const void* font = ctx.theme.fonts().small;
    if (width != width_ || font != font_ || frame.filtered != filtered_ ||
        frame.entriesVersion != version_ || regular_.size() != entries.size()) {
        width_ = width;
        font_ = font;
        filtered_ = frame.filtered;
        version_ = frame.entriesVersion;
        regular_.clear();
        bold_.clear();
        for (const NavEntry& e : entries) {
            regular_.push_back(entryHeight(ctx, e, width, frame.filtered, false));
            bold_.push_back(entryHeight(ctx, e, width, frame.filtered, true));
        }
        tops_.clear();
    }
    if (tops_.empty() || frame.current != current_) {
        current_ = frame.current;
        tops_.assign(1, 0.0f);
        for (size_t i = 0; i < entries.size(); ++i) // entries 2 px apart
            tops_.push_back(tops_.back() + (entries[i].id == current_ ? bold_[i] : regular_[i]) +
                            2);
    }
    return tops_;
}

namespace {

// One entry: title on the left, count on the right, accent bar when current. Outside
// [clipTop, clipBottom) it is only registered for Tab; partly inside, it is hit only there.
void drawEntry(const UiContext& ctx, Controls& controls, const Pointer& pointer, const NavEntry& e,
               ImVec2 pos, float width, const SectionNav::Frame& frame, ImDrawList* dl, float& y,
               float clipTop, float clipBottom, float h) {
    const Colors& c = ctx.theme.colors();
    const Fonts& f = ctx.theme.fonts();
    const bool current = e.id == frame.current;
    const std::string& id = e.controlId;
    if (y + h <= clipTop || y >= clipBottom) {
        controls.addFocusOnly(id);
        y += h + 2;
        return;
    }
    const std::string count = countLabel(e, frame.filtered);
    const float countW = f.small->CalcTextSizeA(14.0f, 1e9f, 0.0f, count.c_str()).x;
    const float textW = titleWidth(ctx, e, width, frame.filtered);
    const ImVec2 min(pos.x, y), max(pos.x + width, y + h);
    const bool hovered = pointer.hovering(min, max);
    if (current || hovered) dl->AddRectFilled(min, max, c.surfaceHover, 6.0f);
    if (current) dl->AddRectFilled(min, ImVec2(min.x + 4, max.y), c.accent, 2.0f);
    dl->AddText(current ? f.smallBold : f.small, 15.0f, ImVec2(min.x + 14, min.y + 7),
                e.shown == 0 ? c.textMuted : c.text, e.title.c_str(), nullptr, textW);
    dl->AddText(f.small, 14.0f, ImVec2(max.x - 10 - countW, min.y + 8), c.textMuted, count.c_str());
    if (frame.focusVisible && frame.focus == id) drawFocusRing(dl, min, max, c.focus, 6.0f);
    controls.addClipped(id, min, max, ImVec2(min.x, clipTop), ImVec2(max.x, clipBottom));
    y += h + 2;
}

} // namespace

void SectionNav::drawSidebar(const UiContext& ctx, Controls& controls, const Pointer& pointer,
                             ImVec2 pos, float width, float height, const Frame& frame) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Fonts& f = ctx.theme.fonts();
    dl->AddText(f.smallBold, 13.0f, ImVec2(pos.x + 14, pos.y + 4), ctx.theme.colors().textMuted,
                "SECTIONS");
    // The list scrolls on its own when it is taller than the view (a document of 200 sections):
    // the wheel over it scrolls it, and the section being read or focused is kept in view.
    const float top = pos.y + 28, bottom = std::max(top, pos.y + height);
    const std::vector<float>& tops = sidebarTops_.get(ctx, width, frame);
    const float total = tops.back();
    const float viewH = bottom - top;
    const float maxScroll = std::max(0.0f, total - viewH);
    const ImGuiIO& io = ImGui::GetIO();
    if (pointer.hovering(ImVec2(pos.x, top), ImVec2(pos.x + width, bottom)) &&
        io.MouseWheel != 0.0f)
        scroll_ -= io.MouseWheel * 60.0f;
    const std::string follow = frame.focusVisible && frame.focus.rfind("nav:", 0) == 0
                                   ? frame.focus.substr(4)
                                   : frame.current;
    if (follow != followed_) {
        followed_ = follow;
        for (size_t i = 0; i < frame.entries->size(); ++i) {
            if ((*frame.entries)[i].id != follow) continue;
            const float margin = std::min(40.0f, viewH * 0.2f);
            if (tops[i] - margin < scroll_) scroll_ = tops[i] - margin;
            if (tops[i + 1] + margin > scroll_ + viewH) scroll_ = tops[i + 1] + margin - viewH;
        }
    }
    scroll_ = std::clamp(scroll_, 0.0f, maxScroll);
    dl->PushClipRect(ImVec2(pos.x - 4, top), ImVec2(pos.x + width + 4, bottom), true);
    float y = top - scroll_;
    for (size_t i = 0; i < frame.entries->size(); ++i)
        drawEntry(ctx, controls, pointer, (*frame.entries)[i], pos, width, frame, dl, y, top,
                  bottom, tops[i + 1] - tops[i] - 2);
    dl->PopClipRect();
    if (maxScroll > 0) { // a thin position indicator, as a scrollbar would show
        const float barH = std::max(24.0f, viewH * viewH / total);
        const float barY = top + (viewH - barH) * (scroll_ / maxScroll);
        dl->AddRectFilled(ImVec2(pos.x + width + 2, barY), ImVec2(pos.x + width + 5, barY + barH),
                          ctx.theme.colors().border, 2.0f);
    }
    menuOpen = false;
}

float SectionNav::drawBar(const UiContext& ctx, Controls& controls, const Pointer& pointer,
                          ImVec2 pos, float width, const Frame& frame) {
    const Colors& c = ctx.theme.colors();
    const Fonts& f = ctx.theme.fonts();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const NavEntry* cur = nullptr;
    for (const NavEntry& e : *frame.entries)
        if (e.id == frame.current) cur = &e;
    if (!cur && !frame.entries->empty()) cur = &frame.entries->front();
    const float h = 36.0f;
    const ImVec2 min = pos, max(pos.x + width, pos.y + h);
    const bool hovered = pointer.hovering(min, max);
    dl->AddRectFilled(min, max, hovered || menuOpen ? c.surfaceHover : c.surface, 8.0f);
    dl->AddRect(min, max, c.border, 8.0f);
    const std::string count = cur ? countLabel(*cur, frame.filtered) : std::string();
    const float countW = f.small->CalcTextSizeA(14.0f, 1e9f, 0.0f, count.c_str()).x;
    const float titleRight = max.x - 36 - countW;
    dl->PushClipRect(min, ImVec2(titleRight, max.y), true);
    if (cur)
        dl->AddText(f.smallBold, 15.0f, ImVec2(min.x + 12, min.y + 9), c.text, cur->title.c_str());
    dl->PopClipRect();
    dl->AddText(f.small, 14.0f, ImVec2(titleRight + 6, min.y + 10), c.textMuted, count.c_str());
    // A drawn caret: the UI fonts are subset and have no geometric shapes.
    const ImVec2 tip(max.x - 16, min.y + h * 0.5f + (menuOpen ? -3.0f : 3.0f));
    const float dy = menuOpen ? 6.0f : -6.0f;
    dl->AddTriangleFilled(ImVec2(tip.x - 5, tip.y + dy), ImVec2(tip.x + 5, tip.y + dy), tip,
                          c.text);
    if (frame.focusVisible && frame.focus == "nav-menu") drawFocusRing(dl, min, max, c.focus, 8);
    controls.add("nav-menu", min, max);
    dropdownPos_ = ImVec2(pos.x, max.y + 4);
    dropdownWidth_ = width;
    return h;
}

bool SectionNav::overDropdown(ImVec2 p) const {
    return menuOpen && dropdownMax_.y > dropdownPos_.y && p.x >= dropdownPos_.x &&
           p.x < dropdownMax_.x && p.y >= dropdownPos_.y && p.y < dropdownMax_.y;
}

void SectionNav::drawDropdown(const UiContext& ctx, Controls& controls, const Pointer& pointer,
                              const Frame& frame) {
    if (!menuOpen) {
        dropdownMax_ = dropdownPos_;
        dropdownOpen_ = false;
        dropDrag_ = DropDrag::None;
        return;
    }
    const Colors& c = ctx.theme.colors();
    const ImGuiIO& io = ImGui::GetIO();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const float width = dropdownWidth_ - 8;
    const std::vector<float>& tops = dropdownTops_.get(ctx, width, frame);
    const float total = tops.back();
    // At most down to the screen's bottom edge: 200 sections scroll inside the box (wheel, a
    // finger's drag), and the section being read (or the focused entry) is in view on opening.
    const float maxH = std::max(120.0f, io.DisplaySize.y - dropdownPos_.y - 12.0f);
    const float h = std::min(total + 8, maxH);
    const float viewH = h - 8;
    const float maxScroll = std::max(0.0f, total - viewH);
    const ImVec2 min = dropdownPos_, max(min.x + dropdownWidth_, min.y + h);
    dropdownMax_ = max;
    const std::string follow = frame.focusVisible && frame.focus.rfind("nav:", 0) == 0
                                   ? frame.focus.substr(4)
                                   : frame.current;
    if (!dropdownOpen_ || follow != dropFollowed_) {
        const bool opening = !dropdownOpen_;
        dropdownOpen_ = true;
        dropFollowed_ = follow;
        for (size_t i = 0; i < frame.entries->size(); ++i) {
            if ((*frame.entries)[i].id != follow) continue;
            if (opening) {
                dropScroll_ = tops[i] - viewH * 0.3f; // the current section, a third down
            } else {
                if (tops[i] < dropScroll_) dropScroll_ = tops[i];
                if (tops[i + 1] > dropScroll_ + viewH) dropScroll_ = tops[i + 1] - viewH;
            }
        }
    }
    const bool over = overDropdown(io.MousePos);
    if (over && io.MouseWheel != 0.0f) dropScroll_ -= io.MouseWheel * 60.0f;
    // A drag inside the box scrolls it (the cards below do not move: CardsView keeps the pointer
    // out of the card area while it is over the box); a drag never activates an entry.
    if (io.MouseClicked[0] && overDropdown(io.MouseClickedPos[0])) {
        dropDrag_ = DropDrag::Pressed;
        dropPressY_ = io.MouseClickedPos[0].y;
        dropStartScroll_ = dropScroll_;
    }
    if (dropDrag_ != DropDrag::None && (io.MouseDown[0] || io.MouseReleased[0])) {
        const float dy = io.MousePos.y - dropPressY_;
        if (dropDrag_ == DropDrag::Pressed && std::fabs(dy) > 8.0f) dropDrag_ = DropDrag::Dragging;
        if (dropDrag_ == DropDrag::Dragging) dropScroll_ = dropStartScroll_ - dy;
    }
    dropScroll_ = std::clamp(dropScroll_, 0.0f, maxScroll);

    dl->AddRectFilled(ImVec2(min.x + 2, min.y + 4), ImVec2(max.x + 2, max.y + 4),
                      IM_COL32(0, 0, 0, 60), 8.0f); // shadow
    dl->AddRectFilled(min, max, c.surface, 8.0f);
    dl->AddRect(min, max, c.border, 8.0f);
    // Clicks anywhere else inside the dropdown's box must not reach the cards below.
    controls.addBlocker(min, max);
    const float top = min.y + 4, bottom = max.y - 4;
    dl->PushClipRect(ImVec2(min.x, top), ImVec2(max.x, bottom), true);
    float y = top - dropScroll_;
    const Pointer& hover = pointer;
    for (size_t i = 0; i < frame.entries->size(); ++i)
        drawEntry(ctx, controls, hover, (*frame.entries)[i], ImVec2(min.x + 4, 0), width, frame, dl,
                  y, top, bottom, tops[i + 1] - tops[i] - 2);
    dl->PopClipRect();
    if (maxScroll > 0) { // a thin position indicator, as in the sidebar
        const float barH = std::max(24.0f, viewH * viewH / total);
        const float barY = top + (viewH - barH) * (dropScroll_ / maxScroll);
        dl->AddRectFilled(ImVec2(max.x - 6, barY), ImVec2(max.x - 3, barY + barH), c.border, 2.0f);
    }
    if (io.MouseReleased[0] && !io.MouseDown[0]) {
        releasedDrag_ = dropDrag_ == DropDrag::Dragging;
        dropDrag_ = DropDrag::None;
    } else {
        releasedDrag_ = false;
    }
}

} // namespace rx::ui
