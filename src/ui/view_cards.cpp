#include "view_cards.h"

#include "rich_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace rx::ui {
namespace {

constexpr float kMaxContentWidth = 1180.0f;
constexpr float kMinCardWidth = 300.0f;
constexpr float kGap = 16.0f;
constexpr float kCardPadding = 16.0f;
constexpr int kCollapsedBodyLines = 4;

RichTextStyle bodyStyle(const Theme& theme, int maxLines) {
    RichTextStyle st;
    st.regular = theme.fonts().body;
    st.bold = theme.fonts().bold;
    st.size = 16.0f;
    st.color = theme.colors().text;
    st.highlight = theme.colors().highlight;
    st.codeBg = theme.colors().surfaceHover;
    st.maxLines = maxLines;
    return st;
}

RichTextStyle titleStyle(const Theme& theme) {
    RichTextStyle st;
    st.regular = theme.fonts().bold;
    st.bold = theme.fonts().bold;
    st.size = 18.0f;
    st.lineHeight = 1.3f;
    st.color = theme.colors().text;
    st.highlight = theme.colors().highlight;
    return st;
}

RichText plainRich(const std::string& s) {
    RichText t;
    t.runs.push_back(Run{s, kPlain});
    return t;
}

} // namespace

void CardsView::draw(UiContext& ctx) {
    const Model& model = ctx.model;
    const Theme& theme = ctx.theme;
    model_ = &model;
    onScreen_.clear();
    const Colors& c = theme.colors();
    ImGui::BeginChild("cards", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = std::min(avail, kMaxContentWidth);
    const float left = ImGui::GetCursorPosX() + (avail - width) * 0.5f;

    // Intro: the document's opening paragraphs, at reading width.
    const float readWidth = std::min(width, 760.0f);
    for (const RichText& paragraph : model.doc.intro) {
        ImGui::SetCursorPosX(left);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        RichTextStyle st = bodyStyle(theme, 0);
        st.size = 18.0f;
        const RichTextLayout lay =
            drawRichText(ImGui::GetWindowDrawList(), pos, readWidth, paragraph, st);
        ImGui::Dummy(ImVec2(readWidth, lay.height + 8));
    }

    for (const Section& section : model.doc.sections) {
        ImGui::SetCursorPosX(left);
        ImGui::PushID(section.id.c_str());
        drawSection(ctx, section, width);
        ImGui::PopID();
    }

    for (const RichText& paragraph : model.doc.closing) {
        ImGui::SetCursorPosX(left);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        RichTextStyle st = bodyStyle(theme, 0);
        st.color = c.textMuted;
        const RichTextLayout lay =
            drawRichText(ImGui::GetWindowDrawList(), pos, readWidth, paragraph, st);
        ImGui::Dummy(ImVec2(readWidth, lay.height + 24));
    }
    ImGui::EndChild();
}

void CardsView::drawSection(UiContext& ctx, const Section& section, float width) {
    const Theme& theme = ctx.theme;
    const Colors& c = theme.colors();
    const Fonts& f = theme.fonts();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float x0 = ImGui::GetCursorScreenPos().x;

    ImGui::Dummy(ImVec2(1, 12));
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y));
    ImGui::PushFont(f.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.text));
    ImGui::TextUnformatted(section.title.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::PushFont(f.small);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 6);
    ImGui::TextDisabled("%d %s", static_cast<int>(section.items.size()),
                        section.items.size() == 1 ? "item" : "items");
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y + 4));

    const int columns =
        std::max(1, std::min(3, static_cast<int>((width + kGap) / (kMinCardWidth + kGap))));
    const float cardW = (width - kGap * (columns - 1)) / columns;
    const float textW = cardW - 2 * kCardPadding;

    float y = ImGui::GetCursorScreenPos().y;
    for (size_t rowStart = 0; rowStart < section.items.size(); rowStart += columns) {
        const size_t rowEnd = std::min(section.items.size(), rowStart + columns);
        // Cards of a row share the tallest one's height.
        float rowH = 0;
        std::vector<float> titleH(rowEnd - rowStart);
        for (size_t i = rowStart; i < rowEnd; ++i) {
            const Item& item = section.items[i];
            const bool open = openCard_ == item.id;
            titleH[i - rowStart] =
                drawRichText(nullptr, ImVec2(), textW, plainRich(item.title), titleStyle(theme))
                    .height;
            const float bodyH = drawRichText(nullptr, ImVec2(), textW, item.body,
                                             bodyStyle(theme, open ? 0 : kCollapsedBodyLines))
                                    .height;
            rowH = std::max(rowH, 2 * kCardPadding + titleH[i - rowStart] + 8 + bodyH);
        }
        for (size_t i = rowStart; i < rowEnd; ++i) {
            const Item& item = section.items[i];
            const bool open = openCard_ == item.id;
            const ImVec2 pos(x0 + (i - rowStart) * (cardW + kGap), y);
            const ImVec2 size(cardW, rowH);
            ImGui::SetCursorScreenPos(pos);
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::InvisibleButton("card", size)) openCard_ = open ? std::string() : item.id;
            const bool hovered = ImGui::IsItemHovered();
            ImGui::PopID();
            const bool visible = ImGui::IsRectVisible(pos, ImVec2(pos.x + size.x, pos.y + size.y));
            onScreen_.push_back({item.id, visible, ImVec4(pos.x, pos.y, size.x, size.y)});
            if (!visible) continue;
            const ImVec2 max(pos.x + size.x, pos.y + size.y);
            dl->AddRectFilled(pos, max, hovered ? c.surfaceHover : c.surface, 10.0f);
            dl->AddRect(pos, max, open ? c.accent : c.border, 10.0f, 0, open ? 2.0f : 1.0f);
            const ImVec2 textPos(pos.x + kCardPadding, pos.y + kCardPadding);
            drawRichText(dl, textPos, textW, plainRich(item.title), titleStyle(theme));
            dl->PushClipRect(pos, max, true);
            drawRichText(dl, ImVec2(textPos.x, textPos.y + titleH[i - rowStart] + 8), textW,
                         item.body, bodyStyle(theme, open ? 0 : kCollapsedBodyLines));
            dl->PopClipRect();
        }
        y += rowH + kGap;
    }
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    ImGui::Dummy(ImVec2(width, 8));
}

void CardsView::drawTopBarControls(UiContext& ctx) {
    (void)ctx;
}

void CardsView::applyUrl(const UrlState& url) {
    openCard_ = url.card;
}

void CardsView::writeUrl(UrlState& url) const {
    url.card = openCard_;
}

void CardsView::revealCard(const std::string& id) {
    openCard_ = id;
}

void CardsView::writeState(nlohmann::json& state) const {
    using nlohmann::json;
    json sections = json::array();
    if (model_) {
        size_t next = 0; // onScreen_ is in document order
        for (const Section& section : model_->doc.sections) {
            json cards = json::array();
            for (const Item& item : section.items) {
                json card = {
                    {"id", item.id}, {"title", item.title}, {"visible", false}, {"rect", nullptr}};
                if (next < onScreen_.size() && onScreen_[next].id == item.id) {
                    const CardOnScreen& o = onScreen_[next++];
                    card["visible"] = o.visible;
                    if (o.visible) card["rect"] = {o.rect.x, o.rect.y, o.rect.z, o.rect.w};
                }
                cards.push_back(card);
            }
            sections.push_back({{"id", section.id}, {"title", section.title}, {"cards", cards}});
        }
    }
    state["sections"] = sections;
    state["openCard"] = openCard_.empty() ? json(nullptr) : json(openCard_);
}

} // namespace rx::ui
