// Input plumbing of the cards view that Dear ImGui does not give: a per-frame registry of
// clickable/focusable controls (Tab order, hit testing), drag-to-scroll with a fling and smooth
// wheel scrolling, and the chip widget shared by the search bar, section nav and cards.
#pragma once
#include "scroll_physics.h"

#include <imgui.h>

#include <limits>
#include <string>
#include <vector>

namespace rx::ui {

inline bool contains(ImVec2 min, ImVec2 max, ImVec2 p) {
    return p.x >= min.x && p.y >= min.y && p.x < max.x && p.y < max.y;
}

// Controls drawn this frame, in Tab order. The previous frame's list answers Tab and clicks
// that arrive before this frame's controls are drawn.
class Controls {
  public:
    void beginFrame();
    // A clickable and focusable control; `clipMin/Max` limit where it can be hit.
    void add(const std::string& id, ImVec2 min, ImVec2 max);
    void addClipped(const std::string& id, ImVec2 min, ImVec2 max, ImVec2 clipMin, ImVec2 clipMax);
    void addBlocker(ImVec2 min, ImVec2 max); // swallows clicks (an overlay's background)
    void
    addFocusOnly(const std::string& id); // reachable by Tab but not on screen (off-screen card)
    std::string hitAt(ImVec2 p) const;   // topmost (last added) control under p, or ""
    // The control after/before `current` in Tab order ("" = before the first/after the last).
    std::string step(const std::string& current, bool forward) const;
    bool has(const std::string& id) const;
    bool rectOf(const std::string& id, ImVec2& min, ImVec2& max) const;
    template <class F> void forEachHit(F f) const {
        for (const Hit& h : hits_) f(h.id, h.min, h.max);
    }

  private:
    struct Hit {
        std::string id;
        ImVec2 min, max;
    };
    std::vector<Hit> hits_;
    std::vector<std::string> order_;
    std::vector<std::string> prevOrder_;
};

// Mouse/touch over the card area: press, click (press and release on the same control, no
// drag), drag-to-scroll with a fling on release, and smooth wheel scrolling. While `selecting`
// (a mouse press on text, a touch selection handle) a drag selects instead of scrolling.
class Pointer {
  public:
    // Before drawing. `overUi`: the mouse is over the explorer (not another ImGui window).
    // `releaseVelocity`: the pointer's speed (px/ms, positive = down) at a release this frame,
    // measured from the events' own times; NaN = unknown, then frame times estimate it.
    void update(bool overUi, ImVec2 areaMin, ImVec2 areaMax, double nowMs, ScrollMotion& motion,
                float maxScroll, bool reducedMotion, bool selecting = false,
                float releaseVelocity = std::numeric_limits<float>::quiet_NaN());
    // The press under way ends in no click (a double-click selected a word, a long press fired).
    void suppressClick() { suppressClick_ = true; }
    bool pressed() const { return pressed_; }
    // The speed (px/ms) the last drag was released at: the fling's start (state() for tests).
    float releaseVelocity() const { return releaseVelocity_; }
    ImVec2 pressPos() const { return pressPos_; }
    // After drawing: the control to activate this frame ("" none, "#background" = a click on
    // the card area outside every control, "#outside" = elsewhere).
    std::string resolveClick(const Controls& controls);
    bool dragging() const { return dragging_; }
    bool pressedThisFrame() const { return pressedNow_; }
    bool hovering(ImVec2 min, ImVec2 max) const;

  private:
    DragVelocity velocity_;
    ImVec2 pressPos_;
    float startScroll_ = 0;
    bool pressed_ = false;
    bool pressedNow_ = false;
    bool releasedNow_ = false;
    bool pressInArea_ = false;
    bool dragging_ = false;
    bool overUi_ = false;
    bool suppressClick_ = false;
    float releaseVelocity_ = 0;
    std::string pressId_;
};

struct ChipStyle {
    ImFont* font = nullptr;
    float size = 14.0f;
    ImU32 bg = 0, bgHover = 0, text = 0, border = 0;
    float padX = 10.0f, padY = 5.0f;
};

ImVec2 chipSize(const ChipStyle& style, const std::string& label);
void drawChip(ImDrawList* dl, ImVec2 pos, ImVec2 size, const std::string& label,
              const ChipStyle& style, bool hovered);
void drawFocusRing(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 color, float rounding);

} // namespace rx::ui
