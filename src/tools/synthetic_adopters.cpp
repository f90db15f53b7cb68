#include "synthetic_adopters.h"
#include "synthetic_rng.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace rx {

using json = nlohmann::json;

std::vector<std::string> documentSentences(const Document& doc) {
    std::vector<std::string> sentences;
    for (const Section& s : doc.sections) {
        for (const Item& it : s.items) {
            const std::string body = normalizeSpace(it.body.plain());
            size_t start = 0;
            for (size_t i = 0; i < body.size(); ++i) {
                const char c = body[i];
                const bool end = (c == '.' || c == '!' || c == '?') &&
                                 (i + 1 == body.size() || body[i + 1] == ' ');
                if (!end) continue;
                if (i + 1 > start) sentences.push_back(body.substr(start, i + 1 - start));
                start = i + 2;
            }
            if (start < body.size()) sentences.push_back(body.substr(start));
        }
    }
    return sentences;
}

std::string generateAdoptersJson(const Document& doc, const SyntheticSpec& spec) {
    SyntheticRng rng{spec.seed};
    const std::vector<std::string> sentences = documentSentences(doc);
    static const char* const kSyllables[] = {"ka",  "ro",  "vi", "sel", "mar", "to", "ne",  "lu",
                                             "dra", "pen", "qu", "ix",  "sol", "fe", "zor", "an"};
    auto word = [&] {
        std::string w;
        const size_t n = 2 + rng.below(2);
        for (size_t i = 0; i < n; ++i) w += rng.pick(kSyllables);
        w[0] = static_cast<char>(w[0] - 'a' + 'A');
        return w;
    };

    // Quotes are clauses of those sentences (split at ", " and "; "), still exact substrings of
    // the document, and short enough that 10,000 adopters fit under kMaxContentBytes.
    std::vector<std::string> clauses;
    for (const std::string& sentence : sentences) {
        size_t start = 0;
        while (start < sentence.size()) {
            size_t end = sentence.find_first_of(",;", start);
            while (end != std::string::npos && end + 1 < sentence.size() &&
                   sentence[end + 1] != ' ')
                end = sentence.find_first_of(",;", end + 1);
            const size_t stop = end == std::string::npos ? sentence.size() : end;
            if (stop - start >= 16 && stop - start <= 90)
                clauses.push_back(sentence.substr(start, stop - start));
            start = end == std::string::npos ? sentence.size() : end + 2;
        }
    }
    const std::vector<std::string>& quotes = clauses.empty() ? sentences : clauses;

    json root = json::object();
    root["document"] = doc.source;
    json domains = json::array();
    const int domainCount = std::max(1, spec.domains);
    for (int d = 0; d < domainCount; ++d) {
        domains.push_back({{"id", "domain-" + std::to_string(d + 1)},
                           {"name", word() + " " + std::to_string(d + 1)}});
    }
    root["domains"] = domains;

    struct FacetSpec {
        const char* id;
        const char* name;
        std::vector<std::string> keywords;
        std::vector<const std::string*> quotes; // clauses holding a keyword
    };
    std::vector<FacetSpec> facets = {
        {"performance", "Performance", {"performance"}, {}},
        {"memory-safety", "Memory safety", {"safety", "safer"}, {}},
        {"security", "Security", {"security", "secure"}, {}},
        {"concurrency", "Concurrency", {"concurrency", "concurrent"}, {}},
        {"efficiency", "Efficiency", {"efficiency", "efficient"}, {}},
    };
    json facetsJson = json::array();
    for (FacetSpec& f : facets) {
        for (const std::string& s : quotes) {
            const std::string lower = asciiLower(s);
            for (const std::string& k : f.keywords)
                if (lower.find(k) != std::string::npos) {
                    f.quotes.push_back(&s);
                    break;
                }
        }
        facetsJson.push_back({{"id", f.id}, {"name", f.name}, {"keywords", f.keywords}});
    }
    root["facets"] = facetsJson;

    json adopters = json::array();
    for (int a = 0; a < spec.adopters; ++a) {
        json adopter = {{"id", "adopter-" + std::to_string(a + 1)},
                        {"name", word() + " " + word()}};
        json products = json::array();
        for (size_t p = rng.below(3); p > 0; --p) products.push_back(word());
        adopter["products"] = products;
        json claims = json::array();
        for (const FacetSpec& f : facets) {
            if (f.quotes.empty() || rng.below(5) != 0) continue;
            claims.push_back({{"id", f.id}, {"quote", *f.quotes[rng.below(f.quotes.size())]}});
        }
        adopter["facets"] = claims;
        json marks = json::array();
        if (!sentences.empty()) {
            // 1..4 marks: keeps 10,000 adopters under kMaxContentBytes.
            const size_t markCount = 1 + rng.below(std::min<size_t>(4, size_t(domainCount)));
            std::vector<bool> used(static_cast<size_t>(domainCount), false);
            for (size_t m = 0; m < markCount; ++m) {
                const size_t d = rng.below(static_cast<size_t>(domainCount));
                if (used[d]) continue;
                used[d] = true;
                json evidence = json::array();
                for (size_t e = rng.below(5) == 0 ? 2 : 1; e > 0; --e)
                    evidence.push_back({{"quote", quotes[rng.below(quotes.size())]}});
                marks.push_back({{"domain", "domain-" + std::to_string(d + 1)},
                                 {"strength", rng.below(2) == 0 ? "stated" : "inferred"},
                                 {"evidence", evidence}});
            }
        }
        adopter["marks"] = marks;
        adopters.push_back(std::move(adopter));
    }
    root["adopters"] = adopters;
    return root.dump() + "\n"; // compact: big files stay under the size limit
}

} // namespace rx
