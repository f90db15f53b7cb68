// CSV and TSV export of the displayed matrix: escaping, order, pivot, filters, UTF-8.
#include "core/adopters.h"
#include "core/export.h"
#include "core/matrix.h"

#include <doctest/doctest.h>

#include <string>

namespace {

rx::Evidence quote(const std::string& text) {
    rx::Evidence e;
    e.quote = text;
    return e;
}

rx::Mark mark(int domain, rx::Strength strength) {
    rx::Mark m;
    m.domain = domain;
    m.strength = strength;
    m.evidence.push_back(quote("a sentence"));
    return m;
}

// Hand-built data (no loader, so no precomputed flat arrays) with awkward names.
rx::AdoptersData awkwardData() {
    rx::AdoptersData data;
    data.domains.push_back({"web", "Web, Wasm", {}, {}, "", 0});
    data.domains.push_back({"net", "Say \"hi\"", {}, {}, "", 0});
    data.domains.push_back({"games", "Games\tand\nfun", {}, {}, "", 0});
    rx::Adopter a;
    a.id = "a";
    a.name = "Zürich “Labs”";
    a.searchKey = rx::asciiLower(a.name);
    a.marks = {mark(0, rx::Strength::Stated), mark(1, rx::Strength::Inferred)};
    rx::Adopter b;
    b.id = "b";
    b.name = "Line\r\nBreak, Inc.";
    b.searchKey = rx::asciiLower(b.name);
    b.marks = {mark(1, rx::Strength::Stated)};
    data.adopters = {a, b};
    data.adopterNameRank = {1, 0};
    data.domainNameRank = {2, 1, 0};
    return data;
}

} // namespace

TEST_CASE("CSV: header, cells and RFC 4180 quoting with CRLF rows") {
    const rx::AdoptersData data = awkwardData();
    const rx::MatrixTable view = rx::buildMatrix(data, {});
    REQUIRE(view.rows.size() == 2);
    REQUIRE(view.cols.size() == 3);
    const std::string csv = rx::toCsv(view, data);
    const std::string expected = "Adopter,\"Web, Wasm\",\"Say \"\"hi\"\"\",\"Games\tand\nfun\"\r\n"
                                 "Zürich “Labs”,stated,inferred,\r\n"
                                 "\"Line\r\nBreak, Inc.\",,stated,\r\n";
    CHECK(csv == expected);
}

TEST_CASE("TSV: tabs and line breaks inside fields become spaces, rows end with LF") {
    const rx::AdoptersData data = awkwardData();
    const rx::MatrixTable view = rx::buildMatrix(data, {});
    const std::string tsv = rx::toTsv(view, data);
    const std::string expected = "Adopter\tWeb, Wasm\tSay \"hi\"\tGames and fun\n"
                                 "Zürich “Labs”\tstated\tinferred\t\n"
                                 "Line  Break, Inc.\t\tstated\t\n";
    CHECK(tsv == expected);
}

TEST_CASE("export follows the view: filters, sort and pivot") {
    const rx::AdoptersData data = awkwardData();
    rx::MatrixQuery q;
    q.includeInferred = false;
    q.rowSort = rx::AxisSort::NameAsc; // "Line..." before "Zürich..."
    q.domains = {"net", "web"};
    const rx::MatrixTable view = rx::buildMatrix(data, q);
    CHECK(rx::toTsv(view, data) == "Adopter\tWeb, Wasm\tSay \"hi\"\n"
                                   "Line  Break, Inc.\t\tstated\n"
                                   "Zürich “Labs”\tstated\t\n");
    q.pivot = true;
    q.rowSort = rx::AxisSort::Document;
    q.colSort = rx::AxisSort::Document;
    const rx::MatrixTable pivot = rx::buildMatrix(data, q);
    CHECK(rx::toCsv(pivot, data) == "Domain,Zürich “Labs”,\"Line\r\nBreak, Inc.\"\r\n"
                                    "\"Web, Wasm\",stated,\r\n"
                                    "\"Say \"\"hi\"\"\",,stated\r\n");
}

TEST_CASE("export of an empty view keeps the header") {
    const rx::AdoptersData data = awkwardData();
    rx::MatrixQuery q;
    q.text = "nobody";
    const rx::MatrixTable view = rx::buildMatrix(data, q);
    CHECK(view.rows.empty());
    CHECK(rx::toCsv(view, data) ==
          "Adopter,\"Web, Wasm\",\"Say \"\"hi\"\"\",\"Games\tand\nfun\"\r\n");
    CHECK(rx::toTsv(view, data) == "Adopter\tWeb, Wasm\tSay \"hi\"\tGames and fun\n");
}

TEST_CASE("hand-built data filters the same way as loaded data") {
    const rx::AdoptersData data = awkwardData();
    rx::MatrixQuery q;
    q.text = "ZÜRICH"; // ASCII case folding only: "Ü" does not fold, so no match
    CHECK(rx::buildMatrix(data, q).rows.empty());
    q.text = "zürich labs"; // the curly quotes are part of the name; both words occur
    CHECK(rx::buildMatrix(data, q).rows.size() == 1);
    q.text = "break";
    const rx::MatrixTable view = rx::buildMatrix(data, q);
    REQUIRE(view.rows.size() == 1);
    CHECK(rx::rowId(view, data, 0) == "b");
}
