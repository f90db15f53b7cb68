// The cards view: binding the model, which cards the filters show, and the layout (recomputed
// only when the width, the filter, the open card or the data change).
#include "view_cards.h"
#include "view_cards_common.h"

#include "card_grid.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace rx::ui {
using namespace cards_detail;

// ---------------------------------------------------------------------------------------------
// Model binding and layout

void CardsView::bindModel(const Model& model) {
    // A large document grows at the end while it is read (Model::loadMore): its new sections are
    // bound each time.
    if (model_ != &model) {
        model_ = &model;
        searchCardOf_.clear();
        boundCards_ = 0;
    } else if (boundVersion_ == model.docVersion && !searchCardOf_.empty()) {
        return;
    }
    boundVersion_ = model.docVersion;
    for (size_t s = searchCardOf_.size(); s < model.doc.sections.size(); ++s)
        searchCardOf_.emplace_back(model.doc.sections[s].items.size(), -1);
    for (; boundCards_ < model.searchIndex.cards.size(); ++boundCards_) {
        const IndexedCard& c = model.searchIndex.cards[boundCards_];
        if (c.section < searchCardOf_.size() && c.item < searchCardOf_[c.section].size())
            searchCardOf_[c.section][c.item] = static_cast<int>(boundCards_);
    }
}

bool CardsView::matchesSearch(int searchCard) const {
    if (!search_.searching()) return true;
    return searchCard >= 0 && search_.result().matched(static_cast<size_t>(searchCard));
}

bool CardsView::dimmedBySearch(int searchCard) const {
    // Cards the search has not tested yet are not dimmed: they are not known to miss.
    return search_.searching() && searchCard >= 0 &&
           search_.result().state(static_cast<size_t>(searchCard)) ==
               CardSearch::CardState::NoMatch;
}

void CardsView::countNav() {
    for (size_t s = 0; s < navEntries_.size() && s < model_->doc.sections.size(); ++s) {
        // The nav counts what the reader is looking for: while searching, the matching cards
        // (dimmed cards are on screen but are not results).
        int counted = 0;
        for (size_t i = 0; i < model_->doc.sections[s].items.size(); ++i) {
            const int sc = searchCardOf_[s][i];
            counted += shownByFilter(s, i, sc) && matchesSearch(sc) ? 1 : 0;
        }
        navEntries_[s].shown = counted;
    }
}

bool CardsView::shownByFilter(size_t section, size_t item, int searchCard) const {
    const Item& it = model_->doc.sections[section].items[item];
    if (!tag_.empty()) {
        const auto& tags = model_->tags.tagsOf(it.id);
        if (std::find(tags.begin(), tags.end(), tag_) == tags.end()) return false;
    }
    if (search_.hideNonMatching && search_.searching() && !matchesSearch(searchCard)) return false;
    return true;
}

CardsView::LayoutKey CardsView::layoutKey(const UiContext& ctx, float width) const {
    LayoutKey key;
    key.width = width;
    key.open = openCard_;
    key.tag = tag_;
    key.hide = search_.hideNonMatching && search_.searching();
    // The search changes the layout only when it hides the other cards; dimming and highlights
    // are drawn from the current result.
    key.searchVersion = key.hide ? search_.version() : 0;
    key.font = ctx.theme.fonts().body;
    key.dpr = ctx.theme.pixelRatio();
    key.docVersion = model_->docVersion;
    key.complete = model_->complete;
    return key;
}

bool CardsView::layoutOnlyGrew(const LayoutKey& key) const {
    if (key_.width < 0 || laid_.closed || !key.tag.empty() || key.hide) return false;
    LayoutKey before = key_;
    before.docVersion = key.docVersion;
    before.complete = key.complete;
    return before == key && laid_.sections <= model_->doc.sections.size() &&
           laid_.intro == model_->doc.intro.size();
}

