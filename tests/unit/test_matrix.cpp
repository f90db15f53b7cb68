// The matrix view model: filters alone and combined, sorts, pivot, counts, empty states, and a
// 10,000 x 100 synthetic dataset checked against a plain reference filter (timing printed only).
#include "core/adopters.h"
#include "core/document.h"
#include "core/matrix.h"
#include "tools/synthetic_adopters.h"

#include <doctest/doctest.h>

#include "test_support.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

namespace {

using rx::test::readRepoFile;
using rx::test::realDocument;

const rx::AdoptersData& seed() {
    static const rx::LoadedAdopters loaded =
        rx::loadAdopters(readRepoFile("content/adopters.json"), "adopters.json", realDocument());
    REQUIRE(loaded.errors.empty());
    return loaded.data;
}

std::vector<std::string> rowIds(const rx::MatrixTable& view, const rx::AdoptersData& data) {
    std::vector<std::string> ids;
    for (size_t r = 0; r < view.rows.size(); ++r) ids.push_back(rx::rowId(view, data, int(r)));
    return ids;
}

std::vector<std::string> colIds(const rx::MatrixTable& view, const rx::AdoptersData& data) {
    std::vector<std::string> ids;
    for (size_t c = 0; c < view.cols.size(); ++c) ids.push_back(rx::colId(view, data, int(c)));
    return ids;
}

std::set<std::string> rowSet(const rx::MatrixTable& view, const rx::AdoptersData& data) {
    const std::vector<std::string> ids = rowIds(view, data);
    return {ids.begin(), ids.end()};
}

// Structural invariants every view must keep, whatever the query.
void checkConsistent(const rx::MatrixTable& view, const rx::AdoptersData& data) {
    REQUIRE(view.rowCellStart.size() == view.rows.size() + 1);
    REQUIRE(view.rowTotals.size() == view.rows.size());
    REQUIRE(view.colTotals.size() == view.cols.size());
    CHECK(view.rowCellStart.back() == view.cells.size());
    std::vector<int> rowCount(view.rows.size(), 0), colCount(view.cols.size(), 0);
    for (size_t r = 0; r < view.rows.size(); ++r) {
        for (size_t i = view.rowCellStart[r]; i < view.rowCellStart[r + 1]; ++i) {
            const rx::MatrixCell& c = view.cells[i];
            REQUIRE(c.row == int(r));
            if (i > view.rowCellStart[r]) REQUIRE(view.cells[i - 1].col < c.col);
            const int adopterIndex =
                view.pivot ? view.cols[size_t(c.col)] : view.rows[size_t(c.row)];
            const int domainIndex =
                view.pivot ? view.rows[size_t(c.row)] : view.cols[size_t(c.col)];
            REQUIRE(c.adopter == adopterIndex);
            REQUIRE(c.domain == domainIndex);
            const rx::Mark& m = data.adopters[size_t(c.adopter)].marks[size_t(c.mark)];
            REQUIRE(m.domain == c.domain);
            REQUIRE(m.strength == c.strength);
            REQUIRE(view.cellAt(c.row, c.col) == &c);
            ++rowCount[r];
            ++colCount[size_t(c.col)];
        }
    }
    CHECK(rowCount == view.rowTotals);
    CHECK(colCount == view.colTotals);
}

rx::MatrixQuery domainsQuery(std::set<std::string> domains) {
    rx::MatrixQuery q;
    q.domains = std::move(domains);
    return q;
}

} // namespace

TEST_CASE("matrix: no filter shows every adopter and every domain in document order") {
    const rx::AdoptersData& data = seed();
    const rx::MatrixTable view = rx::buildMatrix(data, {});
    checkConsistent(view, data);
    CHECK(view.rows.size() == data.adopters.size());
    CHECK(colIds(view, data) == std::vector<std::string>{"systems", "web", "networking", "games",
                                                         "embedded", "blockchain"});
    CHECK(rowIds(view, data).front() == "mozilla");
    CHECK(rowIds(view, data).back() == "solana");
    size_t marks = 0;
    for (const rx::Adopter& a : data.adopters) marks += a.marks.size();
    CHECK(view.cells.size() == marks);
    CHECK(view.countsText == "9 of 9 adopters \xC2\xB7 6 of 6 domains");
    CHECK(view.emptyExplanation.empty());
    // Games and embedded stay as empty columns.
    CHECK(view.colTotals[3] == 0);
    CHECK(view.colTotals[4] == 0);
    CHECK(view.colTotals[1] > 0);
    // A known cell and a known empty one.
    const rx::MatrixCell* solana = view.cellAt(8, 5);
    REQUIRE(solana);
    CHECK(solana->strength == rx::Strength::Stated);
    CHECK(view.cellAt(8, 0) == nullptr);
    CHECK(view.cellAt(99, 0) == nullptr);
}

