#include "text_selection.h"

#include "utf8.h"

#include <algorithm>
#include <cmath>

namespace rx {
namespace {

// The code point at `offset` (a boundary); malformed bytes count as U+FFFD, one byte long.
uint32_t decodeAt(std::string_view text, size_t offset, size_t& length) {
    length = utf8SequenceLength(text, offset);
    if (length == 0) {
        length = 1;
        return 0xFFFD;
    }
    const auto b = [&](size_t i) { return static_cast<unsigned char>(text[offset + i]); };
    switch (length) {
    case 1:
        return b(0);
    case 2:
        return ((b(0) & 0x1Fu) << 6) | (b(1) & 0x3Fu);
    case 3:
        return ((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
    default:
        return ((b(0) & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) |
               (b(3) & 0x3Fu);
    }
}

enum class CharClass { Word, Apostrophe, Space, Other };

CharClass classify(uint32_t c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0) return CharClass::Space;
    if (c == '\'' || c == 0x2019) return CharClass::Apostrophe;
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')
        return CharClass::Word;
    if (c < 0xC0) return CharClass::Other;                   // ASCII and Latin-1 punctuation
    if (c == 0xD7 || c == 0xF7) return CharClass::Other;     // × ÷
    if (c >= 0x2000 && c <= 0x2BFF) return CharClass::Other; // punctuation, arrows, symbols
    if (c >= 0x3000 && c <= 0x303F) return CharClass::Other; // CJK punctuation
    if (c == 0xFFFD) return CharClass::Other;
    return CharClass::Word;
}

struct Char {
    size_t begin, end;
    CharClass cls;
};

// The code points of `text` around `offset`, classified (apostrophes resolved: inside a word
// they are part of it).
std::vector<Char> charsOf(std::string_view text) {
    std::vector<Char> out;
    for (size_t i = 0; i < text.size();) {
        size_t len = 0;
        const uint32_t c = decodeAt(text, i, len);
        out.push_back({i, i + len, classify(c)});
        i += len;
    }
    for (size_t k = 0; k < out.size(); ++k) {
        if (out[k].cls != CharClass::Apostrophe) continue;
        const bool inside = k > 0 && k + 1 < out.size() && out[k - 1].cls == CharClass::Word &&
                            out[k + 1].cls == CharClass::Word;
        out[k].cls = inside ? CharClass::Word : CharClass::Other;
    }
    return out;
}

} // namespace

size_t floorToCodePoint(std::string_view text, size_t offset) {
    offset = std::min(offset, text.size());
    while (offset > 0 && offset < text.size() && isUtf8Continuation(text[offset])) --offset;
    return offset;
}

size_t nextCodePoint(std::string_view text, size_t offset) {
    offset = floorToCodePoint(text, offset);
    if (offset >= text.size()) return text.size();
    size_t len = 0;
    decodeAt(text, offset, len);
    return offset + len;
}

ByteSpan wordAt(std::string_view text, size_t offset) {
    if (text.empty()) return {};
    offset = floorToCodePoint(text, offset);
    const std::vector<Char> chars = charsOf(text);
    size_t k = 0;
    while (k + 1 < chars.size() && chars[k].end <= offset) ++k;
    // At the end of a word (the caret after its last letter): that word.
    if (offset == text.size() || (chars[k].cls != CharClass::Word && k > 0 &&
                                  chars[k - 1].cls == CharClass::Word && chars[k].begin == offset))
        k = offset == text.size() ? chars.size() - 1 : k - 1;
    const CharClass cls = chars[k].cls;
    if (cls == CharClass::Other) return {chars[k].begin, chars[k].end};
    size_t first = k, last = k;
    while (first > 0 && chars[first - 1].cls == cls) --first;
    while (last + 1 < chars.size() && chars[last + 1].cls == cls) ++last;
    return {chars[first].begin, chars[last].end};
}

// ---------------------------------------------------------------------------------------------

int TextBlocks::add(std::string id, std::string text, std::string owner) {
    blocks_.push_back({std::move(id), std::move(text), std::move(owner)});
    return static_cast<int>(blocks_.size()) - 1;
}

int TextBlocks::find(std::string_view id) const {
    for (size_t i = 0; i < blocks_.size(); ++i)
        if (blocks_[i].id == id) return static_cast<int>(i);
    return -1;
}

ByteSpan selectedSpan(const TextBlocks& blocks, int k, TextPoint a, TextPoint b) {
    if (!a.valid() || !b.valid() || k < 0 || static_cast<size_t>(k) >= blocks.size()) return {};
    if (b < a) std::swap(a, b);
    if (k < a.block || k > b.block) return {};
    const size_t size = blocks[static_cast<size_t>(k)].text.size();
    ByteSpan span{k == a.block ? std::min(a.offset, size) : 0,
                  k == b.block ? std::min(b.offset, size) : size};
    if (span.end < span.begin) span.end = span.begin;
    return span;
}

std::string selectedText(const TextBlocks& blocks, TextPoint a, TextPoint b) {
    if (!a.valid() || !b.valid() || a == b) return {};
    if (b < a) std::swap(a, b);
    std::string out;
    for (int k = a.block; k <= b.block && static_cast<size_t>(k) < blocks.size(); ++k) {
        const ByteSpan span = selectedSpan(blocks, k, a, b);
        if (k > a.block) out += '\n';
        out.append(blocks[static_cast<size_t>(k)].text, span.begin, span.end - span.begin);
    }
    return out;
}

bool Selection::resolve(const TextBlocks& blocks, TextPoint& anchor, TextPoint& focus) const {
    if (!active()) return false;
    anchor = {blocks.find(anchorBlock), anchorOffset};
    focus = {blocks.find(focusBlock), focusOffset};
    if (!anchor.valid() || !focus.valid()) return false;
    return anchorOffset <= blocks[static_cast<size_t>(anchor.block)].text.size() &&
           focusOffset <= blocks[static_cast<size_t>(focus.block)].text.size();
}

void Selection::set(const TextBlocks& blocks, TextPoint anchor, TextPoint focus) {
    if (!anchor.valid() || static_cast<size_t>(anchor.block) >= blocks.size()) {
        clear();
        return;
    }
    anchorBlock = blocks[static_cast<size_t>(anchor.block)].id;
    anchorOffset = anchor.offset;
    setFocus(blocks, focus.valid() ? focus : anchor);
}

void Selection::setFocus(const TextBlocks& blocks, TextPoint focus) {
    if (!focus.valid() || static_cast<size_t>(focus.block) >= blocks.size()) return;
    focusBlock = blocks[static_cast<size_t>(focus.block)].id;
    focusOffset = focus.offset;
}

// ---------------------------------------------------------------------------------------------

void TextLayer::clear() {
    runs_.clear();
    edges_.clear();
}

void TextLayer::addRun(int block, int line, float left, float top, float bottom,
                       std::string_view chars, size_t offset, const Advance& advance) {
    if (chars.empty()) return;
    Run run;
    run.block = block;
    run.line = line;
    run.left = left;
    run.top = top;
    run.bottom = bottom;
    run.begin = offset;
    run.end = offset + chars.size();
    run.firstEdge = static_cast<uint32_t>(edges_.size());
    float x = left;
    edges_.push_back({x, static_cast<uint32_t>(offset)});
    for (size_t i = 0; i < chars.size();) {
        size_t len = 0;
        const uint32_t c = decodeAt(chars, i, len);
        x += advance(c);
        i += len;
        edges_.push_back({x, static_cast<uint32_t>(offset + std::min(i, chars.size()))});
    }
    run.right = x;
    run.edgeCount = static_cast<uint32_t>(edges_.size()) - run.firstEdge;
    runs_.push_back(run);
}

size_t TextLayer::nearestEdge(const Run& run, float x) const {
    size_t best = run.firstEdge;
    float bestD = 1e30f;
    for (uint32_t e = run.firstEdge; e < run.firstEdge + run.edgeCount; ++e) {
        const float d = std::fabs(edges_[e].x - x);
        if (d < bestD) bestD = d, best = e;
    }
    return best;
}

TextPoint TextLayer::hitExact(float x, float y, float slack) const {
    for (const Run& r : runs_) {
        if (y < r.top || y >= r.bottom || x < r.left - slack || x > r.right + slack) continue;
        return {r.block, edges_[nearestEdge(r, x)].offset};
    }
    return {};
}

int TextLayer::blockAt(float x, float y, float slack) const {
    const TextPoint p = hitExact(x, y, slack);
    return p.block;
}

TextPoint TextLayer::hitNearest(float x, float y) const {
    const Run* best = nullptr;
    float bestD = 1e30f;
    for (const Run& r : runs_) {
        const float dx = std::max({0.0f, r.left - x, x - r.right});
        const float dy = std::max({0.0f, r.top - y, y - r.bottom + 0.001f});
        // Lines are wide and short: a point beside a line belongs to it before one above it.
        const float d = dx + dy * 4.0f;
        if (d < bestD) bestD = d, best = &r;
    }
    if (!best) return {};
    return {best->block, edges_[nearestEdge(*best, x)].offset};
}

bool TextLayer::caret(TextPoint p, float& x, float& top, float& bottom) const {
    for (const Run& r : runs_) {
        if (r.block != p.block || p.offset < r.begin || p.offset > r.end) continue;
        for (uint32_t e = r.firstEdge; e < r.firstEdge + r.edgeCount; ++e)
            if (edges_[e].offset == p.offset) {
                x = edges_[e].x;
                top = r.top;
                bottom = r.bottom;
                return true;
            }
    }
    return false;
}

int ClickCounter::press(double nowMs, float x, float y) {
    constexpr double kMultiClickMs = 500.0; // the usual desktop double-click time
    constexpr float kMultiClickPx = 6.0f;
    const bool near =
        std::fabs(x - lastX_) <= kMultiClickPx && std::fabs(y - lastY_) <= kMultiClickPx;
    count_ = near && nowMs - lastMs_ <= kMultiClickMs && count_ < 3 ? count_ + 1 : 1;
    lastMs_ = nowMs;
    lastX_ = x;
    lastY_ = y;
    return count_;
}

void SelectGesture::press(const TextBlocks& blocks, Selection& selection, TextPoint hit, int clicks,
                          bool extend) {
    unit_ = Unit::Character;
    if (extend && selection.active()) {
        selection.setFocus(blocks, hit);
        return;
    }
    const std::string& text = blocks[static_cast<size_t>(hit.block)].text;
    if (clicks == 2) {
        const ByteSpan w = wordAt(text, hit.offset);
        originStart_ = {hit.block, w.begin};
        originEnd_ = {hit.block, w.end};
        unit_ = Unit::Word;
    } else if (clicks == 3) {
        originStart_ = {hit.block, 0};
        originEnd_ = {hit.block, text.size()};
        unit_ = Unit::Block;
    } else {
        originStart_ = originEnd_ = hit;
    }
    selection.set(blocks, originStart_, originEnd_);
}

void SelectGesture::drag(const TextBlocks& blocks, Selection& selection, TextPoint p) const {
    if (unit_ == Unit::Character) {
        selection.setFocus(blocks, p);
        return;
    }
    const std::string& text = blocks[static_cast<size_t>(p.block)].text;
    ByteSpan unit{0, text.size()};
    if (unit_ == Unit::Word) unit = wordAt(text, p.offset);
    if (p < originStart_)
        selection.set(blocks, originEnd_, {p.block, unit.begin});
    else
        selection.set(blocks, originStart_, std::max(originEnd_, TextPoint{p.block, unit.end}));
}

} // namespace rx
