// The rendition of one explorer state (core/html_rendition.h renderStateHtml): what prints, what
// a reveal.js print-pdf deck and a speaker-view preview show of an embed.
#include "core/adopters.h"
#include "core/html_rendition.h"
#include "core/tags.h"
#include "core/url_state.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <string>

namespace {

struct Content {
    rx::AdoptersData adopters;
    rx::Vocabulary vocabulary;
    rx::TagIndex tags;
    rx::RenditionInput input;
};

const Content& content() {
    static const Content c = [] {
        Content x;
        const rx::Document& doc = rx::test::realDocument();
        x.adopters =
            rx::loadAdopters(rx::test::readRepoFile("content/adopters.json"), "adopters.json", doc)
                .data;
        x.vocabulary =
            rx::loadVocabulary(rx::test::readRepoFile("content/tags.json"), "tags.json").vocabulary;
        x.tags = rx::deriveTags(doc, x.vocabulary);
        return x;
    }();
    return c;
}

std::string render(const std::string& hash) {
    const Content& c = content();
    rx::RenditionInput in;
    in.doc = &rx::test::realDocument();
    in.adopters = &c.adopters;
    in.vocabulary = &c.vocabulary;
    in.tags = &c.tags;
    return rx::renderStateHtml(in, rx::decodeHash(hash));
}

bool has(const std::string& html, const std::string& needle) {
    return html.find(needle) != std::string::npos;
}

size_t countOf(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + needle.size()))
        ++n;
    return n;
}

// The text between <table and </table>.
std::string tableOf(const std::string& html) {
    const size_t a = html.find("<table"), b = html.find("</table>");
    return a == std::string::npos || b == std::string::npos ? "" : html.substr(a, b - a);
}

const char* const kKeyFeatures[] = {"Memory Safety without Garbage Collection",
                                    "Zero-Cost Abstractions",
                                    "Concurrency without Data Races",
                                    "High Performance",
                                    "Rich Type System",
                                    "Tooling and Developer Experience"};

// 40 bytes of the intro's longest run: text that appears verbatim only where the intro prints.
std::string introProbe() {
    const rx::Document& doc = rx::test::realDocument();
    std::string longest;
    for (const rx::Run& run : doc.intro.at(0).runs)
        if (run.text.size() > longest.size()) longest = run.text;
    return rx::htmlEscape(longest.substr(0, 40));
}

} // namespace

TEST_CASE("a section state prints that section only, without the intro") {
    const std::string html = render("#section=key-features-of-rust");
    for (const char* title : kKeyFeatures) CHECK(has(html, title));
    CHECK(countOf(html, "<article") == 6);
    CHECK(has(html, "Section: \xE2\x80\x9CKey Features of Rust\xE2\x80\x9D"));
    REQUIRE(introProbe().size() == 40);
    CHECK_FALSE(has(html, introProbe()));
    CHECK_FALSE(has(html, "Benefits of Using Rust"));
    CHECK_FALSE(has(html, "<table"));
    // It shares the page with the static rendition: no duplicate anchor ids.
    CHECK_FALSE(has(html, " id=\""));
}

TEST_CASE("the default cards state prints every section with the intro") {
    const std::string html = render("");
    const rx::Document& doc = rx::test::realDocument();
    CHECK(countOf(html, "<article") == doc.itemCount());
    for (const rx::Section& s : doc.sections) CHECK(has(html, rx::htmlEscape(s.title) + "</h2>"));
    CHECK(has(html, introProbe()));
}

TEST_CASE("an open card prints its section with the card marked open") {
    const std::string html = render("#card=key-features-of-rust/high-performance");
    CHECK(countOf(html, "<article class=\"open\" aria-current=\"true\">") == 1);
    CHECK(countOf(html, "<article") == 6);
    CHECK(has(html, "Open card: \xE2\x80\x9CHigh Performance\xE2\x80\x9D"));
    const size_t open = html.find("class=\"open\"");
    CHECK(html.find("High Performance", open) < html.find("</article>", open));
}

TEST_CASE("a search prints the matching cards with the matches highlighted") {
    const std::string html = render("#q=cloudflare");
    CHECK(has(html, "Search \xE2\x80\x9C"
                    "cloudflare\xE2\x80\x9D"));
    CHECK(has(html, "<mark>Cloudflare</mark>"));
    CHECK(countOf(html, "<article") >= 1);
    CHECK(countOf(html, "<article") < rx::test::realDocument().itemCount());
    CHECK_FALSE(has(html, "Zero-Cost Abstractions"));
    // Every printed card holds a match.
    size_t at = 0;
    while ((at = html.find("<article", at)) != std::string::npos) {
        const size_t end = html.find("</article>", at);
        CHECK(html.substr(at, end - at).find("<mark>") != std::string::npos);
        at = end;
    }
}

