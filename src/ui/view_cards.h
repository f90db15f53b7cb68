// The cards view: the document's sections as grids of cards in one scrolling area, with section
// navigation (section_nav), search (search_bar), tag filter, related-card links, keyboard focus,
// drag/fling and smooth wheel scrolling (card_input), and copy to the system clipboard.
// Layout is computed only when the width, the filter, the open card or the data change; only
// cards inside the scroll area are drawn.
#pragma once
#include "card_input.h"
#include "copy_payload.h"
#include "rich_text.h"
#include "search_bar.h"
#include "section_nav.h"
#include "text_selection.h"
#include "ui_context.h"
#include "url_state.h"

#include <imgui.h>
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <unordered_map>
#include <vector>

namespace rx::ui {

// Where a card was drawn this frame, in CSS pixels of the page (for state() and tests).
struct CardOnScreen {
    bool visible = false;
    ImVec4 rect; // x, y, w, h
    // A cut body: its last word's right end, the ellipsis' left and right, the text's right edge.
    bool cut = false;
    ImVec4 cutEdges;
};

// The cards drawn this frame, by id. Its entries (and their ids' buffers) are reused from frame
// to frame: a map cleared every frame allocated a node and a key for every card drawn.
class CardsOnScreen {
  public:
    void clear() { count_ = 0; }
    CardOnScreen& add(const std::string& id); // the card's entry, new or already added
    const CardOnScreen* find(const std::string& id) const;
    template <class F> void forEach(F&& f) const {
        for (size_t i = 0; i < count_; ++i) f(entries_[i].id, entries_[i].shown);
    }

  private:
    struct Entry {
        std::string id;
        CardOnScreen shown;
    };
    std::vector<Entry> entries_;
    size_t count_ = 0;
};

class CardsView {
  public:
    void draw(UiContext& ctx);
    // Controls drawn in the App's top bar while this view is shown (search field).
    void drawTopBarControls(UiContext& ctx);
    void applyUrl(const UrlState& url);
    void writeUrl(UrlState& url) const;
    // Adds sections[], openCard, search, ... Without cardLists, a section names only the ids of
    // its cards drawn on screen and of those matching the search instead of every card's details.
    void writeState(nlohmann::json& state, bool cardLists = true) const;
    void revealCard(const std::string& id); // open, scroll to and highlight
    // Requests of the DOM twins for this view's controls (before the top bar is drawn).
    void takeAccessRequests(UiContext& ctx);
    void focusFromTwin(const std::string& id); // a twin got the DOM focus: ring and scroll

    // Selection (cards_selection.cpp).
    bool hasSelection() const { return selA_.valid() && selA_ != selF_; }
    std::string selectedText() const;
    void clearSelection();
    void writeSelectionState(nlohmann::json& state) const;
    std::string textLayoutJson() const; // every drawn word: block, line, rect, bytes (tests)
    // What is at (x, y) for the context menu: the card, the word there, the selection.
    struct ContextTarget {
        std::string card;      // item id, or ""
        std::string selection; // selected text ("" none)
        std::string word;      // the word under the point, or the selection
    };
    ContextTarget contextTarget(ImVec2 p, bool byKeyboard) const;
    ImVec2 keyboardMenuPoint() const; // where a menu opened from the keyboard appears
    void copyText(UiContext& ctx, const std::string& text, const char* what);
    void copyCardText(UiContext& ctx, const std::string& itemId) { copyCard(ctx, itemId); }
    void searchFor(UiContext& ctx, const std::string& text);
    void copyCardLink(UiContext& ctx, const std::string& itemId);
    // What copying a card's text or link copies ({} for an unknown card).
    static CopyPayload cardTextPayload(const Model& model, const std::string& itemId);
    static CopyPayload cardLinkPayload(const std::string& itemId);
    // What a click pressed at `press` and released at `release` copies: a card's Copy text
    // button, the selection toolbar's Copy and Copy link ({} elsewhere, or a drag between two).
    CopyPayload copyPayloadAt(ImVec2 press, ImVec2 release, const Model& model) const;

