// Glyphs no loaded font has, drawn by the page with the browser's own fonts (web/glyphs.js) and
// kept in a texture of their own (RGBA: colour emoji keep their colours). They join every ImGui
// face as ordinary glyphs whose UVs point into that texture (u >= 2, see kFallbackU0): the
// renderer samples it there. No atlas rebuild: a batch of new glyphs costs one texture upload.
#pragma once
#include "glyph_fallback.h"
#include "theme.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rx::ui {

// One glyph as the page drew it, in atlas pixels of the body face.
struct GlyphBitmap {
    int width = 0, height = 0;
    float advance = 0;
    float left = 0; // the bitmap's left edge from the pen position
    float top = 0;  // its top edge above the baseline
    bool colored = false;
    const std::uint8_t* rgba = nullptr; // width * height * 4, not premultiplied
};

class FallbackGlyphs {
  public:
    static constexpr int kTextureWidth = 2048;
    static constexpr int kMaxTextureHeight = 2048;
    static constexpr float kFallbackU0 = 2.0f; // UVs from here on mean "the fallback texture"

    // The body face's size in atlas pixels: the size the page draws at. A new size drops the
    // bitmaps (they are asked for again at the new size).
    void setPixelSize(float bodyPx);
    float pixelSize() const { return bodyPx_; }
    int generation() const { return generation_; }
    GlyphFallback& tracker() { return tracker_; }
    const GlyphFallback& tracker() const { return tracker_; }

    // A bitmap for a code point of the batch that is out (answers from an older generation are
    // ignored). False when it does not fit the texture: the glyph stays missing.
    bool add(int generation, char32_t codePoint, const GlyphBitmap& bitmap);
    void unavailable(int generation, char32_t codePoint);
    void batchAnswered(int generation);

    // The page is still drawing some, or some drawn are not in the faces yet.
    bool pending() const { return tracker_.pending() || applied_ < placed_.size(); }
    // The faces were rebuilt: all glyphs go into them again at the next apply.
    void fontsRebuilt() { applied_ = 0; }
    // Adds the glyphs the faces do not have yet; true when any was added.
    bool applyTo(const Fonts& fonts);

    // The texture's pixels (kTextureWidth x textureHeight(), RGBA) and whether they changed
    // since the renderer last took them.
    bool takeTextureChange() {
        const bool changed = textureChanged_;
        textureChanged_ = false;
        return changed;
    }
    const std::vector<std::uint8_t>& pixels() const { return pixels_; }
    int textureHeight() const { return textureHeight_; }

  private:
    struct Placed {
        char32_t codePoint;
        int x, y, width, height;
        float advance, left, top;
        bool colored;
    };
    void addToFont(ImFont* font, const Placed& glyph) const;
    void growTexture(int neededHeight);

    GlyphFallback tracker_;
    ShelfPacker packer_{kTextureWidth, kMaxTextureHeight, 1};
    std::vector<Placed> placed_;
    size_t applied_ = 0; // placed_[0, applied_) are in the faces
    std::vector<std::uint8_t> pixels_;
    int textureHeight_ = 0;
    bool textureChanged_ = false;
    float bodyPx_ = 0;
    int generation_ = 0;
};

} // namespace rx::ui
