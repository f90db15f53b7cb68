// Embed code (core/embed_code.h): the embed URL keeps the view, sets the display options, and the
// snippets are well-formed, escaped iframes.
#include "core/embed_code.h"
#include "core/url_state.h"

#include <doctest/doctest.h>

#include <limits>
#include <string>

namespace {

bool has(const std::string& s, const std::string& needle) {
    return s.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("the embed URL keeps the view and adds the display options") {
    const rx::UrlState view = rx::decodeHash("#view=matrix&domains=networking&pivot=1");
    rx::EmbedOptions o;
    o.theme = "dark";
    o.transparentBg = true;
    o.scale = 1.5f;
    const std::string url = rx::embedUrl("https://example.org/rx/", view, o);
    CHECK(url.rfind("https://example.org/rx/?", 0) == 0);
    const rx::UrlState back = rx::decodeHash(url);
    CHECK(back.view == "matrix");
    CHECK(back.domains == std::vector<std::string>{"networking"});
    CHECK(back.pivot);
    CHECK(back.embed);
    CHECK(back.theme == "dark");
    CHECK(back.transparentBg);
    CHECK(back.scale == doctest::Approx(1.5f));
    CHECK(back.controls == -1);
}

TEST_CASE("embed options are clamped and unknown values fall back") {
    rx::UrlState view;
    view.parentOrigin = "https://host.example";
    rx::EmbedOptions o;
    o.theme = "<script>";
    o.scale = 99.0f;
    o.controls = true;
    const rx::UrlState s = rx::embedState(view, o);
    CHECK(s.theme == "auto");
    CHECK(s.scale == doctest::Approx(rx::kMaxScale));
    CHECK(s.controls == 1);
    CHECK(s.parentOrigin.empty());
    o.scale = std::numeric_limits<float>::quiet_NaN();
    CHECK(rx::embedState(view, o).scale == doctest::Approx(1.0f));
    // A base with its own query or fragment keeps only its path.
    CHECK(rx::embedUrl("https://e.org/x/?a=1#b", view, o).rfind("https://e.org/x/?embed=1", 0) ==
          0);
}

TEST_CASE("snippets: data-preload for reveal.js, src for a page, attributes escaped") {
    const rx::UrlState view =
        rx::decodeHash("#q=%22quoted%22%20%26%20more&section=key-features-of-rust");
    rx::EmbedOptions o;
    o.title = "A \"title\" <b>";
    o.width = 10;
    o.height = 100000;
    const std::string reveal = rx::embedSnippet("https://e.org/x/", view, o, true);
    const std::string page = rx::embedSnippet("https://e.org/x/", view, o, false);
    CHECK(reveal.rfind("<iframe class=\"explorer\" ", 0) == 0);
    CHECK(has(reveal, " data-preload data-src=\"https://e.org/x/?"));
    CHECK_FALSE(has(reveal, " src="));
    CHECK(has(page, " src=\"https://e.org/x/?"));
    CHECK(has(page, "loading=\"lazy\""));
    CHECK_FALSE(has(page, "data-src"));
    for (const std::string& s : {reveal, page}) {
        CHECK(has(s, "title=\"A &quot;title&quot; &lt;b&gt;\""));
        CHECK(has(s, "width=\"240\" height=\"2160\""));
        CHECK(has(s, "&amp;section=key-features-of-rust"));
        CHECK_FALSE(has(s, "\"quoted\""));
        CHECK(s.size() > 10);
        CHECK(s.substr(s.size() - 10) == "></iframe>");
    }
}