    // The control with keyboard focus ("app:theme", "card:<id>", ...) and whether its ring shows.
    const std::string& focusedControl() const { return focus_; }
    bool focusVisible() const { return focusVisible_; }

    // The search field and its DOM twin (web/textagent.js).
    TextField& searchField() { return search_.field(); }
    const TextField& searchField() const { return search_.field(); }
    // The twin took or lost the keyboard focus (a tap, a click, a shortcut, a click elsewhere).
    void searchTwinFocus(bool focused, unsigned serial);
    void stepSearch(bool forward); // Enter, F3, Ctrl+G: the next / previous match
    void escapeSearch();           // Esc in the field: clear the search and leave the field
    // A search is still testing cards (or waiting for a large document's rest).
    bool searchPending() const { return search_.searching() && !search_.complete(); }

  private:
    nlohmann::json sectionsState(bool cardLists) const; // state().sections
    struct CardBox {
        size_t section = 0, item = 0;
        int searchCard = -1; // index into SearchIndex::cards
        ImVec2 pos, size;    // content coordinates (x from the grid's left, y from the top)
        float titleH = 0;
        bool truncated = false;
        RichText title;
        int titleBlock = -1, bodyBlock = -1; // in blocks_
    };
    struct SectionBox {
        size_t section = 0;
        float y = 0;
        size_t firstCard = 0, cardCount = 0; // range in cards_
    };
    // A paragraph outside the cards (the intro, a section lead, the closing text), laid out.
    struct PlacedProse {
        const RichText* text = nullptr;
        float y = 0, x = 0, width = 0;
        bool muted = false;
        float size = 16.0f;
        int block = -1;
    };
    struct LayoutKey {
        float width = -1;
        std::string open, tag;
        bool hide = false;
        unsigned searchVersion = 0;
        const void* font = nullptr;
        float dpr = 0;
        unsigned docVersion = 0; // a large document grows while it is read
        bool complete = true;
        bool operator==(const LayoutKey& o) const {
            return width == o.width && open == o.open && tag == o.tag && hide == o.hide &&
                   searchVersion == o.searchVersion && font == o.font && dpr == o.dpr &&
                   docVersion == o.docVersion && complete == o.complete;
        }
    };

