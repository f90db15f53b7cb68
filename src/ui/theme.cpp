#include "theme.h"

#include "glyph_ranges.h"
#include "palette.h"
#include "utf8.h"

#include <cstdint>
#include <set>
#include <vector>

namespace rx::ui {

using rx::Palette;
using rx::Rgb;

namespace {

// Reading text: Latin-1 and General Punctuation (’ — …), so anything typed into search draws.
const ImWchar kBodyRanges[] = {0x0020, 0x00FF, 0x2000, 0x206F, 0xFFFD, 0xFFFD, 0};
// What the fallback faces cover: arrows, geometric shapes (triangles), check marks. Only the ones
// the content uses are rasterised: merged into all five faces, the whole blocks were about half
// of the font atlas work before the first frame.
bool inFallbackBlocks(unsigned cp) {
    return (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x25A0 && cp <= 0x25FF) ||
           (cp >= 0x2713 && cp <= 0x2717);
}

constexpr float kBodySize = 17.0f;
constexpr float kHeadingSize = 24.0f;
constexpr float kSmallSize = 14.0f;

bool usable(const std::string* ttf) {
    return ttf && !ttf->empty();
}

// The app starts only with a regular face (App::hasFonts): ImGui's built-in font is not linked.
ImFont* addFont(const std::string* ttf, float pixelSize, const ImWchar* ranges, float dpr) {
    IM_ASSERT(usable(ttf));
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false; // the model owns the bytes
    // Horizontal oversampling sharpens sub-pixel placement at DPR 1; at 2+ pixels are small
    // enough, and skipping it halves the atlas work before the first frame.
    cfg.OversampleH = dpr >= 2.0f ? 1 : 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    return io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(ttf->data()),
                                          static_cast<int>(ttf->size()), pixelSize, &cfg, ranges);
}

void mergeFallback(const std::string* ttf, float pixelSize, const ImWchar* ranges) {
    if (!ttf || ttf->empty()) return;
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(
        const_cast<char*>(ttf->data()), static_cast<int>(ttf->size()), pixelSize, &cfg, ranges);
}

// Decodes one UTF-8 code point; invalid bytes come back as U+FFFD.
unsigned nextCodePoint(const std::string& s, size_t& i) {
    char32_t cp = 0;
    const size_t length = utf8Decode(s, i, cp);
    i += length == 0 ? 1 : length;
    return length == 0 ? 0xFFFD : static_cast<unsigned>(cp);
}

void assignRanges(ImVector<ImWchar>& to, const std::vector<char32_t>& ranges) {
    to.resize(static_cast<int>(ranges.size()));
    for (size_t i = 0; i < ranges.size(); ++i)
        to[static_cast<int>(i)] = static_cast<ImWchar>(ranges[i]);
}

} // namespace

void Theme::setFontData(const std::string* regular, const std::string* bold) {
    regularTtf_ = regular;
    boldTtf_ = bold;
    dirty_ = true;
}

void Theme::setPixelRatio(float dpr) {
    if (dpr <= 0.0f) dpr = 1.0f;
    if (dpr != dpr_) dirty_ = true;
    dpr_ = dpr;
}

void Theme::setUserScale(float scale) {
    if (scale < 0.5f) scale = 0.5f;
    if (scale > 4.0f) scale = 4.0f;
    if (scale != userScale_) dirty_ = true;
    userScale_ = scale;
}

void Theme::setExtendedRegular(const std::string* regularFull) {
    if (!regularFull || regularFull->empty() || regularFull == regularFullTtf_) return;
    regularFullTtf_ = regularFull;
    dirty_ = true;
}

void Theme::setFallbackFonts(const std::string* symbols, const std::string* arrows) {
    symbolsTtf_ = symbols;
    arrowsTtf_ = arrows;
    dirty_ = true;
}

