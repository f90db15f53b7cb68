// The adopter × domain matrix view: filters, sort, pivot, a virtualised grid with
// frozen headers, evidence tooltips, a pinned detail panel and CSV/TSV export.
#pragma once
#include "matrix.h"
#include "rich_text.h"
#include "text_field.h"
#include "text_selection.h"
#include "ui_context.h"
#include "url_state.h"

#include <imgui.h>
#include <nlohmann/json_fwd.hpp>

#include <map>
#include <string>
#include <vector>

namespace rx::ui {

// Where a header or cell was drawn this frame, in CSS pixels (for state() and tests).
struct MatrixRectOnScreen {
    int index = -1; // displayed row or column position
    ImVec4 rect;    // x, y, w, h
};

struct MatrixCellOnScreen {
    int row = -1;
    int col = -1;
    ImVec4 rect;
    int adopter = -1, domain = -1; // data indexes
};

class MatrixView {
  public:
    void draw(UiContext& ctx);
    void applyUrl(const UrlState& url);
    void writeUrl(UrlState& url) const;
    void writeState(nlohmann::json& state) const; // adds state().matrix
    // DOM twins: their requests, before drawing; the control with the keyboard focus.
    void takeAccessRequests(UiContext& ctx);
    const std::string& focusedControl() const { return focused_; }

    // Selecting the detail panel's quotes and the context menu (matrix_selection.cpp).
    bool hasSelection() const { return selA_.valid() && selA_ != selF_; }
    std::string selectedText() const;
    void clearSelection();
    void writeSelectionState(nlohmann::json& state) const;
    std::string textLayoutJson() const;
    struct ContextTarget {
        std::string adopter, domain; // a filled cell's ids, or ""
        std::string quote;           // its evidence, one quote a line
        std::string sourceCard;      // the first quote's card, or ""
        std::string selection;
    };
    ContextTarget contextTarget(ImVec2 p) const;
    // The text filter and its DOM twin (web/textagent.js).
    TextField& textField() { return text_; }
    const TextField& textField() const { return text_; }
    void escapeText(); // Esc in the field: clear the text filter and leave the field

  private:
    // matrix_filters.cpp
    void drawToolbar(UiContext& ctx);
    void drawActiveFilters(UiContext& ctx);
    void drawSummary(UiContext& ctx);
    // matrix_grid.cpp
    void drawGrid(UiContext& ctx, ImVec2 size);
    float gridFitWidth(float height) const; // the box width that shows every column
    void drawCellTooltip(UiContext& ctx, const MatrixCell& cell);
    // view_matrix.cpp
    void drawDetail(UiContext& ctx, float width, float height);
    void drawEmpty(UiContext& ctx);
    float drawQuote(UiContext& ctx, const RichText& text, const std::string& blockId,
                    const std::string& card);
    void selectionInput(UiContext& ctx);
    void rebuildIfNeeded(const AdoptersData& data);
    void measureAxes(const AdoptersData& data);
    void clearAll();
    void select(int adopter, int domain);
    void exportCsv(UiContext& ctx);
    void copyTsv(UiContext& ctx);
    std::string tsvText() const; // the matrix as shown, tab-separated
    // What a click on the control named `id` does ("pivot", "domain:web", "cell:<row>:<col>", ...):
    // the drawn controls and their twins share it.
    void activateControl(UiContext& ctx, const std::string& id);
    void setText(const std::string& text);
    // After the last drawn item: its tree node (focusable, at the item's box), its rect for
    // state(), a twin's pending focus and the keyboard focus.
    void itemNode(UiContext& ctx, AccessNode node);
    void addGridNodes(UiContext& ctx) const;
    void addDetailNodes(UiContext& ctx, const Adopter& adopter, const Domain& domain,
                        const Mark& mark) const;

    // Filters, sort, pivot: the query (URL state); `dirty_` means the view must be rebuilt.
    MatrixQuery query_;
    TextField text_{"mfilter", "Filter adopters", 256}; // the URL caps it at 256 bytes
    bool dirty_ = true;
    const AdoptersData* data_ = nullptr; // what table_ was built from
    const Theme* theme_ = nullptr;       // for measuring labels at rebuild
    size_t builtAdopters_ = 0;
    rx::MatrixTable table_;
    rx::MatrixTable summary_; // same filters without the domain filter: the chips' bars
    // Builders remember recent text results, so typing only re-tests the adopters still in view.
    rx::MatrixBuilder builder_;
    rx::MatrixBuilder summaryBuilder_;
    double lastBuildMs_ = 0;
    int builds_ = 0;

    // Pinned cell, as data ids (independent of pivot).
    std::string selAdopter_;
    std::string selDomain_;
    bool scrollToSelection_ = false;

    // Column geometry (recomputed with the view): x offset of each column inside the body.
    std::vector<float> colX_;
    std::vector<float> colW_;
    float labelW_ = 160;
    float gridScrollX_ = 0, gridScrollY_ = 0;
    bool resetScroll_ = false;
    bool announceCounts_ = false; // the filter's text changed: its counts go to the live region

    // Hover / focus this frame.
    int hoverRow_ = -1, hoverCol_ = -1;
    int focusRow_ = -1, focusCol_ = -1;

    // What was on screen this frame (for state()).
    std::vector<MatrixRectOnScreen> rowsOnScreen_;
    std::vector<MatrixRectOnScreen> colsOnScreen_;
    std::vector<MatrixCellOnScreen> cellsOnScreen_;
    ImVec4 gridRect_;
    ImVec4 detailRect_;
    bool detailShown_ = false;
    std::string lastExport_; // "csv" | "tsv" (for state(): what the last export button did)
    std::string status_;     // short confirmation after an export
    double statusUntilMs_ = 0;
    float layoutWidth_ = 0;
    bool narrow_ = false;       // under kNarrowWidth: controls fold behind a button
    bool controlsOpen_ = false; // the folded controls are shown
    // Rects of this frame's controls by name ("text", "pivot", "domain:web", ...), so browser tests
    // can click and type like a person.
    std::map<std::string, ImVec4> controls_;
    void rememberItem(const std::string& name);

    // Focus between the canvas and the DOM twins.
    std::string focused_;      // control with ImGui's keyboard focus this frame ("" none)
    std::string pendingFocus_; // a twin got the DOM focus: give its control ImGui's focus
    int pendingFocusFrames_ = 0;
    int scrollToRow_ = -1, scrollToCol_ = -1; // a focused cell twin is off screen: bring it in
    // The grid's geometry this frame, for the cell twins' boxes.
    ImVec2 gridBodyOrigin_; // screen position of body row 0, column 0
    ImVec4 gridInner_;      // x, y, w, h of the visible body and headers
    float gridLabelW_ = 0;
    // The detail panel's quotes as selectable text (rebuilt every frame: a handful of blocks).
    TextBlocks blocks_, nextBlocks_;
    TextLayer layer_, nextLayer_;
    Selection selection_;
    TextPoint selA_, selF_;
    ClickCounter clicks_;
    SelectGesture gesture_; // what a press selects and how a drag from it grows
    bool selecting_ = false;
};

} // namespace rx::ui