    void bindModel(const Model& model);
    LayoutKey layoutKey(const UiContext& ctx, float width) const;
    // Only the document grew since the last layout (a large document being read), nothing else
    // changed and no filter is on: the new sections can be laid out after the others.
    bool layoutOnlyGrew(const LayoutKey& key) const;
    void ensureLayout(const UiContext& ctx, float width);
    void beginLayout(const UiContext& ctx, float width, bool filtered); // clears; the intro
    void layoutSection(const UiContext& ctx, size_t s, bool filtered);  // at laid_.y
    CardBox layoutCard(const UiContext& ctx, size_t s, size_t i, int column);
    void addProse(const UiContext& ctx, const RichText& text, bool muted, float size, float after,
                  std::string blockId, float& y);
    // A selectable text block (made only when blocks_ does not have it yet); returns its index.
    template <class MakeId, class MakeText>
    int addBlock(MakeId&& makeId, MakeText&& makeText, const std::string& owner);
    bool shownByFilter(size_t section, size_t item, int searchCard) const;
    bool matchesSearch(int searchCard) const;  // a known match (or no search)
    bool dimmedBySearch(int searchCard) const; // a known miss
    void countNav();        // the nav's per-section counts under the filters and the search
    void ensureNavCounts(); // ... when the search result or the layout changed
    // Above kAllCardsInTree cards, only the cards within a screen of the visible ones (and the
    // focused card's neighbours) are registered for Tab and put in the accessibility tree each
    // frame, so a frame costs what is on screen, not what is in the document.
    static constexpr size_t kAllCardsInTree = 400;
    void chooseTreeWindow(float viewTop, float viewBottom);
    bool inTreeWindow(size_t k) const;
    // Calls f(k) for the window's cards in document order.
    template <class F> void forEachCardInWindow(F f) const {
        const bool extraFirst = extra_.second <= window_.first;
        if (extraFirst)
            for (size_t k = extra_.first; k < extra_.second; ++k) f(k);
        for (size_t k = window_.first; k < window_.second; ++k) f(k);
        if (!extraFirst)
            for (size_t k = extra_.first; k < extra_.second; ++k) f(k);
    }
    // The nav shows "shown/total" under a tag filter or a search.
    bool navFiltered() const { return !tag_.empty() || search_.searching(); }
    // Tags, related links and the Copy/Close buttons of the open card; measures when dl is null.
    float drawOpenExtras(const UiContext& ctx, ImDrawList* dl, ImVec2 pos, float width,
                         const Item& item);
    void drawCard(const UiContext& ctx, ImDrawList* dl, const CardBox& box, ImVec2 origin);
    void handleKeys(UiContext& ctx);
    void activate(UiContext& ctx, const std::string& id);
    void goToCurrentMatch();
    void processPendingScroll(const UiContext& ctx);
    void scrollToContentRange(float top, float bottom, bool animate);
    void copyCard(UiContext& ctx, const std::string& itemId);
    int cardIndex(const std::string& itemId) const;
    std::string focusedCard() const; // item id when a card has focus, else ""
    void setFocus(const std::string& id, bool visible);
    // The view's controls as accessibility tree nodes, after drawing.
    void addAccessNodes(UiContext& ctx, ImVec2 gridOrigin) const;
    void addControlNode(AccessTree& tree, const std::string& id, AccessRole role,
                        const std::string& name, std::uint16_t state = 0) const;
    // cards_selection.cpp
    float layerY(float y) const { return y + scroll_.position - layerScroll_; }
    void selectionBeforePointer(UiContext& ctx, bool overUi, ImVec2 dragMax);
    void selectionAfterPointer(UiContext& ctx);
    void resolveSelection();
    RichTextSelection selectionFor(int block);
    void selectBlocks(int first, int last);
    int handleAt(ImVec2 p) const; // 1 = start handle, 2 = end handle, 0 = none
    void drawSelectionChrome(UiContext& ctx, ImDrawList* dl);
    bool selectionKeys(UiContext& ctx);
    void activateSelectionTool(UiContext& ctx, const std::string& id); // the touch toolbar

    const Model* model_ = nullptr;
    std::vector<std::vector<int>> searchCardOf_; // [section][item] -> SearchIndex card
    unsigned boundVersion_ = 0;                  // the Model::docVersion bound
    size_t boundCards_ = 0;                      // SearchIndex cards in searchCardOf_
    SearchBar search_;
    SectionNav nav_;
    Controls controls_;
    Pointer pointer_;
    ScrollMotion scroll_;

    std::string openCard_;
    std::string tag_;
    std::string section_;             // the section last jumped to (URL)
    std::string currentSection_;      // scroll-spy
    std::string focus_;               // control id: "search", "card:<id>", "nav:<id>", ...
    bool focusVisible_ = false;       // keyboard focus: draw the ring
    unsigned focusSerial_ = 0;        // bumped by every focus change
    unsigned focusSerialAtPress_ = 0; // ... as it was when the pointer went down
    // Input serials (platform order) of the last press and of the search twin taking the focus:
    // a click ImGui resolves after the twin took the keyboard (`/` right after the click) opens
    // what it hit but leaves the keyboard where the later key put it.
    unsigned pressInputSerial_ = 0;
    unsigned searchTwinSerial_ = 0;
    bool searchHadKeys_ = false; // the search field was active when this frame's keys came
    // The search field's DOM twin has the focus and takes the typing: the canvas field shows the
    // query and the ring but is not active (its own buffer would fight the twin's).
    bool twinTyping_ = false;
    std::string flashCard_;
    double flashStartMs_ = 0;
    std::string pendingCard_;    // scroll to this card once laid out
    std::string pendingSection_; // scroll to this section once laid out
    bool pendingAnimate_ = false;
    std::string copiedCard_;
    std::string reportedFocus_;    // last card focus told to the page (a11y mirror)
    unsigned announcedQuery_ = 0;  // the search whose result was announced
    unsigned countWakeFor_ = 0;    // the search whose counting wait asked the page for a wake
    unsigned navCountedFor_ = ~0u; // the search version the nav counts are of
    struct NavCounted {            // ... and what they counted: which query, layout, cards
        unsigned query = ~0u, layout = ~0u;
        size_t cards = 0, tested = 0;
    };
    NavCounted navCounted_;
    MatchPosition currentMatch_; // the range stepped to (this frame)
    bool hasCurrentMatch_ = false;

