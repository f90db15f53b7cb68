#include "view_matrix.h"

#include "export.h"
#include "matrix_common.h"
#include "utf8.h"

#include <imgui_internal.h> // ClearActiveID: a twin takes the typing from the canvas field
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <set>

namespace rx::ui {

using nlohmann::json;

namespace {

constexpr float kDetailSideWidth = 360.0f;
// The side panel gives up to this much width so that the table needs no horizontal scrolling.
constexpr float kDetailSideMinWidth = 300.0f;
constexpr float kSideBySideMinWidth = 900.0f;
// Above this many rows (or columns) state() lists only what is on screen.
constexpr size_t kStateListAll = 200;

double nowMs() {
    return std::chrono::duration<double, std::milli>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

json rectJson(const ImVec4& r) {
    return json::array({r.x, r.y, r.z, r.w});
}

std::string joined(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
    return out;
}

} // namespace

// --- shared helpers (matrix_common.h) ----------------------------------------------------------

const char* sortKey(AxisSort sort) {
    return axisSortKey(sort);
}

AxisSort cycleSort(AxisSort now, AxisSort first, AxisSort second) {
    if (now == first) return second;
    if (now == second) return AxisSort::Document;
    return first;
}

AxisSort parseSortKey(const std::string& key) {
    return axisSortFromKey(key);
}

const char* sortLabel(AxisSort sort) {
    return axisSortLabel(sort);
}

void drawMark(ImDrawList* dl, ImVec2 centre, float radius, Strength strength, const Colors& c) {
    if (strength == Strength::Stated) {
        dl->AddCircleFilled(centre, radius, c.stated, 20);
    } else if (strength == Strength::Inferred) {
        // A ring with a dashed look: outline plus four short ticks, so it reads as "weaker"
        // without relying on colour.
        dl->AddCircle(centre, radius - 1.0f, c.stated, 20, 2.0f);
        dl->AddCircleFilled(centre, radius * 0.28f, withAlpha(c.stated, 0.55f), 8);
    }
}

bool drawTextEllipsis(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col,
                      const std::string& text, float maxWidth) {
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    const float full = font->CalcTextSizeA(size, FLT_MAX, 0, begin, end).x;
    if (full <= maxWidth) {
        dl->AddText(font, size, pos, col, begin, end);
        return false;
    }
    const char* ellipsis = "\xE2\x80\xA6";
    const float ellW = font->CalcTextSizeA(size, FLT_MAX, 0, ellipsis).x;
    const char* cut = end;
    // Shorten by whole UTF-8 characters until the text and the ellipsis fit.
    while (cut > begin) {
        cut = begin + rx::utf8CharStart(text, static_cast<size_t>(cut - begin) - 1);
        if (font->CalcTextSizeA(size, FLT_MAX, 0, begin, cut).x + ellW <= maxWidth) break;
    }
    std::string shown(begin, cut);
    while (!shown.empty() && shown.back() == ' ') shown.pop_back();
    shown += ellipsis;
    dl->AddText(font, size, pos, col, shown.c_str());
    return true;
}

bool chip(const char* label, bool selected, const Colors& c, const char* id) {
    ImGui::PushID(id ? id : label);
    if (selected) {
        ImGui::PushStyleColor(ImGuiCol_Button, toV4(c.accent));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, toV4(c.accent));
        ImGui::PushStyleColor(ImGuiCol_Text, toV4(c.accentText));
    } else {
        ImGui::PushStyleColor(ImGuiCol_Button, toV4(c.surface));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, toV4(c.surfaceHover));
        ImGui::PushStyleColor(ImGuiCol_Text, toV4(c.text));
    }
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 999.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 4));
    const bool clicked = ImGui::Button(label);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(3);
    ImGui::PopID();
    return clicked;
}

void sameLineIfFits(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
}

// --- the view ------------------------------------------------------------------------------------

void MatrixView::rememberItem(const std::string& name) {
    const ImVec2 a = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
    controls_[name] = ImVec4(a.x, a.y, size.x, size.y);
    if (!pendingFocus_.empty() && pendingFocus_ == name) {
        focusLastItem();
        pendingFocus_.clear();
    }
    if (lastItemKeyboardFocused()) focused_ = name;
}

