// The explorer's top level: owns the model and the views, keeps the URL state in sync with
// them (deep links, history), and answers state().
#pragma once
#include "context_menu.h"
#include "fallback_glyphs.h"
#include "host.h"
#include "model.h"
#include "text_input.h"
#include "theme.h"
#include "ui_context.h"
#include "url_state.h"
#include "view_cards.h"
#include "view_matrix.h"

#include <limits>

#include <cstdint>
#include <string>
#include <vector>

namespace rx::ui {

enum class View { Cards, Matrix };

class App {
  public:
    explicit App(Host& host) : host_(host) {}

    // --- lifecycle, driven by the platform layer ---
    void addFile(const std::string& name, std::string bytes);
    // A file that arrived after start (the extended font, fetched on demand).
    void fileArrived(const std::string& name);
    bool started() const { return started_; }
    // The regular face arrived: without it nothing can draw text (ImGui's own font is not linked).
    bool hasFonts() const;
    void start(const std::string& initialUrlState);
    void setPixelRatio(float dpr) { theme_.setPixelRatio(dpr); }
    bool fontsDirty() const { return theme_.fontsDirty(); }
    // scale= (projectors): the platform zooms the whole UI by it.
    float uiScale() const { return theme_.scale(); }
    void rebuildFonts();
    // Glyphs the fonts lack, drawn by the page (web/glyphs.js, "glyphs" host call): its answers
    // for the batch that is out; before the next frame the new glyphs join the faces.
    void fallbackGlyph(int generation, char32_t codePoint, const GlyphBitmap& bitmap);
    void fallbackGlyphMissing(int generation, char32_t codePoint);
    void fallbackBatchDone(int generation);
    bool prepareFallbackGlyphs(); // before NewFrame: true when glyphs joined the faces
    FallbackGlyphs& fallbackGlyphs() { return fallback_; }
    void draw(); // between ImGui::NewFrame and ImGui::Render
    void frameRendered();
    // Frames must go on: a view animates, or a large document is still being read.
    bool animating() const { return animating_ || loading_; }
    bool contentComplete() const { return model_.complete; } // a large document read to its end
    Rgba clearColor() const;

    // --- requests from the page ---
    void applyUrlState(const std::string& hashOrQuery);
    void paste(const std::string& text);
    // The browser's contextmenu event at (x, y) CSS px of the canvas: opens ours (returns true:
    // the page then suppresses the browser's). `touch`: from a long press.
    bool requestContextMenu(float x, float y, bool touch);
    // What a copy event in the page copies: the selected text ("" = none, the browser's own).
    std::string selectedText() const;
    // Every drawn word of the current view (tests, a future DOM text layer).
    std::string textLayoutJson() const;
    // The last pointer event came from a finger (SDL marks touch-made mouse events).
    void setTouchInput(bool touch) { touchInput_ = touch; }
    // The left press ImGui applies this frame: SDL's click count and its input serial (which
    // orders it against twin focus changes, see twinFocus).
    void setPress(int clicks, unsigned serial) {
        pressClicks_ = clicks;
        pressSerial_ = serial;
    }
    // The speed (px/ms, positive = down) the pointer lifted at in the release ImGui applies this
    // frame, from the events' own times; NaN = unknown (the view measures by frames).
    void setReleaseVelocity(float pxPerMs) { releaseVelocity_ = pxPerMs; }
    void copyToSystemClipboard(const std::string& text);
    // What a click pressed at `press` and released at `release` (ImGui px) would copy, as JSON
    // (copy_payload.h), so the page can write it inside the user's own event; "" = nothing.
    std::string copyPayloadAt(ImVec2 press, ImVec2 release) const;
    // window.explorer.state(); cardLists = false leaves out each card's details (cards view).
    std::string stateJson(bool cardLists = true) const;
    // The print rendition (app_print.cpp): "" = what is shown now, else that URL state.
    std::string printHtml(const std::string& hashOrQuery);
    // The Embed panel (app_embed.cpp): {theme, transparent, scale, controls, width, height,
    // title, base} -> {url, reveal, page} for the current view.
    std::string embedCode(const std::string& optionsJson);
    // A DOM twin asked for something: applied at the next frame, like a click or key.
    void accessRequest(const std::string& id, const std::string& action, const std::string& value);

    // --- the text fields' DOM twins (web/textagent.js, src/platform/text_agent.cpp) ---
    TextField* textField(const std::string& id); // "search" (cards) or "mfilter" (matrix)
    void twinInput(const std::string& id, const DomTextState& state);
    // `serial`: the platform's input serial when the twin's focus changed.
    void twinFocus(const std::string& id, bool focused, unsigned serial);
    // A key of the explorer's own pressed in a twin (Enter, F3, Esc, ...); false: not handled.
    bool twinKey(const std::string& id, FieldKey key);
    // A key pressed in the canvas that concerns a text field: "focus:<id>" (the page focuses
    // that twin, text selected), "handled", or "" (the explorer takes the key as before).
    std::string canvasKey(CanvasKey key);

