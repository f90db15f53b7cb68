// The cards view: each section as a heading over a responsive grid of cards.
#pragma once
#include "ui_context.h"
#include "url_state.h"

#include <imgui.h>
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace rx::ui {

// Where a card was drawn this frame, in CSS pixels of the page (for state() and tests).
struct CardOnScreen {
    std::string id;
    bool visible = false;
    ImVec4 rect; // x, y, w, h
};

class CardsView {
  public:
    void draw(UiContext& ctx);
    // Controls drawn in the App's top bar while this view is shown (search field).
    void drawTopBarControls(UiContext& ctx);
    void applyUrl(const UrlState& url);
    void writeUrl(UrlState& url) const;
    void writeState(nlohmann::json& state) const; // adds sections[], openCard, ...
    void revealCard(const std::string& id);       // open, scroll to and highlight

  private:
    void drawSection(UiContext& ctx, const Section& section, float width);
    std::vector<CardOnScreen> onScreen_;
    std::string openCard_;
    const Model* model_ = nullptr;
};

} // namespace rx::ui
