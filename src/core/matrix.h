// The adopter x domain matrix as the UI draws it: filtered, sorted, optionally pivoted. Pure data;
// rebuild it only when the query changes (it is built in well under a millisecond for 10,000
// adopters x 100 domains; MatrixBuilder makes typing into the text filter cheaper still).
#pragma once
#include "adopters.h"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rx {

// Order of one axis of the displayed matrix (rows or columns, whatever they hold).
enum class AxisSort : uint8_t {
    Document, // file order (adopters.json; domains follow the document's order)
    NameAsc,  // case-insensitive (ASCII) name, ties in file order
    NameDesc,
    MarksDesc, // most visible marks first, ties in file order
    MarksAsc,
};

// URL / state() names of an axis sort: "" (document order), "name", "-name", "-count", "count";
// anything else is document order.
const char* axisSortKey(AxisSort sort);
AxisSort axisSortFromKey(std::string_view key);
const char* axisSortLabel(AxisSort sort); // "Document order", "Name A–Z", ...

struct MatrixQuery {
    // Case-insensitive; split at spaces and every word must occur in the adopter's name, one of
    // its products, or one of its quotes (marks and facet claims, whatever the strength filter).
    std::string text;
    std::set<std::string> domains; // domain ids to show; empty = all; unknown ids match nothing
    std::set<std::string> facets;  // facet ids; an adopter passes with ANY of them; empty = all
    bool includeInferred = true;   // false: "stated only"
    AxisSort rowSort = AxisSort::Document; // applies to the displayed rows (domains if pivot)
    AxisSort colSort = AxisSort::Document;
    bool pivot = false; // false: rows = adopters, cols = domains; true: swapped
};

struct MatrixCell {
    int row = 0;     // position in MatrixTable::rows
    int col = 0;     // position in MatrixTable::cols
    int adopter = 0; // index into AdoptersData::adopters
    int domain = 0;  // index into AdoptersData::domains
    int mark = 0;    // index into adopters[adopter].marks: the evidence
    Strength strength = Strength::None;
};

struct MatrixCounts {
    int adopters = 0; // visible
    int totalAdopters = 0;
    int domains = 0; // visible (columns, or rows when pivoted)
    int totalDomains = 0;
    int marks = 0; // visible cells
};

// Which adopters are rows: those that pass the text and facet filters AND have at least one
// visible mark (strength filter, visible domain). Which domains show: every domain the domain
// filter lets through, marks or not (an empty column is an honest answer).
struct MatrixTable {
    bool pivot = false;
    std::vector<int> rows; // data index per displayed row: adopters, or domains when pivoted
    std::vector<int> cols; // data index per displayed column: domains, or adopters when pivoted
    std::vector<int> rowTotals;       // visible marks per displayed row
    std::vector<int> colTotals;       // visible marks per displayed column
    std::vector<MatrixCell> cells;    // visible marks, sorted by (row, col)
    std::vector<size_t> rowCellStart; // cells of row r: [rowCellStart[r], rowCellStart[r + 1])
    MatrixCounts counts;
    std::string countsText;       // "4 of 9 adopters · 3 of 6 domains"
    std::string emptyExplanation; // why nothing shows, with the active filters; "" if not empty

    bool empty() const { return rows.empty() || cols.empty(); }
    // The cell at a displayed row and column, or nullptr for an empty cell.
    const MatrixCell* cellAt(int row, int col) const;
};

MatrixTable buildMatrix(const AdoptersData& data, const MatrixQuery& query);

// Builds views for a sequence of queries over the same data, with the same results as
// buildMatrix but less work per keystroke: it remembers which adopters passed recent text filters,
// so text that only narrows (typing on, or going back to an earlier text) tests just the adopters
// that passed before, and only against the words that are new. Data must not change in place
// between builds (replacing it is noticed; otherwise call reset()).
class MatrixBuilder {
  public:
    // Fills `view` for `query`, reusing its buffers.
    void build(const AdoptersData& data, const MatrixQuery& query, MatrixTable& view);
    MatrixTable build(const AdoptersData& data, const MatrixQuery& query);
    void reset();
    // How many adopters the last build tested against text words (0: nothing new to test).
    size_t lastTextTests() const { return lastTextTests_; }

  private:
    struct TextResult {
        std::vector<std::string> words; // distinct words, sorted
        std::vector<int> passing;       // adopters holding every word, file order
        uint64_t lastUse = 0;
    };
    struct DataKey {
        const void* adopters = nullptr;
        size_t adopterCount = 0;
        const void* keys = nullptr;
        const void* marks = nullptr;
        const void* quotes = nullptr;
        size_t quoteCount = 0;
        bool operator==(const DataKey& o) const;
    };
    const AdoptersData& flatData(const AdoptersData& data);
    const std::vector<int>* textPassing(const AdoptersData& flat, const AdoptersData& data,
                                        const std::vector<std::string>& words);

    DataKey key_;
    AdoptersData derived_; // flat arrays for data built by hand (not by loadAdopters)
    bool derivedUsed_ = false;
    std::vector<TextResult> recent_; // a few recent text results, least recently used evicted
    uint64_t useClock_ = 0;
    size_t lastTextTests_ = 0;
    // Scratch buffers kept between builds (no allocation per keystroke).
    std::vector<int> adopterMarks_, domainMarks_, adopters_, domains_, domainPos_;
    std::vector<char> domainVisible_, markShown_, facetWanted_, quoteHit_;
};

// Ids and display labels of displayed rows and columns (adopter or domain, by pivot).
const std::string& rowId(const MatrixTable& view, const AdoptersData& data, int row);
const std::string& rowLabel(const MatrixTable& view, const AdoptersData& data, int row);
const std::string& colId(const MatrixTable& view, const AdoptersData& data, int col);
const std::string& colLabel(const MatrixTable& view, const AdoptersData& data, int col);

} // namespace rx
