#include "context_menu.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace rx::ui {
namespace {

constexpr float kPadX = 14.0f;
constexpr float kRowH = 34.0f; // a comfortable mouse row, and a usable finger target
constexpr float kMinWidth = 180.0f;
constexpr char kNodePrefix[] = "menu:";

bool inside(const ImVec4& r, ImVec2 p) {
    return p.x >= r.x && p.y >= r.y && p.x < r.x + r.z && p.y < r.y + r.w;
}

} // namespace

void ContextMenu::open(ImVec2 at, std::vector<MenuItem> items, bool byKeyboard) {
    items_ = std::move(items);
    rects_.clear();
    at_ = at;
    open_ = !items_.empty();
    appearing_ = true;
    focus_ = byKeyboard && open_ ? 0 : -1; // from the keyboard, the first item is ready for Enter
}

void ContextMenu::close() {
    open_ = false;
    items_.clear();
    rects_.clear();
    focus_ = -1;
}

bool ContextMenu::takesPointer() const {
    return open_;
}

std::string ContextMenu::draw(const Theme& theme) {
    if (!open_) return {};
    ImGuiIO& io = ImGui::GetIO();
    const Colors& c = theme.colors();
    ImFont* font = theme.fonts().body;
    const float fontSize = 15.0f;
    const int n = static_cast<int>(items_.size());
    const auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(key, true); };

    std::string chosen;
    if (!appearing_) {
        if (pressed(ImGuiKey_Escape)) {
            close();
            return {};
        }
        if (pressed(ImGuiKey_DownArrow) || (pressed(ImGuiKey_Tab) && !io.KeyShift))
            focus_ = (focus_ + 1) % n;
        if (pressed(ImGuiKey_UpArrow) || (pressed(ImGuiKey_Tab) && io.KeyShift))
            focus_ = focus_ <= 0 ? n - 1 : focus_ - 1;
        if (pressed(ImGuiKey_Home)) focus_ = 0;
        if (pressed(ImGuiKey_End)) focus_ = n - 1;
        if ((pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeypadEnter) || pressed(ImGuiKey_Space)) &&
            focus_ >= 0)
            chosen = items_[static_cast<size_t>(focus_)].id;
    }

    // Size and place: at the pointer, kept on screen (flipped left/up near the edges).
    float width = kMinWidth;
    for (const MenuItem& it : items_)
        width =
            std::max(width, font->CalcTextSizeA(fontSize, 1e9f, 0, it.label.c_str()).x + 2 * kPadX);
    const float height = n * kRowH + 8;
    ImVec2 pos = at_;
    if (pos.x + width > io.DisplaySize.x - 4) pos.x = std::max(4.0f, pos.x - width);
    if (pos.y + height > io.DisplaySize.y - 4) pos.y = std::max(4.0f, pos.y - height);
    box_ = ImVec4(pos.x, pos.y, width, height);

    // A transparent window over the whole canvas: nothing under the menu reacts to the pointer
    // while it is open (the click that closes it goes nowhere, as in a browser's menu).
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##context-menu", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoFocusOnAppearing);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 min(pos.x, pos.y), max(pos.x + width, pos.y + height);
    dl->AddRectFilled(ImVec2(min.x + 2, min.y + 4), ImVec2(max.x + 2, max.y + 4),
                      IM_COL32(0, 0, 0, 60), 8.0f);
    dl->AddRectFilled(min, max, c.surfaceHover, 8.0f);
    dl->AddRect(min, max, c.border, 8.0f);
    rects_.assign(items_.size(), ImVec4());
    const bool mouseMoved = io.MouseDelta.x != 0 || io.MouseDelta.y != 0;
    for (int i = 0; i < n; ++i) {
        const ImVec4 r(pos.x + 4, pos.y + 4 + i * kRowH, width - 8, kRowH);
        rects_[static_cast<size_t>(i)] = r;
        if (mouseMoved && inside(r, io.MousePos)) focus_ = i;
        const bool lit = i == focus_;
        if (lit) dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.x + r.z, r.y + r.w), c.accent, 5.0f);
        dl->AddText(font, fontSize, ImVec2(r.x + kPadX - 4, r.y + (kRowH - fontSize) * 0.5f - 1),
                    lit ? c.accentText : c.text, items_[static_cast<size_t>(i)].label.c_str());
        if (io.MouseClicked[0] && !appearing_ && inside(r, io.MouseClickedPos[0]))
            chosen = items_[static_cast<size_t>(i)].id;
    }
    const bool pressOutside = (io.MouseClicked[0] || io.MouseClicked[1]) && !appearing_ &&
                              !inside(box_, io.MouseClickedPos[io.MouseClicked[0] ? 0 : 1]);
    if (io.MouseWheel != 0.0f || pressOutside) {
        ImGui::End();
        ImGui::PopStyleVar(2);
        close();
        return {};
    }
    if (inside(box_, io.MousePos)) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::End();
    ImGui::PopStyleVar(2);
    appearing_ = false;
    return chosen;
}

std::string ContextMenu::itemAt(ImVec2 p) const {
    if (!open_) return {};
    for (size_t i = 0; i < items_.size() && i < rects_.size(); ++i)
        if (inside(rects_[i], p)) return items_[i].id;
    return {};
}

void ContextMenu::writeState(nlohmann::json& state) const {
    using nlohmann::json;
    if (!open_) {
        state["contextMenu"] = nullptr;
        return;
    }
    json items = json::array();
    for (size_t i = 0; i < items_.size(); ++i) {
        const ImVec4 r = i < rects_.size() ? rects_[i] : ImVec4();
        items.push_back({{"id", items_[i].id},
                         {"label", items_[i].label},
                         {"rect", {r.x, r.y, r.z, r.w}},
                         {"focused", static_cast<int>(i) == focus_}});
    }
    state["contextMenu"] = {{"items", items}, {"rect", {box_.x, box_.y, box_.z, box_.w}}};
}

void ContextMenu::addAccessNodes(AccessTree& tree) const {
    if (!open_) return;
    tree.open(AccessNode("menu", AccessRole::Menu, "Actions").at(box_.x, box_.y, box_.z, box_.w));
    for (size_t i = 0; i < items_.size(); ++i) {
        const ImVec4 r = i < rects_.size() ? rects_[i] : ImVec4();
        tree.add(AccessNode(kNodePrefix + items_[i].id, AccessRole::MenuItem, items_[i].label)
                     .at(r.x, r.y, r.z, r.w));
    }
    tree.close();
}

std::string ContextMenu::focusedNode() const {
    if (!open_ || focus_ < 0 || focus_ >= static_cast<int>(items_.size())) return {};
    return kNodePrefix + items_[static_cast<size_t>(focus_)].id;
}

std::string ContextMenu::accessRequest(const std::string& nodeId, const std::string& action) {
    for (size_t i = 0; open_ && i < items_.size(); ++i) {
        if (kNodePrefix + items_[i].id != nodeId) continue;
        focus_ = static_cast<int>(i);
        return action == "activate" ? items_[i].id : std::string();
    }
    return {};
}

} // namespace rx::ui
