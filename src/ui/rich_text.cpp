#include "rich_text.h"

#include <algorithm>

namespace rx::ui {
namespace {

const char kSpace[] = " ";
const char kEllipsis[] = "\xE2\x80\xA6"; // …

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

float textWidth(ImFont* font, float size, const char* begin, const char* end) {
    return font->CalcTextSizeA(size, 1e9f, 0.0f, begin, end).x;
}

// Whether any word follows byte `from` of run `runIndex`.
bool moreWordsAfter(const RichText& text, size_t runIndex, size_t from) {
    for (size_t r = runIndex; r < text.runs.size(); ++r) {
        const std::string& t = text.runs[r].text;
        for (size_t k = r == runIndex ? from : 0; k < t.size(); ++k)
            if (!isSpace(t[k])) return true;
    }
    return false;
}

} // namespace

RichTextLayout drawRichText(ImDrawList* drawList, ImVec2 pos, float width, const RichText& text,
                            const RichTextStyle& style, const std::vector<Highlight>& highlights,
                            const RichTextSelection* selection) {
    RichTextLayout layout;
    const float lineStep = style.size * style.lineHeight;
    const float textTop = (lineStep - style.size) * 0.5f;
    // Skip drawing words on lines outside the clip rect (long open cards, scrolled lists).
    float clipTop = -1e30f, clipBottom = 1e30f;
    if (drawList) {
        const ImVec4 clip = drawList->_ClipRectStack.back();
        clipTop = clip.y;
        clipBottom = clip.w;
    }
    float x = 0;
    int line = 0;
    bool lineHasWords = false;
    bool pendingSpace = false;
    bool pendingBreak = false;
    size_t plainOffset = 0;
    ImFont* lastFont = style.regular;

    // A cut text ends in " …" after its last word: the last line keeps room for it.
    const float ellipsisRoom =
        style.maxLines > 0 && style.regular
            ? textWidth(style.regular, style.size, kSpace, kSpace + 1) + 2.0f +
                  textWidth(style.regular, style.size, kEllipsis, kEllipsis + 3)
            : 0.0f;

    for (size_t runIndex = 0; runIndex < text.runs.size(); ++runIndex) {
        const Run& run = text.runs[runIndex];
        ImFont* font = (run.style & kBold) ? style.bold : style.regular;
        const char* s = run.text.data();
        const size_t n = run.text.size();
        size_t i = 0;
        while (i < n) {
            if (isSpace(s[i])) {
                if (s[i] == '\n' && (lineHasWords || line > 0)) pendingBreak = true;
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
            const bool wrap = lineHasWords && x + spaceW + wordW > width;
            if (pendingBreak || wrap) {
                if (style.maxLines > 0 && line + 1 >= style.maxLines) {
                    layout.truncated = true;
                    break;
                }
                ++line;
                x = 0;
                lineHasWords = false;
            } else {
                x += spaceW;
            }
            pendingSpace = false;
            pendingBreak = false;
            if (style.maxLines > 0 && line + 1 == style.maxLines && lineHasWords &&
                x + wordW + ellipsisRoom > width && moreWordsAfter(text, runIndex, j)) {
                layout.truncated = true;
                break;
            }
            const float top = pos.y + line * lineStep;
            if (drawList && top < clipBottom && top + lineStep > clipTop) {
                const ImVec2 wordPos(pos.x + x, top + textTop);
                const size_t wordBegin = plainOffset + i;
                const size_t wordEnd = plainOffset + j;
                if (selection && selection->layer) {
                    const float scale = style.size / font->FontSize;
                    selection->layer->addRun(
                        selection->block, line, wordPos.x, top, top + lineStep,
                        std::string_view(s + i, j - i), wordBegin, [font, scale](uint32_t c) {
                            return font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
                        });
                }
                if ((run.style & kCode) && style.codeBg) {
                    drawList->AddRectFilled(
                        ImVec2(wordPos.x - 2, wordPos.y - 1),
                        ImVec2(wordPos.x + wordW + 2, wordPos.y + style.size + 2), style.codeBg,
                        3.0f);
                }
                for (const Highlight& h : highlights) {
                    const size_t hb = std::max(h.begin, wordBegin);
                    const size_t he = std::min(h.end, wordEnd);
                    if (hb >= he) continue;
                    const float x0 = textWidth(font, style.size, s + i, s + (hb - plainOffset));
                    const float x1 = textWidth(font, style.size, s + i, s + (he - plainOffset));
                    const ImU32 fill = h.current && style.highlightCurrent ? style.highlightCurrent
                                                                           : style.highlight;
                    drawList->AddRectFilled(ImVec2(wordPos.x + x0 - 1, wordPos.y - 1),
                                            ImVec2(wordPos.x + x1 + 1, wordPos.y + style.size + 2),
                                            fill, 3.0f);
                }
                if (selection && selection->color && !selection->selected.empty()) {
                    const ByteSpan sel = selection->selected;
                    const size_t sb = std::max(sel.begin, wordBegin);
                    const size_t se = std::min(sel.end, wordEnd);
                    if (sb < se || (sel.begin <= wordEnd && sel.end > wordEnd)) {
                        const float x0 =
                            sb < se ? textWidth(font, style.size, s + i, s + (sb - plainOffset))
                                    : wordW;
                        float x1 = sb < se
                                       ? textWidth(font, style.size, s + i, s + (se - plainOffset))
                                       : wordW;
                        // The selection goes on past this word: the space after it (or the
                        // line's end) is selected too.
                        if (sel.end > wordEnd)
                            x1 = wordW + textWidth(font, style.size, kSpace, kSpace + 1);
                        drawList->AddRectFilled(ImVec2(wordPos.x + x0, top),
                                                ImVec2(wordPos.x + x1, top + lineStep),
                                                selection->color);
                    }
                }
                drawList->AddText(font, style.size, wordPos, style.color, s + i, s + j);
            }
            layout.lastWordRight = pos.x + x + wordW;
            x += wordW;
            lineHasWords = true;
            lastFont = font;
            i = j;
        }
        if (layout.truncated) break;
        plainOffset += n;
    }
    if (layout.truncated && drawList) {
        // The cut shows: an ellipsis after the last word that fits (or at the line's end).
        const float ew = textWidth(lastFont, style.size, kEllipsis, kEllipsis + 3);
        const float ex = std::min(x + 2.0f, std::max(0.0f, width - ew));
        drawList->AddText(lastFont, style.size,
                          ImVec2(pos.x + ex, pos.y + line * lineStep + textTop), style.color,
                          kEllipsis, kEllipsis + 3);
        layout.ellipsisLeft = pos.x + ex;
        layout.ellipsisRight = pos.x + ex + ew;
    }
    layout.lines = lineHasWords || line > 0 ? line + 1 : 0;
    layout.height = layout.lines * lineStep;
    return layout;
}

} // namespace rx::ui
