// Small helpers shared by the matrix view's files (view_matrix.cpp, matrix_grid.cpp,
// matrix_filters.cpp).
#pragma once
#include "matrix.h"
#include "theme.h"

#include <imgui.h>

#include <string>

namespace rx::ui {

// URL / state() names of an axis sort: "" (document order), "name", "-name", "-count", "count".
const char* sortKey(AxisSort sort);
AxisSort parseSortKey(const std::string& key);
const char* sortLabel(AxisSort sort); // "Document order", "Name A–Z", ...
// Document -> first -> second -> Document, for header clicks.
AxisSort cycleSort(AxisSort now, AxisSort first, AxisSort second);

// The cell mark: stated = filled disc, inferred = ring with a centre dot gap (shape, not only
// colour, tells them apart).
void drawMark(ImDrawList* dl, ImVec2 centre, float radius, Strength strength, const Colors& c);

// Text clipped to `maxWidth` with an ellipsis; returns true when it was cut.
bool drawTextEllipsis(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col,
                      const std::string& text, float maxWidth);

// A rounded toggle chip; returns true when clicked. `selected` draws it filled.
bool chip(const char* label, bool selected, const Colors& c, const char* id = nullptr);

// Keeps the next widget on this line when `width` still fits, else starts a new line.
void sameLineIfFits(float width);

inline ImVec4 toV4(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}
inline ImU32 withAlpha(ImU32 c, float alpha) {
    return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha * 255.0f) << IM_COL32_A_SHIFT);
}

} // namespace rx::ui
