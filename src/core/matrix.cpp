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
                         const std::vector<char>& domainVisible, int visibleDomains) {
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

    std::vector<char> domainVisible(domainCount, query.domains.empty() ? 1 : 0);
    int visibleDomains = query.domains.empty() ? static_cast<int>(domainCount) : 0;
    if (!query.domains.empty()) {
        for (size_t d = 0; d < domainCount; ++d) {
            if (query.domains.count(data.domains[d].id)) {
                domainVisible[d] = 1;
                ++visibleDomains;
            }
        }
    }
    std::vector<char> facetWanted(data.facets.size(), 0);
    for (size_t f = 0; f < data.facets.size(); ++f)
        facetWanted[f] = query.facets.count(data.facets[f].id) > 0 ? 1 : 0;

    // Data built by hand (not by loadAdopters) lacks the flat arrays: derive them here.
    AdoptersData derived;
    const AdoptersData* flat = &data;
    if (data.markStart.size() != adopterCount + 1) {
        derived.markStart.assign(1, 0);
        derived.facetStart.assign(1, 0);
        derived.quoteIdStart.assign(1, 0);
        for (const Adopter& a : data.adopters) {
            for (const Mark& m : a.marks) derived.flatMarks.push_back({m.domain, m.strength});
            derived.markStart.push_back(static_cast<int>(derived.flatMarks.size()));
            for (const FacetClaim& c : a.facets) derived.flatFacets.push_back(c.facet);
            derived.facetStart.push_back(static_cast<int>(derived.flatFacets.size()));
            for (const Mark& m : a.marks)
                for (const Evidence& e : m.evidence) derived.flatQuoteIds.push_back(e.quoteId);
            for (const FacetClaim& c : a.facets) derived.flatQuoteIds.push_back(c.evidence.quoteId);
            derived.quoteIdStart.push_back(static_cast<int>(derived.flatQuoteIds.size()));
            derived.searchKeyStart.push_back(derived.searchKeys.size());
            derived.searchKeys += a.searchKey;
            derived.searchKeys.push_back('\0');
        }
        flat = &derived;
    }
    const std::vector<AdoptersData::FlatMark>& marks = flat->flatMarks;
    const std::vector<int>& markStart = flat->markStart;

    // Text: each word is searched once in the joined name/product keys and once per distinct
    // quote; an adopter passes a word when its key or one of its quotes holds it.
    const std::vector<std::string> words = splitWords(asciiLower(query.text));
    std::vector<char> textOk(words.empty() ? 0 : adopterCount, 1);
    for (const std::string& word : words) {
        std::vector<char> hit(adopterCount, 0);
        const std::string& keys = flat->searchKeys;
        const std::vector<size_t>& starts = flat->searchKeyStart;
        for (size_t pos = keys.find(word); pos != std::string::npos; pos = keys.find(word, pos)) {
            const auto next = std::upper_bound(starts.begin(), starts.end(), pos);
            hit[static_cast<size_t>(next - starts.begin()) - 1] = 1;
            if (next == starts.end()) break;
            pos = *next; // the rest of this key cannot add anything
        }
        std::vector<char> quoteHit(data.quoteSearchText.size(), 0);
        bool anyQuote = false;
        for (size_t q = 0; q < data.quoteSearchText.size(); ++q) {
            quoteHit[q] = data.quoteSearchText[q].find(word) != std::string::npos;
            anyQuote = anyQuote || quoteHit[q];
        }
        for (size_t i = 0; i < adopterCount; ++i) {
            if (!textOk[i] || hit[i]) continue;
            bool quoted = false;
            for (int k = flat->quoteIdStart[i];
                 anyQuote && !quoted && k < flat->quoteIdStart[i + 1]; ++k) {
                const int id = flat->flatQuoteIds[static_cast<size_t>(k)];
                quoted = id >= 0 && quoteHit[static_cast<size_t>(id)];
            }
            if (!quoted) textOk[i] = 0;
        }
    }
    const bool statedOnly = !query.includeInferred;
    auto markVisible = [&](const AdoptersData::FlatMark& m) {
        return domainVisible[static_cast<size_t>(m.domain)] &&
               (!statedOnly || m.strength == Strength::Stated);
    };

    // Visible adopters (file order) and the visible mark counts per adopter and per domain.
    std::vector<int> adopterMarks(adopterCount, 0);
    std::vector<int> domainMarks(domainCount, 0);
    std::vector<int> adopters;
    adopters.reserve(adopterCount);
    for (size_t i = 0; i < adopterCount; ++i) {
        const size_t first = static_cast<size_t>(markStart[i]);
        const size_t last = static_cast<size_t>(markStart[i + 1]);
        int visible = 0;
        for (size_t k = first; k < last; ++k) visible += markVisible(marks[k]) ? 1 : 0;
        if (visible == 0) continue;
        if (!words.empty() && !textOk[i]) continue;
        if (!query.facets.empty()) {
            bool any = false;
            for (int k = flat->facetStart[i]; !any && k < flat->facetStart[i + 1]; ++k)
                any =
                    facetWanted[static_cast<size_t>(flat->flatFacets[static_cast<size_t>(k)])] != 0;
            if (!any) continue;
        }
        adopterMarks[i] = visible;
        for (size_t k = first; k < last; ++k)
            if (markVisible(marks[k])) ++domainMarks[static_cast<size_t>(marks[k].domain)];
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
            const size_t i = static_cast<size_t>(adopters[r]);
            const size_t first = view.cells.size();
            for (int k = markStart[i]; k < markStart[i + 1]; ++k) {
                const AdoptersData::FlatMark& m = marks[static_cast<size_t>(k)];
                if (!markVisible(m)) continue;
                view.cells.push_back({static_cast<int>(r), domainPos[static_cast<size_t>(m.domain)],
                                      adopters[r], m.domain, k - markStart[i], m.strength});
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
            const size_t i = static_cast<size_t>(adopters[c]);
            for (int k = markStart[i]; k < markStart[i + 1]; ++k) {
                const AdoptersData::FlatMark& m = marks[static_cast<size_t>(k)];
                if (!markVisible(m)) continue;
                const int row = domainPos[static_cast<size_t>(m.domain)];
                view.cells[fill[static_cast<size_t>(row)]++] = {
                    row, static_cast<int>(c), adopters[c], m.domain, k - markStart[i], m.strength};
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
