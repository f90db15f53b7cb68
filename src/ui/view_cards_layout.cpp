// The cards view: binding the model, which cards the filters show, and the layout (recomputed
// only when the width, the filter, the open card or the data change).
#include "view_cards.h"
#include "view_cards_common.h"

#include "card_grid.h"

#include <algorithm>
#include <cmath>

namespace rx::ui {
using namespace cards_detail;

// ---------------------------------------------------------------------------------------------
// Model binding and layout

void CardsView::bindModel(const Model& model) {
    if (model_ == &model && !searchCardOf_.empty()) return;
    model_ = &model;
    searchCardOf_.assign(model.doc.sections.size(), {});
    for (size_t s = 0; s < model.doc.sections.size(); ++s)
        searchCardOf_[s].assign(model.doc.sections[s].items.size(), -1);
    for (size_t i = 0; i < model.searchIndex.cards.size(); ++i) {
        const IndexedCard& c = model.searchIndex.cards[i];
        if (c.section < searchCardOf_.size() && c.item < searchCardOf_[c.section].size())
            searchCardOf_[c.section][c.item] = static_cast<int>(i);
    }
}

bool CardsView::matchesSearch(int searchCard) const {
    if (!search_.searching()) return true;
    const auto& cards = search_.result().cards;
    return searchCard >= 0 && static_cast<size_t>(searchCard) < cards.size() &&
           cards[static_cast<size_t>(searchCard)].matched;
}

bool CardsView::shownByFilter(size_t section, size_t item, int searchCard) const {
    const Item& it = model_->doc.sections[section].items[item];
    if (!tag_.empty()) {
        const auto& tags = model_->tags.tagsOf(it.id);
        if (std::find(tags.begin(), tags.end(), tag_) == tags.end()) return false;
    }
    if (search_.hideNonMatching && search_.searching()) {
        const auto& cards = search_.result().cards;
        if (searchCard < 0 || static_cast<size_t>(searchCard) >= cards.size() ||
            !cards[searchCard].matched)
            return false;
    }
    return true;
}

void CardsView::ensureLayout(const UiContext& ctx, float width) {
    LayoutKey key;
    key.width = width;
    key.open = openCard_;
    key.tag = tag_;
    key.hide = search_.hideNonMatching && search_.searching();
    key.searchVersion = search_.version();
    key.font = ctx.theme.fonts().body;
    key.dpr = ctx.theme.pixelRatio();
    if (key == key_) return;
    key_ = key;

    const Theme& theme = ctx.theme;
    const Document& doc = model_->doc;
    const bool filtered = !tag_.empty() || key.hide;
    cards_.clear();
    sections_.clear();
    prose_.clear();
    navEntries_.clear();
    blocks_.clear();

    gridWidth_ = std::min(width, kMaxGridWidth);
    columns_ =
        std::max(1, std::min(3, static_cast<int>((gridWidth_ + kGap) / (kMinCardWidth + kGap))));
    const float cardW = std::floor((gridWidth_ - kGap * (columns_ - 1)) / columns_);
    const float textW = cardW - 2 * kCardPadding;
    const float readW = std::min(gridWidth_, kMaxReadWidth);
    const auto& matches = search_.result().cards;

    float y = 12;
    const auto addText = [&](const RichText& text, bool muted, float size, float after,
                             std::string blockId) {
        RichTextStyle st = bodyStyle(theme, 0);
        st.size = size;
        const float h = drawRichText(nullptr, ImVec2(), readW, text, st).height;
        const int block = blocks_.add(std::move(blockId), text.plain());
        prose_.push_back({&text, y, 0, readW, muted, size, block});
        y += h + after;
    };
    if (!filtered)
        for (size_t i = 0; i < doc.intro.size(); ++i)
            addText(doc.intro[i], false, 18.0f, 12, "intro:" + std::to_string(i));

    for (size_t s = 0; s < doc.sections.size(); ++s) {
        const Section& section = doc.sections[s];
        std::vector<size_t> shown;
        for (size_t i = 0; i < section.items.size(); ++i)
            if (shownByFilter(s, i, searchCardOf_[s][i])) shown.push_back(i);
        // The nav counts what the reader is looking for: while searching, the matching cards
        // (dimmed cards are on screen but are not results).
        int counted = 0;
        for (const size_t i : shown) counted += matchesSearch(searchCardOf_[s][i]) ? 1 : 0;
        navEntries_.push_back(
            {section.id, section.title, counted, static_cast<int>(section.items.size())});
        if (filtered && shown.empty()) continue;

        y += 20;
        SectionBox box;
        box.section = s;
        box.y = y;
        box.firstCard = cards_.size();
        y += 24.0f * 1.3f + 10;
        if (!filtered)
            for (size_t i = 0; i < section.lead.size(); ++i)
                addText(section.lead[i], false, 16.0f, 10,
                        "lead:" + section.id + ":" + std::to_string(i));

        for (size_t row = 0; row < shown.size(); row += columns_) {
            const size_t rowEnd = std::min(shown.size(), row + columns_);
            float collapsedH = 0;
            const size_t first = cards_.size();
            for (size_t k = row; k < rowEnd; ++k) {
                const Item& item = section.items[shown[k]];
                CardBox card;
                card.section = s;
                card.item = shown[k];
                card.searchCard = searchCardOf_[s][shown[k]];
                card.title = plainRich(item.title);
                card.titleBlock = blocks_.add("title:" + item.id, item.title, item.id);
                card.bodyBlock = blocks_.add("body:" + item.id, item.body.plain(), item.id);
                card.matches = !search_.searching() ||
                               (card.searchCard >= 0 &&
                                static_cast<size_t>(card.searchCard) < matches.size() &&
                                matches[card.searchCard].matched);
                card.titleH =
                    drawRichText(nullptr, ImVec2(), textW, card.title, titleStyle(theme)).height;
                const RichTextLayout collapsed = drawRichText(
                    nullptr, ImVec2(), textW, item.body, bodyStyle(theme, kCollapsedBodyLines));
                card.truncated = collapsed.truncated;
                float h = 2 * kCardPadding + card.titleH + 8 + collapsed.height;
                if (openCard_ == item.id) {
                    const float full =
                        drawRichText(nullptr, ImVec2(), textW, item.body, bodyStyle(theme, 0))
                            .height;
                    h += full - collapsed.height +
                         drawOpenExtras(ctx, nullptr, ImVec2(), textW, item);
                } else {
                    collapsedH = std::max(collapsedH, h);
                }
                card.pos = ImVec2((k - row) * (cardW + kGap), y);
                card.size = ImVec2(cardW, h);
                cards_.push_back(std::move(card));
            }
            // Collapsed cards of a row share the tallest one's height; the open card grows.
            float rowH = collapsedH;
            for (size_t k = first; k < cards_.size(); ++k) {
                const bool open = doc.sections[s].items[cards_[k].item].id == openCard_;
                if (!open) cards_[k].size.y = collapsedH;
                rowH = std::max(rowH, cards_[k].size.y);
            }
            y += rowH + kGap;
        }
        box.cardCount = cards_.size() - box.firstCard;
        sections_.push_back(box);
    }
    if (!filtered) {
        y += 8;
        for (size_t i = 0; i < doc.closing.size(); ++i)
            addText(doc.closing[i], true, 16.0f, 12, "closing:" + std::to_string(i));
    }
    contentH_ = y + 40;
}

} // namespace rx::ui
