#include "html_rendition.h"

#include "matrix.h"

#include <algorithm>
#include <set>
#include <vector>

namespace rx {

std::string htmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

namespace {

// Splits rich text at '\n' (nested entries are joined with it) into one RichText per line.
std::vector<RichText> splitLines(const RichText& text) {
    std::vector<RichText> lines(1);
    for (const Run& run : text.runs) {
        size_t start = 0;
        while (true) {
            const size_t nl = run.text.find('\n', start);
            const std::string piece =
                run.text.substr(start, nl == std::string::npos ? nl : nl - start);
            if (!piece.empty()) lines.back().runs.push_back({piece, run.style});
            if (nl == std::string::npos) break;
            lines.emplace_back();
            start = nl + 1;
        }
    }
    std::vector<RichText> nonEmpty;
    for (RichText& line : lines)
        if (!line.empty()) nonEmpty.push_back(std::move(line));
    return nonEmpty;
}

// A search match inside a run (print only): written as <mark>.
constexpr uint8_t kMarked = 0x40;

// `text` split at the edges of `ranges` (sorted, non-overlapping byte offsets into
// text.plain()); the pieces inside a range carry kMarked.
RichText withMarks(const RichText& text, const std::vector<ByteRange>& ranges) {
    if (ranges.empty()) return text;
    RichText out;
    size_t offset = 0;
    for (const Run& run : text.runs) {
        const size_t begin = offset, end = offset + run.text.size();
        size_t at = begin;
        for (const ByteRange& r : ranges) {
            if (r.end <= at || r.begin >= end) continue;
            const size_t b = std::max<size_t>(r.begin, at), e = std::min<size_t>(r.end, end);
            if (b > at) out.runs.push_back({run.text.substr(at - begin, b - at), run.style});
            out.runs.push_back(
                {run.text.substr(b - begin, e - b), static_cast<uint8_t>(run.style | kMarked)});
            at = e;
        }
        if (at < end) out.runs.push_back({run.text.substr(at - begin), run.style});
        offset = end;
    }
    return out;
}

RichText plainText(const std::string& text) {
    RichText rich;
    if (!text.empty()) rich.runs.push_back({text, kPlain});
    return rich;
}

std::string quoted(std::string_view text) {
    return "\xE2\x80\x9C" + htmlEscape(text) + "\xE2\x80\x9D";
}

// One card to write: which item, its search matches (highlighted) and whether it is open.
struct CardPick {
    const Item* item = nullptr;
    const CardMatches* matches = nullptr;
    bool open = false;
};

class Writer {
  public:
    explicit Writer(const RenditionInput& in)
        : in_(in), doc_(*in.doc), subject_(documentSubject(*in.doc)) {}

    std::string run() {
        header();
        nav();
        for (const Section& s : doc_.sections) section(s);
        if (!doc_.closing.empty()) {
            out_ += "<div class=\"closing\">\n";
            paragraphs(doc_.closing);
            out_ += "</div>\n";
        }
        if (hasMatrix()) matrix();
        if (hasTopics()) topics();
        return std::move(out_);
    }

    // What the explorer shows in `state` (renderStateHtml).
    std::string runState(const UrlState& state) {
        anchors_ = false;
        if (state.view == "matrix" && hasMatrix())
            stateMatrix(state);
        else
            stateCards(state);
        return std::move(out_);
    }

  private:
    const RenditionInput& in_;
    const Document& doc_;
    std::string subject_; // "Rust": what the document is about
    std::string out_;
    bool anchors_ = true;               // ids for deep links (the static rendition only)
    std::set<std::string> facetsShown_; // state rendition: the "why" facets filtered to

    bool hasMatrix() const { return in_.adopters && !in_.adopters->adopters.empty(); }
    bool hasTopics() const {
        if (!in_.tags) return false;
        for (const TagUse& use : in_.tags->tags)
            if (!use.items.empty()) return true;
        return false;
    }

