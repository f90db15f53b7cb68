#include "glyph_fallback.h"

#include "utf8.h"

#include <algorithm>

namespace rx {

namespace {
bool shapedCodePoint(char32_t c) {
    struct Range {
        char32_t first, last;
    };
    static constexpr Range kRanges[] = {
        {0x0300, 0x036F},
        {0x0483, 0x0489},
        {0x0590, 0x08FF},
        {0x0900, 0x0DFF},
        {0x0E00, 0x0EFF},
        {0x0F00, 0x0FFF},
        {0x1000, 0x109F},
        {0x1780, 0x17FF},
        {0x1AB0, 0x1AFF},
        {0x1DC0, 0x1DFF},
        {0x200C, 0x200F},
        {0x202A, 0x202E},
        {0x2066, 0x2069},
        {0x20D0, 0x20FF},
        {0xFB1D, 0xFDFF},
        {0xFE00, 0xFE0F},
        {0xFE20, 0xFE2F},
        {0xFE70, 0xFEFF},
        {0x10800, 0x10FFF},
        {0x1E800, 0x1EFFF},
        {0x1F1E6, 0x1F1FF},
        {0x1F3FB, 0x1F3FF},
        {0xE0020, 0xE007F},
        {0xE0100, 0xE01EF},
        // Scripts of South and Southeast Asia beyond the main Indic blocks, Vedic marks, and
        // kana's combining sound marks.
        {0x1B00, 0x1BFF},
        {0x1CD0, 0x1CFF},
        {0x3099, 0x309A},
        {0xA800, 0xABFF},
        {0x11000, 0x11FFF},
    };
    for (const Range& r : kRanges)
        if (c >= r.first && c <= r.last) return true;
    return false;
}
} // namespace

bool needsShaping(std::string_view utf8) {
    for (size_t i = 0; i < utf8.size();) {
        char32_t c = 0;
        const size_t length = utf8Decode(utf8, i, c);
        if (length && shapedCodePoint(c)) return true;
        i += length ? length : 1;
    }
    return false;
}

GlyphFallback::GlyphFallback(size_t cap, size_t maxBatch)
    : cap_(cap), maxBatch_(std::max<size_t>(1, maxBatch)) {}

void GlyphFallback::set(char32_t codePoint, GlyphSource source) {
    sources_[codePoint] = source;
}

GlyphSource GlyphFallback::source(char32_t codePoint) const {
    const auto it = sources_.find(codePoint);
    return it == sources_.end() ? GlyphSource::Unknown : it->second;
}

void GlyphFallback::note(char32_t codePoint) {
    if (codePoint < 0x20 || (codePoint >= 0x7F && codePoint < 0xA0)) return;
    if (source(codePoint) != GlyphSource::Unknown) return;
    if (asked_ >= cap_) {
        set(codePoint, GlyphSource::OverCap);
        ++overCap_;
        return;
    }
    set(codePoint, GlyphSource::Queued);
    queue_.push_back(codePoint);
    ++asked_;
}

void GlyphFallback::noteText(std::string_view text, const std::function<bool(char32_t)>& fontHas) {
    for (size_t pos = 0; pos < text.size();) {
        char32_t cp = 0;
        const size_t length = utf8Decode(text, pos, cp);
        pos += length == 0 ? 1 : length;
        if (length == 0) continue; // ill-formed bytes draw as U+FFFD, which the fonts have
        if (!fontHas(cp) && source(cp) == GlyphSource::Unknown) note(cp);
    }
}

std::vector<char32_t> GlyphFallback::takeBatch() {
    if (!outstanding_.empty() || queue_.empty()) return {};
    const size_t n = std::min(maxBatch_, queue_.size());
    outstanding_.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    for (char32_t cp : outstanding_) set(cp, GlyphSource::Requested);
    return outstanding_;
}

void GlyphFallback::drawn(char32_t codePoint) {
    if (source(codePoint) != GlyphSource::Requested) return; // stale or never asked
    set(codePoint, GlyphSource::Fallback);
    drawnOrder_.push_back(codePoint);
    ++fallback_;
}

void GlyphFallback::unavailable(char32_t codePoint) {
    if (source(codePoint) != GlyphSource::Requested) return;
    set(codePoint, GlyphSource::Unavailable);
    --asked_; // no bitmap kept: it does not count against the cap
}

void GlyphFallback::batchAnswered() {
    for (char32_t cp : outstanding_)
        if (source(cp) == GlyphSource::Requested) unavailable(cp);
    outstanding_.clear();
}

void GlyphFallback::restart() {
    // Drawn first (they were on screen), then what was out or waiting.
    std::vector<char32_t> again = drawnOrder_;
    again.insert(again.end(), outstanding_.begin(), outstanding_.end());
    again.insert(again.end(), queue_.begin(), queue_.end());
    for (char32_t cp : again) set(cp, GlyphSource::Queued);
    queue_ = std::move(again);
    outstanding_.clear();
    drawnOrder_.clear();
    fallback_ = 0;
}

ShelfPacker::ShelfPacker(int width, int maxHeight, int padding)
    : width_(width), maxHeight_(maxHeight), padding_(std::max(0, padding)) {}

std::optional<ShelfPacker::Spot> ShelfPacker::place(int w, int h) {
    if (w < 0 || h < 0) return std::nullopt;
    const int pw = w + 2 * padding_, ph = h + 2 * padding_;
    if (pw > width_) return std::nullopt;
    if (cursorX_ + pw > width_) { // next shelf
        shelfY_ += shelfH_;
        shelfH_ = 0;
        cursorX_ = 0;
    }
    if (shelfY_ + std::max(shelfH_, ph) > maxHeight_) return std::nullopt;
    const Spot spot{cursorX_ + padding_, shelfY_ + padding_};
    cursorX_ += pw;
    shelfH_ = std::max(shelfH_, ph);
    return spot;
}

void ShelfPacker::clear() {
    shelfY_ = shelfH_ = cursorX_ = 0;
}

} // namespace rx
