#include "fallback_glyphs.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace rx::ui {

void FallbackGlyphs::setPixelSize(float bodyPx) {
    if (bodyPx == bodyPx_) return;
    bodyPx_ = bodyPx;
    ++generation_;
    tracker_.restart();
    placed_.clear();
    applied_ = 0;
    packer_.clear();
    std::fill(pixels_.begin(), pixels_.end(), 0);
    textureChanged_ = !pixels_.empty();
}

void FallbackGlyphs::growTexture(int neededHeight) {
    if (neededHeight <= textureHeight_) return;
    // Rows in steps of 128: a few re-allocations up to the largest texture, not one per batch.
    const int height = std::min(kMaxTextureHeight, (neededHeight + 127) / 128 * 128);
    pixels_.resize(static_cast<size_t>(kTextureWidth) * static_cast<size_t>(height) * 4, 0);
    textureHeight_ = height;
}

bool FallbackGlyphs::add(int generation, char32_t codePoint, const GlyphBitmap& bitmap) {
    if (generation != generation_ || tracker_.source(codePoint) != GlyphSource::Requested)
        return false;
    const bool hasPixels = bitmap.width > 0 && bitmap.height > 0 && bitmap.rgba;
    Placed glyph{codePoint,
                 0,
                 0,
                 hasPixels ? bitmap.width : 0,
                 hasPixels ? bitmap.height : 0,
                 bitmap.advance,
                 bitmap.left,
                 bitmap.top,
                 bitmap.colored};
    if (hasPixels) {
        const auto spot = packer_.place(bitmap.width, bitmap.height);
        if (!spot) {
            tracker_.unavailable(codePoint);
            return false;
        }
        glyph.x = spot->x;
        glyph.y = spot->y;
        growTexture(packer_.usedHeight());
        const size_t rowBytes = static_cast<size_t>(bitmap.width) * 4;
        for (int row = 0; row < bitmap.height; ++row) {
            std::uint8_t* dst =
                pixels_.data() + (static_cast<size_t>(spot->y + row) * kTextureWidth + spot->x) * 4;
            std::memcpy(dst, bitmap.rgba + rowBytes * static_cast<size_t>(row), rowBytes);
        }
        textureChanged_ = true;
    }
    placed_.push_back(glyph);
    tracker_.drawn(codePoint);
    return true;
}

void FallbackGlyphs::unavailable(int generation, char32_t codePoint) {
    if (generation == generation_) tracker_.unavailable(codePoint);
}

void FallbackGlyphs::batchAnswered(int generation) {
    if (generation == generation_) tracker_.batchAnswered();
}

void FallbackGlyphs::addToFont(ImFont* font, const Placed& g) const {
    // Faces other than the body take the same bitmap scaled to their size.
    const float k = font->FontSize / bodyPx_;
    // ImGui's glyph boxes are relative to the line's top, the baseline at the rounded ascent.
    const float baseline = std::round(font->Ascent);
    const float x0 = g.left * k, y0 = baseline - g.top * k;
    const float texW = static_cast<float>(kTextureWidth);
    font->AddGlyph(nullptr, static_cast<ImWchar>(g.codePoint), x0, y0,
                   x0 + static_cast<float>(g.width) * k, y0 + static_cast<float>(g.height) * k,
                   kFallbackU0 + static_cast<float>(g.x) / texW, static_cast<float>(g.y) / texW,
                   kFallbackU0 + static_cast<float>(g.x + g.width) / texW,
                   static_cast<float>(g.y + g.height) / texW, g.advance * k);
    font->Glyphs.back().Colored = g.colored;
}

bool FallbackGlyphs::applyTo(const Fonts& fonts) {
    if (applied_ >= placed_.size() || bodyPx_ <= 0) return false;
    for (ImFont* font : {fonts.body, fonts.bold, fonts.heading, fonts.small, fonts.smallBold}) {
        if (!font) continue;
        // BuildLookupTable appends a Tab glyph unless the last one is Tab: take it off, so the
        // call below makes one again after ours.
        if (!font->Glyphs.empty() && font->Glyphs.back().Codepoint == '\t') font->Glyphs.pop_back();
        for (size_t i = applied_; i < placed_.size(); ++i) {
            const char32_t cp = placed_[i].codePoint;
            if (sizeof(ImWchar) == 2 && cp > 0xFFFF) continue;
            if (font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) continue; // the face has it
            addToFont(font, placed_[i]);
        }
        font->BuildLookupTable();
    }
    applied_ = placed_.size();
    return true;
}

} // namespace rx::ui
