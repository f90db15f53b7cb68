// What every view gets each frame: the model, the theme, the host, and a way to ask the App
// for cross-view navigation. Views keep only UI state of their own.
#pragma once
#include "access_tree.h"
#include "copy_payload.h"
#include "host.h"
#include "model.h"
#include "theme.h"

#include <imgui.h>

#include <limits>
#include <string>
#include <vector>

namespace rx::ui {

struct UiContext {
    UiContext(Host& h, const Model& m, const Theme& t) : host(h), model(m), theme(t) {}

    Host& host;
    const Model& model;
    const Theme& theme;
    double nowMs = 0;
    bool reducedMotion = false;
    bool embed = false;
    bool showControls = true;
    // The pointer is a finger (SDL's touch-made mouse events): drags scroll, a long press selects.
    bool touch = false;
    // Presses in a row at this frame's left-button press, counted by the platform from the
    // events' own times (1 single, 2 double, 3 triple, ...); 0 = unknown (count per frame).
    int pressClicks = 0;
    // The platform's input serial of that press (0 = unknown): orders it against twin focus
    // changes.
    unsigned pressSerial = 0;
    // The speed (px/ms, positive = down) of the pointer at a left release applied this frame,
    // measured by the platform from the events' own times; NaN = unknown.
    float releaseVelocity = std::numeric_limits<float>::quiet_NaN();
    // The context menu is open: it takes the keys, and the click that closes it goes nowhere.
    bool menuOpen = false;
    bool pointerBlocked = false;

    // The App's top-bar buttons (and the search field's place among them), in Tab order: a
    // view that runs its own Tab order puts them first, so Tab reaches every control.
    struct TopBarStop {
        std::string id; // "app:view-cards", "app:view-matrix", "search", "app:copy-link", ...
        ImVec2 min, max;
    };
    std::vector<TopBarStop> topBarStops;

    // Requests handled by the App after the frame.
    std::string activateTopBar;  // a top-bar stop activated from the keyboard (Enter/Space)
    std::string jumpToCard;      // switch to the cards view, open and highlight this card
    std::string switchView;      // "cards" | "matrix"
    bool animating = false;      // a view has an animation running: keep drawing
    bool needWholeModel = false; // a large document must be read to its end now (an open card)
    bool openMenu = false;       // a view asks for the context menu at `menuAt` (long press)
    ImVec2 menuAt;

    void announce(const std::string& text) const; // aria-live, for screen readers

    // The accessibility tree this frame's controls go into, and what the page's DOM
    // twins asked for since the last frame: each view takes the requests for its own ids.
    struct AccessRequest {
        std::string id;     // control id, as in the tree
        std::string action; // "focus" | "activate" | "set" (text fields) | "submit" | "submit-back"
        std::string value;
    };
    AccessTree* access = nullptr;
    // ImGui buttons that copy declare their payload here as they are drawn (see CopyButtons).
    CopyButtons* copyButtons = nullptr;
    std::vector<AccessRequest> accessRequests;
};

// The last ImGui item's box as a tree node rect.
AccessNode& atLastItem(AccessNode& node);
AccessNode atLastItem(AccessNode&& node);
// Gives the last ImGui item the keyboard focus with a visible ring (a DOM twin got the focus).
void focusLastItem();
// True when the last ImGui item has the keyboard focus and its ring shows.
bool lastItemKeyboardFocused();

} // namespace rx::ui
