// What every view gets each frame: the model, the theme, the host, and a way to ask the App
// for cross-view navigation. Views keep only UI state of their own.
#pragma once
#include "host.h"
#include "model.h"
#include "theme.h"

#include <string>

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

    // Requests handled by the App after the frame.
    std::string jumpToCard; // switch to the cards view, open and highlight this card
    std::string switchView; // "cards" | "matrix"
    bool animating = false; // a view has an animation running: keep drawing

    void announce(const std::string& text) const; // aria-live, for screen readers
};

} // namespace rx::ui
