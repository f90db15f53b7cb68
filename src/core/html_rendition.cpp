#include "html_rendition.h"

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

  private:
    const RenditionInput& in_;
    const Document& doc_;
    std::string subject_; // "Rust": what the document is about
    std::string out_;

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
            if (run.style & kBold) out_ += "<strong>";
            if (run.style & kItalic) out_ += "<em>";
            if (run.style & kCode) out_ += "<code>";
            text(run.text);
            if (run.style & kCode) out_ += "</code>";
            if (run.style & kItalic) out_ += "</em>";
            if (run.style & kBold) out_ += "</strong>";
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

    void section(const Section& s) {
        const std::string id = htmlEscape(s.id);
        out_ += "<section id=\"section-" + id + "\" aria-labelledby=\"section=" + id + "\">\n";
        out_ += "<h2 id=\"section=" + id + "\">";
        text(s.title);
        out_ += "</h2>\n";
        paragraphs(s.lead);
        for (const Item& item : s.items) card(item);
        paragraphs(s.after);
        out_ += "</section>\n";
    }

    void card(const Item& item) {
        const std::string id = htmlEscape(item.id);
        out_ += "<article id=\"card-" + id + "\" aria-labelledby=\"card=" + id + "\">\n";
        out_ += "<h3 id=\"card=" + id + "\">";
        if (item.numbered)
            out_ += "<span class=\"num\">" + std::to_string(item.number) + ".</span> ";
        text(item.title);
        out_ += "</h3>\n";
        const std::vector<RichText> lines = splitLines(item.body);
        if (lines.size() == 1) {
            out_ += "<p>";
            inlineRuns(lines[0]);
            out_ += "</p>\n";
        } else if (lines.size() > 1) {
            out_ += "<ul>\n";
            for (const RichText& line : lines) {
                out_ += "<li>";
                inlineRuns(line);
                out_ += "</li>\n";
            }
            out_ += "</ul>\n";
        }
        if (in_.tags) {
            const std::vector<std::string>& tags = in_.tags->tagsOf(item.id);
            if (!tags.empty()) {
                out_ += "<p class=\"tags\"><span class=\"label\">Tags:</span> ";
                for (size_t i = 0; i < tags.size(); ++i) {
                    if (i) out_ += ", ";
                    out_ += "<a href=\"#tag=" + htmlEscape(tags[i]) + "\">";
                    text(tagLabel(tags[i]));
                    out_ += "</a>";
                }
                out_ += "</p>\n";
            }
            const std::vector<std::string>& related = in_.tags->related(item.id);
            if (!related.empty()) {
                out_ += "<p class=\"related\"><span class=\"label\">Related:</span> ";
                for (size_t i = 0; i < related.size(); ++i) {
                    if (i) out_ += ", ";
                    cardLink(related[i]);
                }
                out_ += "</p>\n";
            }
        }
        out_ += "</article>\n";
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
            out_ += "<div class=\"adopter\" id=\"adopter-" + htmlEscape(a.id) + "\">\n<h4>";
            text(a.name);
            out_ += "</h4>\n";
            if (!a.products.empty()) {
                out_ += "<p class=\"products\">";
                for (size_t i = 0; i < a.products.size(); ++i) {
                    if (i) out_ += ", ";
                    text(a.products[i]);
                }
                out_ += "</p>\n";
            }
            out_ += "<ul>\n";
            for (const Mark& m : a.marks) {
                if (m.domain < 0 || size_t(m.domain) >= data.domains.size()) continue;
                out_ += "<li><strong>";
                text(data.domains[m.domain].name);
                out_ += "</strong> (";
                out_ += m.strength == Strength::Stated ? "stated" : "inferred";
                out_ += ")";
                if (!m.note.empty()) {
                    out_ += ": ";
                    text(m.note);
                }
                out_ += "\n";
                for (const Evidence& e : m.evidence) quote(e);
                out_ += "</li>\n";
            }
            for (const FacetClaim& f : a.facets) {
                if (f.facet < 0 || size_t(f.facet) >= data.facets.size()) continue;
                out_ += "<li>Why " + htmlEscape(subject_) + ": <strong>";
                text(data.facets[f.facet].name);
                out_ += "</strong>\n";
                quote(f.evidence);
                out_ += "</li>\n";
            }
            out_ += "</ul>\n</div>\n";
        }
        out_ += "</section>\n";
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

} // namespace rx
