// Selecting text like a page. The views draw text themselves, so there is no DOM
// selection: like PDF.js's text layer, each frame records where every drawn word is (TextLayer),
// pointer positions are hit-tested against that record, and the selection is a pair of
// {block, byte offset} points over the reading-order list of selectable blocks (TextBlocks).
// Pure C++: no ImGui; glyph advances come from the caller.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rx {

// A place between two characters: a block in reading order and a byte offset into its text, at
// a UTF-8 code point boundary.
struct TextPoint {
    int block = -1;
    size_t offset = 0;
    bool valid() const { return block >= 0; }
    bool operator==(const TextPoint& o) const { return block == o.block && offset == o.offset; }
    bool operator!=(const TextPoint& o) const { return !(*this == o); }
    bool operator<(const TextPoint& o) const {
        return block != o.block ? block < o.block : offset < o.offset;
    }
};

struct ByteSpan {
    size_t begin = 0, end = 0; // [begin, end)
    bool empty() const { return begin >= end; }
    bool operator==(const ByteSpan& o) const { return begin == o.begin && end == o.end; }
};

// The start of the code point that holds byte `offset` (clamped to the text's size).
size_t floorToCodePoint(std::string_view text, size_t offset);
// The offset of the next/previous code point boundary.
size_t nextCodePoint(std::string_view text, size_t offset);

// What a double-click selects at `offset`: a word (letters, digits, '_', and apostrophes between
// letters, as in "Rust’s"), else a run of spaces, else the one punctuation character there.
ByteSpan wordAt(std::string_view text, size_t offset);

// Selectable text in reading order: the intro's paragraphs, each card's title and body, the
// closing paragraphs, a pinned cell's quotes. Ids are stable across layouts ("card:<id>:body"),
// so a selection survives a relayout and is dropped when its text leaves.
class TextBlocks {
  public:
    struct Block {
        std::string id;
        std::string text;  // plain text, as copied
        std::string owner; // the card (or cell) it belongs to; "" for page text
    };
    void clear() { blocks_.clear(); }
    int add(std::string id, std::string text, std::string owner = {});
    int find(std::string_view id) const; // -1 when absent
    size_t size() const { return blocks_.size(); }
    const Block& operator[](size_t i) const { return blocks_[i]; }

  private:
    std::vector<Block> blocks_;
};

// The plain text between two points in reading order: each block's part, blocks joined by
// '\n' (paragraphs and cards on lines of their own; a soft-wrapped line has no break).
std::string selectedText(const TextBlocks& blocks, TextPoint a, TextPoint b);
// The part of block `k` between two points (in either order).
ByteSpan selectedSpan(const TextBlocks& blocks, int k, TextPoint a, TextPoint b);

// A selection as block ids, so it outlives the layout it was made on.
struct Selection {
    std::string anchorBlock, focusBlock;
    size_t anchorOffset = 0, focusOffset = 0;
    bool active() const { return !anchorBlock.empty(); }
    void clear() { *this = Selection(); }
    // Resolves against `blocks`; false when a block left (or an offset no longer fits).
    bool resolve(const TextBlocks& blocks, TextPoint& anchor, TextPoint& focus) const;
    void set(const TextBlocks& blocks, TextPoint anchor, TextPoint focus);
    void setFocus(const TextBlocks& blocks, TextPoint focus);
};

// Where text was drawn this frame: runs of characters (a word, in one font, on one line) with
// the x of every code point boundary. Recorded while drawing; answers hit tests for the next
// frame's input.
class TextLayer {
  public:
    struct Run {
        int block = -1;
        int line = 0; // line within the block
        float left = 0, right = 0, top = 0, bottom = 0;
        size_t begin = 0, end = 0;             // bytes of the block's text
        uint32_t firstEdge = 0, edgeCount = 0; // into edges()
    };
    struct Edge {
        float x = 0;
        uint32_t offset = 0;
    };
    using Advance = std::function<float(uint32_t codePoint)>;

    void clear(); // keeps capacity: recording allocates nothing in a steady frame
    // Records `chars`, the block's text from byte `offset` on, drawn from x = `left` on the line
    // [top, bottom); `advance` gives each code point's width.
    void addRun(int block, int line, float left, float top, float bottom, std::string_view chars,
                size_t offset, const Advance& advance);
    const std::vector<Run>& runs() const { return runs_; }
    const std::vector<Edge>& edges() const { return edges_; }
    bool empty() const { return runs_.empty(); }

    // The point under (x, y) when it is on a line of text (words and the spaces between them,
    // with `slack` px around), else an invalid point.
    TextPoint hitExact(float x, float y, float slack = 3.0f) const;
    // The nearest point of any drawn text (for a drag that leaves the text).
    TextPoint hitNearest(float x, float y) const;
    // The caret of `p` on screen; false when that place was not drawn.
    bool caret(TextPoint p, float& x, float& top, float& bottom) const;
    // The block under (x, y) (any line of it), or -1.
    int blockAt(float x, float y, float slack = 3.0f) const;

  private:
    size_t nearestEdge(const Run& run, float x) const;
    std::vector<Run> runs_;
    std::vector<Edge> edges_;
};

// Counts quick successive presses at one place: 1 single, 2 double, 3 triple (then 1 again).
class ClickCounter {
  public:
    int press(double nowMs, float x, float y);
    void reset() { count_ = 0; }

  private:
    double lastMs_ = -1e9;
    float lastX_ = 0, lastY_ = 0;
    int count_ = 0;
};

// A mouse selection as on a page: a press puts a caret, a double click selects a word and a
// triple click a block (or Shift extends what is selected); a drag from there grows the selection
// by the same unit (characters, whole words, whole blocks), keeping the first unit selected.
class SelectGesture {
  public:
    enum class Unit { Character, Word, Block };
    // A press on `hit` (valid), the `clicks`-th in a row (1..3), Shift held or not.
    void press(const TextBlocks& blocks, Selection& selection, TextPoint hit, int clicks,
               bool extend);
    // The pointer, still down, is over `p` (valid).
    void drag(const TextBlocks& blocks, Selection& selection, TextPoint p) const;
    Unit unit() const { return unit_; }

  private:
    Unit unit_ = Unit::Character;
    TextPoint originStart_, originEnd_; // the word or block the gesture began with
};

} // namespace rx