    LayoutKey key_;
    struct CardMeasure {
        float titleH = 0, collapsedH = 0;
        bool truncated = false, valid = false;
    };
    std::vector<CardMeasure> measures_; // per SearchIndex card, at measuredW_
    float measuredW_ = -1, measuredDpr_ = 0;
    const void* measuredFont_ = nullptr;
    std::string blocksKey_; // the filters blocks_ was built for
    bool blocksBuilt_ = false;
    bool rebuildBlocks_ = false; // this layout makes blocks_ anew
    // Where the last layout stopped: the sections, the intro paragraphs and the blocks laid out,
    // the y after the last section, and whether the closing text (the document's end) is there.
    struct LayoutCursor {
        size_t sections = 0, intro = 0;
        int blocks = 0;
        float y = 0;
        bool closed = false;
    };
    LayoutCursor laid_;
    unsigned fullLayouts_ = 0, grownLayouts_ = 0; // for state()
    float cardW_ = 0, readW_ = 0;                 // a card's width, the prose's width
    std::vector<CardBox> cards_;
    std::vector<SectionBox> sections_;
    std::vector<PlacedProse> prose_;
    mutable std::vector<NavEntry> navEntries_; // mutable: their descriptions are cached
    float contentH_ = 0;
    float maxCardH_ = 0;                         // the tallest card (the open one, usually)
    std::pair<size_t, size_t> window_{0, 0};     // cards [first, second) drawn or registered
    std::pair<size_t, size_t> extra_{0, 0};      // the focused card and its neighbours, if apart
    float treeTop_ = 0, treeBottom_ = 0;         // content y range of the tree's window
    std::pair<size_t, size_t> baseWindow_{0, 0}; // window_ without the focused card's neighbours
    unsigned layoutGeneration_ = 0;              // bumped by every layout
    unsigned windowLayout_ = ~0u;                // the layout baseWindow_ was chosen in
    float windowScreen_ = 0;
    float gridWidth_ = 0;
    int columns_ = 1;
    bool wide_ = false;
    ImVec2 areaMin_, areaMax_;
    float maxScroll_ = 0;
    double lastFrameMs_ = 0;
    CardsOnScreen onScreen_;

    // Selectable text: blocks in reading order (rebuilt with the layout), where this frame drew
    // them (hit tests for the next frame's input), and the selection by block id.
    TextBlocks blocks_;
    TextLayer layer_;
    float layerScroll_ = 0; // the scroll offset layer_ was drawn at
    Selection selection_;
    TextPoint selA_, selF_; // resolved this frame; invalid = none
    ClickCounter clicks_;
    SelectGesture gesture_;         // what a press selects and how a drag from it grows
    bool selecting_ = false;        // a drag now selects (mouse press on text, a touch handle)
    bool pressOnText_ = false;      // the current press began on text
    bool selectionByTouch_ = false; // handles and the toolbar show
    bool touchHeld_ = false;
    bool longPressFired_ = false;
    double touchPressMs_ = 0;
    TextPoint touchHit_;
    ImVec2 handlePos_[2];
    bool handlesShown_ = false;
    bool suppressPending_ = false; // this press ends in no click (double-click, Shift+click)
    ImU32 selectionColor_ = 0;
};

} // namespace rx::ui
