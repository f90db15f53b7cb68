// The matrix grid: a virtualised table with a frozen header row and first column.
//
// Why not ImGui tables: ImGui 1.90 allows at most 512 columns per table (IMGUI_TABLE_MAX_COLUMNS),
// and the grid must show 100 domains (or 10,000 adopters when pivoted) as columns. So the grid is
// one scrolling child window whose content size is the whole matrix; only the rows and columns in
// view are drawn and only their marked cells become items (the same row arithmetic as
// ImGuiListClipper, done for both axes), then the frozen header and first column are drawn over
// the body at fixed positions.
#include "matrix_common.h"
#include "view_matrix.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace rx::ui {
namespace {

constexpr float kRowH = 34.0f;
constexpr float kHeadLabelH = 34.0f;
constexpr float kHeadTotalH = 24.0f;
constexpr float kTotalColW = 64.0f;
constexpr float kLabelSize = 15.0f;
constexpr float kHeadSize = 14.0f;
constexpr float kMarkRadius = 7.0f;

// Sort direction as text the subset fonts surely have (arrow glyphs may be missing).
const char* arrow(AxisSort s, AxisSort asc, AxisSort desc) {
    return s == asc ? " (asc)" : s == desc ? " (desc)" : "";
}

// A clickable header area drawn by hand; returns true when clicked.
bool headerButton(const char* id, ImVec2 pos, ImVec2 size, const std::string& text, ImFont* font,
                  const Colors& c, bool alignRight, const char* tooltip) {
    ImGui::SetCursorScreenPos(pos);
    const bool clicked = ImGui::InvisibleButton(id, size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered) dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), c.surfaceHover);
    const float w = font->CalcTextSizeA(kHeadSize, FLT_MAX, 0, text.c_str()).x;
    const float x = alignRight ? pos.x + size.x - w - 10 : pos.x + 12;
    drawTextEllipsis(dl, font, kHeadSize, ImVec2(x, pos.y + (size.y - kHeadSize) * 0.5f - 1),
                     c.text, text, size.x - 16);
    if (hovered && tooltip) ImGui::SetTooltip("%s", tooltip);
    return clicked;
}

} // namespace

void MatrixView::measureAxes(const AdoptersData& data) {
    const rx::MatrixTable& v = table_;
    ImFont* labelFont = theme_ ? theme_->fonts().body : ImGui::GetFont();
    ImFont* headFont = theme_ ? theme_->fonts().smallBold : ImGui::GetFont();
    colX_.resize(v.cols.size());
    colW_.resize(v.cols.size());
    // Measuring thousands of labels on every keystroke would cost more than the filter itself.
    const bool measure = v.cols.size() <= 400;
    float x = 0;
    for (size_t i = 0; i < v.cols.size(); ++i) {
        float w = 96;
        if (measure) {
            const std::string& label = colLabel(v, data, static_cast<int>(i));
            w = headFont->CalcTextSizeA(kHeadSize, FLT_MAX, 0, label.c_str()).x + 24;
            w = std::min(std::max(w, 72.0f), 176.0f);
        }
        colX_[i] = x;
        colW_[i] = w;
        x += w;
    }
    float widest = 90;
    const size_t measured = std::min<size_t>(v.rows.size(), 400);
    for (size_t i = 0; i < measured; ++i) {
        const std::string& label = rowLabel(v, data, static_cast<int>(i));
        widest = std::max(widest,
                          labelFont->CalcTextSizeA(kLabelSize, FLT_MAX, 0, label.c_str()).x + 28);
    }
    labelW_ = std::min(widest, 260.0f);
}

void MatrixView::drawCellTooltip(UiContext& ctx, const MatrixCell& cell) {
    const AdoptersData& data = *data_;
    const Adopter& a = data.adopters[static_cast<size_t>(cell.adopter)];
    const Domain& d = data.domains[static_cast<size_t>(cell.domain)];
    const Mark& m = a.marks[static_cast<size_t>(cell.mark)];
    const Colors& c = ctx.theme.colors();
    ImGui::BeginTooltip();
    const float wrap = std::min(380.0f, ImGui::GetIO().DisplaySize.x - 48);
    ImGui::PushTextWrapPos(wrap);
    ImGui::PushFont(ctx.theme.fonts().bold);
    ImGui::TextWrapped("%s \xC2\xB7 %s", a.name.c_str(), d.name.c_str());
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, toV4(c.textMuted));
    ImGui::TextUnformatted(m.strength == Strength::Stated ? "Stated in the document"
                                                          : "Inferred from the document");
    ImGui::PopStyleColor();
    for (const Evidence& e : m.evidence)
        ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", e.quote.c_str());
    ImGui::PushFont(ctx.theme.fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, toV4(c.textMuted));
    ImGui::TextUnformatted("Click or press Enter to pin the details");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