// The prose laid out before keeps pointing at its paragraphs while the sections grow: a Section
// moves (its vectors' buffers stay put) when Document::sections reallocates, never copies.
static_assert(std::is_nothrow_move_constructible_v<Section>);

void CardsView::ensureLayout(const UiContext& ctx, float width) {
    const LayoutKey key = layoutKey(ctx, width);
    if (key == key_) return;
    // A large document read in pieces grows at the end: only its new sections are laid out,
    // after the ones laid out before (their boxes, blocks and nav entries stay as they are).
    const bool grew = layoutOnlyGrew(key);
    key_ = key;
    const bool filtered = !tag_.empty() || key.hide;
    const size_t firstNewCard = grew ? cards_.size() : 0;
    ++(grew ? grownLayouts_ : fullLayouts_);
    if (grew) {
        rebuildBlocks_ = false;
        measures_.resize(model_->searchIndex.cards.size()); // the cards read since
    } else {
        beginLayout(ctx, width, filtered);
    }
    const Document& doc = model_->doc;
    for (size_t s = laid_.sections; s < doc.sections.size(); ++s) layoutSection(ctx, s, filtered);
    laid_.sections = doc.sections.size();
    float y = laid_.y;
    if (!filtered) {
        y += 8;
        for (size_t i = 0; i < doc.closing.size(); ++i)
            addProse(ctx, doc.closing[i], true, 16.0f, 12, "closing:" + std::to_string(i), y);
        laid_.closed = !doc.closing.empty(); // the document's end: nothing grows after it
    }
    contentH_ = y + 40;
    for (size_t k = firstNewCard; k < cards_.size(); ++k)
        maxCardH_ = std::max(maxCardH_, cards_[k].size.y);
    navCountedFor_ = ~0u; // counted again (ensureNavCounts)
    ++layoutGeneration_;
}

template <class MakeId, class MakeText>
int CardsView::addBlock(MakeId&& makeId, MakeText&& makeText, const std::string& owner) {
    // Without a rebuild, blocks only come after the ones built (a large document grows at the
    // end, the closing text comes last): those are added.
    if (rebuildBlocks_ || static_cast<size_t>(laid_.blocks) >= blocks_.size())
        blocks_.add(makeId(), makeText(), owner);
    return laid_.blocks++;
}

void CardsView::addProse(const UiContext& ctx, const RichText& text, bool muted, float size,
                         float after, std::string blockId, float& y) {
    RichTextStyle st = bodyStyle(ctx.theme, 0);
    st.size = size;
    const float h = drawRichText(nullptr, ImVec2(), readW_, text, st).height;
    const int block =
        addBlock([&] { return std::move(blockId); }, [&] { return text.plain(); }, std::string());
    prose_.push_back({&text, y, 0, readW_, muted, size, block});
    y += h + after;
}

void CardsView::beginLayout(const UiContext& ctx, float width, bool filtered) {
    cards_.clear();
    sections_.clear();
    prose_.clear();
    navEntries_.clear();
    laid_ = LayoutCursor();
    maxCardH_ = 0;
    // The selectable text blocks depend only on what is shown, not on the width or the open card:
    // rebuilt (every card's text copied) only when a filter changed.
    const std::string blocksKey =
        tag_ + (key_.hide ? "\n" + std::to_string(key_.searchVersion) : std::string());
    rebuildBlocks_ = !blocksBuilt_ || blocksKey != blocksKey_;
    blocksBuilt_ = true;
    blocksKey_ = blocksKey;
    if (rebuildBlocks_) blocks_.clear();

    gridWidth_ = std::min(width, kMaxGridWidth);
    columns_ =
        std::max(1, std::min(3, static_cast<int>((gridWidth_ + kGap) / (kMinCardWidth + kGap))));
    cardW_ = std::floor((gridWidth_ - kGap * (columns_ - 1)) / columns_);
    const float textW = cardW_ - 2 * kCardPadding;
    readW_ = std::min(gridWidth_, kMaxReadWidth);
    if (measuredW_ != textW || measuredFont_ != key_.font || measuredDpr_ != key_.dpr) {
        measures_.assign(model_->searchIndex.cards.size(), CardMeasure());
        measuredW_ = textW;
        measuredFont_ = key_.font;
        measuredDpr_ = key_.dpr;
    }
    measures_.resize(model_->searchIndex.cards.size()); // the cards read since (kept measured)

    laid_.y = 12;
    const Document& doc = model_->doc;
    if (!filtered)
        for (size_t i = 0; i < doc.intro.size(); ++i)
            addProse(ctx, doc.intro[i], false, 18.0f, 12, "intro:" + std::to_string(i), laid_.y);
    laid_.intro = doc.intro.size();
}

