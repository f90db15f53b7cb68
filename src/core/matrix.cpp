#include "matrix.h"

#include <algorithm>
#include <string_view>

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

// Whether `hay` holds the non-empty `needle`. A plain loop: std::string_view::find calls out to
// memchr and memcmp at every candidate position in the size-optimised wasm build.
bool contains(std::string_view hay, const std::string& needle) {
    const size_t n = needle.size();
    if (n > hay.size()) return false;
    const char* p = hay.data();
    const char* const end = p + (hay.size() - n);
    const char* const w = needle.data();
    for (; p <= end; ++p) {
        if (*p != w[0]) continue;
        size_t k = 1;
        while (k < n && p[k] == w[k]) ++k;
        if (k == n) return true;
    }
    return false;
}

// Orders `items` (data indices) by `sort` into `out`; `rank` is the name rank per data index and
// `count` the visible marks per data index. Linear time: name order comes from the precomputed
// rank, mark order from a stable counting sort.
void orderAxis(const std::vector<int>& items, AxisSort sort, const std::vector<int>& rank,
               const std::vector<int>& count, std::vector<int>& out) {
    const int* item = items.data();
    const size_t n = items.size();
    if (sort == AxisSort::Document) {
        out.resize(n);
        std::copy(item, item + n, out.data());
        return;
    }
    out.clear();
    if (sort == AxisSort::NameAsc || sort == AxisSort::NameDesc) {
        std::vector<int> byRank(rank.size(), -1);
        for (size_t j = 0; j < n; ++j) byRank[static_cast<size_t>(rank[item[j]])] = item[j];
        out.reserve(n);
        for (const int i : byRank)
            if (i >= 0) out.push_back(i);
        if (sort == AxisSort::NameDesc) std::reverse(out.begin(), out.end());
        return;
    }
    const int* countOf = count.data();
    int maxCount = 0;
    for (size_t j = 0; j < n; ++j) maxCount = std::max(maxCount, countOf[item[j]]);
    std::vector<size_t> start(static_cast<size_t>(maxCount) + 2, 0);
    const bool desc = sort == AxisSort::MarksDesc;
    for (size_t j = 0; j < n; ++j) {
        const int c = countOf[item[j]];
        ++start[static_cast<size_t>(desc ? maxCount - c : c) + 1];
    }
    for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
    out.resize(n);
    for (size_t j = 0; j < n; ++j) {
        const int c = countOf[item[j]];
        out[start[static_cast<size_t>(desc ? maxCount - c : c)]++] = item[j];
    }
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

const char* axisSortKey(AxisSort sort) {
    switch (sort) {
    case AxisSort::NameAsc:
        return "name";
    case AxisSort::NameDesc:
        return "-name";
    case AxisSort::MarksDesc:
        return "-count";
    case AxisSort::MarksAsc:
        return "count";
    case AxisSort::Document:
        break;
    }
    return "";
}

AxisSort axisSortFromKey(std::string_view key) {
    if (key == "name") return AxisSort::NameAsc;
    if (key == "-name") return AxisSort::NameDesc;
    if (key == "-count") return AxisSort::MarksDesc;
    if (key == "count") return AxisSort::MarksAsc;
    return AxisSort::Document;
}

const char* axisSortLabel(AxisSort sort) {
    switch (sort) {
    case AxisSort::NameAsc:
        return "Name A\xE2\x80\x93Z";
    case AxisSort::NameDesc:
        return "Name Z\xE2\x80\x93"
               "A";
    case AxisSort::MarksDesc:
        return "Most marks first";
    case AxisSort::MarksAsc:
        return "Fewest marks first";
    case AxisSort::Document:
        break;
    }
    return "Document order";
}

const MatrixCell* MatrixTable::cellAt(int row, int col) const {
    if (row < 0 || static_cast<size_t>(row) + 1 >= rowCellStart.size()) return nullptr;
    const auto first =
        cells.begin() + static_cast<std::ptrdiff_t>(rowCellStart[static_cast<size_t>(row)]);
    const auto last =
        cells.begin() + static_cast<std::ptrdiff_t>(rowCellStart[static_cast<size_t>(row) + 1]);
    const auto it = std::lower_bound(
        first, last, col, [](const MatrixCell& c, int wanted) { return c.col < wanted; });
    return it != last && it->col == col ? &*it : nullptr;
}

bool MatrixBuilder::DataKey::operator==(const DataKey& o) const {
    return adopters == o.adopters && adopterCount == o.adopterCount && keys == o.keys &&
           marks == o.marks && quotes == o.quotes && quoteCount == o.quoteCount;
}

void MatrixBuilder::reset() {
    key_ = DataKey();
    derived_ = AdoptersData();
    derivedUsed_ = false;
    recent_.clear();
    lastTextTests_ = 0;
}

// The flat arrays of `data`, or of derived_ when the data was built by hand without them.
const AdoptersData& MatrixBuilder::flatData(const AdoptersData& data) {
    if (data.markStart.size() == data.adopters.size() + 1) return data;
    if (derivedUsed_) return derived_;
    derived_ = AdoptersData();
    derived_.markStart.assign(1, 0);
    derived_.facetStart.assign(1, 0);
    derived_.quoteIdStart.assign(1, 0);
    for (const Adopter& a : data.adopters) {
        for (const Mark& m : a.marks) derived_.flatMarks.push_back({m.domain, m.strength});
        derived_.markStart.push_back(static_cast<int>(derived_.flatMarks.size()));
        for (const FacetClaim& c : a.facets) derived_.flatFacets.push_back(c.facet);
        derived_.facetStart.push_back(static_cast<int>(derived_.flatFacets.size()));
        for (const Mark& m : a.marks)
            for (const Evidence& e : m.evidence) derived_.flatQuoteIds.push_back(e.quoteId);
        for (const FacetClaim& c : a.facets) derived_.flatQuoteIds.push_back(c.evidence.quoteId);
        derived_.quoteIdStart.push_back(static_cast<int>(derived_.flatQuoteIds.size()));
        derived_.searchKeyStart.push_back(derived_.searchKeys.size());
        derived_.searchKeys += a.searchKey;
        derived_.searchKeys.push_back('\0');
    }
    derivedUsed_ = true;
    return derived_;
}

// Adopters whose key (name, products) or one of whose quotes holds every word, in file order;
// nullptr when there are no words (everyone passes). An adopter that fails a word fails every
// word containing it, so the result of earlier words that each occur inside one of `words`
// bounds this one: only its adopters are tested, and only against the words it did not have.
const std::vector<int>* MatrixBuilder::textPassing(const AdoptersData& flat,
                                                   const AdoptersData& data,
                                                   const std::vector<std::string>& words) {
    lastTextTests_ = 0;
    if (words.empty()) return nullptr;
    ++useClock_;
    const TextResult* base = nullptr;
    for (TextResult& r : recent_) {
        const bool bounds = std::all_of(r.words.begin(), r.words.end(), [&](const std::string& w) {
            return std::any_of(words.begin(), words.end(), [&](const std::string& n) {
                return n.find(w) != std::string::npos;
            });
        });
        if (!bounds) continue;
        if (r.words == words) {
            r.lastUse = useClock_;
            return &r.passing;
        }
        if (!base || r.passing.size() < base->passing.size()) base = &r;
    }
    std::vector<std::string> newWords;
    for (const std::string& w : words)
        if (!base || !std::binary_search(base->words.begin(), base->words.end(), w))
            newWords.push_back(w);

    // Which distinct quotes hold each new word (quotes come from one document: there are few).
    const size_t quoteCount = data.quoteSearchText.size();
    quoteHit_.assign(newWords.size() * quoteCount, 0);
    for (size_t w = 0; w < newWords.size(); ++w)
        for (size_t q = 0; q < quoteCount; ++q)
            quoteHit_[w * quoteCount + q] =
                data.quoteSearchText[q].find(newWords[w]) != std::string::npos;

    const size_t adopterCount = data.adopters.size();
    const std::string_view keys(flat.searchKeys);
    const size_t* keyStart = flat.searchKeyStart.data();
    const int* quoteIdStart = flat.quoteIdStart.data();
    const int* quoteIds = flat.flatQuoteIds.data();
    const char* quoteHit = quoteHit_.data();
    auto passes = [&](size_t i) {
        // Each key ends with '\0'; the key itself stops before it.
        const size_t first = keyStart[i];
        const size_t last = i + 1 < adopterCount ? keyStart[i + 1] : keys.size();
        const std::string_view key = keys.substr(first, last - first - 1);
        for (size_t w = 0; w < newWords.size(); ++w) {
            // Quotes first: a few table lookups, cheaper than scanning the key.
            const char* hit = quoteHit + w * quoteCount;
            bool quoted = false;
            for (int k = quoteIdStart[i]; !quoted && k < quoteIdStart[i + 1]; ++k)
                quoted = quoteIds[k] >= 0 && hit[quoteIds[k]];
            if (!quoted && !contains(key, newWords[w])) return false;
        }
        return true;
    };
    TextResult result;
    result.words = words;
    result.lastUse = useClock_;
    const int* candidates = base ? base->passing.data() : nullptr;
    lastTextTests_ = base ? base->passing.size() : adopterCount;
    result.passing.resize(lastTextTests_);
    int* passing = result.passing.data();
    size_t passCount = 0;
    for (size_t j = 0; j < lastTextTests_; ++j) {
        const size_t i = candidates ? static_cast<size_t>(candidates[j]) : j;
        if (passes(i)) passing[passCount++] = static_cast<int>(i);
    }
    result.passing.resize(passCount);
    result.passing.shrink_to_fit(); // kept for later builds: no spare capacity
    constexpr size_t kRecentTexts = 16;
    if (recent_.size() >= kRecentTexts) {
        const auto oldest = std::min_element(
            recent_.begin(), recent_.end(),
            [](const TextResult& a, const TextResult& b) { return a.lastUse < b.lastUse; });
        *oldest = std::move(result);
        return &oldest->passing;
    }
    recent_.push_back(std::move(result));
    return &recent_.back().passing;
}

MatrixTable MatrixBuilder::build(const AdoptersData& data, const MatrixQuery& query) {
    MatrixTable view;
    build(data, query, view);
    return view;
}

void MatrixBuilder::build(const AdoptersData& data, const MatrixQuery& query, MatrixTable& view) {
    const DataKey key{data.adopters.data(),        data.adopters.size(),
                      data.searchKeys.data(),      data.flatMarks.data(),
                      data.quoteSearchText.data(), data.quoteSearchText.size()};
    if (!(key == key_)) {
        reset();
        key_ = key;
    }
    view.pivot = query.pivot;
    const size_t adopterCount = data.adopters.size();
    const size_t domainCount = data.domains.size();

    domainVisible_.assign(domainCount, query.domains.empty() ? 1 : 0);
    int visibleDomains = query.domains.empty() ? static_cast<int>(domainCount) : 0;
    if (!query.domains.empty()) {
        for (size_t d = 0; d < domainCount; ++d) {
            if (query.domains.count(data.domains[d].id)) {
                domainVisible_[d] = 1;
                ++visibleDomains;
            }
        }
    }
    facetWanted_.assign(data.facets.size(), 0);
    for (size_t f = 0; f < data.facets.size(); ++f)
        facetWanted_[f] = query.facets.count(data.facets[f].id) > 0 ? 1 : 0;

    const AdoptersData& flat = flatData(data);

    std::vector<std::string> words = splitWords(asciiLower(query.text));
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    const std::vector<int>* textOk = textPassing(flat, data, words);

    // The loops below index raw arrays: the wasm build optimises for size (-Oz) and would call
    // out for every vector access and push_back otherwise.
    //
    // Whether a mark shows, by [domain * 3 + strength]: one lookup per mark, written out in each
    // loop (a helper would stay a call in the size-optimised wasm build).
    const bool statedOnly = !query.includeInferred;
    markShown_.assign(domainCount * 3, 0);
    for (size_t d = 0; d < domainCount; ++d) {
        if (!domainVisible_[d]) continue;
        markShown_[d * 3 + static_cast<size_t>(Strength::None)] = statedOnly ? 0 : 1;
        markShown_[d * 3 + static_cast<size_t>(Strength::Inferred)] = statedOnly ? 0 : 1;
        markShown_[d * 3 + static_cast<size_t>(Strength::Stated)] = 1;
    }
    const char* shownMark = markShown_.data();
    const AdoptersData::FlatMark* marks = flat.flatMarks.data();
    const int* markStart = flat.markStart.data();

    // Visible adopters (file order) and the visible mark counts per adopter and per domain.
    // Only adopters that end up shown have their count read, and each of those is written first:
    // no need to clear 10,000 entries per keystroke.
    adopterMarks_.resize(adopterCount);
    domainMarks_.assign(domainCount, 0);
    adopters_.resize(adopterCount);
    int* adopterMarks = adopterMarks_.data();
    int* domainMarks = domainMarks_.data();
    int* shown = adopters_.data();
    size_t shownCount = 0;
    const int* candidates = textOk ? textOk->data() : nullptr;
    const size_t candidateCount = textOk ? textOk->size() : adopterCount;
    const bool anyFacet = !query.facets.empty();
    const int* facetStart = flat.facetStart.data();
    const int* flatFacets = flat.flatFacets.data();
    const char* facetWanted = facetWanted_.data();
    for (size_t j = 0; j < candidateCount; ++j) {
        const size_t i = candidates ? static_cast<size_t>(candidates[j]) : j;
        const int first = markStart[i];
        const int last = markStart[i + 1];
        int visible = 0;
        for (int k = first; k < last; ++k)
            visible += shownMark[marks[k].domain * 3 + static_cast<int>(marks[k].strength)];
        if (visible == 0) continue;
        if (anyFacet) {
            bool any = false;
            for (int k = facetStart[i]; !any && k < facetStart[i + 1]; ++k)
                any = facetWanted[flatFacets[k]] != 0;
            if (!any) continue;
        }
        adopterMarks[i] = visible;
        for (int k = first; k < last; ++k)
            if (shownMark[marks[k].domain * 3 + static_cast<int>(marks[k].strength)])
                ++domainMarks[marks[k].domain];
        shown[shownCount++] = static_cast<int>(i);
    }
    adopters_.resize(shownCount);
    domains_.clear();
    for (size_t d = 0; d < domainCount; ++d)
        if (domainVisible_[d]) domains_.push_back(static_cast<int>(d));

    const AxisSort adopterSort = query.pivot ? query.colSort : query.rowSort;
    const AxisSort domainSort = query.pivot ? query.rowSort : query.colSort;
    std::vector<int>& adopterAxis = query.pivot ? view.cols : view.rows;
    std::vector<int>& domainAxis = query.pivot ? view.rows : view.cols;
    orderAxis(adopters_, adopterSort, data.adopterNameRank, adopterMarks_, adopterAxis);
    orderAxis(domains_, domainSort, data.domainNameRank, domainMarks_, domainAxis);
    const std::vector<int>& adopters = adopterAxis;
    const std::vector<int>& domains = domainAxis;

    // Display position of each domain.
    domainPos_.assign(domainCount, -1);
    int* domainPos = domainPos_.data();
    for (size_t p = 0; p < domains.size(); ++p) domainPos[domains[p]] = static_cast<int>(p);

    size_t cellCount = 0;
    for (const int adopter : adopters) cellCount += static_cast<size_t>(adopterMarks[adopter]);
    // Cells are plain data: a reused view only initialises what it did not hold before.
    view.cells.resize(cellCount);
    MatrixCell* cells = view.cells.data();
    if (!query.pivot) {
        view.rowCellStart.resize(adopters.size() + 1);
        size_t* rowStart = view.rowCellStart.data();
        const int* rows = adopters.data();
        size_t next = 0;
        for (size_t r = 0; r < adopters.size(); ++r) {
            rowStart[r] = next;
            const size_t rowFirst = next;
            const int i = rows[r];
            for (int k = markStart[i]; k < markStart[i + 1]; ++k) {
                const AdoptersData::FlatMark& m = marks[k];
                if (!shownMark[m.domain * 3 + static_cast<int>(m.strength)]) continue;
                const MatrixCell cell{static_cast<int>(r), domainPos[m.domain], i, m.domain,
                                      k - markStart[i],    m.strength};
                // Insertion sort by column: a row holds a few cells, often already in order.
                size_t c = next++;
                for (; c > rowFirst && cells[c - 1].col > cell.col; --c) cells[c] = cells[c - 1];
                cells[c] = cell;
            }
        }
        rowStart[adopters.size()] = next;
    } else {
        // Bucket the marks by domain row; walking adopters in column order keeps rows sorted.
        view.rowCellStart.assign(domains.size() + 1, 0);
        size_t* rowStart = view.rowCellStart.data();
        for (const int d : domains)
            rowStart[domainPos[d] + 1] = static_cast<size_t>(domainMarks[d]);
        for (size_t r = 1; r <= domains.size(); ++r) rowStart[r] += rowStart[r - 1];
        std::vector<size_t> fill(view.rowCellStart.begin(), view.rowCellStart.end() - 1);
        for (size_t c = 0; c < adopters.size(); ++c) {
            const int i = adopters[c];
            for (int k = markStart[i]; k < markStart[i + 1]; ++k) {
                const AdoptersData::FlatMark& m = marks[k];
                if (!shownMark[m.domain * 3 + static_cast<int>(m.strength)]) continue;
                const int row = domainPos[m.domain];
                cells[fill[static_cast<size_t>(row)]++] = {
                    row, static_cast<int>(c), i, m.domain, k - markStart[i], m.strength};
            }
        }
    }

    const int* rowMarks = query.pivot ? domainMarks : adopterMarks;
    const int* colMarks = query.pivot ? adopterMarks : domainMarks;
    view.rowTotals.resize(view.rows.size());
    view.colTotals.resize(view.cols.size());
    for (size_t p = 0; p < view.rows.size(); ++p) view.rowTotals[p] = rowMarks[view.rows[p]];
    for (size_t p = 0; p < view.cols.size(); ++p) view.colTotals[p] = colMarks[view.cols[p]];

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
    view.emptyExplanation.clear();
    if (view.empty())
        view.emptyExplanation = explainEmpty(data, query, domainVisible_, visibleDomains);
}

MatrixTable buildMatrix(const AdoptersData& data, const MatrixQuery& query) {
    return MatrixBuilder().build(data, query);
}

const std::string& rowId(const MatrixTable& view, const AdoptersData& data, int row) {
    const size_t i = static_cast<size_t>(view.rows[static_cast<size_t>(row)]);
    return view.pivot ? data.domains[i].id : data.adopters[i].id;
}
const std::string& rowLabel(const MatrixTable& view, const AdoptersData& data, int row) {
    const size_t i = static_cast<size_t>(view.rows[static_cast<size_t>(row)]);
    return view.pivot ? data.domains[i].name : data.adopters[i].name;
}
const std::string& colId(const MatrixTable& view, const AdoptersData& data, int col) {
    const size_t i = static_cast<size_t>(view.cols[static_cast<size_t>(col)]);
    return view.pivot ? data.adopters[i].id : data.domains[i].id;
}
const std::string& colLabel(const MatrixTable& view, const AdoptersData& data, int col) {
    const size_t i = static_cast<size_t>(view.cols[static_cast<size_t>(col)]);
    return view.pivot ? data.adopters[i].name : data.domains[i].name;
}

} // namespace rx