float MatrixView::gridFitWidth(float height) const {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float bodyW = colX_.empty() ? 0 : colX_.back() + colW_.back();
    const float contentH =
        kHeadLabelH + kHeadTotalH + static_cast<float>(table_.rows.size()) * kRowH;
    const float frame = style.ChildBorderSize * 2 + 1;
    const bool scrollsY = contentH + frame > height;
    return labelW_ + kTotalColW + bodyW + frame + (scrollsY ? style.ScrollbarSize : 0);
}

void MatrixView::drawGrid(UiContext& ctx, ImVec2 size) {
    const rx::MatrixTable& v = table_;
    const AdoptersData& data = *data_;
    const Colors& c = ctx.theme.colors();
    const Fonts& f = ctx.theme.fonts();
    const float labelW = std::min(labelW_, std::max(110.0f, size.x * 0.4f));
    const float frozenW = labelW + kTotalColW;
    const float headerH = kHeadLabelH + kHeadTotalH;
    const float bodyW = colX_.empty() ? 0 : colX_.back() + colW_.back();
    const int rowCount = static_cast<int>(v.rows.size());
    const int colCount = static_cast<int>(v.cols.size());

    // The box fits the table: a short matrix does not trail an empty frame down the window.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float contentW = frozenW + bodyW, contentH = headerH + rowCount * kRowH;
    const float frame = style.ChildBorderSize * 2 + 1;
    const bool scrollsX = contentW + frame > size.x;
    const bool scrollsY = contentH + frame + (scrollsX ? style.ScrollbarSize : 0) > size.y;
    size.x = std::min(size.x, contentW + frame + (scrollsY ? style.ScrollbarSize : 0));
    size.y = std::min(size.y, contentH + frame + (scrollsX ? style.ScrollbarSize : 0));
    ImGui::SetNextWindowContentSize(ImVec2(contentW, contentH));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, toV4(c.bg));
    ImGui::BeginChild("grid", size, true, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    gridRect_ = ImVec4(wp.x, wp.y, ws.x, ws.y);
    const ImRect inner = win->InnerRect;
    const float innerW = inner.GetWidth(), innerH = inner.GetHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // Scroll requests (filters changed, a deep link pinned a cell) apply from the next frame.
    // findAdopter walks every adopter: skip it when nothing is pinned (the usual frame).
    const int selA = selAdopter_.empty() ? -1 : data.findAdopter(selAdopter_);
    const int selD = selA < 0 ? -1 : data.findDomain(selDomain_);
    const int selRowData = v.pivot ? selD : selA, selColData = v.pivot ? selA : selD;
    int selRow = -1, selCol = -1;
    if (selA >= 0) {
        const auto r = std::find(v.rows.begin(), v.rows.end(), selRowData);
        const auto k = std::find(v.cols.begin(), v.cols.end(), selColData);
        if (r != v.rows.end() && k != v.cols.end()) {
            selRow = static_cast<int>(r - v.rows.begin());
            selCol = static_cast<int>(k - v.cols.begin());
        }
    }
    if (resetScroll_) {
        ImGui::SetScrollY(0);
        resetScroll_ = false;
    }
    if (scrollToSelection_ && selRow >= 0) {
        ImGui::SetScrollY(std::max(0.0f, selRow * kRowH - (innerH - headerH) * 0.5f));
        ImGui::SetScrollX(
            std::max(0.0f, colX_[static_cast<size_t>(selCol)] - (innerW - frozenW) * 0.5f));
        ctx.animating = true; // one more frame to show the scrolled position
    }
    scrollToSelection_ = false;
    if (scrollToRow_ >= 0 && scrollToRow_ < rowCount && scrollToCol_ >= 0 &&
        scrollToCol_ < colCount) {
        // A cell twin got the focus: bring its cell into the visible body (it is drawn, and
        // focusable, from the next frame).
        const float y = scrollToRow_ * kRowH, bodyH = innerH - headerH;
        if (y < ImGui::GetScrollY() || y + kRowH > ImGui::GetScrollY() + bodyH)
            ImGui::SetScrollY(std::max(0.0f, y - bodyH * 0.5f));
        const float x = colX_[static_cast<size_t>(scrollToCol_)], bodyW = innerW - frozenW;
        const float w = colW_[static_cast<size_t>(scrollToCol_)];
        if (x < ImGui::GetScrollX() || x + w > ImGui::GetScrollX() + bodyW)
            ImGui::SetScrollX(std::max(0.0f, x - bodyW * 0.5f));
        ctx.animating = true;
    }
    scrollToRow_ = scrollToCol_ = -1;

    const float sx = ImGui::GetScrollX(), sy = ImGui::GetScrollY();
    const float ox = inner.Min.x - sx + frozenW; // screen x of body column 0
    const float oy = inner.Min.y - sy + headerH; // screen y of body row 0
    gridBodyOrigin_ = ImVec2(ox, oy);
    gridInner_ = ImVec4(inner.Min.x, inner.Min.y, innerW, innerH);
    gridLabelW_ = labelW;
    const bool cellFocusPending = pendingFocus_.rfind("cell:", 0) == 0;
    const int r0 = std::max(0, static_cast<int>(sy / kRowH));
    const int r1 = std::min(rowCount, static_cast<int>((sy + innerH - headerH) / kRowH) + 1);
    int c0 = static_cast<int>(std::upper_bound(colX_.begin(), colX_.end(), sx) - colX_.begin()) - 1;
    c0 = std::max(0, c0);
    const int c1 = static_cast<int>(
        std::lower_bound(colX_.begin(), colX_.end(), sx + innerW - frozenW) - colX_.begin());

    // Row and column under the pointer (body, frozen column or header).
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        inner.Contains(mouse)) {
        if (mouse.y >= inner.Min.y + headerH) {
            const int r = static_cast<int>(std::floor((mouse.y - oy) / kRowH));
            if (r >= 0 && r < rowCount) hoverRow_ = r;
        }
        if (mouse.x >= inner.Min.x + frozenW) {
            const int k =
                static_cast<int>(std::upper_bound(colX_.begin(), colX_.end(), mouse.x - ox) -
                                 colX_.begin()) -
                1;
            if (k >= 0 && k < colCount && mouse.x - ox < colX_[k] + colW_[k]) hoverCol_ = k;
        }
    }

    const ImVec2 bodyMin(inner.Min.x + frozenW, inner.Min.y + headerH);
    const ImU32 band = withAlpha(c.accent, 0.10f);
    const ImU32 stripe = withAlpha(c.surface, 0.7f);
    const ImU32 line = withAlpha(c.border, 0.6f);

    // --- body -------------------------------------------------------------------------------
    ImGui::PushClipRect(bodyMin, inner.Max, true);
    for (int r = r0; r < r1; ++r) {
        const float y = oy + r * kRowH;
        if (r % 2) dl->AddRectFilled(ImVec2(bodyMin.x, y), ImVec2(inner.Max.x, y + kRowH), stripe);
    }
    // Honest empty lines: a domain no adopter uses is hatched, not hidden.
    const std::vector<int>& domainTotals = v.pivot ? v.rowTotals : v.colTotals;
    auto hatch = [&](ImVec2 a, ImVec2 b) {
        const ImU32 h = withAlpha(c.textMuted, 0.18f);
        dl->PushClipRect(a, b, true);
        for (float t = a.x - (b.y - a.y); t < b.x; t += 10.0f) {
            ImVec2 p0(t, b.y), p1(t + (b.y - a.y), a.y);
            dl->AddLine(p0, p1, h, 1.0f);
        }
        dl->PopClipRect();
    };
    if (!v.pivot) {
        for (int k = c0; k < c1; ++k)
            if (domainTotals[k] == 0)
                hatch(
                    ImVec2(ox + colX_[k], bodyMin.y),
                    ImVec2(ox + colX_[k] + colW_[k], std::min(inner.Max.y, oy + rowCount * kRowH)));
    } else {
        for (int r = r0; r < r1; ++r)
            if (domainTotals[r] == 0)
                hatch(ImVec2(bodyMin.x, oy + r * kRowH),
                      ImVec2(std::min(inner.Max.x, ox + bodyW), oy + (r + 1) * kRowH));
    }
    for (int k = c0; k < c1; ++k) {
        const float x = ox + colX_[k] + colW_[k];
        dl->AddLine(ImVec2(x, bodyMin.y), ImVec2(x, inner.Max.y), line);
    }

    // Marks: only the visible marked cells become items (click, hover, keyboard focus).
    for (int r = r0; r < r1; ++r) {
        // A row holds a few cells: a plain walk to the first visible column beats a binary search
        // (which stays a call per step in the size-optimised wasm build).
        const MatrixCell* const rowCells = v.cells.data();
        const MatrixCell* it = rowCells + v.rowCellStart[static_cast<size_t>(r)];
        const MatrixCell* const last = rowCells + v.rowCellStart[static_cast<size_t>(r) + 1];
        while (it != last && it->col < c0) ++it;
        for (; it != last && it->col < c1; ++it) {
            const MatrixCell& cell = *it;
            const ImVec2 p0(ox + colX_[cell.col], oy + r * kRowH);
            const ImVec2 sz(colW_[cell.col], kRowH);
            const ImVec2 centre(p0.x + sz.x * 0.5f, p0.y + sz.y * 0.5f);
            ImGui::SetCursorScreenPos(p0);
            ImGui::PushID(static_cast<int>(it - rowCells));
            const bool clicked = ImGui::InvisibleButton("cell", sz);
            const bool hovered = ImGui::IsItemHovered();
            bool focused = ImGui::IsItemFocused() && !GImGui->NavDisableHighlight;
            if (cellFocusPending || focused) {
                const std::string id = "cell:" + rowId(v, data, r) + ":" + colId(v, data, cell.col);
                if (id == pendingFocus_) {
                    focusLastItem();
                    pendingFocus_.clear();
                    focused = true;
                }
                if (focused) focused_ = id;
            }
            ImGui::PopID();
            if (clicked) select(cell.adopter, cell.domain);
            if (focused) {
                focusRow_ = r;
                focusCol_ = cell.col;
            }
            const bool pinned = r == selRow && cell.col == selCol;
            if (hovered || pinned)
                dl->AddCircleFilled(centre, kMarkRadius + 6, withAlpha(c.accent, 0.16f), 24);
            if (pinned) dl->AddCircle(centre, kMarkRadius + 6, c.accent, 24, 2.0f);
            drawMark(dl, centre, kMarkRadius, cell.strength, c);
            if (centre.x >= bodyMin.x && centre.y >= bodyMin.y && centre.x < inner.Max.x &&
                centre.y < inner.Max.y)
                cellsOnScreen_.push_back(
                    {r, cell.col, ImVec4(p0.x, p0.y, sz.x, sz.y), cell.adopter, cell.domain});
            if (hovered || focused) drawCellTooltip(ctx, cell);
        }
    }
    const int hlRow = hoverRow_ >= 0 ? hoverRow_ : focusRow_;
    const int hlCol = hoverCol_ >= 0 ? hoverCol_ : focusCol_;
    if (hlRow >= 0)
        dl->AddRectFilled(ImVec2(bodyMin.x, oy + hlRow * kRowH),
                          ImVec2(inner.Max.x, oy + (hlRow + 1) * kRowH), band);
    if (hlCol >= 0)
        dl->AddRectFilled(ImVec2(ox + colX_[hlCol], bodyMin.y),
                          ImVec2(ox + colX_[hlCol] + colW_[hlCol], inner.Max.y), band);
    ImGui::PopClipRect();

    // --- frozen first column (labels and row totals) ------------------------------------------
    ImGui::PushClipRect(ImVec2(inner.Min.x, bodyMin.y), ImVec2(bodyMin.x, inner.Max.y), true);
    dl->AddRectFilled(ImVec2(inner.Min.x, bodyMin.y), ImVec2(bodyMin.x, inner.Max.y), c.bg);
    for (int r = r0; r < r1; ++r) {
        const float y = oy + r * kRowH;
        const ImVec2 a(inner.Min.x, y), b(bodyMin.x, y + kRowH);
        if (r % 2) dl->AddRectFilled(a, b, stripe);
        if (r == hlRow || r == selRow) dl->AddRectFilled(a, b, band);
        const std::string& label = rowLabel(v, data, r);
        const bool cut = drawTextEllipsis(dl, r == selRow ? f.bold : f.body, kLabelSize,
                                          ImVec2(a.x + 12, y + (kRowH - kLabelSize) * 0.5f - 1),
                                          c.text, label, labelW - 20);
        const std::string total = std::to_string(v.rowTotals[static_cast<size_t>(r)]);
        const float tw = f.small->CalcTextSizeA(kHeadSize, FLT_MAX, 0, total.c_str()).x;
        dl->AddText(f.small, kHeadSize,
                    ImVec2(bodyMin.x - tw - 14, y + (kRowH - kHeadSize) * 0.5f - 1), c.textMuted,
                    total.c_str());
        rowsOnScreen_.push_back({r, ImVec4(a.x, y, labelW, kRowH)});
        if (cut && r == hoverRow_ && mouse.x < a.x + labelW) ImGui::SetTooltip("%s", label.c_str());
    }
    dl->AddLine(ImVec2(inner.Min.x + labelW, bodyMin.y), ImVec2(inner.Min.x + labelW, inner.Max.y),
                line);
    dl->AddLine(ImVec2(bodyMin.x - 1, bodyMin.y), ImVec2(bodyMin.x - 1, inner.Max.y), c.border,
                1.5f);
    ImGui::PopClipRect();

    // --- frozen header (labels and column totals) ---------------------------------------------
    ImGui::PushClipRect(ImVec2(bodyMin.x, inner.Min.y), ImVec2(inner.Max.x, bodyMin.y), true);
    dl->AddRectFilled(ImVec2(bodyMin.x, inner.Min.y), ImVec2(inner.Max.x, bodyMin.y), c.surface);
    for (int k = c0; k < c1; ++k) {
        const float x = ox + colX_[k];
        const ImVec2 a(x, inner.Min.y), b(x + colW_[k], bodyMin.y);
        if (k == hlCol || k == selCol) dl->AddRectFilled(a, b, band);
        const std::string& label = colLabel(v, data, k);
        const bool cut =
            drawTextEllipsis(dl, f.smallBold, kHeadSize,
                             ImVec2(x + 10, inner.Min.y + (kHeadLabelH - kHeadSize) * 0.5f), c.text,
                             label, colW_[k] - 16);
        const int total = v.colTotals[static_cast<size_t>(k)];
        const bool emptyDomain = !v.pivot && total == 0;
        const std::string t = emptyDomain ? "none" : std::to_string(total);
        dl->AddText(
            f.small, kHeadSize,
            ImVec2(x + 10, inner.Min.y + kHeadLabelH + (kHeadTotalH - kHeadSize) * 0.5f - 2),
            c.textMuted, t.c_str());
        dl->AddLine(ImVec2(b.x, inner.Min.y), ImVec2(b.x, bodyMin.y), line);
        colsOnScreen_.push_back({k, ImVec4(x, inner.Min.y, colW_[k], headerH)});
        if (k == hoverCol_ && mouse.y < bodyMin.y) {
            const int di = v.pivot ? -1 : v.cols[static_cast<size_t>(k)];
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(std::min(360.0f, ImGui::GetIO().DisplaySize.x - 48));
            ImGui::TextUnformatted(label.c_str());
            ImGui::TextDisabled("%d %s", total, total == 1 ? "mark" : "marks");
            if (di >= 0) {
                const Domain& d = data.domains[static_cast<size_t>(di)];
                if (d.markCount == 0)
                    ImGui::TextWrapped("The document names no adopter for %s.", d.name.c_str());
                if (!d.mergeNote.empty()) ImGui::TextDisabled("%s", d.mergeNote.c_str());
            }
            (void)cut;
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    dl->AddLine(ImVec2(bodyMin.x, bodyMin.y - 1), ImVec2(inner.Max.x, bodyMin.y - 1), c.border,
                1.5f);
    ImGui::PopClipRect();

    // --- corner: sort buttons ------------------------------------------------------------------
    ImGui::PushClipRect(inner.Min, bodyMin, true);
    dl->AddRectFilled(inner.Min, bodyMin, c.surface);
    const std::string rowAxis = std::string(v.pivot ? "Domain" : "Adopter") +
                                arrow(query_.rowSort, AxisSort::NameAsc, AxisSort::NameDesc);
    if (headerButton("sortRowsName", inner.Min, ImVec2(labelW, kHeadLabelH), rowAxis, f.smallBold,
                     c, false, "Sort rows by name (click again to reverse, a third time to reset)"))
        activateControl(ctx, "sortRowsName");
    rememberItem("sortRowsName");
    const std::string rowTotal =
        std::string("Total") + arrow(query_.rowSort, AxisSort::MarksAsc, AxisSort::MarksDesc);
    if (headerButton("sortRowsCount", ImVec2(inner.Min.x + labelW, inner.Min.y),
                     ImVec2(kTotalColW, kHeadLabelH), rowTotal, f.smallBold, c, true,
                     "Sort rows by number of marks"))
        activateControl(ctx, "sortRowsCount");
    rememberItem("sortRowsCount");
    const std::string colTotal = std::string("Total per column") +
                                 arrow(query_.colSort, AxisSort::MarksAsc, AxisSort::MarksDesc);
    if (headerButton("sortColsCount", ImVec2(inner.Min.x, inner.Min.y + kHeadLabelH),
                     ImVec2(labelW, kHeadTotalH), colTotal, f.small, c, false,
                     "Sort columns by number of marks"))
        activateControl(ctx, "sortColsCount");
    rememberItem("sortColsCount");
    const std::string all = std::to_string(v.counts.marks);
    const float aw = f.smallBold->CalcTextSizeA(kHeadSize, FLT_MAX, 0, all.c_str()).x;
    dl->AddText(f.smallBold, kHeadSize,
                ImVec2(bodyMin.x - aw - 14,
                       inner.Min.y + kHeadLabelH + (kHeadTotalH - kHeadSize) * 0.5f - 2),
                c.text, all.c_str());
    dl->AddLine(ImVec2(inner.Min.x, bodyMin.y - 1), ImVec2(bodyMin.x, bodyMin.y - 1), c.border,
                1.5f);
    dl->AddLine(ImVec2(bodyMin.x - 1, inner.Min.y), ImVec2(bodyMin.x - 1, bodyMin.y), c.border,
                1.5f);
    ImGui::PopClipRect();

    // The content size was set up front; keep ImGui from growing it from our cursor moves.
    ImGui::SetCursorPos(ImVec2(0, 0));
    ImGui::EndChild();
}

} // namespace rx::ui

