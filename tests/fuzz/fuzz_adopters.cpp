// libFuzzer target: adopters.json loading against the seed document (evidence lookup included),
// plus the tag vocabulary loader, which shares the JSON-with-positions path.
#include "adopters.h"
#include "document.h"
#include "tags.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace {

// The seed document, read once from the repo (RX_SOURCE_DIR) so evidence checks have real text.
const rx::Document& seedDocument() {
    static const rx::Document doc = [] {
        std::ifstream file(std::string(RX_SOURCE_DIR) + "/content/rust-overview.md",
                           std::ios::binary);
        std::ostringstream bytes;
        bytes << file.rdbuf();
        if (bytes.str().empty()) std::abort(); // a fuzzer without the document proves nothing
        return rx::parseDocument(bytes.str(), "rust-overview.md").doc;
    }();
    return doc;
}

void checkDiagnostics(const rx::Diagnostics& errors) {
    for (const rx::Diagnostic& d : errors)
        if (d.line < 0 || d.col < 0 || d.message.empty()) std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const rx::LoadedAdopters loaded = rx::loadAdopters(text, "adopters.json", seedDocument());
    checkDiagnostics(loaded.errors);
    if (loaded.errors.size() > rx::kMaxAdopterDiagnostics + 1) std::abort();
    for (const rx::Adopter& a : loaded.data.adopters)
        for (const rx::Mark& m : a.marks)
            if (m.domain < 0 || m.domain >= static_cast<int>(loaded.data.domains.size()) ||
                m.evidence.empty())
                std::abort();
    const rx::LoadedVocabulary vocabulary = rx::loadVocabulary(text, "tags.json");
    checkDiagnostics(vocabulary.errors);
    return 0;
}