void CardsView::layoutSection(const UiContext& ctx, size_t s, bool filtered) {
    const Section& section = model_->doc.sections[s];
    std::vector<size_t> shown;
    for (size_t i = 0; i < section.items.size(); ++i)
        if (shownByFilter(s, i, searchCardOf_[s][i])) shown.push_back(i);
    navEntries_.emplace_back(section.id, section.title, static_cast<int>(section.items.size()));
    if (filtered && shown.empty()) return;

    float& y = laid_.y;
    y += 20;
    SectionBox box;
    box.section = s;
    box.y = y;
    box.firstCard = cards_.size();
    y += 24.0f * 1.3f + 10;
    if (!filtered)
        for (size_t i = 0; i < section.lead.size(); ++i)
            addProse(ctx, section.lead[i], false, 16.0f, 10,
                     "lead:" + section.id + ":" + std::to_string(i), y);
    for (size_t row = 0; row < shown.size(); row += columns_) {
        const size_t rowEnd = std::min(shown.size(), row + columns_);
        const size_t first = cards_.size();
        float collapsedH = 0;
        for (size_t k = row; k < rowEnd; ++k) {
            CardBox card = layoutCard(ctx, s, shown[k], static_cast<int>(k - row));
            card.pos.y = y;
            if (section.items[shown[k]].id != openCard_)
                collapsedH = std::max(collapsedH, card.size.y);
            cards_.push_back(std::move(card));
        }
        // Collapsed cards of a row share the tallest one's height; the open card grows.
        float rowH = collapsedH;
        for (size_t k = first; k < cards_.size(); ++k) {
            const bool open = section.items[cards_[k].item].id == openCard_;
            if (!open) cards_[k].size.y = collapsedH;
            rowH = std::max(rowH, cards_[k].size.y);
        }
        y += rowH + kGap;
    }
    box.cardCount = cards_.size() - box.firstCard;
    sections_.push_back(box);
}

CardsView::CardBox CardsView::layoutCard(const UiContext& ctx, size_t s, size_t i, int column) {
    const Theme& theme = ctx.theme;
    const Item& item = model_->doc.sections[s].items[i];
    const float textW = cardW_ - 2 * kCardPadding;
    CardBox card;
    card.section = s;
    card.item = i;
    card.searchCard = searchCardOf_[s][i];
    card.title = plainRich(item.title);
    card.titleBlock =
        addBlock([&] { return "title:" + item.id; }, [&] { return item.title; }, item.id);
    card.bodyBlock =
        addBlock([&] { return "body:" + item.id; }, [&] { return item.body.plain(); }, item.id);
    // Text is measured once per card and width (cached): a relayout for an opened card or a
    // filter is arithmetic.
    CardMeasure unindexed;
    CardMeasure& m = card.searchCard >= 0 && static_cast<size_t>(card.searchCard) < measures_.size()
                         ? measures_[static_cast<size_t>(card.searchCard)]
                         : unindexed;
    if (!m.valid) {
        m.titleH = drawRichText(nullptr, ImVec2(), textW, card.title, titleStyle(theme)).height;
        const RichTextLayout collapsed = drawRichText(nullptr, ImVec2(), textW, item.body,
                                                      bodyStyle(theme, kCollapsedBodyLines));
        m.collapsedH = collapsed.height;
        m.truncated = collapsed.truncated;
        m.valid = true;
    }
    card.titleH = m.titleH;
    card.truncated = m.truncated;
    float h = 2 * kCardPadding + card.titleH + 8 + m.collapsedH;
    if (openCard_ == item.id) {
        const float full =
            drawRichText(nullptr, ImVec2(), textW, item.body, bodyStyle(theme, 0)).height;
        h += full - m.collapsedH + drawOpenExtras(ctx, nullptr, ImVec2(), textW, item);
    }
    card.pos = ImVec2(static_cast<float>(column) * (cardW_ + kGap), 0);
    card.size = ImVec2(cardW_, h);
    return card;
}