    void text(std::string_view t) { out_ += htmlEscape(t); }

    void inlineRuns(const RichText& rich) {
        for (const Run& run : rich.runs) {
            if (run.style & kMarked) out_ += "<mark>";
            if (run.style & kBold) out_ += "<strong>";
            if (run.style & kItalic) out_ += "<em>";
            if (run.style & kCode) out_ += "<code>";
            text(run.text);
            if (run.style & kCode) out_ += "</code>";
            if (run.style & kItalic) out_ += "</em>";
            if (run.style & kBold) out_ += "</strong>";
            if (run.style & kMarked) out_ += "</mark>";
        }
    }

    void paragraphs(const std::vector<RichText>& paras) {
        for (const RichText& p : paras) {
            for (const RichText& line : splitLines(p)) {
                out_ += "<p>";
                inlineRuns(line);
                out_ += "</p>\n";
            }
        }
    }

    const Item* findItem(const std::string& id) const { return doc_.findItem(id); }

    std::string tagLabel(const std::string& id) const {
        if (in_.vocabulary)
            if (const TagDef* def = in_.vocabulary->find(id)) return def->label;
        return id;
    }

    void cardLink(const std::string& itemId) {
        const Item* item = findItem(itemId);
        out_ += "<a href=\"#card=" + htmlEscape(itemId) + "\">";
        text(item ? item->title : itemId);
        out_ += "</a>";
    }

    void header() {
        out_ += "<header class=\"doc-header\">\n<h1>";
        text(in_.title.empty() ? subject_ + " overview" : in_.title);
        out_ += "</h1>\n";
        paragraphs(doc_.intro);
        out_ += "</header>\n";
    }

    void nav() {
        out_ += "<nav aria-label=\"Contents\">\n<h2 class=\"toc-title\">Contents</h2>\n<ol>\n";
        for (const Section& s : doc_.sections) {
            out_ += "<li><a href=\"#section=" + htmlEscape(s.id) + "\">";
            text(s.title);
            out_ += "</a></li>\n";
        }
        if (hasMatrix())
            out_ += "<li><a href=\"#adopters\">Who uses " + htmlEscape(subject_) +
                    " for what</a></li>\n";
        if (hasTopics()) out_ += "<li><a href=\"#topics\">Topics</a></li>\n";
        out_ += "</ol>\n</nav>\n";
    }

    // ` name="value"`, or nothing in a state rendition: it shares the page with the static one,
    // whose ids are the deep-link anchors.
    std::string anchor(const char* name, const std::string& value) const {
        if (!anchors_) return {};
        return std::string(" ") + name + "=\"" + htmlEscape(value) + "\"";
    }

    void section(const Section& s) {
        std::vector<CardPick> picks;
        for (const Item& item : s.items) picks.push_back({&item, nullptr, false});
        section(s, picks, true);
    }

    // A section with the given cards; `withText`: its lead and closing paragraphs too.
    void section(const Section& s, const std::vector<CardPick>& picks, bool withText) {
        out_ += "<section" + anchor("id", "section-" + s.id) +
                anchor("aria-labelledby", "section=" + s.id) + ">\n";
        out_ += "<h2" + anchor("id", "section=" + s.id) + ">";
        text(s.title);
        out_ += "</h2>\n";
        if (withText) paragraphs(s.lead);
        for (const CardPick& pick : picks) card(*pick.item, pick.matches, pick.open);
        if (withText) paragraphs(s.after);
        out_ += "</section>\n";
    }