void MatrixView::itemNode(UiContext& ctx, AccessNode node) {
    rememberItem(node.id);
    atLastItem(node);
    node.state |= kAccessFocusable;
    ctx.access->add(std::move(node));
}

void MatrixView::setText(const std::string& text) {
    text_.setText(text);
    dirty_ = true;
    resetScroll_ = true;
}

void MatrixView::takeAccessRequests(UiContext& ctx) {
    for (const UiContext::AccessRequest& r : ctx.accessRequests) {
        if (r.action == "set" && r.id == "text") setText(r.value);
        if (r.action == "set" && (r.id == "rowSort" || r.id == "colSort")) {
            (r.id == "rowSort" ? query_.rowSort : query_.colSort) = parseSortKey(r.value);
            dirty_ = true;
        }
        if (r.action == "activate") activateControl(ctx, r.id);
        // The twin has the DOM focus (and the typing): the canvas's field must not be active, or
        // its own buffer would overwrite what the twin sets.
        if (r.id == "text" && ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
        pendingFocus_ = r.id;
        pendingFocusFrames_ = 3;
        if (r.id.rfind("cell:", 0) == 0 && data_) {
            // Off screen cells are not drawn: scroll the grid to it, the focus follows.
            const size_t colon = r.id.rfind(':');
            const std::string row = r.id.substr(5, colon - 5), col = r.id.substr(colon + 1);
            scrollToRow_ = scrollToCol_ = -1;
            for (size_t i = 0; i < table_.rows.size(); ++i)
                if (rowId(table_, *data_, static_cast<int>(i)) == row)
                    scrollToRow_ = static_cast<int>(i);
            for (size_t i = 0; i < table_.cols.size(); ++i)
                if (colId(table_, *data_, static_cast<int>(i)) == col)
                    scrollToCol_ = static_cast<int>(i);
        }
    }
}

void MatrixView::activateControl(UiContext& ctx, const std::string& id) {
    const auto toggle = [this](std::set<std::string>& set, const std::string& key) {
        if (!set.erase(key)) set.insert(key);
        dirty_ = resetScroll_ = true;
    };
    const auto startsWith = [&id](const char* prefix) { return id.rfind(prefix, 0) == 0; };
    if (id == "fold") {
        controlsOpen_ = !controlsOpen_;
    } else if (id == "inferred" || id == "clearStrength") {
        query_.includeInferred = id == "clearStrength" ? true : !query_.includeInferred;
        dirty_ = true;
    } else if (id == "pivot") {
        query_.pivot = !query_.pivot;
        std::swap(query_.rowSort, query_.colSort);
        dirty_ = resetScroll_ = true;
    } else if (id == "csv") {
        exportCsv(ctx);
    } else if (id == "tsv") {
        copyTsv(ctx);
    } else if (startsWith("facet:")) {
        toggle(query_.facets, id.substr(6));
    } else if (startsWith("domain:")) {
        if (ctx.showControls) toggle(query_.domains, id.substr(7));
    } else if (id == "clearText") {
        setText("");
    } else if (id == "clearDomains") {
        query_.domains.clear();
        dirty_ = resetScroll_ = true;
    } else if (id == "clearFacets") {
        query_.facets.clear();
        dirty_ = resetScroll_ = true;
    } else if (id == "clearAll" || id == "emptyClear") {
        clearAll();
    } else if (id == "close") {
        selAdopter_.clear();
        selDomain_.clear();
    } else if (startsWith("sourceCard:") && data_) {
        const int a = data_->findAdopter(selAdopter_), d = data_->findDomain(selDomain_);
        const size_t i = static_cast<size_t>(std::atoi(id.c_str() + 11));
        if (a >= 0 && d >= 0)
            for (const Mark& m : data_->adopters[static_cast<size_t>(a)].marks)
                if (m.domain == d && i < m.evidence.size() && !m.evidence[i].itemId.empty())
                    ctx.jumpToCard = m.evidence[i].itemId;
    } else if (id == "sortRowsName") {
        query_.rowSort = cycleSort(query_.rowSort, AxisSort::NameAsc, AxisSort::NameDesc);
        dirty_ = true;
    } else if (id == "sortRowsCount") {
        query_.rowSort = cycleSort(query_.rowSort, AxisSort::MarksDesc, AxisSort::MarksAsc);
        dirty_ = true;
    } else if (id == "sortColsCount") {
        query_.colSort = cycleSort(query_.colSort, AxisSort::MarksDesc, AxisSort::MarksAsc);
        dirty_ = true;
    } else if (startsWith("cell:") && data_) {
        const size_t colon = id.rfind(':');
        const std::string row = id.substr(5, colon - 5), col = id.substr(colon + 1);
        const std::string& adopter = table_.pivot ? col : row;
        const std::string& domain = table_.pivot ? row : col;
        select(data_->findAdopter(adopter), data_->findDomain(domain));
    }
}

void MatrixView::rebuildIfNeeded(const AdoptersData& data) {
    if (!dirty_ && data_ == &data && builtAdopters_ == data.adopters.size()) return;
    const double t0 = nowMs();
    query_.text = text_.committed();
    builder_.build(data, query_, table_);
    if (data.domains.size() <= 24) {
        MatrixQuery all = query_;
        all.domains.clear();
        all.pivot = false;
        all.rowSort = all.colSort = AxisSort::Document;
        summaryBuilder_.build(data, all, summary_);
    }
    data_ = &data;
    builtAdopters_ = data.adopters.size();
    dirty_ = false;
    measureAxes(data);
    lastBuildMs_ = nowMs() - t0;
    ++builds_;
}

void MatrixView::escapeText() {
    if (!text_.committed().empty()) {
        text_.setText("");
        dirty_ = resetScroll_ = true;
    }
    text_.requestActive(false);
}

void MatrixView::clearAll() {
    text_.setText("");
    query_.domains.clear();
    query_.facets.clear();
    query_.includeInferred = true;
    dirty_ = true;
    resetScroll_ = true;
}

void MatrixView::select(int adopter, int domain) {
    if (!data_ || adopter < 0 || domain < 0) {
        selAdopter_.clear();
        selDomain_.clear();
        return;
    }
    const std::string a = data_->adopters[static_cast<size_t>(adopter)].id;
    const std::string d = data_->domains[static_cast<size_t>(domain)].id;
    if (a == selAdopter_ && d == selDomain_) { // clicking the pinned cell again unpins it
        selAdopter_.clear();
        selDomain_.clear();
    } else {
        selAdopter_ = a;
        selDomain_ = d;
    }
}

void MatrixView::exportCsv(UiContext& ctx) {
    if (!data_) return;
    ctx.host.call("download", json{{"name", "rust-adopters-matrix.csv"},
                                   {"mime", "text/csv"},
                                   {"text", toCsv(table_, *data_)}}
                                  .dump());
    lastExport_ = "csv";
    status_ = "Downloaded " + std::to_string(table_.rows.size()) + " rows as CSV";
    ctx.announce(status_);
}

std::string MatrixView::tsvText() const {
    return data_ ? toTsv(table_, *data_) : std::string();
}

void MatrixView::copyTsv(UiContext& ctx) {
    if (!data_) return;
    ctx.host.call("copy", json{{"text", tsvText()}}.dump());
    lastExport_ = "tsv";
    status_ = "Copied " + std::to_string(table_.rows.size()) + " rows (tab-separated)";
    ctx.announce(status_);
}

void MatrixView::draw(UiContext& ctx) {
    const AdoptersData& data = ctx.model.adopters;
    theme_ = &ctx.theme;
    rebuildIfNeeded(data);
    rowsOnScreen_.clear();
    colsOnScreen_.clear();
    cellsOnScreen_.clear();
    controls_.clear();
    selectionInput(ctx);
    detailShown_ = false;
    hoverRow_ = hoverCol_ = focusRow_ = focusCol_ = -1;
    focused_.clear();
    // A twin's focus that found no control to land on (gone with a filter) is dropped.
    if (!pendingFocus_.empty() && --pendingFocusFrames_ < 0) pendingFocus_.clear();

    // A pinned cell must name a real mark; a stale URL selection is dropped.
    int selA = -1, selD = -1;
    if (!selAdopter_.empty()) {
        selA = data.findAdopter(selAdopter_);
        selD = data.findDomain(selDomain_);
        bool hasMark = false;
        if (selA >= 0 && selD >= 0)
            for (const Mark& m : data.adopters[static_cast<size_t>(selA)].marks)
                hasMark = hasMark || m.domain == selD;
        if (!hasMark) {
            selAdopter_.clear();
            selDomain_.clear();
        }
    }

    ImGui::BeginChild("matrix", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    layoutWidth_ = ImGui::GetContentRegionAvail().x;
    narrow_ = layoutWidth_ < 640.0f;
    const bool showAll = !narrow_ || controlsOpen_;
    if (ctx.showControls) drawToolbar(ctx);
    if (showAll) drawSummary(ctx);
    drawActiveFilters(ctx);
    rebuildIfNeeded(data); // the controls may have changed a filter this frame
    if (announceCounts_) { // what a sighted user reads above the grid, for a screen reader
        announceCounts_ = false;
        ctx.announce(table_.countsText);
    }

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool hasSelection = !selAdopter_.empty();
    if (table_.empty()) {
        drawEmpty(ctx);
    } else {
        const bool side = hasSelection && avail.x >= kSideBySideMinWidth;
        const bool below = hasSelection && !side;
        float gridH = below ? std::max(160.0f, avail.y * 0.5f) : avail.y;
        gridH = std::max(gridH, 120.0f);
        float panelW = kDetailSideWidth;
        if (side) {
            const float spare = std::floor(avail.x - 12 - std::ceil(gridFitWidth(gridH)));
            if (spare < panelW && spare >= kDetailSideMinWidth) panelW = spare;
        }
        const float gridW = side ? avail.x - panelW - 12 : avail.x;
        drawGrid(ctx, ImVec2(gridW, gridH));
        addGridNodes(ctx);
        if (side) {
            ImGui::SameLine(0, 12);
            drawDetail(ctx, panelW, gridH);
        } else if (below) {
            drawDetail(ctx, avail.x, std::max(140.0f, avail.y - gridH - 8));
        }
    }
    if (table_.empty() && hasSelection) drawDetail(ctx, avail.x, 0);
    ImGui::EndChild();
}

void MatrixView::drawEmpty(UiContext& ctx) {
    const Colors& c = ctx.theme.colors();
    ImGui::Dummy(ImVec2(1, 12));
    ImGui::PushFont(ctx.theme.fonts().bold);
    ImGui::TextUnformatted("Nothing to show");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(640.0f, layoutWidth_));
    ImGui::PushStyleColor(ImGuiCol_Text, toV4(c.textMuted));
    ImGui::TextUnformatted(table_.emptyExplanation.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ctx.access->add(
        AccessNode("empty", AccessRole::Text, "Nothing to show. " + table_.emptyExplanation));
    if (ImGui::Button("Clear all filters")) activateControl(ctx, "emptyClear");
    itemNode(ctx, AccessNode("emptyClear", AccessRole::Button, "Clear all filters"));
}

void MatrixView::drawDetail(UiContext& ctx, float width, float height) {
    if (!data_) return;
    const AdoptersData& data = *data_;
    const int a = data.findAdopter(selAdopter_);
    const int d = data.findDomain(selDomain_);
    if (a < 0 || d < 0) return;
    const Adopter& adopter = data.adopters[static_cast<size_t>(a)];
    const Domain& domain = data.domains[static_cast<size_t>(d)];
    const Mark* mark = nullptr;
    for (const Mark& m : adopter.marks)
        if (m.domain == d) mark = &m;
    if (!mark) return;
    const Colors& c = ctx.theme.colors();
    const Fonts& f = ctx.theme.fonts();
    const Document& doc = ctx.model.doc;

    ImGui::PushStyleColor(ImGuiCol_ChildBg, toV4(c.surface));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 12));
    ImGui::BeginChild("detail", ImVec2(width, height), true);
    detailShown_ = true;
    const ImVec2 p = ImGui::GetWindowPos();
    const ImVec2 s = ImGui::GetWindowSize();
    detailRect_ = ImVec4(p.x, p.y, s.x, s.y);
    ctx.access->open(
        AccessNode("detail", AccessRole::Region, adopter.name + " \xC2\xB7 " + domain.name)
            .at(p.x, p.y, s.x, s.y));

    // Title row with the close button on the right.
    const char* closeLabel = "Close \xC3\x97";
    const float closeW = ImGui::CalcTextSize(closeLabel).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - closeW - 8);
    ImGui::PushFont(f.bold);
    ImGui::TextWrapped("%s \xC2\xB7 %s", adopter.name.c_str(), domain.name.c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - closeW);
    if (ImGui::Button(closeLabel)) activateControl(ctx, "close");
    itemNode(ctx, AccessNode("close", AccessRole::Button, "Close"));
    addDetailNodes(ctx, adopter, domain, *mark);

    ImGui::PushTextWrapPos(0.0f);
    // Strength, with its mark and what it means.
    const ImVec2 m0 = ImGui::GetCursorScreenPos();
    drawMark(ImGui::GetWindowDrawList(), ImVec2(m0.x + 8, m0.y + 10), 7, mark->strength, c);
    ImGui::SetCursorScreenPos(ImVec2(m0.x + 22, m0.y));
    if (mark->strength == Strength::Stated)
        ImGui::TextWrapped("Stated: the quoted sentence itself places %s's use of %s in %s.",
                           adopter.name.c_str(), ctx.model.subject.c_str(), domain.name.c_str());
    else
        ImGui::TextWrapped("Inferred: the sentence does not name %s; it follows from how the "
                           "document describes that domain.",
                           domain.name.c_str());
    if (!mark->note.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, toV4(c.textMuted));
        ImGui::TextWrapped("%s", mark->note.c_str());
        ImGui::PopStyleColor();
    }
    if (!adopter.products.empty()) {
        ImGui::PushFont(f.smallBold);
        ImGui::TextUnformatted("Products");
        ImGui::PopFont();
        ImGui::TextWrapped("%s", joined(adopter.products, ", ").c_str());
    }

    ImGui::PushFont(f.smallBold);
    ImGui::TextUnformatted(mark->evidence.size() == 1 ? "Evidence" : "Evidence (all quotes)");
    ImGui::PopFont();
    const std::string cellId = selAdopter_ + ":" + selDomain_ + ":";
    for (size_t i = 0; i < mark->evidence.size(); ++i) {
        const Evidence& e = mark->evidence[i];
        ImGui::PushID(static_cast<int>(i));
        RichText quote;
        quote.runs.push_back(Run{e.quote, kPlain});
        drawQuote(ctx, quote, "quote:" + cellId + std::to_string(i), e.itemId);
        std::string where;
        if (const Section* sec = doc.findSection(e.sectionId)) where = sec->title;
        if (const Item* item = doc.findItem(e.itemId)) where += " \xE2\x80\xBA " + item->title;
        if (where.empty()) where = "The document's introduction or closing";
        ImGui::PushFont(f.small);
        ImGui::PushStyleColor(ImGuiCol_Text, toV4(c.textMuted));
        ImGui::TextWrapped("%s", where.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ctx.access->add(AccessNode("quote:" + std::to_string(i), AccessRole::Text,
                                   "\xE2\x80\x9C" + e.quote + "\xE2\x80\x9D (" + where + ")"));
        if (!e.itemId.empty()) {
            const std::string id = "sourceCard:" + std::to_string(i);
            if (ImGui::Button("Show source card \xC2\xBB")) activateControl(ctx, id);
            const Item* item = doc.findItem(e.itemId);
            std::string name = "Show source card: " + (item ? item->title : e.itemId);
            if (mark->evidence.size() > 1) name += " (quote " + std::to_string(i + 1) + ")";
            itemNode(ctx, AccessNode(id, AccessRole::Button, name));
        }
        ImGui::PopID();
    }

    if (!adopter.facets.empty()) {
        ImGui::PushFont(f.smallBold);
        ImGui::TextUnformatted(("Why " + ctx.model.subject).c_str());
        ImGui::PopFont();
        for (const FacetClaim& claim : adopter.facets) {
            const Facet& facet = data.facets[static_cast<size_t>(claim.facet)];
            RichText why;
            why.runs.push_back(Run{facet.name + ": ", kBold});
            why.runs.push_back(Run{claim.evidence.quote, kPlain});
            drawQuote(ctx, why, "why:" + cellId + facet.id, claim.evidence.itemId);
        }
    }
    ImGui::PopTextWrapPos();
    ctx.access->close();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

// The panel's text besides the quotes (added where they are drawn): what the mark means, the
// products and the "Why" claims.
void MatrixView::addDetailNodes(UiContext& ctx, const Adopter& adopter, const Domain& domain,
                                const Mark& mark) const {
    AccessTree& t = *ctx.access;
    t.add(AccessNode("strength", AccessRole::Text,
                     mark.strength == Strength::Stated
                         ? "Stated: the quoted sentence itself places " + adopter.name +
                               "'s use of " + ctx.model.subject + " in " + domain.name + "."
                         : "Inferred: the sentence does not name " + domain.name +
                               "; it follows from how the document describes that domain."));
    if (!mark.note.empty()) t.add(AccessNode("note", AccessRole::Text, mark.note));
    if (!adopter.products.empty())
        t.add(AccessNode("products", AccessRole::Text,
                         "Products: " + joined(adopter.products, ", ")));
    for (size_t i = 0; i < adopter.facets.size(); ++i) {
        const FacetClaim& claim = adopter.facets[i];
        const Facet& facet = data_->facets[static_cast<size_t>(claim.facet)];
        t.add(AccessNode("why:" + std::to_string(i), AccessRole::Text,
                         "Why " + ctx.model.subject + ", " + facet.name + ": \xE2\x80\x9C" +
                             claim.evidence.quote + "\xE2\x80\x9D"));
    }
}

void MatrixView::applyUrl(const UrlState& url) {
    text_.setText(url.mtext);
    query_.domains = std::set<std::string>(url.domains.begin(), url.domains.end());
    query_.facets = std::set<std::string>(url.facets.begin(), url.facets.end());
    query_.includeInferred = url.inferred;
    query_.rowSort = parseSortKey(url.rowSort);
    query_.colSort = parseSortKey(url.colSort);
    query_.pivot = url.pivot;
    // The URL names the displayed row and column; the view keeps adopter and domain.
    selAdopter_ = url.pivot ? url.selCol : url.selRow;
    selDomain_ = url.pivot ? url.selRow : url.selCol;
    if (selAdopter_.empty() || selDomain_.empty()) selAdopter_.clear(), selDomain_.clear();
    scrollToSelection_ = !selAdopter_.empty();
    dirty_ = true;
}

void MatrixView::writeUrl(UrlState& url) const {
    url.mtext = text_.committed();
    url.domains.assign(query_.domains.begin(), query_.domains.end());
    url.facets.assign(query_.facets.begin(), query_.facets.end());
    url.inferred = query_.includeInferred;
    url.rowSort = sortKey(query_.rowSort);
    url.colSort = sortKey(query_.colSort);
    url.pivot = query_.pivot;
    url.selRow = query_.pivot ? selDomain_ : selAdopter_;
    url.selCol = query_.pivot ? selAdopter_ : selDomain_;
}

void MatrixView::writeState(json& state) const {
    if (!data_) {
        state["matrix"] = nullptr;
        return;
    }
    const AdoptersData& data = *data_;
    const rx::MatrixTable& v = table_;
    json m;
    // Rows and columns: all of them while small, else only those on screen (plus the totals).
    auto axis = [&](bool rows) {
        const std::vector<int>& items = rows ? v.rows : v.cols;
        const std::vector<int>& totals = rows ? v.rowTotals : v.colTotals;
        const std::vector<MatrixRectOnScreen>& shown = rows ? rowsOnScreen_ : colsOnScreen_;
        auto entry = [&](int i, const MatrixRectOnScreen* on) {
            const std::string& id = rows ? rowId(v, data, i) : colId(v, data, i);
            const std::string& label = rows ? rowLabel(v, data, i) : colLabel(v, data, i);
            return json{{"index", i},
                        {"id", id},
                        {"label", label},
                        {"total", totals[static_cast<size_t>(i)]},
                        {"visible", on != nullptr},
                        {"rect", on ? rectJson(on->rect) : json(nullptr)}};
        };
        json out = json::array();
        if (items.size() <= kStateListAll) {
            size_t next = 0; // on-screen entries are in index order
            for (size_t i = 0; i < items.size(); ++i) {
                const MatrixRectOnScreen* on = nullptr;
                while (next < shown.size() && shown[next].index < static_cast<int>(i)) ++next;
                if (next < shown.size() && shown[next].index == static_cast<int>(i))
                    on = &shown[next];
                out.push_back(entry(static_cast<int>(i), on));
            }
        } else {
            for (const MatrixRectOnScreen& on : shown) out.push_back(entry(on.index, &on));
        }
        return out;
    };
    m["rows"] = axis(true);
    m["cols"] = axis(false);
    m["rowCount"] = v.rows.size();
    m["colCount"] = v.cols.size();
    m["rowAxis"] = v.pivot ? "domain" : "adopter";

    json cells = json::array();
    auto cellJson = [&](const MatrixCell& cell, const ImVec4* rect) {
        return json{{"row", rowId(v, data, cell.row)},
                    {"col", colId(v, data, cell.col)},
                    {"mark", cell.strength == Strength::Stated ? "filled" : "outlined"},
                    {"strength", strengthName(cell.strength)},
                    {"rect", rect ? rectJson(*rect) : json(nullptr)}};
    };
    if (v.cells.size() <= kStateListAll) {
        size_t next = 0; // on-screen cells are in (row, col) order, like v.cells
        for (const MatrixCell& cell : v.cells) {
            while (next < cellsOnScreen_.size() &&
                   (cellsOnScreen_[next].row < cell.row ||
                    (cellsOnScreen_[next].row == cell.row && cellsOnScreen_[next].col < cell.col)))
                ++next;
            const bool on = next < cellsOnScreen_.size() && cellsOnScreen_[next].row == cell.row &&
                            cellsOnScreen_[next].col == cell.col;
            cells.push_back(cellJson(cell, on ? &cellsOnScreen_[next].rect : nullptr));
        }
    } else {
        for (const MatrixCellOnScreen& on : cellsOnScreen_)
            if (const MatrixCell* cell = v.cellAt(on.row, on.col))
                cells.push_back(cellJson(*cell, &on.rect));
    }
    m["cells"] = cells;

    m["filters"] = {{"text", text_.committed()},
                    {"domains", query_.domains},
                    {"facets", query_.facets},
                    {"includeInferred", query_.includeInferred}};
    m["sort"] = {{"rows", sortKey(query_.rowSort)}, {"cols", sortKey(query_.colSort)}};
    m["pivot"] = query_.pivot;
    m["counts"] = {{"adopters", v.counts.adopters}, {"totalAdopters", v.counts.totalAdopters},
                   {"domains", v.counts.domains},   {"totalDomains", v.counts.totalDomains},
                   {"marks", v.counts.marks},       {"text", v.countsText}};
    m["empty"] = v.empty();
    m["emptyExplanation"] = v.emptyExplanation;
    json emptyDomains = json::array();
    for (const Domain& d : data.domains)
        if (d.markCount == 0) emptyDomains.push_back(d.id);
    m["emptyDomains"] = emptyDomains;
    m["hover"] = {{"row", hoverRow_}, {"col", hoverCol_}};
    m["grid"] = rectJson(gridRect_);
    json controls = json::object();
    for (const auto& [name, rect] : controls_) controls[name] = rectJson(rect);
    m["controls"] = controls;

    json selected = nullptr;
    const int a = data.findAdopter(selAdopter_);
    const int d = data.findDomain(selDomain_);
    if (a >= 0 && d >= 0) {
        const Adopter& adopter = data.adopters[static_cast<size_t>(a)];
        for (const Mark& mk : adopter.marks) {
            if (mk.domain != d) continue;
            json quotes = json::array(), cards = json::array(), facets = json::array();
            for (const Evidence& e : mk.evidence) {
                quotes.push_back(e.quote);
                if (!e.itemId.empty()) cards.push_back(e.itemId);
            }
            for (const FacetClaim& fc : adopter.facets)
                facets.push_back(data.facets[static_cast<size_t>(fc.facet)].id);
            selected = {{"adopter", adopter.id},
                        {"domain", data.domains[static_cast<size_t>(d)].id},
                        {"row", v.pivot ? data.domains[static_cast<size_t>(d)].id : adopter.id},
                        {"col", v.pivot ? adopter.id : data.domains[static_cast<size_t>(d)].id},
                        {"strength", strengthName(mk.strength)},
                        {"quotes", quotes},
                        {"products", adopter.products},
                        {"facets", facets},
                        {"sourceCards", cards},
                        {"panel", detailShown_ ? rectJson(detailRect_) : json(nullptr)}};
        }
    }
    m["selected"] = selected;
    m["lastExport"] = lastExport_;
    m["status"] = status_;
    m["pending"] = dirty_; // a control changed the query; the next frame rebuilds rows/cells
    m["builds"] = builds_;
    m["lastBuildMs"] = lastBuildMs_;
    state["matrix"] = m;
}

} // namespace rx::ui
