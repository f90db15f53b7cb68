// The explorer's top level: owns the model and the views, routes URL state, answers state().
#pragma once
#include "host.h"
#include "model.h"
#include "theme.h"
#include "view_cards.h"

#include <string>

namespace rx::ui {

enum class View { Cards, Matrix };

class App {
  public:
    explicit App(Host& host) : host_(host) {}

    // --- lifecycle, driven by the platform layer ---
    void addFile(const std::string& name, std::string bytes);
    void start(const std::string& initialUrlState);
    void setPixelRatio(float dpr) { theme_.setPixelRatio(dpr); }
    bool fontsDirty() const { return theme_.fontsDirty(); }
    void rebuildFonts();
    void draw(); // between ImGui::NewFrame and ImGui::Render
    void frameRendered();
    bool animating() const;
    bool wantsMoreFrames() const;
    Rgba clearColor() const { return theme_.colors().clear; }

    // --- requests from the page ---
    void applyUrlState(const std::string& hash);
    void paste(const std::string& text);
    void copyToSystemClipboard(const std::string& text);
    std::string stateJson() const;

  private:
    void drawTopBar();
    void drawErrorPanel();

    Host& host_;
    Model model_;
    Theme theme_;
    CardsView cards_;
    View view_ = View::Cards;
    long frames_ = 0;
    int missingGlyphs_ = 0;
    bool started_ = false;
};

} // namespace rx::ui