    // A card's markup has no whitespace between its elements and no id of its own (its heading's
    // id is the card's anchor): at 10,000 cards each line break between two tags is a DOM text
    // node and each id an entry in the page's id map, about 30 % of the browser's parse.
    void card(const Item& item, const CardMatches* matches = nullptr, bool open = false) {
        out_ += "<article" + anchor("aria-labelledby", "card=" + item.id) +
                (open ? " class=\"open\" aria-current=\"true\"" : "") + ">";
        out_ += "<h3" + anchor("id", "card=" + item.id) + ">";
        if (item.numbered)
            out_ += "<span class=\"num\">" + std::to_string(item.number) + ".</span> ";
        if (matches)
            inlineRuns(withMarks(plainText(item.title), matches->title));
        else
            text(item.title);
        out_ += "</h3>";
        const std::vector<RichText> lines =
            splitLines(matches ? withMarks(item.body, matches->body) : item.body);
        if (lines.size() == 1) {
            out_ += "<p>";
            inlineRuns(lines[0]);
            out_ += "</p>";
        } else if (lines.size() > 1) {
            out_ += "<ul>";
            for (const RichText& line : lines) {
                out_ += "<li>";
                inlineRuns(line);
                out_ += "</li>";
            }
            out_ += "</ul>";
        }
        if (in_.tags) cardTags(item);
        out_ += "</article>";
    }

    void cardTags(const Item& item) {
        const std::vector<std::string>& tags = in_.tags->tagsOf(item.id);
        if (!tags.empty()) {
            out_ += "<p class=\"tags\"><span class=\"label\">Tags:</span> ";
            for (size_t i = 0; i < tags.size(); ++i) {
                if (i) out_ += ", ";
                out_ += "<a href=\"#tag=" + htmlEscape(tags[i]) + "\">";
                text(tagLabel(tags[i]));
                out_ += "</a>";
            }
            out_ += "</p>";
        }
        const std::vector<std::string>& related = in_.tags->related(item.id);
        if (!related.empty()) {
            out_ += "<p class=\"related\"><span class=\"label\">Related:</span> ";
            const std::vector<std::string> names = linkNames(doc_, related);
            for (size_t i = 0; i < related.size(); ++i) {
                if (i) out_ += ", ";
                out_ += "<a href=\"#card=" + htmlEscape(related[i]) + "\">";
                text(names[i]);
                out_ += "</a>";
            }
            out_ += "</p>";
        }
    }

    // Where a quote stands, as a link to its card or section.
    void evidenceSource(const Evidence& e) {
        if (!e.itemId.empty()) {
            cardLink(e.itemId);
        } else if (const Section* s = doc_.findSection(e.sectionId)) {
            out_ += "<a href=\"#section=" + htmlEscape(s->id) + "\">";
            text(s->title);
            out_ += "</a>";
        } else {
            out_ += "the introduction or closing text";
        }
    }

    void quote(const Evidence& e) {
        out_ += "<blockquote><p>";
        text(e.quote);
        out_ += "</p></blockquote>\n<p class=\"source\">Source: ";
        evidenceSource(e);
        out_ += "</p>\n";
    }