void Theme::setContentText(const std::string& text) {
    // Titles, headings and labels draw only Basic Latin and Latin-1, the UI's own punctuation and
    // the content's characters: far fewer glyphs to rasterise than the full reading set.
    static const std::string kUiPunctuation =
        "\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\x94\xE2\x80\x93"
        "\xE2\x80\xA6\xE2\x80\xB9\xE2\x80\xBA\xE2\x80\xA2\xC2\xB7\xC3\x97";
    std::vector<char32_t> labels;
    std::vector<char32_t> fallback;
    for (const std::string* chars : {&kUiPunctuation, &text}) {
        for (size_t i = 0; i < chars->size();) {
            const unsigned cp = nextCodePoint(*chars, i);
            if (cp >= 0x80) labels.push_back(cp); // ASCII is in the Basic Latin range below
            if (inFallbackBlocks(cp)) fallback.push_back(cp);
        }
    }
    assignRanges(labelRanges_, rx::glyphRanges(labels, {{0x0020, 0x00FF}}));
    assignRanges(fallbackRanges_, rx::glyphRanges(fallback));
    if (fallbackRanges_.Size <= 1) fallbackRanges_.clear(); // just the terminating 0
    dirty_ = true;
}

float Theme::bodyTextPx() const {
    return kBodySize * userScale_;
}

void Theme::rebuildFonts() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Glyphs are rasterised at device pixels, then drawn at CSS size: sharp at any DPR.
    const float px = dpr_ * userScale_;
    const ImWchar* labels = labelRanges_.empty() ? kBodyRanges : labelRanges_.Data;
    const std::string* bold = usable(boldTtf_) ? boldTtf_ : regularTtf_;
    const auto face = [&](const std::string* ttf, float size, const ImWchar* ranges) {
        ImFont* font = addFont(ttf, size * px, ranges, dpr_);
        if (!fallbackRanges_.empty()) {
            mergeFallback(symbolsTtf_, size * px, fallbackRanges_.Data);
            mergeFallback(arrowsTtf_, size * px, fallbackRanges_.Data);
        }
        return font;
    };
    const std::string* reading = usable(regularFullTtf_) ? regularFullTtf_ : regularTtf_;
    fonts_.body = face(reading, kBodySize, kBodyRanges);
    fonts_.bold = face(bold, kBodySize, labels);
    fonts_.heading = face(bold, kHeadingSize, labels);
    fonts_.small = face(reading, kSmallSize, kBodyRanges);
    fonts_.smallBold = face(bold, kSmallSize, labels);
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / px; // sizes in layout px; the platform zooms by userScale_
    io.FontDefault = fonts_.body;
    applyImGuiStyle();
    dirty_ = false;
}

void Theme::setMode(ThemeMode mode, bool systemPrefersDark) {
    const char* pref = mode == ThemeMode::Dark    ? "dark"
                       : mode == ThemeMode::Light ? "light"
                                                  : "auto";
    const rx::Theme resolved = rx::resolveTheme(pref, systemPrefersDark);
    dark_ = resolved == rx::Theme::Dark;
    // Colours come from the core palette, whose contrast is unit-tested.
    const Palette& p = rx::palette(resolved);
    const auto u32 = [](Rgb c, float alpha = 1.0f) {
        return IM_COL32(c.r, c.g, c.b, static_cast<int>(alpha * 255.0f));
    };
    Colors c{};
    c.bg = u32(p.bg);
    c.surface = u32(p.surface);
    c.surfaceHover = u32(p.surfaceRaised);
    c.text = u32(p.text);
    c.textMuted = u32(p.textMuted);
    c.accent = u32(p.accent);
    c.accentText = u32(p.onAccent);
    c.border = u32(p.border);
    c.highlight = u32(p.highlight);
    c.highlightCurrent = u32(p.highlightCurrent);
    c.focus = u32(p.focus);
    c.tagBg = u32(p.tagBg);
    c.codeBg = u32(p.codeBg);
    c.selection = u32(p.selection);
    c.error = u32(p.error);
    c.stated = u32(p.accent);
    c.inferred = u32(p.textMuted);
    c.clear = {p.bg.r / 255.0f, p.bg.g / 255.0f, p.bg.b / 255.0f, 1.0f};
    colors_ = c;
    applyImGuiStyle();
}

