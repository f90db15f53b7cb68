#include "matrix.h"

#include <algorithm>

namespace rx {
namespace {

std::vector<std::string> splitWords(const std::string& lowerText) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : lowerText) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word.push_back(c);
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

// Orders `items` (data indices) by `sort`; `rank` is the name rank per data index and `count`
// the visible marks per data index. Linear time: name order comes from the precomputed rank,
// mark order from a stable counting sort.
std::vector<int> orderAxis(const std::vector<int>& items, AxisSort sort,
                           const std::vector<int>& rank, const std::vector<int>& count) {
    if (sort == AxisSort::Document) return items;
    if (sort == AxisSort::NameAsc || sort == AxisSort::NameDesc) {
        std::vector<int> byRank(rank.size(), -1);
        for (const int i : items) byRank[static_cast<size_t>(rank[static_cast<size_t>(i)])] = i;
        std::vector<int> out;
        out.reserve(items.size());
        for (const int i : byRank)
            if (i >= 0) out.push_back(i);
        if (sort == AxisSort::NameDesc) std::reverse(out.begin(), out.end());
        return out;
    }
    int maxCount = 0;
    for (const int i : items) maxCount = std::max(maxCount, count[static_cast<size_t>(i)]);
    std::vector<size_t> start(static_cast<size_t>(maxCount) + 2, 0);
    auto bucket = [&](int i) {
        const int c = count[static_cast<size_t>(i)];
        return static_cast<size_t>(sort == AxisSort::MarksDesc ? maxCount - c : c);
    };
    for (const int i : items) ++start[bucket(i) + 1];
    for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
    std::vector<int> out(items.size());
    for (const int i : items) out[start[bucket(i)]++] = i;
    return out;
}

std::string joinNames(const std::vector<std::string>& names, const char* conjunction) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? conjunction : ", ";
        out += names[i];
    }
    return out;
}

std::string plural(int n, const char* one, const char* many) {
    return n == 1 ? one : many;
}

std::string explainEmpty(const AdoptersData& data, const MatrixQuery& q,
                         const std::vector<bool>& domainVisible, int visibleDomains) {
    if (data.domains.empty()) return "No domains are loaded.";
    if (data.adopters.empty()) return "No adopters are loaded.";
    if (visibleDomains == 0) return "None of the selected domains exists. Clear the domain filter.";
    std::vector<std::string> filters;
    const std::string text = normalizeSpace(q.text);
    if (!text.empty()) filters.push_back("text \xE2\x80\x9C" + text + "\xE2\x80\x9D");
    std::vector<std::string> domainNames;
    bool anyDomainMarks = false;
    if (!q.domains.empty()) {
        for (size_t d = 0; d < data.domains.size(); ++d) {
            if (!domainVisible[d]) continue;
            domainNames.push_back(data.domains[d].name);
            anyDomainMarks = anyDomainMarks || data.domains[d].markCount > 0;
        }
        filters.push_back(plural(static_cast<int>(domainNames.size()), "domain ", "domains ") +
                          joinNames(domainNames, " or "));
    }
    if (!q.facets.empty()) {
        std::vector<std::string> facetNames;
        for (const Facet& f : data.facets)
            if (q.facets.count(f.id)) facetNames.push_back(f.name);
        if (facetNames.empty()) facetNames.push_back("(unknown)");
        filters.push_back("why Rust: " + joinNames(facetNames, " or "));
    }
    if (!q.includeInferred) filters.push_back("stated marks only");
    std::string out = "No adopter matches ";
    out += filters.size() == 1 ? "the filter: " : "all filters: ";
    out += joinNames(filters, "; ");
    out += '.';
    if (!q.domains.empty() && !anyDomainMarks)
        out += " The document names no adopter for " + joinNames(domainNames, " or ") + '.';
    out += " Clear a filter to see more.";
    return out;
}

} // namespace

const MatrixCell* MatrixView::cellAt(int row, int col) const {
    if (row < 0 || static_cast<size_t>(row) + 1 >= rowCellStart.size()) return nullptr;
    const auto first =
        cells.begin() + static_cast<std::ptrdiff_t>(rowCellStart[static_cast<size_t>(row)]);
    const auto last =
        cells.begin() + static_cast<std::ptrdiff_t>(rowCellStart[static_cast<size_t>(row) + 1]);
    const auto it = std::lower_bound(
        first, last, col, [](const MatrixCell& c, int wanted) { return c.col < wanted; });
    return it != last && it->col == col ? &*it : nullptr;
}

