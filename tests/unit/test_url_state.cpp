// URL state: encoding, decoding, round trips, robustness against garbage, history decisions.
#include "core/url_state.h"

#include <doctest/doctest.h>

#include <string>

namespace {

rx::UrlState fullState() {
    rx::UrlState s;
    s.view = "matrix";
    s.card = "key-features-of-rust/high-performance";
    s.query = "mémoire & Rust’s #1 100%";
    s.tag = "memory-safety";
    s.section = "benefits-of-using-rust";
    s.mtext = "a=b&c";
    s.domains = {"web", "networking"};
    s.facets = {"uses-rust", "open-source"};
    s.inferred = false;
    s.rowSort = "-count";
    s.colSort = "name";
    s.pivot = true;
    s.selRow = "cloudflare";
    s.selCol = "networking";
    s.embed = true;
    s.theme = "dark";
    s.transparentBg = true;
    s.scale = 1.5f;
    s.controls = 0;
    s.parentOrigin = "https://slides.example.org:8443";
    return s;
}

} // namespace

TEST_CASE("url: defaults encode to nothing and decode from nothing") {
    CHECK(rx::encodeHash(rx::UrlState{}) == "");
    CHECK(rx::decodeHash("") == rx::UrlState{});
    CHECK(rx::decodeHash("#") == rx::UrlState{});
    CHECK(rx::decodeHash("?") == rx::UrlState{});
}

TEST_CASE("url: only non-default keys, in a stable order, percent-encoded") {
    rx::UrlState s;
    s.domains = {"web", "networking"};
    s.view = "matrix";
    s.query = "memory safety";
    CHECK(rx::encodeHash(s) == "#view=matrix&q=memory%20safety&domains=web,networking");
    rx::UrlState c;
    c.card = "products/cloudflare";
    CHECK(rx::encodeHash(c) == "#card=products/cloudflare");
    c.query = "a&b=c#d";
    CHECK(rx::encodeHash(c) == "#card=products/cloudflare&q=a%26b%3Dc%23d");
}

TEST_CASE("url: round trip of every field") {
    const rx::UrlState s = fullState();
    const std::string hash = rx::encodeHash(s);
    rx::Diagnostics notes;
    const rx::UrlState back = rx::decodeHash(hash, &notes);
    CHECK(notes.empty());
    CHECK(back == s);
    CHECK(back.query == s.query);
    CHECK(back.domains == s.domains);
    CHECK(back.parentOrigin == s.parentOrigin);
    CHECK(rx::encodeHash(back) == hash);
    // Commas inside list items survive.
    rx::UrlState odd;
    odd.domains = {"a", "b"};
    CHECK(rx::decodeHash(rx::encodeHash(odd)).domains == odd.domains);
}

TEST_CASE("url: query, query plus hash, and full URLs") {
    CHECK(rx::decodeHash("?embed=1&view=matrix").embed);
    const rx::UrlState both = rx::decodeHash("?embed=1&theme=light#view=matrix&theme=dark");
    CHECK(both.embed);
    CHECK(both.view == "matrix");
    CHECK(both.theme == "dark"); // hash keys come later and win
    const rx::UrlState full =
        rx::decodeHash("https://example.org/explorer/?embed=1&controls=0#card=a/b&q=rust+safety");
    CHECK(full.embed);
    CHECK(full.controls == 0);
    CHECK(full.card == "a/b");
    CHECK(full.query == "rust safety");
    CHECK(rx::decodeHash("/just/a/path") == rx::UrlState{});
}

TEST_CASE("url: unknown keys are ignored") {
    rx::Diagnostics notes;
    const rx::UrlState s = rx::decodeHash("#utm_source=x&view=matrix&fbclid=1&=&&novalue", &notes);
    CHECK(s.view == "matrix");
    rx::UrlState expected;
    expected.view = "matrix";
    CHECK(s == expected);
    CHECK(notes.empty());
}

TEST_CASE("url: garbage values leave defaults and add notes") {
    rx::Diagnostics notes;
    const rx::UrlState s = rx::decodeHash(
        "#view=xyz&theme=purple&scale=abc&controls=2&pivot=maybe&embed=%ZZ&card=%3Cscript%3E"
        "&parent=javascript:alert(1)&bg=striped&q=%FF%FE&inferred=&domains=web,%3Cb%3E",
        &notes);
    CHECK(s.view == "cards");
    CHECK(s.theme == "auto");
    CHECK(s.scale == 1.0f);
    CHECK(s.controls == -1);
    CHECK_FALSE(s.pivot);
    CHECK_FALSE(s.embed);
    CHECK(s.card.empty());
    CHECK(s.parentOrigin.empty());
    CHECK_FALSE(s.transparentBg);
    CHECK(s.query.empty());
    CHECK(s.inferred);
    CHECK(s.domains == std::vector<std::string>{"web"});
    CHECK(notes.size() == 12); // one per bad key above
    for (const rx::Diagnostic& d : notes) CHECK(d.source == "url");
}