    void matrix() {
        const AdoptersData& data = *in_.adopters;
        out_ += "<section id=\"adopters\" aria-labelledby=\"adopters-title\">\n";
        out_ += "<h2 id=\"adopters-title\">Who uses " + htmlEscape(subject_) + " for what</h2>\n";
        out_ += "<p>Each mark rests on a sentence of this document, quoted below the table. "
                "<strong>Stated</strong>: the sentence itself places the adopter in the domain. "
                "<strong>Inferred</strong>: the domain's description connects the sentence to "
                "it.</p>\n";
        out_ += "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"matrix-caption\" "
                "tabindex=\"0\">\n<table class=\"matrix\">\n<caption id=\"matrix-caption\">"
                "Adopters of " +
                htmlEscape(subject_) +
                " by domain</caption>\n<thead>\n<tr><th scope=\"col\">Adopter</th>";
        for (const Domain& d : data.domains) {
            out_ += "<th scope=\"col\" data-domain=\"" + htmlEscape(d.id) + "\">";
            text(d.name);
            out_ += "</th>";
        }
        out_ += "</tr>\n</thead>\n<tbody>\n";
        for (const Adopter& a : data.adopters) {
            std::vector<Strength> cells(data.domains.size(), Strength::None);
            for (const Mark& m : a.marks)
                if (m.domain >= 0 && size_t(m.domain) < cells.size()) cells[m.domain] = m.strength;
            out_ += "<tr data-adopter=\"" + htmlEscape(a.id) +
                    "\"><th scope=\"row\"><a href=\"#adopter-" + htmlEscape(a.id) + "\">";
            text(a.name);
            out_ += "</a></th>";
            for (const Strength s : cells) {
                if (s == Strength::Stated)
                    out_ += "<td class=\"mark stated\">Stated</td>";
                else if (s == Strength::Inferred)
                    out_ += "<td class=\"mark inferred\">Inferred</td>";
                else
                    out_ += "<td class=\"mark none\"><span class=\"sr-only\">none</span></td>";
            }
            out_ += "</tr>\n";
        }
        out_ += "</tbody>\n</table>\n</div>\n";

        out_ += "<h3>Evidence</h3>\n";
        for (const Adopter& a : data.adopters) {
            std::vector<const Mark*> marks;
            for (const Mark& m : a.marks) marks.push_back(&m);
            std::vector<const FacetClaim*> claims;
            for (const FacetClaim& f : a.facets) claims.push_back(&f);
            adopterEvidence(a, marks, claims, "h4", nullptr);
        }
        out_ += "</section>\n";
    }

    // An adopter's evidence: the given marks and "why" claims with their quotes; `selected`
    // (may be null) gets class "selected".
    void adopterEvidence(const Adopter& a, const std::vector<const Mark*>& marks,
                         const std::vector<const FacetClaim*>& claims, const char* heading,
                         const Mark* selected) {
        const AdoptersData& data = *in_.adopters;
        out_ += "<div class=\"adopter\"" + anchor("id", "adopter-" + a.id) + ">\n<" + heading + ">";
        text(a.name);
        out_ += std::string("</") + heading + ">\n";
        if (!a.products.empty()) {
            out_ += "<p class=\"products\">";
            for (size_t i = 0; i < a.products.size(); ++i) {
                if (i) out_ += ", ";
                text(a.products[i]);
            }
            out_ += "</p>\n";
        }
        out_ += "<ul>\n";
        for (const Mark* m : marks) {
            if (m->domain < 0 || size_t(m->domain) >= data.domains.size()) continue;
            out_ += m == selected ? "<li class=\"selected\"><strong>" : "<li><strong>";
            text(data.domains[m->domain].name);
            out_ += "</strong> (";
            out_ += m->strength == Strength::Stated ? "stated" : "inferred";
            out_ += ")";
            if (!m->note.empty()) {
                out_ += ": ";
                text(m->note);
            }
            out_ += "\n";
            for (const Evidence& e : m->evidence) quote(e);
            out_ += "</li>\n";
        }
        for (const FacetClaim* f : claims) {
            if (f->facet < 0 || size_t(f->facet) >= data.facets.size()) continue;
            out_ += "<li>Why " + htmlEscape(subject_) + ": <strong>";
            text(data.facets[f->facet].name);
            out_ += "</strong>\n";
            quote(f->evidence);
            out_ += "</li>\n";
        }
        out_ += "</ul>\n</div>\n";
    }

    // ---- state renditions ----

    void printHeader(const std::string& title, const std::string& view,
                     const std::vector<std::string>& facts) {
        out_ += "<header class=\"print-header\">\n<h1>";
        text(title);
        out_ += "</h1>\n<p class=\"print-view\">" + view + "</p>\n";
        for (const std::string& fact : facts) out_ += "<p class=\"print-state\">" + fact + "</p>\n";
        out_ += "</header>\n";
    }

    std::string docTitle() const { return in_.title.empty() ? subject_ + " overview" : in_.title; }

    bool hasTag(const Item& item, const std::string& tag) const {
        if (!in_.tags) return false;
        const std::vector<std::string>& tags = in_.tags->tagsOf(item.id);
        return std::find(tags.begin(), tags.end(), tag) != tags.end();
    }

