// WCAG contrast computation and the theme palettes held to it.
#include "core/palette.h"

#include <doctest/doctest.h>

TEST_CASE("contrast: known WCAG values") {
    const rx::Rgb black = rx::rgbHex(0x000000), white = rx::rgbHex(0xFFFFFF);
    CHECK(rx::relativeLuminance(black) == doctest::Approx(0.0));
    CHECK(rx::relativeLuminance(white) == doctest::Approx(1.0));
    CHECK(rx::contrastRatio(black, white) == doctest::Approx(21.0));
    CHECK(rx::contrastRatio(white, black) == doctest::Approx(21.0));
    CHECK(rx::contrastRatio(white, white) == doctest::Approx(1.0));
    // Published reference pairs (WebAIM contrast checker).
    CHECK(rx::contrastRatio(rx::rgbHex(0x777777), white) == doctest::Approx(4.48).epsilon(0.005));
    CHECK(rx::contrastRatio(rx::rgbHex(0x767676), white) == doctest::Approx(4.54).epsilon(0.005));
    CHECK(rx::contrastRatio(rx::rgbHex(0xFF0000), white) == doctest::Approx(4.0).epsilon(0.005));
    CHECK(rx::contrastRatio(rx::rgbHex(0x0000FF), white) == doctest::Approx(8.59).epsilon(0.005));
    // The linear segment of the sRGB curve (channel <= 10).
    CHECK(rx::relativeLuminance(rx::rgbHex(0x0A0A0A)) == doctest::Approx(10 / 255.0 / 12.92));
}

TEST_CASE("resolveTheme follows the preference, else the system") {
    CHECK(rx::resolveTheme("light", true) == rx::Theme::Light);
    CHECK(rx::resolveTheme("dark", false) == rx::Theme::Dark);
    CHECK(rx::resolveTheme("auto", true) == rx::Theme::Dark);
    CHECK(rx::resolveTheme("auto", false) == rx::Theme::Light);
    CHECK(rx::resolveTheme("bogus", false) == rx::Theme::Light);
}

TEST_CASE("palettes: text contrast at least 4.5:1 in both themes") {
    for (const rx::Theme theme : {rx::Theme::Light, rx::Theme::Dark}) {
        const rx::Palette& p = rx::palette(theme);
        CAPTURE(static_cast<int>(theme));
        for (const rx::Rgb background : {p.bg, p.surface, p.surfaceRaised}) {
            CHECK(rx::contrastRatio(p.text, background) >= 4.5);
            CHECK(rx::contrastRatio(p.textMuted, background) >= 4.5);
            CHECK(rx::contrastRatio(p.accent, background) >= 4.5);
            CHECK(rx::contrastRatio(p.focus, background) >= 3.0); // non-text (WCAG 1.4.11)
        }
        CHECK(rx::contrastRatio(p.text, p.highlight) >= 4.5);
        CHECK(rx::contrastRatio(p.text, p.highlightCurrent) >= 4.5);
        CHECK(rx::contrastRatio(p.accent, p.tagBg) >= 4.5);
        CHECK(rx::contrastRatio(p.onAccent, p.accent) >= 4.5);
        CHECK(rx::contrastRatio(p.error, p.surface) >= 4.5);
        // A match must be visible as a highlight, not only by its text.
        CHECK(rx::contrastRatio(p.highlight, p.surface) >= 1.5);
        // Inline code keeps readable text and a visible box on a card, open or closed.
        CHECK(rx::contrastRatio(p.text, p.codeBg) >= 4.5);
        CHECK(rx::contrastRatio(p.codeBg, p.surface) >= 1.15);
        CHECK(rx::contrastRatio(p.codeBg, p.surfaceRaised) >= 1.15);
    }
    CHECK_FALSE(rx::palette(rx::Theme::Light).bg == rx::palette(rx::Theme::Dark).bg);
}

TEST_CASE("palettes: selected text stays readable in both themes") {
    for (const rx::Theme theme : {rx::Theme::Light, rx::Theme::Dark}) {
        const rx::Palette& p = rx::palette(theme);
        CAPTURE(static_cast<int>(theme));
        // Selected text keeps its colour: body text, muted text (closing paragraphs) and code.
        CHECK(rx::contrastRatio(p.text, p.selection) >= 4.5);
        CHECK(rx::contrastRatio(p.textMuted, p.selection) >= 4.5);
        // The selection shows as a selection on every background it is drawn over...
        for (const rx::Rgb background : {p.bg, p.surface, p.surfaceRaised})
            CHECK(rx::contrastRatio(p.selection, background) >= 1.2);
        // ...and is not mistaken for a search highlight or a code span.
        CHECK_FALSE(p.selection == p.highlight);
        CHECK_FALSE(p.selection == p.highlightCurrent);
        CHECK_FALSE(p.selection == p.codeBg);
    }
}
