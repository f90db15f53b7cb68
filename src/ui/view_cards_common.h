// Internal helpers shared by the cards view's files (view_cards.cpp and view_cards_*.cpp):
// layout constants and the text styles of titles and bodies.
#pragma once
#include "rich_text.h"
#include "search.h"
#include "theme.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace rx::ui::cards_detail {

inline constexpr float kMaxGridWidth = 1120.0f; // three columns of about 360 px: comfortable lines
inline constexpr float kMaxReadWidth = 720.0f;  // intro and closing paragraphs
inline constexpr float kMinCardWidth = 300.0f;
inline constexpr float kGap = 16.0f;
inline constexpr float kCardPadding = 18.0f;
inline constexpr int kCollapsedBodyLines = 3;
inline constexpr float kSidebarWidth = 230.0f;
inline constexpr float kWideLayout = 980.0f; // below this the sidebar becomes a one-line bar
inline constexpr double kFlashMs = 1200.0;
inline constexpr int kScancodeK =
    14; // SDL_SCANCODE_K: the SDL backend indexes KeysDown by scancode

inline ImU32 fade(ImU32 color, float alpha) {
    const ImU32 a = static_cast<ImU32>(((color >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
    return (color & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

inline RichTextStyle bodyStyle(const Theme& theme, int maxLines) {
    RichTextStyle st;
    st.regular = theme.fonts().body;
    st.bold = theme.fonts().bold;
    st.size = 16.0f;
    st.lineHeight = 1.5f;
    st.color = theme.colors().text;
    st.highlight = theme.colors().highlight;
    st.highlightCurrent = theme.colors().highlightCurrent;
    st.codeBg = theme.colors().codeBg;
    st.maxLines = maxLines;
    return st;
}

inline RichTextStyle titleStyle(const Theme& theme) {
    RichTextStyle st = bodyStyle(theme, 0);
    st.regular = theme.fonts().bold;
    st.size = 18.0f;
    st.lineHeight = 1.3f;
    return st;
}

inline RichText plainRich(const std::string& s) {
    RichText t;
    t.runs.push_back(Run{s, kPlain});
    return t;
}

inline std::vector<Highlight> toUi(const std::vector<rx::ByteRange>& ranges,
                                   const MatchPosition* cur, MatchField field) {
    std::vector<Highlight> out;
    out.reserve(ranges.size());
    for (const rx::ByteRange& r : ranges) {
        Highlight u{r.begin, r.end, false};
        u.current = cur && cur->field == field && cur->range == r;
        out.push_back(u);
    }
    return out;
}

inline bool startsWith(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

} // namespace rx::ui::cards_detail