    // Search and/or tag: the matching cards, grouped by section, matches highlighted.
    void stateFilteredCards(const UrlState& st, const SearchResult* result,
                            std::vector<std::string>& facts) {
        std::vector<std::vector<CardPick>> picks(doc_.sections.size());
        size_t shown = 0, k = 0;
        for (size_t s = 0; s < doc_.sections.size(); ++s) {
            for (const Item& item : doc_.sections[s].items) {
                const CardMatches* m =
                    result && k < result->cards.size() ? &result->cards[k] : nullptr;
                ++k;
                if (result && !(m && m->matched)) continue;
                if (!st.tag.empty() && !hasTag(item, st.tag)) continue;
                picks[s].push_back({&item, m, item.id == st.card});
                ++shown;
            }
        }
        std::string fact;
        if (result) fact = "Search " + quoted(result->query);
        if (!st.tag.empty())
            fact +=
                std::string(fact.empty() ? "Cards" : ",") + " tagged " + quoted(tagLabel(st.tag));
        fact += ": " + std::to_string(shown) + " of " + std::to_string(doc_.itemCount()) +
                (doc_.itemCount() == 1 ? " card" : " cards");
        if (result && result->truncated) fact += " (the search text was cut at 256 bytes)";
        facts.insert(facts.begin(), fact);
        printHeader(docTitle(), "Cards", facts);
        if (!shown) out_ += "<p class=\"empty\">No card matches.</p>\n";
        for (size_t s = 0; s < doc_.sections.size(); ++s)
            if (!picks[s].empty()) section(doc_.sections[s], picks[s], false);
    }

    void stateCards(const UrlState& st) {
        std::vector<std::string> facts;
        if (st.view == "matrix") facts.push_back("This content has no adopters matrix.");
        SearchResult result;
        bool searching = false;
        if (!st.query.empty()) {
            SearchIndex built;
            if (!in_.search) built = buildSearchIndex(doc_);
            result = search(in_.search ? *in_.search : built, st.query);
            searching = !result.emptyQuery();
        }
        if (!st.tag.empty() && (!in_.vocabulary || !in_.vocabulary->find(st.tag)))
            facts.push_back("The tag " + quoted(st.tag) + " is not in this document.");
        if (searching || !st.tag.empty()) {
            stateFilteredCards(st, searching ? &result : nullptr, facts);
            return;
        }
        const Section* openSection = nullptr;
        if (!st.card.empty()) {
            for (const Section& s : doc_.sections)
                for (const Item& item : s.items)
                    if (item.id == st.card) openSection = &s;
            if (!openSection)
                facts.push_back("The card " + quoted(st.card) + " is not in this document.");
        }
        const Section* shown = openSection ? openSection : doc_.findSection(st.section);
        if (!shown && !st.section.empty() && !openSection)
            facts.push_back("The section " + quoted(st.section) + " is not in this document.");
        if (!shown) {
            printHeader(docTitle(), "Cards", facts);
            paragraphs(doc_.intro);
            for (const Section& s : doc_.sections) section(s);
            if (!doc_.closing.empty()) {
                out_ += "<div class=\"closing\">\n";
                paragraphs(doc_.closing);
                out_ += "</div>\n";
            }
            return;
        }
        std::vector<CardPick> picks;
        for (const Item& item : shown->items) {
            picks.push_back({&item, nullptr, openSection && item.id == st.card});
            if (picks.back().open) facts.insert(facts.begin(), "Open card: " + quoted(item.title));
        }
        facts.insert(facts.begin(), "Section: " + quoted(shown->title));
        printHeader(docTitle(), "Cards", facts);
        section(*shown, picks, true);
    }

