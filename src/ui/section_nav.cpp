#include "section_nav.h"

#include <algorithm>

namespace rx::ui {

std::string countLabel(const NavEntry& e, bool filtered) {
    if (filtered && e.shown != e.total)
        return std::to_string(e.shown) + "/" + std::to_string(e.total);
    return std::to_string(e.total);
}

namespace {

// One entry: title on the left, count on the right, accent bar when current.
void drawEntry(const UiContext& ctx, Controls& controls, const Pointer& pointer, const NavEntry& e,
               ImVec2 pos, float width, const SectionNav::Frame& frame, ImDrawList* dl, float& y) {
    const Colors& c = ctx.theme.colors();
    const Fonts& f = ctx.theme.fonts();
    const bool current = e.id == frame.current;
    const std::string count = countLabel(e, frame.filtered);
    const float countW = f.small->CalcTextSizeA(14.0f, 1e9f, 0.0f, count.c_str()).x;
    const float textW = width - 24 - countW - 8;
    const ImVec2 ts = current ? f.smallBold->CalcTextSizeA(15.0f, 1e9f, textW, e.title.c_str())
                              : f.small->CalcTextSizeA(15.0f, 1e9f, textW, e.title.c_str());
    const float h = std::max(34.0f, ts.y + 14.0f);
    const ImVec2 min(pos.x, y), max(pos.x + width, y + h);
    const std::string id = "nav:" + e.id;
    const bool hovered = pointer.hovering(min, max);
    if (current || hovered) dl->AddRectFilled(min, max, c.surfaceHover, 6.0f);
    if (current) dl->AddRectFilled(min, ImVec2(min.x + 4, max.y), c.accent, 2.0f);
    dl->AddText(current ? f.smallBold : f.small, 15.0f, ImVec2(min.x + 14, min.y + 7),
                e.shown == 0 ? c.textMuted : c.text, e.title.c_str(), nullptr, textW);
    dl->AddText(f.small, 14.0f, ImVec2(max.x - 10 - countW, min.y + 8), c.textMuted, count.c_str());
    if (frame.focusVisible && frame.focus == id) drawFocusRing(dl, min, max, c.focus, 6.0f);
    controls.add(id, min, max);
    y += h + 2;
}

} // namespace

void SectionNav::drawSidebar(const UiContext& ctx, Controls& controls, const Pointer& pointer,
                             ImVec2 pos, float width, const Frame& frame) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Fonts& f = ctx.theme.fonts();
    dl->AddText(f.smallBold, 13.0f, ImVec2(pos.x + 14, pos.y + 4), ctx.theme.colors().textMuted,
                "SECTIONS");
    float y = pos.y + 28;
    for (const NavEntry& e : *frame.entries)
        drawEntry(ctx, controls, pointer, e, pos, width, frame, dl, y);
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

void SectionNav::drawDropdown(const UiContext& ctx, Controls& controls, const Pointer& pointer,
                              const Frame& frame) {
    if (!menuOpen) return;
    const Colors& c = ctx.theme.colors();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const float entryH = 36.0f;
    const float h = frame.entries->size() * entryH + 8;
    const ImVec2 min = dropdownPos_, max(min.x + dropdownWidth_, min.y + h);
    dl->AddRectFilled(ImVec2(min.x + 2, min.y + 4), ImVec2(max.x + 2, max.y + 4),
                      IM_COL32(0, 0, 0, 60), 8.0f); // shadow
    dl->AddRectFilled(min, max, c.surface, 8.0f);
    dl->AddRect(min, max, c.border, 8.0f);
    // Clicks anywhere else inside the dropdown's box must not reach the cards below.
    controls.addBlocker(min, max);
    float y = min.y + 4;
    for (const NavEntry& e : *frame.entries)
        drawEntry(ctx, controls, pointer, e, ImVec2(min.x + 4, 0), dropdownWidth_ - 8, frame, dl,
                  y);
}

} // namespace rx::ui
