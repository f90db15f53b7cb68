// libFuzzer target: adopters.json loading against the real document (schema checks, evidence
// lookup, facet keywords, the flat arrays the matrix filters walk, the matrix as it first shows),
// plus the tag vocabulary loader, which shares the JSON-with-positions path. Whatever loads must
// point into the document and into its own tables.
#include "adopters.h"
#include "document.h"
#include "fuzz_support.h"
#include "matrix.h"
#include "tags.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

// content/rust-overview.md, parsed once at start-up so every exec checks evidence against the
// real text without re-parsing it.
const rx::Document* gDocument = nullptr;

void checkEvidence(const rx::Evidence& e, const rx::AdoptersData& data) {
    if (e.quote.empty() || e.quoteId < 0 ||
        static_cast<size_t>(e.quoteId) >= data.quoteSearchText.size())
        std::abort();
    if (!e.sectionId.empty() && gDocument->findSection(e.sectionId) == nullptr) std::abort();
    if (!e.itemId.empty() && gDocument->findItem(e.itemId) == nullptr) std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static const rx::ParsedDocument parsed =
        rx::parseDocument(rx::fuzz::readRepoFile("content/rust-overview.md"), "rust-overview.md");
    if (!parsed.errors.empty() || parsed.doc.sections.empty()) std::abort();
    gDocument = &parsed.doc;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const rx::LoadedAdopters loaded = rx::loadAdopters(text, "adopters.json", *gDocument);
    const rx::AdoptersData& d = loaded.data;
    rx::fuzz::checkDiagnostics(loaded.errors);
    if (loaded.errors.size() > rx::kMaxAdopterDiagnostics + 1) std::abort();
    for (const rx::Adopter& a : d.adopters) {
        for (const rx::Mark& m : a.marks) {
            if (m.domain < 0 || m.domain >= static_cast<int>(d.domains.size()) ||
                m.evidence.empty() || m.strength == rx::Strength::None)
                std::abort();
            for (const rx::Evidence& e : m.evidence) checkEvidence(e, d);
        }
        for (const rx::FacetClaim& c : a.facets) {
            if (c.facet < 0 || c.facet >= static_cast<int>(d.facets.size())) std::abort();
            checkEvidence(c.evidence, d);
        }
    }
    // The flat arrays the matrix filters walk: absent (a syntax error loads nothing) or complete.
    const size_t n = d.adopters.size();
    if (d.markStart.empty()) {
        if (n != 0 || !d.domains.empty() || !d.facets.empty()) std::abort();
    } else if (d.markStart.size() != n + 1 || d.facetStart.size() != n + 1 ||
               d.quoteIdStart.size() != n + 1 || d.searchKeyStart.size() != n ||
               d.adopterNameRank.size() != n || d.domainNameRank.size() != d.domains.size() ||
               static_cast<size_t>(d.markStart.back()) != d.flatMarks.size()) {
        std::abort();
    }
    // The matrix as it first shows: every mark is one cell.
    const rx::MatrixTable view = rx::buildMatrix(d, rx::MatrixQuery{});
    size_t marks = 0;
    for (const rx::Adopter& a : d.adopters) marks += a.marks.size();
    if (view.cells.size() != marks || view.counts.marks != static_cast<int>(marks)) std::abort();

    const rx::LoadedVocabulary vocabulary = rx::loadVocabulary(text, "tags.json");
    rx::fuzz::checkDiagnostics(vocabulary.errors);
    return 0;
}