  private:
    void drawTopBar(UiContext& ctx);
    void drawErrorPanel();
    void drawTopBarRight(UiContext& ctx); // "Copy link" and the theme toggle, right-aligned
    void addTopBarStop(UiContext& ctx, const char* id); // the last drawn item, in Tab order
    void drawTopBarFocus(const UiContext& ctx);         // the ring on a top-bar button Tab reached
    void activateTopBar(UiContext& ctx, const std::string& id);
    void copyLink();
    std::string viewLinkHash() const; // the link Copy link copies
    CopyPayload menuCopyPayload(const std::string& id) const;
    void openContextMenu(UiContext& ctx, ImVec2 at, bool byKeyboard);
    void runMenuItem(UiContext& ctx, const std::string& id);
    void toggleTheme();
    void drawEmbedLink();                    // embed mode: "Open full explorer" in a corner
    void takeAccessRequests(UiContext& ctx); // the App's own ids ("app:...", "errors")
    void addTopBarNode(UiContext& ctx, AccessNode node); // at the last item; takes a pending focus
    void publishAccessTree();                            // to the page, when it changed
    void releaseFocusOnEscape(bool escPressed, bool wasTyping);
    void handleRequests(UiContext& ctx);
    void syncUrl(); // compose the URL from the views; push or replace history
    UrlState composeUrl() const;
    void applyThemePreference();
    void publishTextFields(); // the drawn fields for the page's twins, when they changed
    void noteMissingGlyphs(const std::string& text); // for the page to draw
    void requestFallbackGlyphs();                    // the next batch, if none is out
    std::vector<const TextField*> drawnTextFields() const;
    std::string fullExplorerHash() const; // the current state without the embed params

    Host& host_;
    Model model_;
    Theme theme_;
    FallbackGlyphs fallback_;
    CardsView cards_;
    MatrixView matrix_;
    View view_ = View::Cards;
    std::string themePref_ = "auto"; // "auto" | "light" | "dark"
    UrlState url_;                   // what the page URL shows now
    bool urlApplied_ = false;        // the page handed us a URL: write it back (replace) once drawn
    double linkCopiedAtMs_ = -1e9;
    float embedLinkRect_[4] = {0, 0, 0, 0}; // x, y, w, h in CSS pixels (state() for tests)
    CopyButtons copyButtons_;
    float copyLinkRect_[4] = {0, 0, 0, 0};
    float embedButtonRect_[4] = {0, 0, 0, 0};
    float themeButtonRect_[4] = {0, 0, 0, 0};
    float cardsTabRect_[4] = {0, 0, 0, 0};
    float matrixTabRect_[4] = {0, 0, 0, 0};
    AccessTree access_;
    std::vector<UiContext::AccessRequest> accessQueue_;
    std::uint64_t sentStructure_ = 0, sentGeometry_ = 0;
    std::string sentFocus_;
    double lastTreeSendMs_ = -1e9;
    double lastTypedMs_ = -1e9;      // a text field's text last changed
    double treeWakeDueMs_ = -1e9;    // a wake asked for to send a tree held back while typing
    long accessSends_ = 0;           // trees handed to the page (state(): rebuilt only on change)
    std::string pendingTopBarFocus_; // matrix view: a top-bar twin got the DOM focus
    std::string topBarFocus_;        // matrix view: the top-bar button ImGui's keyboard focus is on
    bool toggleErrors_ = false;      // the error panel's header was activated from its twin
    long frames_ = 0;
    int missingGlyphs_ = 0; // of the content
    bool loading_ = false;  // a large document is still being read
    unsigned contentCharsVersion_ = 0;
    static constexpr double kLoadSliceMs = 6.0; // of reading a large document per frame
    int typedMissing_ = 0;           // distinct characters in the text fields the fonts lack
    std::string typedCounted_;       // the text fields' text typedMissing_ counted
    std::string publishedFieldsKey_; // TextField::appendReportKey of the fields last sent
    bool extendedFontRequested_ = false;
    bool started_ = false;
    bool animating_ = false;
    bool touchInput_ = false;
    int pressClicks_ = 0;
    unsigned pressSerial_ = 0;
    float releaseVelocity_ = std::numeric_limits<float>::quiet_NaN();
    // The context menu and what it was opened over.
    ContextMenu menu_;
    bool menuRequested_ = false;
    bool menuByKeyboard_ = false;
    ImVec2 menuRequestAt_;
    std::string menuCard_, menuWord_, menuSelection_;
    MatrixView::ContextTarget menuCell_;
};

} // namespace rx::ui
