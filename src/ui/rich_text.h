// Word-wrapped drawing of RichText runs (bold/italic/code) with search highlights. ImGui's own
// TextWrapped cannot mix fonts within a paragraph.
#pragma once
#include "document.h"
#include "text_selection.h"

#include <imgui.h>

#include <cstddef>
#include <vector>

namespace rx::ui {

// A search match drawn behind RichText's glyphs.
struct Highlight {
    size_t begin = 0;
    size_t end = 0;       // exclusive, into RichText::plain()
    bool current = false; // the match Enter stepped to: drawn in highlightCurrent
};

struct RichTextStyle {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    float size = 17.0f;       // CSS pixels
    float lineHeight = 1.45f; // multiple of size
    ImU32 color = 0;
    ImU32 highlight = 0;
    ImU32 highlightCurrent = 0; // 0 = same as highlight
    ImU32 codeBg = 0;
    int maxLines = 0; // 0 = no limit; a cut text ends in an ellipsis
};

// Selectable text: where the words were drawn goes into `layer` as block `block`, and
// the selected bytes get a `color` background under the glyphs.
struct RichTextSelection {
    TextLayer* layer = nullptr;
    int block = -1;
    ByteSpan selected;
    ImU32 color = 0;
};

struct RichTextLayout {
    float height = 0;
    int lines = 0;
    bool truncated = false; // maxLines cut the text
    // Drawn only (draw-list coordinates): where the last drawn word ends, and the ellipsis.
    float lastWordRight = 0, ellipsisLeft = 0, ellipsisRight = 0;
};

// Lays out (and, with a draw list, draws) text at `pos` wrapped to `width`. '\n' in the text
// (nested list entries) starts a new line. Only lines inside the draw list's clip rect are drawn.
RichTextLayout drawRichText(ImDrawList* drawList, ImVec2 pos, float width, const RichText& text,
                            const RichTextStyle& style,
                            const std::vector<Highlight>& highlights = {},
                            const RichTextSelection* selection = nullptr);

} // namespace rx::ui