    std::string namesOf(const std::vector<std::string>& ids, bool domains) const {
        const AdoptersData& data = *in_.adopters;
        std::string out;
        for (const std::string& id : ids) {
            std::string name = quoted(id);
            if (domains) {
                for (const Domain& d : data.domains)
                    if (d.id == id) name = htmlEscape(d.name);
            } else {
                for (const Facet& f : data.facets)
                    if (f.id == id) name = htmlEscape(f.name);
            }
            out += (out.empty() ? "" : ", ") + name;
        }
        return out;
    }

    static MatrixQuery matrixQuery(const UrlState& st) {
        MatrixQuery q;
        q.text = st.mtext;
        q.domains = std::set<std::string>(st.domains.begin(), st.domains.end());
        q.facets = std::set<std::string>(st.facets.begin(), st.facets.end());
        q.includeInferred = st.inferred;
        q.rowSort = axisSortFromKey(st.rowSort);
        q.colSort = axisSortFromKey(st.colSort);
        q.pivot = st.pivot;
        return q;
    }

    // The active filters, sorts and pivot in words.
    std::vector<std::string> matrixFacts(const UrlState& st, const MatrixQuery& q) const {
        std::vector<std::string> filters;
        if (!st.domains.empty()) filters.push_back("domains " + namesOf(st.domains, true));
        if (!st.facets.empty())
            filters.push_back("why " + htmlEscape(subject_) + " " + namesOf(st.facets, false));
        if (!st.mtext.empty()) filters.push_back("text " + quoted(st.mtext));
        if (!st.inferred) filters.push_back("stated marks only");
        std::string line = filters.empty() ? "No filters: every adopter and domain" : "Filters: ";
        for (size_t i = 0; i < filters.size(); ++i) line += (i ? "; " : "") + filters[i];
        std::vector<std::string> facts{line};
        std::string order;
        if (q.rowSort != AxisSort::Document)
            order += std::string("rows ") + axisSortLabel(q.rowSort);
        if (q.colSort != AxisSort::Document)
            order += std::string(order.empty() ? "" : "; ") + "columns " + axisSortLabel(q.colSort);
        if (!order.empty()) facts.push_back("Sorted: " + htmlEscape(order));
        if (q.pivot) facts.push_back("Pivoted: domains are the rows, adopters the columns");
        return facts;
    }

    void legend() {
        out_ += "<p class=\"legend\"><span class=\"mark stated\">Stated</span>: the sentence "
                "itself places the adopter in the domain. <span class=\"mark inferred\">"
                "Inferred</span>: the domain's description connects the sentence to it.</p>\n";
    }

    void stateMatrix(const UrlState& st) {
        const AdoptersData& data = *in_.adopters;
        facetsShown_ = std::set<std::string>(st.facets.begin(), st.facets.end());
        const MatrixQuery q = matrixQuery(st);
        const MatrixTable t = buildMatrix(data, q);
        std::vector<std::string> facts = matrixFacts(st, q);
        facts.push_back(htmlEscape(t.countsText));
        printHeader("Who uses " + subject_ + " for what", "Adopters \xC3\x97 domains", facts);
        legend();
        if (t.empty()) {
            out_ += "<p class=\"empty\">";
            text(t.emptyExplanation);
            out_ += "</p>\n";
            return;
        }
        const MatrixCell* selected = nullptr;
        matrixTable(t, st, selected);
        matrixEvidence(t, selected);
    }