void CardsView::chooseTreeWindow(float viewTop, float viewBottom) {
    // Cards are in document order and their tops never decrease; none is taller than maxCardH_.
    const auto firstNear = [&](float y) {
        return static_cast<size_t>(
            std::lower_bound(cards_.begin(), cards_.end(), y - maxCardH_,
                             [](const CardBox& b, float top) { return b.pos.y < top; }) -
            cards_.begin());
    };
    const float screen = viewBottom - viewTop;
    if (cards_.size() <= kAllCardsInTree) {
        treeTop_ = viewTop - screen;
        treeBottom_ = viewBottom + screen;
        baseWindow_ = {0, cards_.size()};
    } else if (windowLayout_ != layoutGeneration_ || windowScreen_ != screen ||
               viewTop - 0.5f * screen < treeTop_ || viewBottom + 0.5f * screen > treeBottom_) {
        // The window moves in steps: 1.5 screens around the view, kept while the view stays half
        // a screen inside it, so a scroll changes the tree (and its DOM twins) once a screen or
        // so, not every few frames.
        windowLayout_ = layoutGeneration_;
        windowScreen_ = screen;
        treeTop_ = viewTop - 1.5f * screen;
        treeBottom_ = viewBottom + 1.5f * screen;
        baseWindow_.first = firstNear(treeTop_);
        baseWindow_.second = firstNear(treeBottom_ + maxCardH_);
    }
    window_ = baseWindow_;
    extra_ = {0, 0};
    const int focus = startsWith(focus_, "card:") ? cardIndex(focus_.substr(5)) : -1;
    if (focus < 0) return;
    // Tab from the focused card reaches its neighbours wherever the view is scrolled.
    const size_t lo = focus > 0 ? static_cast<size_t>(focus) - 1 : 0;
    const size_t hi = std::min(cards_.size(), static_cast<size_t>(focus) + 2);
    if (hi >= window_.first && lo <= window_.second)
        window_ = {std::min(window_.first, lo), std::max(window_.second, hi)};
    else
        extra_ = {lo, hi};
}

bool CardsView::inTreeWindow(size_t k) const {
    return (k >= window_.first && k < window_.second) || (k >= extra_.first && k < extra_.second);
}

void CardsView::ensureNavCounts() {
    if (navCountedFor_ == search_.version()) return;
    navCountedFor_ = search_.version();
    const CardSearch& r = search_.result();
    NavCounted now{search_.queryVersion(), layoutGeneration_, r.cards(), r.tested()};
    // The same search and layout, only more cards tested (a search in slices): only those are
    // counted; anything else counts every card again.
    if (search_.searching() && now.query == navCounted_.query && now.layout == navCounted_.layout &&
        now.cards == navCounted_.cards && now.tested >= navCounted_.tested) {
        for (size_t k = navCounted_.tested; k < now.tested; ++k) {
            const size_t c = r.candidate(k);
            if (!r.matched(c)) continue;
            const IndexedCard& card = model_->searchIndex.cards[c];
            if (card.section < navEntries_.size() &&
                shownByFilter(card.section, card.item, static_cast<int>(c)))
                ++navEntries_[card.section].shown;
        }
    } else {
        countNav();
    }
    navCounted_ = now;
}

} // namespace rx::ui
