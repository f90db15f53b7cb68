// Section navigation of the cards view: a sidebar on wide screens, a one-line bar with a
// dropdown on narrow ones. Entries show item counts; the section being read (scroll-spy) is
// highlighted. Entries register as "nav:<section id>" controls; the bar button as "nav-menu".
#pragma once
#include "card_input.h"
#include "ui_context.h"

#include <string>
#include <utility>
#include <vector>

namespace rx::ui {

struct NavEntry {
    std::string id;
    std::string title;
    int shown = 0; // cards shown under the current filter
    int total = 0;
    std::string controlId; // "nav:" + id, made once: 200 sections are drawn every frame
    // Its accessible description ("3/50 cards"), remade only when the count it says changes.
    std::string description;
    int describedShown = -1;
    bool describedFiltered = false;

    NavEntry(std::string id_, std::string title_, int total_)
        : id(std::move(id_)), title(std::move(title_)), total(total_), controlId("nav:" + id) {}
    const std::string& describe(bool filtered);
};

class SectionNav {
  public:
    struct Frame {
        const std::vector<NavEntry>* entries = nullptr;
        std::string current; // section id being read
        std::string focus;
        bool focusVisible = false;
        bool filtered = false;       // a tag or hidden search: show "shown of total"
        unsigned entriesVersion = 0; // changes whenever the entries' ids, titles or totals do
    };
    // The sidebar list in `height` from `pos`; it scrolls when taller.
    void drawSidebar(const UiContext& ctx, Controls& controls, const Pointer& pointer, ImVec2 pos,
                     float width, float height, const Frame& frame);
    float sidebarScroll() const { return scroll_; }
    // Returns the bar's height.
    float drawBar(const UiContext& ctx, Controls& controls, const Pointer& pointer, ImVec2 pos,
                  float width, const Frame& frame);
    // The open dropdown, over everything; call after the cards so its entries are hit first.
    void drawDropdown(const UiContext& ctx, Controls& controls, const Pointer& pointer,
                      const Frame& frame);
    bool menuOpen = false;
    // The point is over the open dropdown's box (as drawn last frame).
    bool overDropdown(ImVec2 p) const;
    // A finger or mouse is dragging the dropdown's list, or released such a drag this frame:
    // that press activates nothing.
    bool dropdownDragging() const { return dropDrag_ == DropDrag::Dragging || releasedDrag_; }
    float dropdownScroll() const { return dropScroll_; }

  private:
    // Where each entry starts in a list `width` wide, and (last) the list's height. Entries are
    // measured (their titles wrap) once per width, entries and filter state, not every frame: a
    // count's width does not change an entry's height (room is kept for "total/total").
    class EntryTops {
      public:
        const std::vector<float>& get(const UiContext& ctx, float width, const Frame& frame);

      private:
        std::vector<float> regular_, bold_; // each entry's height, plain and as the current one
        std::vector<float> tops_;
        float width_ = -1;
        const void* font_ = nullptr;
        bool filtered_ = false;
        unsigned version_ = 0;
        std::string current_;
    };
    EntryTops sidebarTops_, dropdownTops_;
    ImVec2 dropdownPos_;
    ImVec2 dropdownMax_; // the box drawn last frame
    float dropdownWidth_ = 0;
    bool dropdownOpen_ = false;
    std::string dropFollowed_;
    float dropScroll_ = 0;
    enum class DropDrag : unsigned char { None, Pressed, Dragging };
    DropDrag dropDrag_ = DropDrag::None;
    bool releasedDrag_ = false;
    float dropPressY_ = 0, dropStartScroll_ = 0;
    float scroll_ = 0;     // the sidebar list's offset
    std::string followed_; // the entry last kept in view
};

std::string countLabel(const NavEntry& e, bool filtered);

} // namespace rx::ui