MatrixView buildMatrix(const AdoptersData& data, const MatrixQuery& query) {
    MatrixView view;
    view.pivot = query.pivot;
    const size_t adopterCount = data.adopters.size();
    const size_t domainCount = data.domains.size();

    std::vector<bool> domainVisible(domainCount, query.domains.empty());
    int visibleDomains = query.domains.empty() ? static_cast<int>(domainCount) : 0;
    if (!query.domains.empty()) {
        for (size_t d = 0; d < domainCount; ++d) {
            if (query.domains.count(data.domains[d].id)) {
                domainVisible[d] = true;
                ++visibleDomains;
            }
        }
    }
    std::vector<bool> facetWanted(data.facets.size(), false);
    for (size_t f = 0; f < data.facets.size(); ++f)
        facetWanted[f] = query.facets.count(data.facets[f].id) > 0;

    // Each text word is tested once per distinct quote, then per adopter by quote id.
    const std::vector<std::string> words = splitWords(asciiLower(query.text));
    std::vector<std::vector<bool>> quoteMatches(words.size());
    for (size_t w = 0; w < words.size(); ++w) {
        quoteMatches[w].resize(data.quoteSearchText.size());
        for (size_t q = 0; q < data.quoteSearchText.size(); ++q)
            quoteMatches[w][q] = data.quoteSearchText[q].find(words[w]) != std::string::npos;
    }
    auto matchesText = [&](const Adopter& a) {
        for (size_t w = 0; w < words.size(); ++w) {
            if (a.searchKey.find(words[w]) != std::string::npos) continue;
            const std::vector<bool>& hits = quoteMatches[w];
            auto quoted = [&](const Evidence& e) {
                return e.quoteId >= 0 && hits[static_cast<size_t>(e.quoteId)];
            };
            bool found = false;
            for (const Mark& m : a.marks) {
                found = std::any_of(m.evidence.begin(), m.evidence.end(), quoted);
                if (found) break;
            }
            for (size_t f = 0; !found && f < a.facets.size(); ++f)
                found = quoted(a.facets[f].evidence);
            if (!found) return false;
        }
        return true;
    };
    auto markVisible = [&](const Mark& m) {
        return domainVisible[static_cast<size_t>(m.domain)] &&
               (query.includeInferred || m.strength == Strength::Stated);
    };

    // Visible adopters (file order) and the visible mark counts per adopter and per domain.
    std::vector<int> adopterMarks(adopterCount, 0);
    std::vector<int> domainMarks(domainCount, 0);
    std::vector<int> adopters;
    adopters.reserve(adopterCount);
    for (size_t i = 0; i < adopterCount; ++i) {
        const Adopter& a = data.adopters[i];
        if (!query.facets.empty()) {
            const bool any =
                std::any_of(a.facets.begin(), a.facets.end(), [&](const FacetClaim& c) {
                    return facetWanted[static_cast<size_t>(c.facet)];
                });
            if (!any) continue;
        }
        int visible = 0;
        for (const Mark& m : a.marks) visible += markVisible(m) ? 1 : 0;
        if (visible == 0) continue;
        if (!words.empty() && !matchesText(a)) continue;
        adopterMarks[i] = visible;
        for (const Mark& m : a.marks)
            if (markVisible(m)) ++domainMarks[static_cast<size_t>(m.domain)];
        adopters.push_back(static_cast<int>(i));
    }
    std::vector<int> domains;
    domains.reserve(domainCount);
    for (size_t d = 0; d < domainCount; ++d)
        if (domainVisible[d]) domains.push_back(static_cast<int>(d));

    const AxisSort adopterSort = query.pivot ? query.colSort : query.rowSort;
    const AxisSort domainSort = query.pivot ? query.rowSort : query.colSort;
    adopters = orderAxis(adopters, adopterSort, data.adopterNameRank, adopterMarks);
    domains = orderAxis(domains, domainSort, data.domainNameRank, domainMarks);

    // Display position of each domain / adopter.
    std::vector<int> domainPos(domainCount, -1);
    for (size_t p = 0; p < domains.size(); ++p)
        domainPos[static_cast<size_t>(domains[p])] = static_cast<int>(p);

    if (!query.pivot) {
        view.rows = adopters;
        view.cols = domains;
        view.cells.reserve(adopters.size() * 2);
        view.rowCellStart.reserve(adopters.size() + 1);
        for (size_t r = 0; r < adopters.size(); ++r) {
            view.rowCellStart.push_back(view.cells.size());
            const Adopter& a = data.adopters[static_cast<size_t>(adopters[r])];
            const size_t first = view.cells.size();
            for (size_t m = 0; m < a.marks.size(); ++m) {
                if (!markVisible(a.marks[m])) continue;
                const int d = a.marks[m].domain;
                view.cells.push_back({static_cast<int>(r), domainPos[static_cast<size_t>(d)],
                                      adopters[r], d, static_cast<int>(m), a.marks[m].strength});
            }
            std::sort(view.cells.begin() + static_cast<std::ptrdiff_t>(first), view.cells.end(),
                      [](const MatrixCell& x, const MatrixCell& y) { return x.col < y.col; });
        }
        view.rowCellStart.push_back(view.cells.size());
    } else {
        view.rows = domains;
        view.cols = adopters;
        // Bucket the marks by domain row; walking adopters in column order keeps rows sorted.
        view.rowCellStart.assign(domains.size() + 1, 0);
        for (const int d : domains)
            view.rowCellStart[static_cast<size_t>(domainPos[static_cast<size_t>(d)]) + 1] =
                static_cast<size_t>(domainMarks[static_cast<size_t>(d)]);
        for (size_t r = 1; r < view.rowCellStart.size(); ++r)
            view.rowCellStart[r] += view.rowCellStart[r - 1];
        view.cells.resize(view.rowCellStart.back());
        std::vector<size_t> fill(view.rowCellStart.begin(), view.rowCellStart.end() - 1);
        for (size_t c = 0; c < adopters.size(); ++c) {
            const Adopter& a = data.adopters[static_cast<size_t>(adopters[c])];
            for (size_t m = 0; m < a.marks.size(); ++m) {
                if (!markVisible(a.marks[m])) continue;
                const int d = a.marks[m].domain;
                const int row = domainPos[static_cast<size_t>(d)];
                view.cells[fill[static_cast<size_t>(row)]++] = {
                    row, static_cast<int>(c), adopters[c],
                    d,   static_cast<int>(m), a.marks[m].strength};
            }
        }
    }

    auto totals = [&](const std::vector<int>& axis, bool isAdopters) {
        std::vector<int> out;
        out.reserve(axis.size());
        for (const int i : axis)
            out.push_back(isAdopters ? adopterMarks[static_cast<size_t>(i)]
                                     : domainMarks[static_cast<size_t>(i)]);
        return out;
    };
    view.rowTotals = totals(view.rows, !query.pivot);
    view.colTotals = totals(view.cols, query.pivot);

    view.counts.adopters = static_cast<int>(adopters.size());
    view.counts.totalAdopters = static_cast<int>(adopterCount);
    view.counts.domains = visibleDomains;
    view.counts.totalDomains = static_cast<int>(domainCount);
    view.counts.marks = static_cast<int>(view.cells.size());
    view.countsText =
        std::to_string(view.counts.adopters) + " of " + std::to_string(view.counts.totalAdopters) +
        plural(view.counts.totalAdopters, " adopter", " adopters") + " \xC2\xB7 " +
        std::to_string(view.counts.domains) + " of " + std::to_string(view.counts.totalDomains) +
        plural(view.counts.totalDomains, " domain", " domains");
    if (view.empty())
        view.emptyExplanation = explainEmpty(data, query, domainVisible, visibleDomains);
    return view;
}

const std::string& rowId(const MatrixView& view, const AdoptersData& data, int row) {
    const size_t i = static_cast<size_t>(view.rows[static_cast<size_t>(row)]);
    return view.pivot ? data.domains[i].id : data.adopters[i].id;
}
const std::string& rowLabel(const MatrixView& view, const AdoptersData& data, int row) {
    const size_t i = static_cast<size_t>(view.rows[static_cast<size_t>(row)]);
    return view.pivot ? data.domains[i].name : data.adopters[i].name;
}
const std::string& colId(const MatrixView& view, const AdoptersData& data, int col) {
    const size_t i = static_cast<size_t>(view.cols[static_cast<size_t>(col)]);
    return view.pivot ? data.adopters[i].id : data.domains[i].id;
}
const std::string& colLabel(const MatrixView& view, const AdoptersData& data, int col) {
    const size_t i = static_cast<size_t>(view.cols[static_cast<size_t>(col)]);
    return view.pivot ? data.adopters[i].name : data.domains[i].name;
}

} // namespace rx
