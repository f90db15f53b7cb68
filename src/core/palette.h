// Theme colours for the light and dark themes, and WCAG 2.x contrast so tests can hold them to
// at least 4.5:1 for text.
#pragma once
#include <cstdint>
#include <string_view>

namespace rx {

struct Rgb {
    uint8_t r = 0, g = 0, b = 0;
    constexpr bool operator==(const Rgb& o) const { return r == o.r && g == o.g && b == o.b; }
};

// 0xRRGGBB -> Rgb
constexpr Rgb rgbHex(uint32_t hex) {
    return {static_cast<uint8_t>(hex >> 16), static_cast<uint8_t>(hex >> 8),
            static_cast<uint8_t>(hex)};
}

enum class Theme : uint8_t { Light, Dark };

struct Palette {
    Rgb bg;               // page / canvas background
    Rgb surface;          // card background
    Rgb surfaceRaised;    // open card, popups, hovered card
    Rgb text;             // body text (on bg, surface, surfaceRaised)
    Rgb textMuted;        // secondary text: counts, hints (on bg and surface)
    Rgb accent;           // links, active section, tag text (on surface)
    Rgb onAccent;         // text on an accent-filled button
    Rgb border;           // card outlines (decorative: cards also differ by surface colour)
    Rgb highlight;        // search match background; text stays `text`
    Rgb highlightCurrent; // the match Enter moved to
    Rgb focus;            // keyboard focus ring (non-text: at least 3:1 on bg and surface)
    Rgb tagBg;            // tag chip background; tag text is `accent`
    Rgb error;            // error panel text (on surface)
    Rgb codeBg;           // inline code span background (on surface and surfaceRaised)
    Rgb selection;        // selected text's background (under text and muted text, over highlights)
};

const Palette& palette(Theme theme);

// "light" / "dark" pick that theme; anything else ("auto") follows the system preference.
Theme resolveTheme(std::string_view preference, bool systemPrefersDark);

// WCAG 2.x relative luminance (sRGB), 0 for black .. 1 for white.
double relativeLuminance(Rgb c);

// WCAG 2.x contrast ratio, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1 .. 21, symmetric.
double contrastRatio(Rgb a, Rgb b);

} // namespace rx