TEST_CASE("matrix: stated only") {
    const rx::AdoptersData& data = seed();
    rx::MatrixQuery q;
    q.includeInferred = false;
    const rx::MatrixTable view = rx::buildMatrix(data, q);
    checkConsistent(view, data);
    CHECK(rowSet(view, data) == std::set<std::string>{"cloudflare", "microsoft", "solana"});
    CHECK(view.cells.size() == 3);
    for (const rx::MatrixCell& c : view.cells) CHECK(c.strength == rx::Strength::Stated);
    CHECK(view.cols.size() == 6); // domain columns stay
}

TEST_CASE("matrix: domain filter keeps chosen columns in order and rows with marks there") {
    const rx::AdoptersData& data = seed();
    const rx::MatrixTable view = rx::buildMatrix(data, domainsQuery({"networking", "web"}));
    checkConsistent(view, data);
    CHECK(colIds(view, data) == std::vector<std::string>{"web", "networking"});
    CHECK(rowSet(view, data) ==
          std::set<std::string>{"mozilla", "cloudflare", "discord", "figma", "deno"});

    const rx::MatrixTable four =
        rx::buildMatrix(data, domainsQuery({"systems", "blockchain", "games"}));
    CHECK(four.countsText == "4 of 9 adopters \xC2\xB7 3 of 6 domains");
    CHECK(rowSet(four, data) == std::set<std::string>{"dropbox", "aws", "microsoft", "solana"});
}

TEST_CASE("matrix: empty states explain themselves") {
    const rx::AdoptersData& data = seed();
    const rx::MatrixTable games = rx::buildMatrix(data, domainsQuery({"games", "embedded"}));
    CHECK(games.rows.empty());
    CHECK(games.cols.size() == 2);
    CHECK(games.empty());
    CHECK(games.countsText == "0 of 9 adopters \xC2\xB7 2 of 6 domains");
    CHECK(games.emptyExplanation.find("Game Development") != std::string::npos);
    CHECK(games.emptyExplanation.find("names no adopter") != std::string::npos);

    rx::MatrixQuery q;
    q.text = "xyzzy";
    q.includeInferred = false;
    const rx::MatrixTable none = rx::buildMatrix(data, q);
    CHECK(none.rows.empty());
    CHECK(none.emptyExplanation.find("xyzzy") != std::string::npos);
    CHECK(none.emptyExplanation.find("stated marks only") != std::string::npos);
    CHECK(none.emptyExplanation.find("names no adopter") == std::string::npos);

    const rx::MatrixTable unknown = rx::buildMatrix(data, domainsQuery({"no-such-domain"}));
    CHECK(unknown.cols.empty());
    CHECK(!unknown.emptyExplanation.empty());

    const rx::MatrixTable nothing = rx::buildMatrix(rx::AdoptersData{}, {});
    CHECK(nothing.emptyExplanation == "No domains are loaded.");
}

TEST_CASE("matrix: facet filter passes adopters with any chosen facet") {
    const rx::AdoptersData& data = seed();
    rx::MatrixQuery q;
    q.facets = {"concurrency"};
    CHECK(rowSet(rx::buildMatrix(data, q), data) == std::set<std::string>{"mozilla"});
    q.facets = {"concurrency", "efficiency"};
    CHECK(rowSet(rx::buildMatrix(data, q), data) == std::set<std::string>{"mozilla", "dropbox"});
    q.facets = {"security"};
    CHECK(rowSet(rx::buildMatrix(data, q), data) ==
          std::set<std::string>{"cloudflare", "deno", "solana"});
    q.facets = {"unknown-facet"};
    CHECK(rx::buildMatrix(data, q).rows.empty());
}

