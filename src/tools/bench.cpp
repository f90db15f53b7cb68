// explorer-tool bench: timings of the core on this machine. Method: every figure is
// one operation repeated N times back to back on warm data, each call timed alone with
// steady_clock; we report the median (and p95/min/max) in microseconds. A result is folded into
// a checksum so the optimiser cannot drop the work.
#include "commands.h"
#include "content_dir.h"

#include "adopters.h"
#include "document.h"
#include "matrix.h"
#include "search.h"
#include "synthetic_adopters.h"
#include "tool_args.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace rx {
namespace {

using json = nlohmann::json;

const char* const kUsage =
    "usage: explorer-tool bench [--content DIR] [--reps N] [--adopters N] [--domains M] [--json]\n"
    "Times the core: document parse, search index and queries, adopters load, and matrix\n"
    "filter+sort at scale (synthetic N x M adopters, default 10000 x 100). Median of N runs.\n";

struct Timing {
    std::string name;
    std::string what; // one line: what one run does
    int runs = 0;
    double medianUs = 0, p95Us = 0, minUs = 0, maxUs = 0;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t i = static_cast<size_t>(std::lround(p * static_cast<double>(v.size() - 1)));
    return v[std::min(i, v.size() - 1)];
}

size_t gSink = 0; // results fold in here so the timed work stays

// Times a sequence of different operations (e.g. successive filter changes), each once per
// round, `rounds` times; the statistics are over every single call.
Timing timeSequence(const std::string& name, const std::string& what, int rounds,
                    const std::vector<std::function<size_t()>>& ops) {
    for (const auto& op : ops) gSink += op();
    std::vector<double> us;
    for (int r = 0; r < rounds; ++r)
        for (const auto& op : ops) {
            const auto t0 = std::chrono::steady_clock::now();
            gSink += op();
            const auto t1 = std::chrono::steady_clock::now();
            us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
        }
    Timing t;
    t.name = name;
    t.what = what;
    t.runs = static_cast<int>(us.size());
    t.medianUs = percentile(us, 0.5);
    t.p95Us = percentile(us, 0.95);
    t.minUs = us.empty() ? 0 : *std::min_element(us.begin(), us.end());
    t.maxUs = us.empty() ? 0 : *std::max_element(us.begin(), us.end());
    return t;
}

// Times `op` once per run, `runs` times (after one untimed warm-up call).
Timing timeIt(const std::string& name, const std::string& what, int runs,
              const std::function<size_t()>& op) {
    return timeSequence(name, what, runs, {op});
}

// Every prefix of `text`: what the filter sees while someone types it.
std::vector<std::string> prefixes(const std::string& text) {
    std::vector<std::string> out;
    for (size_t n = 1; n <= text.size(); ++n) out.push_back(text.substr(0, n));
    return out;
}

size_t viewSize(const MatrixTable& v) {
    return v.rows.size() * 31 + v.cells.size();
}

} // namespace

