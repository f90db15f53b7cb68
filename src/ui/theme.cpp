#include "theme.h"

#include <cstdint>

namespace rx::ui {
namespace {

// Latin-1, General Punctuation (’ — …), arrows and the few symbols the UI draws.
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x2000, 0x206F, 0x2190, 0x21FF, 0x2022, 0x2022,
                                0x25B4, 0x25BE, 0x2713, 0x2715, 0xFFFD, 0xFFFD, 0};

constexpr float kBodySize = 17.0f;
constexpr float kHeadingSize = 24.0f;
constexpr float kSmallSize = 14.0f;

ImU32 rgb(uint32_t hex, float alpha = 1.0f) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF,
                    static_cast<int>(alpha * 255.0f));
}

Rgba rgba(uint32_t hex) {
    return {((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f,
            1.0f};
}

ImFont* addFont(const std::string* ttf, float pixelSize) {
    ImGuiIO& io = ImGui::GetIO();
    if (!ttf || ttf->empty()) {
        ImFontConfig cfg;
        cfg.SizePixels = pixelSize;
        return io.Fonts->AddFontDefault(&cfg);
    }
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false; // the model owns the bytes
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    return io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(ttf->data()),
                                          static_cast<int>(ttf->size()), pixelSize, &cfg,
                                          kGlyphRanges);
}

// Decodes one UTF-8 code point; invalid bytes come back as U+FFFD.
unsigned nextCodePoint(const std::string& s, size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    unsigned cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    return cp;
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

void Theme::rebuildFonts() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Glyphs are rasterised at device pixels, then drawn at CSS size: sharp at any DPR.
    const float px = dpr_ * userScale_;
    fonts_.body = addFont(regularTtf_, kBodySize * px);
    fonts_.bold = addFont(boldTtf_ ? boldTtf_ : regularTtf_, kBodySize * px);
    fonts_.heading = addFont(boldTtf_ ? boldTtf_ : regularTtf_, kHeadingSize * px);
    fonts_.small = addFont(regularTtf_, kSmallSize * px);
    fonts_.smallBold = addFont(boldTtf_ ? boldTtf_ : regularTtf_, kSmallSize * px);
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / dpr_;
    io.FontDefault = fonts_.body;
    applyImGuiStyle();
    dirty_ = false;
}

void Theme::setMode(ThemeMode mode, bool systemPrefersDark) {
    dark_ = mode == ThemeMode::Dark || (mode == ThemeMode::Auto && systemPrefersDark);
    Colors c{};
    if (dark_) {
        c.bg = rgb(0x14161A);
        c.surface = rgb(0x1F2228);
        c.surfaceHover = rgb(0x282C33);
        c.text = rgb(0xE8EAED);
        c.textMuted = rgb(0xA9B0BA);
        c.accent = rgb(0xF0A060);
        c.accentText = rgb(0x14161A);
        c.border = rgb(0x3A3F47);
        c.highlight = rgb(0x8A6A10, 0.85f);
        c.focus = rgb(0x7FB4FF);
        c.error = rgb(0xFF8A80);
        c.stated = rgb(0xF0A060);
        c.inferred = rgb(0xA9B0BA);
        c.clear = rgba(0x14161A);
    } else {
        c.bg = rgb(0xF6F5F2);
        c.surface = rgb(0xFFFFFF);
        c.surfaceHover = rgb(0xF0EEEA);
        c.text = rgb(0x1C1E21);
        c.textMuted = rgb(0x555B63);
        c.accent = rgb(0xB7410E);
        c.accentText = rgb(0xFFFFFF);
        c.border = rgb(0xD9D5CE);
        c.highlight = rgb(0xFFE27A);
        c.focus = rgb(0x1A5FD0);
        c.error = rgb(0xB3261E);
        c.stated = rgb(0xB7410E);
        c.inferred = rgb(0x6B7280);
        c.clear = rgba(0xF6F5F2);
    }
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

int Theme::countMissingGlyphs(const std::string& text) const {
    const ImFont* fonts[] = {fonts_.body, fonts_.bold};
    int missing = 0;
    for (size_t i = 0; i < text.size();) {
        const unsigned cp = nextCodePoint(text, i);
        if (cp < 0x20) continue; // control characters are never drawn
        for (const ImFont* font : fonts) {
            if (font && !font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) {
                ++missing;
                break;
            }
        }
    }
    return missing;
}

} // namespace rx::ui
