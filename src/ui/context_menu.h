// The explorer's own context menu: opened by a right-click, the context-menu key,
// Shift+F10 or a long press, with items that depend on what is under the pointer. Drawn as a
// top-most ImGui window; Up/Down/Home/End move, Enter/Space choose, Esc or a click outside
// close. The App decides the items and runs the chosen one.
#pragma once
#include "access_tree.h"
#include "theme.h"

#include <imgui.h>
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace rx::ui {

struct MenuItem {
    std::string id;    // "copy", "copy-card", "copy-card-link", "search", "copy-quote", ...
    std::string label; // as shown
};

class ContextMenu {
  public:
    void open(ImVec2 at, std::vector<MenuItem> items, bool byKeyboard);
    void close();
    bool isOpen() const { return open_; }
    // Call before the views draw: whether the menu takes this frame's pointer press (a click
    // outside only closes it) and its keys.
    bool takesPointer() const;
    // Draws the open menu; returns the chosen item's id, or "".
    std::string draw(const Theme& theme);
    void writeState(nlohmann::json& state) const; // state().contextMenu
    // The item drawn at `p` in the last frame ("" = none, or the menu is closed).
    std::string itemAt(ImVec2 p) const;

    // The open menu as a `menu` of `menuitem`s with ids "menu:<item id>"; a screen
    // reader reads the item the keyboard is on, which focusedNode() names ("" = none).
    void addAccessNodes(AccessTree& tree) const;
    std::string focusedNode() const;
    // A twin's focus ("focus") or default action ("activate") on node `nodeId`: moves the
    // highlight; returns the chosen item's id for "activate", else "".
    std::string accessRequest(const std::string& nodeId, const std::string& action);

  private:
    std::vector<MenuItem> items_;
    std::vector<ImVec4> rects_; // x, y, w, h of each item this frame
    ImVec2 at_;
    ImVec4 box_;
    int focus_ = -1; // keyboard-highlighted item
    bool open_ = false;
    bool appearing_ = false;
};

} // namespace rx::ui