int runBench(int argc, char** argv) {
    std::string contentDir = "content";
    long long repsArg = 200, adoptersArg = 10000, domainsArg = 100;
    bool asJson = false;
    ToolArgs args("bench", kUsage);
    args.text("--content", contentDir)
        .count("--reps", 1, 1000000, repsArg)
        .count("--adopters", 0, 1000000, adoptersArg)
        .count("--domains", 1, 10000, domainsArg)
        .flag("--json", asJson);
    if (const auto exit = args.parse(argc, argv)) return *exit;
    const int reps = static_cast<int>(repsArg), adopters = static_cast<int>(adoptersArg),
              domains = static_cast<int>(domainsArg);

    ContentDir content = loadContentDir(contentDir);
    if (content.documentName.empty() || content.doc.sections.empty()) {
        std::fprintf(stderr, "bench: no document loaded from %s\n", contentDir.c_str());
        for (const Diagnostic& d : content.errors) std::fprintf(stderr, "%s\n", format(d).c_str());
        return 1;
    }
    std::string markdown, error;
    if (!readContentFile(contentDir + "/" + content.documentName, markdown, error)) {
        std::fprintf(stderr, "bench: %s\n", error.c_str());
        return 1;
    }
    const Document& doc = content.doc;
    std::vector<Timing> out;

    out.push_back(
        timeIt("parse document", std::to_string(markdown.size()) + " bytes of Markdown", reps,
               [&] { return parseDocument(markdown, content.documentName).doc.itemCount(); }));
    out.push_back(timeIt("build search index", std::to_string(doc.itemCount()) + " cards", reps,
                         [&] { return buildSearchIndex(doc).cards.size(); }));
    const SearchIndex index = buildSearchIndex(doc);
    std::vector<std::function<size_t()>> searches;
    for (const std::string& q : prefixes("memory safety"))
        searches.push_back([&index, q] { return search(index, q).matches; });
    out.push_back(timeSequence("search (typing)",
                               "each prefix of \"memory safety\" over every card", reps / 4 + 1,
                               searches));

    if (content.hasAdopters) {
        std::string adoptersJson;
        if (readContentFile(contentDir + "/adopters.json", adoptersJson, error))
            out.push_back(timeIt(
                "load adopters (seed)", std::to_string(adoptersJson.size()) + " bytes", reps, [&] {
                    return loadAdopters(adoptersJson, "adopters.json", doc).data.adopters.size();
                }));
    }

    SyntheticSpec spec;
    spec.adopters = adopters;
    spec.domains = domains;
    spec.seed = 1;
    const std::string synthetic = generateAdoptersJson(doc, spec);
    const std::string scale = std::to_string(adopters) + " x " + std::to_string(domains);
    out.push_back(timeIt(
        "load adopters " + scale,
        std::to_string(synthetic.size() / 1024) + " KB JSON: parse, check every quote, index",
        std::max(3, reps / 40),
        [&] { return loadAdopters(synthetic, "adopters.json", doc).data.adopters.size(); }));
    const LoadedAdopters big = loadAdopters(synthetic, "adopters.json", doc);
    if (!big.errors.empty())
        std::fprintf(stderr, "bench: synthetic adopters have %zu errors (first: %s)\n",
                     big.errors.size(), format(big.errors.front()).c_str());
    const AdoptersData& data = big.data;

    // Filter changes as the UI makes them: typing a text filter, toggling domains and facets,
    // stated-only, sorting, pivoting. Each builds the whole view (filter + sort + cells).
    std::vector<MatrixQuery> queries;
    for (const std::string& p : prefixes("memory safe")) {
        MatrixQuery q;
        q.text = p;
        queries.push_back(q);
    }
    {
        MatrixQuery q;
        for (size_t d = 0; d < data.domains.size() && d < 10; ++d)
            q.domains.insert(data.domains[d].id);
        queries.push_back(q);
        if (!data.facets.empty()) q.facets.insert(data.facets.front().id);
        queries.push_back(q);
        q.includeInferred = false;
        queries.push_back(q);
        q = MatrixQuery();
        q.rowSort = AxisSort::NameAsc;
        queries.push_back(q);
        q.rowSort = AxisSort::MarksDesc;
        q.colSort = AxisSort::MarksDesc;
        queries.push_back(q);
        q.pivot = true;
        queries.push_back(q);
        queries.push_back(MatrixQuery());
    }
    std::vector<std::function<size_t()>> builds;
    builds.reserve(queries.size());
    for (const MatrixQuery& q : queries)
        builds.push_back([&data, q] { return viewSize(buildMatrix(data, q)); });
    out.push_back(timeSequence("matrix filter+sort " + scale,
                               std::to_string(queries.size()) +
                                   " filter changes (typing, domains, facet, stated, sort, pivot)",
                               std::max(3, reps / 10), builds));
    MatrixQuery all;
    out.push_back(timeIt("matrix unfiltered " + scale, "no filter, document order", reps / 4 + 1,
                         [&] { return viewSize(buildMatrix(data, all)); }));

    if (asJson) {
        json j = json::array();
        for (const Timing& t : out)
            j.push_back({{"name", t.name},
                         {"what", t.what},
                         {"runs", t.runs},
                         {"medianUs", t.medianUs},
                         {"p95Us", t.p95Us},
                         {"minUs", t.minUs},
                         {"maxUs", t.maxUs}});
        json root = {{"method", "each call timed alone (steady_clock), median/p95 over runs after "
                                "one warm-up"},
                     {"timings", j},
                     {"checksum", gSink}};
        std::printf("%s\n", root.dump(2).c_str());
        return 0;
    }
    std::printf("%-34s %10s %10s %10s %6s  %s\n", "core (native)", "median us", "p95 us", "max us",
                "runs", "one run");
    for (const Timing& t : out)
        std::printf("%-34s %10.1f %10.1f %10.1f %6d  %s\n", t.name.c_str(), t.medianUs, t.p95Us,
                    t.maxUs, t.runs, t.what.c_str());
    std::printf("(checksum %zu)\n", gSink);
    return 0;
}

} // namespace rx