    void matrixTable(const MatrixTable& t, const UrlState& st, const MatrixCell*& selected) {
        const AdoptersData& data = *in_.adopters;
        out_ += "<table class=\"matrix print-matrix\">\n<caption>Adopters of " +
                htmlEscape(subject_) + " by domain, as shown</caption>\n<thead>\n<tr>";
        out_ += t.pivot ? "<th scope=\"col\">Domain</th>" : "<th scope=\"col\">Adopter</th>";
        for (size_t c = 0; c < t.cols.size(); ++c) {
            out_ += "<th scope=\"col\">";
            text(colLabel(t, data, static_cast<int>(c)));
            out_ += "</th>";
        }
        out_ += "</tr>\n</thead>\n<tbody>\n";
        for (size_t r = 0; r < t.rows.size(); ++r) {
            const int row = static_cast<int>(r);
            out_ += "<tr><th scope=\"row\">";
            text(rowLabel(t, data, row));
            out_ += "</th>";
            for (size_t c = 0; c < t.cols.size(); ++c) {
                const int col = static_cast<int>(c);
                const MatrixCell* cell = t.cellAt(row, col);
                const bool isSelected =
                    cell && rowId(t, data, row) == st.selRow && colId(t, data, col) == st.selCol;
                if (isSelected) selected = cell;
                const char* sel = isSelected ? " selected" : "";
                if (cell && cell->strength == Strength::Stated)
                    out_ += std::string("<td class=\"mark stated") + sel + "\">Stated</td>";
                else if (cell && cell->strength == Strength::Inferred)
                    out_ += std::string("<td class=\"mark inferred") + sel + "\">Inferred</td>";
                else
                    out_ += "<td class=\"mark none\"><span class=\"sr-only\">none</span></td>";
            }
            out_ += "</tr>\n";
        }
        out_ += "</tbody>\n</table>\n";
    }

    // The quotes behind the shown marks, per shown adopter in display order.
    void matrixEvidence(const MatrixTable& t, const MatrixCell* selected) {
        const AdoptersData& data = *in_.adopters;
        const std::vector<int>& adopters = t.pivot ? t.cols : t.rows;
        std::vector<std::vector<const Mark*>> marks(adopters.size());
        for (const MatrixCell& cell : t.cells) {
            const size_t at = static_cast<size_t>(t.pivot ? cell.col : cell.row);
            const Adopter& a = data.adopters[static_cast<size_t>(cell.adopter)];
            if (at < marks.size() && cell.mark >= 0 && size_t(cell.mark) < a.marks.size())
                marks[at].push_back(&a.marks[static_cast<size_t>(cell.mark)]);
        }
        const Mark* selectedMark = nullptr;
        if (selected)
            selectedMark = &data.adopters[static_cast<size_t>(selected->adopter)]
                                .marks[static_cast<size_t>(selected->mark)];
        out_ += "<h2>Evidence</h2>\n";
        for (size_t i = 0; i < adopters.size(); ++i) {
            const Adopter& a = data.adopters[static_cast<size_t>(adopters[i])];
            std::vector<const FacetClaim*> claims;
            for (const FacetClaim& f : a.facets) {
                // Under a "why" filter only the filtered reasons; else all of them.
                const bool known = f.facet >= 0 && size_t(f.facet) < data.facets.size();
                if (facetsShown_.empty() ||
                    (known && facetsShown_.count(data.facets[size_t(f.facet)].id)))
                    claims.push_back(&f);
            }
            adopterEvidence(a, marks[i], claims, "h3", selectedMark);
        }
    }

    void topics() {
        out_ += "<section id=\"topics\" aria-labelledby=\"topics-title\">\n";
        out_ += "<h2 id=\"topics-title\">Topics</h2>\n";
        for (const TagUse& use : in_.tags->tags) {
            if (use.items.empty()) continue;
            out_ += "<h3 id=\"tag=" + htmlEscape(use.tag.id) + "\">";
            text(use.tag.label);
            out_ += "</h3>\n<ul>\n";
            for (const std::string& itemId : use.items) {
                out_ += "<li>";
                cardLink(itemId);
                out_ += "</li>\n";
            }
            out_ += "</ul>\n";
        }
        out_ += "</section>\n";
    }
};

} // namespace

std::string renderHtml(const RenditionInput& input) {
    if (!input.doc) return {};
    return Writer(input).run();
}

std::string renderStateHtml(const RenditionInput& input, const UrlState& state) {
    if (!input.doc) return {};
    return Writer(input).runState(state);
}

} // namespace rx
