// Static HTML rendition (core/html_rendition.h): escaping, completeness, table structure.
#include "core/adopters.h"
#include "core/document.h"
#include "core/html_rendition.h"
#include "core/tags.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <string>

namespace {

using rx::test::readRepoFile;

size_t countOf(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + needle.size()))
        ++n;
    return n;
}

struct RealContent {
    rx::Document doc;
    rx::AdoptersData adopters;
    rx::Vocabulary vocabulary;
    rx::TagIndex tags;
    std::string html;
};

const RealContent& real() {
    static const RealContent content = [] {
        RealContent c;
        c.doc = rx::parseDocument(readRepoFile("content/rust-overview.md"), "rust-overview.md").doc;
        c.adopters =
            rx::loadAdopters(readRepoFile("content/adopters.json"), "adopters.json", c.doc).data;
        c.vocabulary =
            rx::loadVocabulary(readRepoFile("content/tags.json"), "tags.json").vocabulary;
        c.tags = rx::deriveTags(c.doc, c.vocabulary);
        rx::RenditionInput in;
        in.doc = &c.doc;
        in.adopters = &c.adopters;
        in.vocabulary = &c.vocabulary;
        in.tags = &c.tags;
        c.html = rx::renderHtml(in);
        return c;
    }();
    return content;
}

} // namespace

TEST_CASE("htmlEscape escapes markup and quotes, keeps UTF-8") {
    CHECK(rx::htmlEscape("a<b>&\"c'd") == "a&lt;b&gt;&amp;&quot;c&#39;d");
    CHECK(rx::htmlEscape("don\xE2\x80\x99t") == "don\xE2\x80\x99t");
    CHECK(rx::htmlEscape("") == "");
}

TEST_CASE("rendition escapes hostile content and keeps emphasis") {
    const std::string md = "Intro with <script>alert(1)</script> & **bold**.\n\n"
                           "### Risky \"quotes\" <b>\n\n"
                           "1. **Card <img src=x onerror=alert(1)>**:\n"
                           "   - Uses `a<b` and *soft* \"words\" & 'more'.\n"
                           "   - Second line.\n";
    const rx::ParsedDocument parsed = rx::parseDocument(md, "hostile.md");
    REQUIRE(parsed.doc.sections.size() == 1);
    REQUIRE(parsed.doc.sections[0].items.size() == 1);
    rx::RenditionInput in;
    in.doc = &parsed.doc;
    in.title = "T<itle>";
    const std::string html = rx::renderHtml(in);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;") != std::string::npos);
    CHECK(html.find("<h1>T&lt;itle&gt;</h1>") != std::string::npos);
    CHECK(html.find("<strong>bold</strong>") != std::string::npos);
    CHECK(html.find("<code>a&lt;b</code>") != std::string::npos);
    CHECK(html.find("<em>soft</em>") != std::string::npos);
    CHECK(html.find("&quot;words&quot; &amp; &#39;more&#39;") != std::string::npos);
    // Two nested entries become a list; no adopters, no tags: no table, no topics.
    CHECK(countOf(html, "<li>") >= 2);
    CHECK(html.find("<table") == std::string::npos);
    CHECK(html.find("id=\"topics\"") == std::string::npos);
}

TEST_CASE("rendition of the real content names every section, card and adopter") {
    const RealContent& c = real();
    REQUIRE(!c.doc.sections.empty());
    REQUIRE(!c.adopters.adopters.empty());
    for (const rx::Section& s : c.doc.sections) {
        CAPTURE(s.title);
        CHECK(c.html.find(">" + rx::htmlEscape(s.title) + "</h2>") != std::string::npos);
        CHECK(c.html.find("href=\"#section=" + s.id + "\"") != std::string::npos);
        for (const rx::Item& item : s.items) {
            CAPTURE(item.id);
            // The heading's id is the card's anchor (#card=ID) and names its article.
            CHECK(c.html.find("<article aria-labelledby=\"card=" + rx::htmlEscape(item.id) +
                              "\"><h3 id=\"card=" + rx::htmlEscape(item.id) + "\">") !=
                  std::string::npos);
            CHECK(c.html.find(rx::htmlEscape(item.title) + "</h3>") != std::string::npos);
        }
    }
    CHECK(countOf(c.html, "<article ") == c.doc.itemCount());
    CHECK(countOf(c.html, "</article>") == c.doc.itemCount());
    CHECK(countOf(c.html, "<section ") == countOf(c.html, "</section>"));
    for (const rx::Adopter& a : c.adopters.adopters) {
        CAPTURE(a.name);
        CHECK(c.html.find(">" + rx::htmlEscape(a.name) + "</a></th>") != std::string::npos);
        CHECK(c.html.find("<h4>" + rx::htmlEscape(a.name) + "</h4>") != std::string::npos);
    }
    for (const rx::RichText& p : c.doc.closing)
        CHECK(c.html.find(rx::htmlEscape(p.plain()).substr(0, 40)) != std::string::npos);
}

TEST_CASE("the matrix is a real table with scoped headers and text marks") {
    const RealContent& c = real();
    const rx::AdoptersData& data = c.adopters;
    const size_t tableStart = c.html.find("<table");
    const size_t tableEnd = c.html.find("</table>");
    REQUIRE(tableStart != std::string::npos);
    REQUIRE(tableEnd != std::string::npos);
    const std::string table = c.html.substr(tableStart, tableEnd - tableStart);
    CHECK(countOf(table, "<caption") == 1);
    CHECK(countOf(table, "<th scope=\"col\"") == data.domains.size() + 1);
    for (const rx::Domain& d : data.domains)
        CHECK(countOf(table, "data-domain=\"" + rx::htmlEscape(d.id) + "\"") == 1);
    CHECK(countOf(table, "<th scope=\"row\">") == data.adopters.size());
    CHECK(countOf(table, "<tr") == data.adopters.size() + 1);
    CHECK(countOf(table, "<tr data-adopter=") == data.adopters.size());
    CHECK(countOf(table, "<td ") == data.adopters.size() * data.domains.size());
    size_t stated = 0, inferred = 0, quotes = 0;
    for (const rx::Adopter& a : data.adopters) {
        for (const rx::Mark& m : a.marks) {
            (m.strength == rx::Strength::Stated ? stated : inferred) += 1;
            quotes += m.evidence.size();
        }
        quotes += a.facets.size();
    }
    REQUIRE(stated + inferred > 0);
    CHECK(countOf(table, ">Stated</td>") == stated);
    CHECK(countOf(table, ">Inferred</td>") == inferred);
    // Every quote is shown below the table with a link to where it stands.
    CHECK(countOf(c.html, "<blockquote>") == quotes);
    CHECK(countOf(c.html, "<p class=\"source\">Source: ") == quotes);
}