TEST_CASE("matrix: text filter matches names, products and quotes, case-insensitively") {
    const rx::AdoptersData& data = seed();
    auto rowsFor = [&](const std::string& text) {
        rx::MatrixQuery q;
        q.text = text;
        const rx::MatrixTable view = rx::buildMatrix(data, q);
        checkConsistent(view, data);
        return rowSet(view, data);
    };
    CHECK(rowsFor("FIGMA") == std::set<std::string>{"figma"});
    CHECK(rowsFor("firecracker") == std::set<std::string>{"aws"});   // product
    CHECK(rowsFor("HTTP/3") == std::set<std::string>{"cloudflare"}); // quote
    CHECK(rowsFor("low-level software") == std::set<std::string>{"dropbox", "aws"});
    CHECK(rowsFor("  rendering   engine ") == std::set<std::string>{"mozilla", "figma"});
    CHECK(rowsFor("rendering discord").empty()); // every word must match
    CHECK(rowsFor("").size() == 9);
}

TEST_CASE("matrix: filters combine") {
    const rx::AdoptersData& data = seed();
    rx::MatrixQuery q;
    q.facets = {"performance"};
    q.domains = {"web"};
    CHECK(rowSet(rx::buildMatrix(data, q), data) ==
          std::set<std::string>{"discord", "figma", "deno"});
    q.text = "real-time";
    CHECK(rowSet(rx::buildMatrix(data, q), data) == std::set<std::string>{"discord", "figma"});
    q.includeInferred = false;
    CHECK(rx::buildMatrix(data, q).rows.empty());

    rx::MatrixQuery s;
    s.text = "rust";
    s.includeInferred = false;
    s.domains = {"systems"};
    const rx::MatrixTable view = rx::buildMatrix(data, s);
    checkConsistent(view, data);
    CHECK(rowIds(view, data) == std::vector<std::string>{"microsoft"});
    CHECK(view.countsText == "1 of 9 adopters \xC2\xB7 1 of 6 domains");
}

TEST_CASE("matrix: row and column sorts") {
    const rx::AdoptersData& data = seed();
    rx::MatrixQuery q;
    q.rowSort = rx::AxisSort::NameAsc;
    const rx::MatrixTable asc = rx::buildMatrix(data, q);
    checkConsistent(asc, data);
    std::vector<std::string> names;
    for (size_t r = 0; r < asc.rows.size(); ++r)
        names.push_back(rx::asciiLower(rx::rowLabel(asc, data, int(r))));
    CHECK(names.size() == 9);
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(rx::rowLabel(asc, data, 0) == "Amazon Web Services");

    q.rowSort = rx::AxisSort::NameDesc;
    const rx::MatrixTable desc = rx::buildMatrix(data, q);
    std::vector<std::string> reversed = rowIds(asc, data);
    std::reverse(reversed.begin(), reversed.end());
    CHECK(rowIds(desc, data) == reversed);

    q.rowSort = rx::AxisSort::MarksDesc;
    const rx::MatrixTable byMarks = rx::buildMatrix(data, q);
    checkConsistent(byMarks, data);
    CHECK(std::is_sorted(byMarks.rowTotals.rbegin(), byMarks.rowTotals.rend()));
    CHECK(rowIds(byMarks, data).front() == "cloudflare"); // the only adopter with two marks
    CHECK(rowIds(byMarks, data)[1] == "mozilla");         // ties keep file order

    q.colSort = rx::AxisSort::MarksDesc;
    const rx::MatrixTable cols = rx::buildMatrix(data, q);
    checkConsistent(cols, data);
    CHECK(std::is_sorted(cols.colTotals.rbegin(), cols.colTotals.rend()));
    CHECK(colIds(cols, data) == std::vector<std::string>{"web", "systems", "networking",
                                                         "blockchain", "games", "embedded"});
    q.colSort = rx::AxisSort::MarksAsc;
    CHECK(colIds(rx::buildMatrix(data, q), data).front() == "games");
    q.colSort = rx::AxisSort::NameAsc;
    CHECK(colIds(rx::buildMatrix(data, q), data) ==
          std::vector<std::string>{"blockchain", "embedded", "games", "networking", "systems",
                                   "web"});
}

