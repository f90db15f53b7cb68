// Glyphs the explorer's fonts lack, drawn by the browser instead. The app notes the
// characters it is about to draw that no loaded font has; this decides which code points to ask
// the page for (each once, one batch out at a time, at most `cap` in all) and keeps the answers.
// Where each bitmap goes in the fallback texture is ShelfPacker's part.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rx {

// Whether `utf8` holds text that drawing one glyph per code point garbles: right-to-left scripts,
// combining marks and the scripts whose letters join or reorder (Indic, Thai, Tibetan, Myanmar,
// Khmer), joiners, variation selectors, regional-indicator flags, skin tones, emoji tags. The
// same decision as web/textagent.js's NEEDS_SHAPING, by code point blocks.
bool needsShaping(std::string_view utf8);

enum class GlyphSource {
    Unknown,     // never noted
    Queued,      // noted, waiting for the next batch
    Requested,   // in the batch the page is drawing
    Fallback,    // the page drew it: drawn from the fallback texture
    Unavailable, // the page has no font for it either
    OverCap,     // beyond the cap: never asked for
};

class GlyphFallback {
  public:
    explicit GlyphFallback(size_t cap = 512, size_t maxBatch = 96);

    // Notes every code point of `text` that `fontHas` says no font draws (controls never draw).
    void noteText(std::string_view text, const std::function<bool(char32_t)>& fontHas);
    void note(char32_t codePoint);

    // The next batch to ask the page for (oldest first), or nothing while one is out.
    std::vector<char32_t> takeBatch();
    bool batchOut() const { return !outstanding_.empty(); }
    // Something is queued or out: the page is still to answer.
    bool pending() const { return !queue_.empty() || !outstanding_.empty(); }
    // The page's answers for the batch that is out; whatever it did not answer is unavailable.
    void drawn(char32_t codePoint);
    void unavailable(char32_t codePoint);
    void batchAnswered();

    GlyphSource source(char32_t codePoint) const;
    size_t fallbackCount() const { return fallback_; }
    size_t overCapCount() const { return overCap_; }
    size_t cap() const { return cap_; }
    // The bitmaps are gone (a new pixel size): every drawn glyph is asked for again; answers to
    // the batch that was out are stale and ignored.
    void restart();
    // The code points drawn from the fallback, in the order they arrived.
    const std::vector<char32_t>& drawnOrder() const { return drawnOrder_; }

  private:
    void set(char32_t codePoint, GlyphSource source);
    size_t cap_;
    size_t maxBatch_;
    size_t fallback_ = 0;
    size_t overCap_ = 0;
    size_t asked_ = 0; // queued + requested + fallback: what counts against the cap
    std::unordered_map<char32_t, GlyphSource> sources_;
    std::vector<char32_t> queue_;
    std::vector<char32_t> outstanding_;
    std::vector<char32_t> drawnOrder_;
};

// Packs rectangles into rows (shelves) of a texture of fixed width whose used height grows:
// glyphs of one pixel size have similar heights, so little space is lost.
class ShelfPacker {
  public:
    struct Spot {
        int x = 0, y = 0;
    };
    ShelfPacker(int width, int maxHeight, int padding = 1);
    // Where a w x h rectangle goes (padding kept on every side), or nothing when it does not fit.
    std::optional<Spot> place(int w, int h);
    int usedHeight() const { return shelfY_ + shelfH_; }
    int width() const { return width_; }
    void clear();

  private:
    int width_, maxHeight_, padding_;
    int shelfY_ = 0, shelfH_ = 0, cursorX_ = 0;
};

} // namespace rx