TEST_CASE("a search without a match says so; hostile text is escaped") {
    const std::string html = render("#q=%3Cscript%3Ezzzqqq");
    CHECK(has(html, "No card matches."));
    CHECK(countOf(html, "<article") == 0);
    CHECK(has(html, "&lt;script&gt;zzzqqq"));
    CHECK_FALSE(has(html, "<script"));
}

TEST_CASE("a tag state prints only the tagged cards") {
    const std::string html = render("#tag=webassembly");
    CHECK(has(html, "tagged \xE2\x80\x9CWebAssembly\xE2\x80\x9D"));
    const size_t n = countOf(html, "<article");
    CHECK(n >= 1);
    CHECK(n < rx::test::realDocument().itemCount());
    CHECK_FALSE(has(html, "Rich Type System"));
}

TEST_CASE("unknown ids are named and the rest still prints") {
    const std::string html = render("#section=nope&card=nope%2Fnope");
    CHECK(has(html, "The card \xE2\x80\x9Cnope/nope\xE2\x80\x9D is not in this document."));
    CHECK(has(html, "The section \xE2\x80\x9Cnope\xE2\x80\x9D is not in this document."));
    CHECK(countOf(html, "<article") == rx::test::realDocument().itemCount());
}

TEST_CASE("the matrix filtered to networking prints only its rows and column, filters named") {
    const std::string html = render("#view=matrix&domains=networking");
    const std::string table = tableOf(html);
    REQUIRE(!table.empty());
    CHECK(has(html, "Filters: domains Networking"));
    CHECK(has(html, "class=\"legend\""));
    CHECK(countOf(table, "<th scope=\"col\">") == 2); // the corner and Networking
    CHECK(has(table, ">Networking</th>"));
    CHECK(has(table, ">Cloudflare</th>"));
    CHECK_FALSE(has(table, "Web Development"));
    CHECK_FALSE(has(html, "Mozilla"));
    CHECK_FALSE(has(html, "Dropbox"));
    // Every row has a mark (only adopters with a visible mark are rows).
    CHECK(countOf(table, "<tr><th scope=\"row\">") ==
          countOf(table, "class=\"mark stated") + countOf(table, "class=\"mark inferred"));
    CHECK(has(html, "<h2>Evidence</h2>"));
}

TEST_CASE("pivot, sorts and the stated-only filter change the printed table and are named") {
    const std::string plain = tableOf(render("#view=matrix"));
    const std::string pivoted = tableOf(render("#view=matrix&pivot=1"));
    CHECK(has(plain, "<th scope=\"col\">Adopter</th>"));
    CHECK(has(pivoted, "<th scope=\"col\">Domain</th>"));
    CHECK(countOf(plain, "<tr><th scope=\"row\">") == countOf(pivoted, "<th scope=\"col\">") - 1);

    // Document order has Mozilla before Cloudflare; A-Z the other way round.
    const std::string sorted = render("#view=matrix&rsort=name");
    CHECK(has(sorted, "Sorted: rows Name A\xE2\x80\x93Z"));
    const std::string t = tableOf(sorted);
    CHECK(plain.find(">Mozilla</th>") < plain.find(">Cloudflare</th>"));
    CHECK(t.find(">Cloudflare</th>") < t.find(">Mozilla</th>"));

    const std::string stated = render("#view=matrix&inferred=0");
    CHECK(has(stated, "stated marks only"));
    CHECK_FALSE(has(tableOf(stated), "class=\"mark inferred"));
    CHECK(has(tableOf(render("#view=matrix")), "class=\"mark inferred"));
}

TEST_CASE("a matrix with nothing to show prints why, and no table") {
    const std::string html = render("#view=matrix&mq=zzzqqq");
    CHECK(has(html, "text \xE2\x80\x9Czzzqqq\xE2\x80\x9D"));
    CHECK(has(html, "class=\"empty\""));
    CHECK_FALSE(has(html, "<table"));
}

TEST_CASE("the selected matrix cell is marked in the table and its evidence") {
    const std::string html = render("#view=matrix&row=cloudflare&col=networking");
    CHECK(countOf(tableOf(html), " selected\"") == 1);
    CHECK(countOf(html, "<li class=\"selected\">") == 1);
}

TEST_CASE("without adopters the matrix state prints the cards with a note") {
    rx::RenditionInput in;
    in.doc = &rx::test::realDocument();
    const std::string html = rx::renderStateHtml(in, rx::decodeHash("#view=matrix"));
    CHECK(has(html, "This content has no adopters matrix."));
    CHECK(countOf(html, "<article") == rx::test::realDocument().itemCount());
}