TEST_CASE("matrix: pivot swaps rows and columns, sorts follow the displayed axes") {
    const rx::AdoptersData& data = seed();
    rx::MatrixQuery q;
    q.includeInferred = true;
    const rx::MatrixTable plain = rx::buildMatrix(data, q);
    q.pivot = true;
    const rx::MatrixTable pivot = rx::buildMatrix(data, q);
    checkConsistent(pivot, data);
    CHECK(pivot.pivot);
    CHECK(rowIds(pivot, data) == colIds(plain, data));
    CHECK(colIds(pivot, data) == rowIds(plain, data));
    CHECK(pivot.rowTotals == plain.colTotals);
    CHECK(pivot.colTotals == plain.rowTotals);
    CHECK(pivot.countsText == plain.countsText);
    std::set<std::tuple<int, int, int>> a, b;
    for (const rx::MatrixCell& c : plain.cells) a.insert({c.adopter, c.domain, int(c.strength)});
    for (const rx::MatrixCell& c : pivot.cells) b.insert({c.adopter, c.domain, int(c.strength)});
    CHECK(a == b);
    CHECK(rx::rowLabel(pivot, data, 0) == "Systems Programming");

    q.rowSort = rx::AxisSort::MarksDesc; // rows are domains now
    q.colSort = rx::AxisSort::NameAsc;   // columns are adopters
    const rx::MatrixTable sorted = rx::buildMatrix(data, q);
    checkConsistent(sorted, data);
    CHECK(rowIds(sorted, data).front() == "web");
    CHECK(rx::colLabel(sorted, data, 0) == "Amazon Web Services");

    q.domains = {"games"};
    const rx::MatrixTable empty = rx::buildMatrix(data, q);
    CHECK(empty.rows.size() == 1); // the domain row stays, with no adopter columns
    CHECK(empty.cols.empty());
    CHECK(!empty.emptyExplanation.empty());
}

TEST_CASE("matrix: 10,000 adopters x 100 domains agrees with a reference filter (timing printed)") {
    rx::SyntheticSpec spec;
    spec.adopters = 10000;
    spec.domains = 100;
    spec.seed = 42;
    const std::string json = rx::generateAdoptersJson(realDocument(), spec);
    MESSAGE("synthetic adopters.json: " << json.size() << " bytes");
    const rx::LoadedAdopters loaded = rx::loadAdopters(json, "synthetic.json", realDocument());
    REQUIRE(loaded.errors.empty());
    const rx::AdoptersData& data = loaded.data;
    REQUIRE(data.adopters.size() == 10000);
    REQUIRE(data.domains.size() == 100);

    // Reference: the rules of matrix.h written the slow, obvious way.
    auto reference = [&](const rx::MatrixQuery& q) {
        std::set<std::string> rows;
        std::istringstream words(rx::asciiLower(q.text));
        std::vector<std::string> terms;
        for (std::string w; words >> w;) terms.push_back(w);
        for (const rx::Adopter& a : data.adopters) {
            std::string hay = rx::asciiLower(a.name);
            for (const std::string& p : a.products) hay += "\n" + rx::asciiLower(p);
            for (const rx::Mark& m : a.marks)
                for (const rx::Evidence& e : m.evidence) hay += "\n" + rx::asciiLower(e.quote);
            for (const rx::FacetClaim& c : a.facets) hay += "\n" + rx::asciiLower(c.evidence.quote);
            bool ok = std::all_of(terms.begin(), terms.end(), [&](const std::string& t) {
                return hay.find(t) != std::string::npos;
            });
            if (!q.facets.empty())
                ok = ok &&
                     std::any_of(a.facets.begin(), a.facets.end(), [&](const rx::FacetClaim& c) {
                         return q.facets.count(data.facets[size_t(c.facet)].id) > 0;
                     });
            const bool hasMark =
                std::any_of(a.marks.begin(), a.marks.end(), [&](const rx::Mark& m) {
                    const bool domainOk =
                        q.domains.empty() || q.domains.count(data.domains[size_t(m.domain)].id);
                    return domainOk && (q.includeInferred || m.strength == rx::Strength::Stated);
                });
            if (ok && hasMark) rows.insert(a.id);
        }
        return rows;
    };

    std::vector<rx::MatrixQuery> queries(6);
    queries[1].text = "performance";
    queries[2].domains = {"domain-1", "domain-7", "domain-50"};
    queries[2].rowSort = rx::AxisSort::MarksDesc;
    queries[3].facets = {"security", "concurrency"};
    queries[3].includeInferred = false;
    queries[3].rowSort = rx::AxisSort::NameAsc;
    queries[3].colSort = rx::AxisSort::MarksDesc;
    queries[4].text = "ka rust";
    queries[4].pivot = true;
    queries[4].rowSort = rx::AxisSort::NameDesc;
    queries[5].text = "zzzz-no-match";
    for (const rx::MatrixQuery& q : queries) {
        // Median of several builds: the first one also pays for cold caches.
        std::vector<long long> times;
        rx::MatrixTable view;
        for (int run = 0; run < 9; ++run) {
            const auto start = std::chrono::steady_clock::now();
            view = rx::buildMatrix(data, q);
            times.push_back(std::chrono::duration_cast<std::chrono::microseconds>(
                                std::chrono::steady_clock::now() - start)
                                .count());
        }
        std::sort(times.begin(), times.end());
        MESSAGE("buildMatrix 10000x100 text='"
                << q.text << "' domains=" << q.domains.size() << " facets=" << q.facets.size()
                << " pivot=" << q.pivot << ": median " << times[times.size() / 2] << " us (first "
                << times.back() << " us max), " << view.counts.adopters << " rows, "
                << view.cells.size() << " cells");
        checkConsistent(view, data);
        const std::vector<std::string> ids = q.pivot ? colIds(view, data) : rowIds(view, data);
        CHECK(std::set<std::string>(ids.begin(), ids.end()) == reference(q));
        CHECK(ids.size() == size_t(view.counts.adopters));
    }
}

