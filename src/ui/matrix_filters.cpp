// The matrix view's controls: text filter, strength toggle and legend, sort, pivot, export, facet
// chips, domain chips with their summary bars, the active-filter line with counts and clearing.
#include "matrix_common.h"
#include "view_matrix.h"

#include <imgui_internal.h> // SetFocusID: the sort combos take a twin's focus

#include <algorithm>
#include <string>

namespace rx::ui {
namespace {

constexpr AxisSort kSorts[] = {AxisSort::Document, AxisSort::NameAsc, AxisSort::NameDesc,
                               AxisSort::MarksDesc, AxisSort::MarksAsc};

// The combo and its twin: a combobox named `name` whose options are the sorts.
bool sortCombo(UiContext& ctx, const char* label, const char* id, const char* name, AxisSort& sort,
               std::string& pendingFocus, std::string& focused) {
    bool changed = false;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(0, 6);
    const float width = ImGui::CalcTextSize("Fewest marks first").x + 44;
    ImGui::SetNextItemWidth(width);
    // The combo's own id, for the keyboard focus (its popup replaces the last item when open).
    const ImGuiID comboId = ImGui::GetID(id);
    const std::string twin = id + 2; // "##rowSort" -> "rowSort"
    if (pendingFocus == twin) {
        ImGui::SetFocusID(comboId, ImGui::GetCurrentWindow());
        GImGui->NavDisableHighlight = false;
        pendingFocus.clear();
    }
    if (GImGui->NavId == comboId && !GImGui->NavDisableHighlight) focused = twin;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    AccessNode node(twin, AccessRole::ComboBox, name, kAccessFocusable);
    node.value = sortLabel(sort);
    node.at(at.x, at.y, width, ImGui::GetFrameHeight());
    ctx.access->open(std::move(node));
    for (const AxisSort s : kSorts) {
        AccessNode option(twin + "=" + sortKey(s), AccessRole::Option, sortLabel(s),
                          s == sort ? kAccessSelected : 0);
        option.value = sortKey(s);
        ctx.access->add(std::move(option));
    }
    ctx.access->close();
    if (ImGui::BeginCombo(id, sortLabel(sort))) {
        for (const AxisSort s : kSorts) {
            if (ImGui::Selectable(sortLabel(s), s == sort)) {
                changed = s != sort;
                sort = s;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

// Legend: the two mark shapes with their meaning.
void legend(const Colors& c) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetFrameHeight();
    auto one = [&](Strength s, const char* text) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(18, h));
        drawMark(dl, ImVec2(p.x + 9, p.y + h * 0.5f), 7, s, c);
        ImGui::SameLine(0, 4);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(text);
    };
    one(Strength::Stated, "stated");
    ImGui::SameLine(0, 14);
    one(Strength::Inferred, "inferred");
}

} // namespace

void MatrixView::drawToolbar(UiContext& ctx) {
    const Colors& c = ctx.theme.colors();
    const float avail = ImGui::GetContentRegionAvail().x;

    // Text filter; on narrow screens the other controls fold behind a button next to it.
    const int activeFilters = (query_.domains.empty() ? 0 : 1) + (query_.facets.empty() ? 0 : 1) +
                              (query_.includeInferred ? 0 : 1);
    const std::string foldLabel =
        std::string(controlsOpen_ ? "Hide filters" : "Filters") +
        (activeFilters ? " (" + std::to_string(activeFilters) + ")" : "") + "###fold";
    const float foldW = ImGui::CalcTextSize("Hide filters (3)").x + 24;
    ImGui::SetNextItemWidth(narrow_ ? avail - foldW - 8 : std::min(340.0f, avail));
    if (text_.draw("Filter adopters, products, quotes\xE2\x80\xA6")) {
        dirty_ = true;
        resetScroll_ = true;
        announceCounts_ = true;
    }
    {
        AccessNode field("text", AccessRole::SearchBox, "Filter adopters");
        field.value = text_.committed();
        field.description = "Every word must occur in the adopter's name, a product or a quote";
        itemNode(ctx, std::move(field));
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Every word must occur in the adopter's name, a product or a quote");
    if (narrow_) {
        ImGui::SameLine();
        if (ImGui::Button(foldLabel.c_str(), ImVec2(foldW, 0))) activateControl(ctx, "fold");
        itemNode(ctx, AccessNode("fold", AccessRole::Button, "Filters",
                                 kAccessExpandable | (controlsOpen_ ? kAccessExpanded : 0)));
        if (!controlsOpen_) return;
    }

    // Strength: include inferred marks or stated only, with the legend of the two marks.
    sameLineIfFits(ImGui::CalcTextSize("Include inferred").x + 40);
    bool inferred = query_.includeInferred;
    if (ImGui::Checkbox("Include inferred", &inferred)) activateControl(ctx, "inferred");
    itemNode(ctx, AccessNode("inferred", AccessRole::Checkbox, "Include inferred",
                             kAccessCheckable | (query_.includeInferred ? kAccessChecked : 0)));

    // Sort, pivot, export.
    bool changed =
        sortCombo(ctx, "Rows", "##rowSort", "Sort rows", query_.rowSort, pendingFocus_, focused_);
    sameLineIfFits(ImGui::CalcTextSize("Columns Fewest marks first").x + 60);
    changed |= sortCombo(ctx, "Columns", "##colSort", "Sort columns", query_.colSort, pendingFocus_,
                         focused_);
    if (changed) dirty_ = true;
    sameLineIfFits(ImGui::CalcTextSize("Swap rows and columns").x + 24);
    if (ImGui::Button("Swap rows and columns")) activateControl(ctx, "pivot");
    itemNode(ctx, AccessNode("pivot", AccessRole::Button, "Swap rows and columns",
                             kAccessPressable | (query_.pivot ? kAccessPressed : 0)));
    sameLineIfFits(ImGui::CalcTextSize("Download CSV").x + 24);
    if (ImGui::Button("Download CSV")) activateControl(ctx, "csv");
    {
        AccessNode node("csv", AccessRole::Button, "Download CSV");
        node.description = "The matrix as shown: filters, order, pivot";
        itemNode(ctx, std::move(node));
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The matrix as shown: filters, order, pivot");
    sameLineIfFits(ImGui::CalcTextSize("Copy as TSV").x + 24);
    if (ImGui::Button("Copy as TSV")) activateControl(ctx, "tsv");
    if (ctx.copyButtons)
        ctx.copyButtons->add(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), [this] {
            return CopyPayload{tsvText(), {}};
        });
    {
        AccessNode node("tsv", AccessRole::Button, "Copy as TSV");
        node.description = "Tab-separated: pastes into a spreadsheet";
        itemNode(ctx, std::move(node));
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Tab-separated: pastes into a spreadsheet");
    if (!status_.empty()) {
        sameLineIfFits(ImGui::CalcTextSize(status_.c_str()).x + 16);
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", status_.c_str());
        ctx.access->add(AccessNode("export-status", AccessRole::Text, status_));
    }

    // "Why Rust" facets.
    if (data_ && !data_->facets.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(("Why " + ctx.model.subject + ":").c_str());
        ctx.access->open(AccessNode("facets", AccessRole::Group, "Why " + ctx.model.subject));
        for (const Facet& facet : data_->facets) {
            const bool on = query_.facets.count(facet.id) > 0;
            const std::string label = std::string() + facet.name;
            sameLineIfFits(ImGui::CalcTextSize(label.c_str()).x + 24);
            const std::string id = "facet:" + facet.id;
            if (chip(label.c_str(), on, c, facet.id.c_str())) activateControl(ctx, id);
            itemNode(ctx, AccessNode(id, AccessRole::Button, facet.name,
                                     kAccessPressable | (on ? kAccessPressed : 0)));
        }
        ctx.access->close();
    }
}

// Domain chips double as the summary: each shows a small bar of the marks it holds under the other
// filters, so the pattern is visible at a glance and one click narrows to it.
void MatrixView::drawSummary(UiContext& ctx) {
    if (!data_ || data_->domains.empty()) return;
    const Colors& c = ctx.theme.colors();
    const Fonts& f = ctx.theme.fonts();
    const AdoptersData& data = *data_;
    if (data.domains.size() > 24) {
        // Too many for chips: a multi-select list in a popup.
        if (!ctx.showControls) return;
        const std::string label =
            query_.domains.empty()
                ? std::string("Domains: all")
                : "Domains: " + std::to_string(query_.domains.size()) + " selected";
        ImGui::SetNextItemWidth(std::min(260.0f, ImGui::GetContentRegionAvail().x));
        if (ImGui::BeginCombo("##domains", label.c_str(), ImGuiComboFlags_HeightLarge)) {
            for (const Domain& d : data.domains) {
                bool on = query_.domains.count(d.id) > 0;
                if (ImGui::Checkbox(d.name.c_str(), &on)) {
                    if (on)
                        query_.domains.insert(d.id);
                    else
                        query_.domains.erase(d.id);
                    dirty_ = true;
                }
            }
            ImGui::EndCombo();
        }
        return;
    }

    // Marks per domain under the current non-domain filters (summary_ is unpivoted).
    std::vector<int> counts(data.domains.size(), 0);
    for (size_t k = 0; k < summary_.cols.size(); ++k)
        counts[static_cast<size_t>(summary_.cols[k])] = summary_.colTotals[k];
    int maxCount = 1;
    for (const int n : counts) maxCount = std::max(maxCount, n);

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Domains:");
    ctx.access->open(AccessNode("domains", AccessRole::Group, "Domains"));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetFrameHeight();
    constexpr float kBarW = 36.0f;
    std::vector<std::string> emptyNames;
    for (size_t i = 0; i < data.domains.size(); ++i) {
        const Domain& d = data.domains[i];
        if (d.markCount == 0) emptyNames.push_back(d.name);
        const bool on = query_.domains.count(d.id) > 0;
        const std::string count = std::to_string(counts[i]);
        const float textW = ImGui::CalcTextSize(d.name.c_str()).x;
        const float countW = f.small->CalcTextSizeA(14, FLT_MAX, 0, count.c_str()).x;
        const float w = 12 + (on ? 18 : 0) + textW + 10 + kBarW + 6 + countW + 12;
        sameLineIfFits(w);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::PushID(d.id.c_str());
        const bool clicked = ImGui::InvisibleButton("domain", ImVec2(w, h));
        const bool hovered = ImGui::IsItemHovered();
        const bool focused = ImGui::IsItemFocused();
        ImGui::PopID();
        {
            AccessNode node("domain:" + d.id, AccessRole::Button, d.name,
                            kAccessPressable | (on ? kAccessPressed : 0));
            node.description = std::to_string(counts[i]) + (counts[i] == 1 ? " mark" : " marks") +
                               " under the other filters";
            itemNode(ctx, std::move(node));
        }
        const ImVec2 q(p.x + w, p.y + h);
        dl->AddRectFilled(p, q, on ? c.accent : hovered ? c.surfaceHover : c.surface, h * 0.5f);
        dl->AddRect(p, q, focused ? c.focus : c.border, h * 0.5f, 0, focused ? 2.0f : 1.0f);
        const ImU32 fg = on ? c.accentText : c.text;
        float x = p.x + 12;
        const float ty = p.y + (h - ImGui::GetFontSize()) * 0.5f;
        if (on) { // a drawn check mark: the fonts' subset may lack U+2713
            const float m = ty + ImGui::GetFontSize() * 0.55f;
            dl->AddLine(ImVec2(x + 1, m), ImVec2(x + 5, m + 4), fg, 2.0f);
            dl->AddLine(ImVec2(x + 5, m + 4), ImVec2(x + 12, m - 5), fg, 2.0f);
            x += 18;
        }
        dl->AddText(ImVec2(x, ty), fg, d.name.c_str());
        x += textW + 10;
        const float barY = p.y + h * 0.5f - 3;
        dl->AddRectFilled(ImVec2(x, barY), ImVec2(x + kBarW, barY + 6),
                          withAlpha(on ? c.accentText : c.textMuted, 0.25f), 3);
        if (counts[i] > 0)
            dl->AddRectFilled(ImVec2(x, barY),
                              ImVec2(x + std::max(3.0f, kBarW * counts[i] / maxCount), barY + 6),
                              on ? c.accentText : c.accent, 3);
        x += kBarW + 6;
        dl->AddText(f.small, 14, ImVec2(x, p.y + (h - 14) * 0.5f - 1),
                    on ? c.accentText : c.textMuted, count.c_str());
        if (hovered)
            ImGui::SetTooltip("%d %s under the other filters. Click to %s.", counts[i],
                              counts[i] == 1 ? "mark" : "marks",
                              on ? "remove this domain from the filter"
                                 : "show only checked domains");
        if (clicked) activateControl(ctx, "domain:" + d.id);
    }
    ctx.access->close();
    if (!emptyNames.empty()) {
        std::string names;
        for (size_t i = 0; i < emptyNames.size(); ++i)
            names += (i == 0 ? "" : i + 1 == emptyNames.size() ? " and " : ", ") + emptyNames[i];
        ImGui::PushFont(f.small);
        ImGui::PushStyleColor(ImGuiCol_Text, toV4(c.textMuted));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextWrapped("The document names no adopter for %s: %s stay%s empty (hatched).",
                           names.c_str(), emptyNames.size() == 1 ? "its column" : "their columns",
                           emptyNames.size() == 1 ? "s" : "");
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
}

void MatrixView::drawActiveFilters(UiContext& ctx) {
    const Colors& c = ctx.theme.colors();
    const Fonts& f = ctx.theme.fonts();
    ImGui::PushFont(f.smallBold);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(table_.countsText.c_str());
    ImGui::PopFont();
    ctx.access->add(AccessNode("counts", AccessRole::Text, table_.countsText));
    sameLineIfFits(170);
    legend(c);

    int active = 0;
    auto activeChip = [&](const std::string& label, const char* id) {
        ++active;
        const std::string text = label + "  \xC3\x97";
        sameLineIfFits(ImGui::CalcTextSize(text.c_str()).x + 24);
        const bool clicked = chip(text.c_str(), true, c, id);
        itemNode(ctx, AccessNode(id, AccessRole::Button, label + ", clear this filter"));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Clear this filter");
        return clicked;
    };
    if (!text_.committed().empty() &&
        activeChip("Text: \xE2\x80\x9C" + text_.committed() + "\xE2\x80\x9D", "clearText"))
        activateControl(ctx, "clearText");
    if (!query_.domains.empty() && data_) {
        std::string names;
        for (const Domain& d : data_->domains)
            if (query_.domains.count(d.id)) names += (names.empty() ? "" : ", ") + d.name;
        if (names.empty()) names = "(unknown)";
        if (query_.domains.size() > 3) names = std::to_string(query_.domains.size()) + " selected";
        if (activeChip("Domains: " + names, "clearDomains")) activateControl(ctx, "clearDomains");
    }
    if (!query_.facets.empty() && data_) {
        std::string names;
        for (const Facet& fa : data_->facets)
            if (query_.facets.count(fa.id)) names += (names.empty() ? "" : " or ") + fa.name;
        if (names.empty()) names = "(unknown)";
        if (activeChip("Why " + ctx.model.subject + ": " + names, "clearFacets"))
            activateControl(ctx, "clearFacets");
    }
    if (!query_.includeInferred && activeChip("Stated only", "clearStrength"))
        activateControl(ctx, "clearStrength");
    if (active >= 1) {
        sameLineIfFits(ImGui::CalcTextSize("Clear all").x + 24);
        if (ImGui::Button("Clear all")) activateControl(ctx, "clearAll");
        itemNode(ctx, AccessNode("clearAll", AccessRole::Button, "Clear all filters"));
    }
}

} // namespace rx::ui