TEST_CASE("url: a scale with more than three digits survives the round trip") {
    // fuzz_url_state crash input, reduced: "%.3g" encoded 1.555f as "1.55", another scale.
    const rx::UrlState s = rx::decodeHash("#embed=1&scale=1.5550");
    CHECK(s.scale == 1.555f);
    CHECK(rx::decodeHash(rx::encodeHash(s)) == s);
    CHECK(rx::encodeHash(s) == "#embed=1&scale=1.555");
    for (const float scale :
         {0.5f, 1.1f, 1.25f, 1.3333334f, 2.0f / 3.0f * 5.0f, 3.9999998f, 4.0f}) {
        rx::UrlState t;
        t.scale = scale;
        CHECK(rx::decodeHash(rx::encodeHash(t)).scale == scale);
    }
    rx::UrlState common;
    common.scale = 1.1f;
    CHECK(rx::encodeHash(common) == "#scale=1.1"); // common scales keep their short form
}

TEST_CASE("url: scale is clamped, text is capped, overlong input is cut") {
    CHECK(rx::decodeHash("#scale=100").scale == rx::kMaxScale);
    CHECK(rx::decodeHash("#scale=0.01").scale == rx::kMinScale);
    CHECK(rx::decodeHash("#scale=-3").scale == rx::kMinScale);
    CHECK(rx::decodeHash("#scale=2.5").scale == 2.5f);
    CHECK(rx::decodeHash("#scale=nan").scale == 1.0f);
    CHECK(rx::decodeHash("#scale=inf").scale == 1.0f);
    CHECK(rx::decodeHash("#scale=1e999").scale == 1.0f);

    const std::string longQuery(1000, 'a');
    CHECK(rx::decodeHash("#q=" + longQuery).query.size() == 256);

    std::string huge = "#view=matrix&q=";
    huge += std::string(100000, 'x');
    huge += "&card=late";
    rx::Diagnostics notes;
    const rx::UrlState s = rx::decodeHash(huge, &notes);
    CHECK(s.view == "matrix");
    CHECK(s.query.empty()); // the pair cut in half is dropped
    CHECK(s.card.empty());  // beyond 4 KB
    CHECK_FALSE(notes.empty());
}

TEST_CASE("url: arbitrary bytes never crash and always re-encode to a stable form") {
    uint32_t seed = 12345;
    const std::string alphabet = "#?&=%,+/:;.-_~aZ09\xC3\xA9\xFF\x80 ";
    for (int round = 0; round < 2000; ++round) {
        std::string input;
        const int length = round % 64;
        for (int i = 0; i < length; ++i) {
            seed = seed * 1103515245u + 12345u;
            input += alphabet[(seed >> 16) % alphabet.size()];
        }
        const rx::UrlState s = rx::decodeHash(input);
        CHECK(s.scale >= rx::kMinScale);
        CHECK(s.scale <= rx::kMaxScale);
        const std::string hash = rx::encodeHash(s);
        CHECK(rx::decodeHash(hash) == s);
    }
}

TEST_CASE("url: history push for meaningful steps, replace while typing") {
    const rx::UrlState base;
    CHECK(rx::historyAction(base, base) == rx::HistoryAction::None);

    rx::UrlState typing = base;
    typing.query = "rus";
    CHECK(rx::historyAction(base, typing) == rx::HistoryAction::Replace);
    CHECK(rx::sameHistoryStep(base, typing));
    rx::UrlState mtyping = base;
    mtyping.mtext = "net";
    CHECK(rx::historyAction(base, mtyping) == rx::HistoryAction::Replace);

    const auto pushes = [&](auto change) {
        rx::UrlState next = base;
        change(next);
        return rx::historyAction(base, next) == rx::HistoryAction::Push &&
               !rx::sameHistoryStep(base, next);
    };
    CHECK(pushes([](rx::UrlState& s) { s.view = "matrix"; }));
    CHECK(pushes([](rx::UrlState& s) { s.card = "a/b"; }));
    CHECK(pushes([](rx::UrlState& s) { s.tag = "security"; }));
    CHECK(pushes([](rx::UrlState& s) { s.section = "benefits"; }));
    CHECK(pushes([](rx::UrlState& s) { s.pivot = true; }));
    CHECK(pushes([](rx::UrlState& s) { s.selRow = "aws"; }));
    CHECK(pushes([](rx::UrlState& s) { s.selCol = "web"; }));
    CHECK(pushes([](rx::UrlState& s) { s.domains = {"web"}; }));
    CHECK(pushes([](rx::UrlState& s) { s.rowSort = "name"; }));
    // Typing plus a card change is still a step.
    CHECK(pushes([](rx::UrlState& s) {
        s.query = "x";
        s.card = "a/b";
    }));
}