namespace {

// Every field of two views, so "same result" means the same rows, order, cells and texts.
void checkSameView(const rx::MatrixTable& got, const rx::MatrixTable& want) {
    REQUIRE(got.pivot == want.pivot);
    REQUIRE(got.rows == want.rows);
    REQUIRE(got.cols == want.cols);
    REQUIRE(got.rowTotals == want.rowTotals);
    REQUIRE(got.colTotals == want.colTotals);
    REQUIRE(got.rowCellStart == want.rowCellStart);
    REQUIRE(got.cells.size() == want.cells.size());
    for (size_t i = 0; i < got.cells.size(); ++i) {
        const rx::MatrixCell& a = got.cells[i];
        const rx::MatrixCell& b = want.cells[i];
        REQUIRE(std::tie(a.row, a.col, a.adopter, a.domain, a.mark, a.strength) ==
                std::tie(b.row, b.col, b.adopter, b.domain, b.mark, b.strength));
    }
    REQUIRE(got.counts.adopters == want.counts.adopters);
    REQUIRE(got.counts.domains == want.counts.domains);
    REQUIRE(got.counts.marks == want.counts.marks);
    REQUIRE(got.countsText == want.countsText);
    REQUIRE(got.emptyExplanation == want.emptyExplanation);
}

rx::LoadedAdopters loadSynthetic300(uint64_t seed) {
    rx::SyntheticSpec spec;
    spec.adopters = 300;
    spec.domains = 12;
    spec.seed = seed;
    return rx::loadAdopters(rx::generateAdoptersJson(realDocument(), spec), "synthetic.json",
                            realDocument());
}

const rx::AdoptersData& synthetic300() {
    static const rx::LoadedAdopters loaded = loadSynthetic300(7);
    REQUIRE(loaded.errors.empty());
    return loaded.data;
}

// A reproducible walk through queries as a person makes them: typing and deleting (words that
// grow, shrink, split and change), jumping to other text, toggling filters, sorting, pivoting.
std::vector<rx::MatrixQuery> queryWalk(const rx::AdoptersData& data, int steps, uint64_t seed) {
    uint64_t state = seed;
    auto next = [&](uint64_t n) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<size_t>((state >> 33) % n);
    };
    const std::string letters = "rust memory safe systems performance ka HTTP/3 low-level  ";
    const char* phrases[] = {"memory safe", "rust", "ka rust", "performance", "zzz", "low-level"};
    std::vector<rx::MatrixQuery> out;
    rx::MatrixQuery q;
    for (int i = 0; i < steps; ++i) {
        const size_t op = next(100);
        if (op < 40) {
            q.text.push_back(letters[next(letters.size())]);
        } else if (op < 62) {
            if (!q.text.empty()) q.text.pop_back();
        } else if (op < 65) {
            q.text.clear();
        } else if (op < 70) {
            q.text = phrases[next(6)];
        } else if (op < 76) {
            const std::string& id = data.domains[next(data.domains.size())].id;
            if (!q.domains.erase(id)) q.domains.insert(id);
        } else if (op < 80) {
            const std::string& id = data.facets[next(data.facets.size())].id;
            if (!q.facets.erase(id)) q.facets.insert(id);
        } else if (op < 85) {
            q.includeInferred = !q.includeInferred;
        } else if (op < 90) {
            q.rowSort = static_cast<rx::AxisSort>(next(5));
        } else if (op < 95) {
            q.colSort = static_cast<rx::AxisSort>(next(5));
        } else {
            q.pivot = !q.pivot;
        }
        out.push_back(q);
    }
    return out;
}