void Theme::applyImGuiStyle() {
    if (!ImGui::GetCurrentContext()) return;
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    dark_ ? ImGui::StyleColorsDark(&style) : ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.FrameRounding = 6;
    style.ChildRounding = 8;
    style.PopupRounding = 8;
    style.GrabRounding = 6;
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(8, 8);
    style.WindowPadding = ImVec2(16, 12);
    style.ScrollbarSize = 12;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 1;
    const auto v4 = [](ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); };
    ImVec4* col = style.Colors;
    col[ImGuiCol_WindowBg] = v4(colors_.bg);
    col[ImGuiCol_ChildBg] = v4(colors_.bg);
    col[ImGuiCol_PopupBg] = v4(colors_.surface);
    col[ImGuiCol_Text] = v4(colors_.text);
    col[ImGuiCol_TextDisabled] = v4(colors_.textMuted);
    col[ImGuiCol_Border] = v4(colors_.border);
    col[ImGuiCol_FrameBg] = v4(colors_.surface);
    col[ImGuiCol_FrameBgHovered] = v4(colors_.surfaceHover);
    col[ImGuiCol_FrameBgActive] = v4(colors_.surfaceHover);
    col[ImGuiCol_Button] = v4(colors_.surface);
    col[ImGuiCol_ButtonHovered] = v4(colors_.surfaceHover);
    col[ImGuiCol_ButtonActive] = v4(colors_.border);
    col[ImGuiCol_Header] = v4(colors_.surfaceHover);
    col[ImGuiCol_HeaderHovered] = v4(colors_.surfaceHover);
    col[ImGuiCol_HeaderActive] = v4(colors_.border);
    col[ImGuiCol_CheckMark] = v4(colors_.accent);
    col[ImGuiCol_NavHighlight] = v4(colors_.focus);
    col[ImGuiCol_TextSelectedBg] = v4(colors_.highlight);
    col[ImGuiCol_TableHeaderBg] = v4(colors_.surface);
    col[ImGuiCol_TableRowBg] = v4(colors_.bg);
    col[ImGuiCol_TableRowBgAlt] = v4(colors_.surface);
    col[ImGuiCol_TableBorderLight] = v4(colors_.border);
    col[ImGuiCol_TableBorderStrong] = v4(colors_.border);
    col[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
}

float Theme::bodyPixelSize() const {
    return kBodySize * dpr_ * userScale_;
}

bool Theme::extendedFaceWillDraw(unsigned cp) const {
    if (regularFullTtf_) return false;
    for (const ImWchar* r = kBodyRanges; r[0]; r += 2)
        if (cp >= r[0] && cp <= r[1]) return true;
    return false;
}

bool Theme::hasGlyph(unsigned cp) const {
    // With 16-bit ImWchar nothing beyond U+FFFF can be drawn (ImGui shows U+FFFD).
    if (cp > 0xFFFF && sizeof(ImWchar) == 2) return false;
    for (const ImFont* font : {fonts_.body, fonts_.bold})
        if (font && !font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) return false;
    return true;
}

int Theme::countMissingGlyphs(const std::string& text) const {
    int missing = 0;
    for (size_t i = 0; i < text.size();) {
        const unsigned cp = nextCodePoint(text, i);
        if (cp < 0x20) continue; // control characters are never drawn
        if (!hasGlyph(cp)) ++missing;
    }
    return missing;
}

int Theme::countMissingCharacters(const std::string& text) const {
    // Typed text draws in the regular face (the field, "No cards match ..."), not the bold one.
    std::set<unsigned> missing;
    for (size_t i = 0; i < text.size();) {
        const unsigned cp = nextCodePoint(text, i);
        if (cp < 0x20) continue;
        const bool drawable = (cp <= 0xFFFF || sizeof(ImWchar) > 2) && fonts_.body &&
                              fonts_.body->FindGlyphNoFallback(static_cast<ImWchar>(cp));
        if (!drawable) missing.insert(cp);
    }
    return static_cast<int>(missing.size());
}

} // namespace rx::ui