namespace rx::ui {

// The grid's twins: a grid with a header row (the corner's sort buttons, one column header per
// column) and one row per displayed row (its header, then one cell per column, named by both
// headers and the mark). Every row and column while the matrix is small, else those on screen.
void MatrixView::addGridNodes(UiContext& ctx) const {
    if (!data_) return;
    constexpr size_t kTwinCellsAll = 2500;
    const rx::MatrixTable& v = table_;
    const AdoptersData& data = *data_;
    AccessTree& t = *ctx.access;
    const int rowCount = static_cast<int>(v.rows.size());
    const int colCount = static_cast<int>(v.cols.size());
    const float headerH = kHeadLabelH + kHeadTotalH;
    const ImVec2 o = gridBodyOrigin_;
    const float top = gridInner_.y + headerH, bottom = gridInner_.y + gridInner_.w;
    const float left = gridInner_.x + gridLabelW_ + kTotalColW;
    const float right = gridInner_.x + gridInner_.z;
    std::vector<int> rows, cols;
    if (static_cast<size_t>(rowCount) * static_cast<size_t>(colCount) <= kTwinCellsAll) {
        for (int r = 0; r < rowCount; ++r) rows.push_back(r);
        for (int k = 0; k < colCount; ++k) cols.push_back(k);
    } else {
        for (const MatrixRectOnScreen& r : rowsOnScreen_) rows.push_back(r.index);
        for (const MatrixRectOnScreen& k : colsOnScreen_) cols.push_back(k.index);
    }
    const auto marks = [](int n) { return std::to_string(n) + (n == 1 ? " mark" : " marks"); };
    const auto sortState = [](AxisSort s, AxisSort asc, AxisSort desc) {
        return s == asc ? "ascending" : s == desc ? "descending" : "not sorted";
    };
    const auto control = [&](const std::string& id, const std::string& name, std::string desc) {
        AccessNode node(id, AccessRole::Button, name, kAccessFocusable);
        const auto it = controls_.find(id);
        if (it != controls_.end()) node.at(it->second.x, it->second.y, it->second.z, it->second.w);
        node.description = std::move(desc);
        t.add(std::move(node));
    };

    AccessNode grid("grid", AccessRole::Grid,
                    v.pivot ? "Domains by adopter" : "Adopters by domain");
    grid.level = rowCount + 1;   // with the header row
    grid.columns = colCount + 1; // with the row headers
    grid.at(gridRect_.x, gridRect_.y, gridRect_.z, gridRect_.w);
    t.open(std::move(grid));
    AccessNode headRow("grid-head", AccessRole::Row, "");
    headRow.index = 1;
    t.open(std::move(headRow));
    AccessNode corner("corner", AccessRole::ColumnHeader, v.pivot ? "Domain" : "Adopter");
    corner.index = 1;
    t.open(std::move(corner.at(gridInner_.x, gridInner_.y, gridLabelW_ + kTotalColW, headerH)));
    control("sortRowsName", "Sort rows by name",
            sortState(query_.rowSort, AxisSort::NameAsc, AxisSort::NameDesc));
    control("sortRowsCount", "Sort rows by number of marks",
            sortState(query_.rowSort, AxisSort::MarksAsc, AxisSort::MarksDesc));
    control("sortColsCount", "Sort columns by number of marks",
            sortState(query_.colSort, AxisSort::MarksAsc, AxisSort::MarksDesc));
    t.close();
    for (const int k : cols) {
        const float x = o.x + colX_[static_cast<size_t>(k)], w = colW_[static_cast<size_t>(k)];
        AccessNode head("colh:" + colId(v, data, k), AccessRole::ColumnHeader,
                        colLabel(v, data, k));
        head.description = marks(v.colTotals[static_cast<size_t>(k)]);
        head.index = k + 2;
        head.at(x, gridInner_.y, w, headerH);
        if (x + w <= left || x >= right) head.state |= kAccessOffscreen;
        t.add(std::move(head));
    }
    t.close();

    const std::string& pinRow = v.pivot ? selDomain_ : selAdopter_;
    const std::string& pinCol = v.pivot ? selAdopter_ : selDomain_;
    for (const int r : rows) {
        const float y = o.y + r * kRowH;
        const bool rowOff = y + kRowH <= top || y >= bottom;
        const std::string& rid = rowId(v, data, r);
        const std::string& rlabel = rowLabel(v, data, r);
        AccessNode row("row:" + rid, AccessRole::Row, "");
        row.index = r + 2;
        t.open(std::move(row));
        AccessNode head("rowh:" + rid, AccessRole::RowHeader, rlabel);
        head.index = 1;
        head.description = marks(v.rowTotals[static_cast<size_t>(r)]);
        head.at(gridInner_.x, y, gridLabelW_, kRowH);
        if (rowOff) head.state |= kAccessOffscreen;
        t.add(std::move(head));
        for (const int k : cols) {
            const MatrixCell* cell = v.cellAt(r, k);
            const std::string& cid = colId(v, data, k);
            std::string name = rlabel + " \xC3\x97 " + colLabel(v, data, k) + ": ";
            if (!cell)
                name += "no mark";
            else
                name += cell->strength == Strength::Stated ? "stated (filled mark)"
                                                           : "inferred (outlined mark)";
            std::string id = "cell:";
            id.append(rid).append(":").append(cid);
            AccessNode node(std::move(id), AccessRole::GridCell, name);
            const float x = o.x + colX_[static_cast<size_t>(k)], w = colW_[static_cast<size_t>(k)];
            node.at(x, y, w, kRowH);
            node.index = k + 2;
            if (rowOff || x + w <= left || x >= right) node.state |= kAccessOffscreen;
            if (cell) node.state |= kAccessFocusable;
            if (cell && rid == pinRow && cid == pinCol) node.state |= kAccessSelected;
            t.add(std::move(node));
        }
        t.close();
    }
    t.close();
}

} // namespace rx::ui
