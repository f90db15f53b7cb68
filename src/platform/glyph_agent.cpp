// Exports for web/glyphs.js: the page's answers to a "glyphs" request (the code points no loaded
// font has, drawn with the browser's own fonts). The bitmaps join the faces before the next
// frame (main_web.cpp: App::prepareFallbackGlyphs, then the renderer's fallback texture).
#include "text_agent.h"
#include "ui/app.h"

#include <emscripten.h>

#include <cstdint>

extern "C" {

// One glyph: `rgba` holds width x height RGBA pixels (not premultiplied; width or height 0 for a
// glyph without ink, such as a space). Metrics in atlas pixels: the pen advance, the bitmap's
// left edge from the pen, its top edge above the baseline.
EMSCRIPTEN_KEEPALIVE void rx_fallback_glyph(int generation, int codePoint, int width, int height,
                                            float advance, float left, float top, int colored,
                                            const std::uint8_t* rgba) {
    rx::ui::App* app = rx::platform::app();
    if (!app || codePoint <= 0 || codePoint > 0x10FFFF || width < 0 || height < 0 || width > 1024 ||
        height > 1024 || !(advance >= 0 && advance < 4096))
        return;
    rx::ui::GlyphBitmap bitmap;
    bitmap.width = width;
    bitmap.height = height;
    bitmap.advance = advance;
    bitmap.left = left;
    bitmap.top = top;
    bitmap.colored = colored != 0;
    bitmap.rgba = rgba;
    app->fallbackGlyph(generation, static_cast<char32_t>(codePoint), bitmap);
}

// A code point the browser has no font for either: it stays missing.
EMSCRIPTEN_KEEPALIVE void rx_fallback_glyph_missing(int generation, int codePoint) {
    rx::ui::App* app = rx::platform::app();
    if (app && codePoint > 0)
        app->fallbackGlyphMissing(generation, static_cast<char32_t>(codePoint));
}

// The batch is answered (whatever was not is missing): draw with the new glyphs.
EMSCRIPTEN_KEEPALIVE void rx_fallback_glyphs_done(int generation) {
    rx::ui::App* app = rx::platform::app();
    if (!app) return;
    app->fallbackBatchDone(generation);
    rx::platform::wakeLoop();
}

} // extern "C"
