// The cards view: each section as a heading over a responsive grid of cards.
#pragma once
#include "model.h"
#include "theme.h"

#include <imgui.h>

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
    void draw(const Model& model, const Theme& theme);
    const std::vector<CardOnScreen>& cardsOnScreen() const { return onScreen_; }
    const std::string& openCard() const { return openCard_; }
    void setOpenCard(const std::string& id) { openCard_ = id; }

  private:
    void drawSection(const Section& section, const Theme& theme, float columnsWidth);
    std::vector<CardOnScreen> onScreen_;
    std::string openCard_;
};

} // namespace rx::ui
