#include "rich_text.h"

#include <algorithm>

namespace rx::ui {
namespace {

const char kSpace[] = " ";

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

float textWidth(ImFont* font, float size, const char* begin, const char* end) {
    return font->CalcTextSizeA(size, 1e9f, 0.0f, begin, end).x;
}

} // namespace

RichTextLayout drawRichText(ImDrawList* drawList, ImVec2 pos, float width, const RichText& text,
                            const RichTextStyle& style, const std::vector<ByteRange>& highlights) {
    RichTextLayout layout;
    const float lineStep = style.size * style.lineHeight;
    const float textTop = (lineStep - style.size) * 0.5f;
    float x = 0;
    int line = 0;
    bool lineHasWords = false;
    bool pendingSpace = false;
    size_t plainOffset = 0;

    for (const Run& run : text.runs) {
        ImFont* font = (run.style & kBold) ? style.bold : style.regular;
        const char* s = run.text.data();
        const size_t n = run.text.size();
        size_t i = 0;
        while (i < n) {
            if (isSpace(s[i])) {
                pendingSpace = true;
                ++i;
                continue;
            }
            size_t j = i;
            while (j < n && !isSpace(s[j])) ++j;
            const float spaceW = pendingSpace && lineHasWords
                                     ? textWidth(font, style.size, kSpace, kSpace + 1)
                                     : 0.0f;
            const float wordW = textWidth(font, style.size, s + i, s + j);
            if (lineHasWords && x + spaceW + wordW > width) {
                ++line;
                x = 0;
                lineHasWords = false;
            } else {
                x += spaceW;
            }
            pendingSpace = false;
            if (style.maxLines > 0 && line >= style.maxLines) {
                layout.truncated = true;
                break;
            }
            if (drawList) {
                const ImVec2 wordPos(pos.x + x, pos.y + line * lineStep + textTop);
                const size_t wordBegin = plainOffset + i;
                const size_t wordEnd = plainOffset + j;
                for (const ByteRange& h : highlights) {
                    const size_t hb = std::max(h.begin, wordBegin);
                    const size_t he = std::min(h.end, wordEnd);
                    if (hb >= he) continue;
                    const float x0 = textWidth(font, style.size, s + i, s + (hb - plainOffset));
                    const float x1 = textWidth(font, style.size, s + i, s + (he - plainOffset));
                    drawList->AddRectFilled(ImVec2(wordPos.x + x0 - 1, wordPos.y - 1),
                                            ImVec2(wordPos.x + x1 + 1, wordPos.y + style.size + 2),
                                            style.highlight, 3.0f);
                }
                if ((run.style & kCode) && style.codeBg) {
                    drawList->AddRectFilled(
                        ImVec2(wordPos.x - 2, wordPos.y - 1),
                        ImVec2(wordPos.x + wordW + 2, wordPos.y + style.size + 2), style.codeBg,
                        3.0f);
                }
                drawList->AddText(font, style.size, wordPos, style.color, s + i, s + j);
            }
            x += wordW;
            lineHasWords = true;
            i = j;
        }
        if (layout.truncated) break;
        plainOffset += n;
    }
    layout.lines = lineHasWords || line > 0 ? line + 1 : 0;
    if (layout.truncated) layout.lines = style.maxLines;
    layout.height = layout.lines * lineStep;
    return layout;
}

} // namespace rx::ui