size_t textMatches(const rx::AdoptersData& data, const std::string& text) {
    rx::MatrixQuery q;
    q.text = text;
    return rx::buildMatrix(data, q).rows.size();
}

} // namespace

TEST_CASE("matrix builder: a walk of queries gives exactly the views of fresh builds") {
    for (const rx::AdoptersData* data : {&seed(), &synthetic300()}) {
        rx::MatrixBuilder builder;
        rx::MatrixTable reused; // the UI keeps one view and rebuilds into it
        int narrowed = 0;
        for (const rx::MatrixQuery& q : queryWalk(*data, 1500, 99)) {
            CAPTURE(q.text);
            builder.build(*data, q, reused);
            if (builder.lastTextTests() < data->adopters.size()) ++narrowed;
            checkSameView(reused, rx::buildMatrix(*data, q));
        }
        CHECK(narrowed > 1000); // the walk mostly exercises remembered text results
    }
}

TEST_CASE("matrix builder: data built by hand (no flat arrays) gives the same views") {
    rx::AdoptersData byHand = synthetic300();
    byHand.markStart.clear();
    byHand.flatMarks.clear();
    byHand.facetStart.clear();
    byHand.flatFacets.clear();
    byHand.quoteIdStart.clear();
    byHand.flatQuoteIds.clear();
    byHand.searchKeys.clear();
    byHand.searchKeyStart.clear();
    rx::MatrixBuilder builder;
    for (const rx::MatrixQuery& q : queryWalk(byHand, 300, 5))
        checkSameView(builder.build(byHand, q), rx::buildMatrix(synthetic300(), q));
}

TEST_CASE("matrix builder: typing tests only the adopters that passed the text before") {
    const rx::AdoptersData& data = synthetic300();
    // Every adopter has a mark, so a text filter's rows are exactly the adopters it passes.
    REQUIRE(rx::buildMatrix(data, {}).rows.size() == data.adopters.size());
    rx::MatrixBuilder builder;
    auto testsFor = [&](const std::string& text) {
        rx::MatrixQuery q;
        q.text = text;
        checkSameView(builder.build(data, q), rx::buildMatrix(data, q));
        return builder.lastTextTests();
    };
    CHECK(testsFor("") == 0);
    CHECK(testsFor("p") == data.adopters.size());
    const size_t passP = textMatches(data, "p");
    const size_t passPe = textMatches(data, "pe");
    REQUIRE(passPe < passP);
    REQUIRE(passP < data.adopters.size());
    CHECK(testsFor("pe") == passP);
    CHECK(testsFor("pe ") == 0);                  // the same word: nothing new to test
    CHECK(testsFor("PE") == 0);                   // case-insensitive
    CHECK(testsFor("pe k") == passPe);            // a new word: only against what "pe" let through
    CHECK(testsFor("k pe") == 0);                 // the same words in another order
    CHECK(testsFor("pe") == 0);                   // deleting back to a text it remembers
    CHECK(testsFor("e") == data.adopters.size()); // contains neither "p" nor "pe": from scratch
    CHECK(testsFor("xpe") == passPe);             // the narrowest remembered text that bounds it
}

TEST_CASE("matrix builder: other data, or the same object reloaded, is not served old results") {
    rx::MatrixQuery q;
    q.text = "rust";
    rx::MatrixBuilder builder;
    checkSameView(builder.build(seed(), q), rx::buildMatrix(seed(), q));
    checkSameView(builder.build(synthetic300(), q), rx::buildMatrix(synthetic300(), q));
    CHECK(builder.lastTextTests() == synthetic300().adopters.size());

    // The model reloads by moving new data into the same object, here with as many adopters.
    const rx::LoadedAdopters other = loadSynthetic300(8);
    REQUIRE(other.errors.empty());
    REQUIRE(other.data.adopters.size() == synthetic300().adopters.size());
    rx::AdoptersData data = synthetic300();
    checkSameView(builder.build(data, q), rx::buildMatrix(synthetic300(), q));
    data = rx::AdoptersData(other.data);
    checkSameView(builder.build(data, q), rx::buildMatrix(other.data, q));
    CHECK(builder.lastTextTests() == data.adopters.size());
}
