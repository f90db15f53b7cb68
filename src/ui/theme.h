// Colours, fonts and metrics shared by the views.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

namespace rx::ui {

struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;
};

enum class ThemeMode { Auto, Light, Dark };

struct Fonts {
    ImFont* body = nullptr;    // reading text
    ImFont* bold = nullptr;    // card titles, bold runs
    ImFont* heading = nullptr; // section headings
    ImFont* small = nullptr;   // labels, counts, tags
    ImFont* smallBold = nullptr;
};

struct Colors {
    ImU32 bg, surface, surfaceHover, text, textMuted, accent, accentText, border, highlight,
        highlightCurrent, focus, tagBg, error, codeBg, selection, stated, inferred;
    Rgba clear;
};

class Theme {
  public:
    // TTF bytes must outlive the atlas (ImGui keeps pointers into them).
    void setFontData(const std::string* regular, const std::string* bold);
    // The regular face with Latin-1 and General Punctuation, for typed text: fetched on demand
    // (the first view's faces carry only ASCII, the UI's punctuation and the content's characters).
    void setExtendedRegular(const std::string* regularFull);
    bool hasExtendedRegular() const { return regularFullTtf_ != nullptr; }
    // Optional faces merged into every font for glyphs the main face lacks.
    void setFallbackFonts(const std::string* symbols, const std::string* arrows);
    // The content's text: title and label faces rasterise only the characters it needs.
    void setContentText(const std::string& text);
    void setPixelRatio(float dpr);
    void setUserScale(float scale);
    bool fontsDirty() const { return dirty_; }
    void markFontsDirty() { dirty_ = true; }
    void rebuildFonts(); // builds the ImGui atlas for the current DPR and scale
    const Fonts& fonts() const { return fonts_; }
    float pixelRatio() const { return dpr_; }
    // The body face's size in atlas pixels (CSS size x DPR x zoom).
    float bodyPixelSize() const;
    // A character the full regular face will draw once it arrives (it was asked for).
    bool extendedFaceWillDraw(unsigned codePoint) const;
    float scale() const { return userScale_; }
    float bodyTextPx() const; // the body text's size in CSS px, scale included

    void setMode(ThemeMode mode, bool systemPrefersDark);
    bool dark() const { return dark_; }
    const Colors& colors() const { return colors_; }
    void applyImGuiStyle();

    // Code points of `text` that no loaded font can draw.
    int countMissingGlyphs(const std::string& text) const;
    // Distinct characters of `text` the fonts cannot draw (typed text: each counts once).
    int countMissingCharacters(const std::string& text) const;
    bool hasGlyph(unsigned codePoint) const;

  private:
    const std::string* regularTtf_ = nullptr;
    const std::string* boldTtf_ = nullptr;
    const std::string* regularFullTtf_ = nullptr;
    const std::string* symbolsTtf_ = nullptr;
    const std::string* arrowsTtf_ = nullptr;
    ImVector<ImWchar> labelRanges_;
    ImVector<ImWchar> fallbackRanges_; // the content's arrows and symbols: empty = none needed
    float dpr_ = 1.0f;
    float userScale_ = 1.0f;
    bool dirty_ = true;
    bool dark_ = false;
    Fonts fonts_;
    Colors colors_{};
};

} // namespace rx::ui
