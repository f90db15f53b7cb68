// libFuzzer target: the Markdown document parser must never crash, hang or read out of bounds,
// and every diagnostic it reports must carry a sane position.
#include "document.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const rx::ParsedDocument parsed = rx::parseDocument(text, "fuzz.md");
    for (const rx::Diagnostic& d : parsed.errors)
        if (d.line < 0 || d.col < 0 || d.message.empty()) std::abort();
    // Exercise the model's lookups on whatever parsed.
    for (const rx::Section& s : parsed.doc.sections) {
        if (parsed.doc.findSection(s.id) == nullptr) std::abort();
        for (const rx::Item& item : s.items)
            if (parsed.doc.findItem(item.id) == nullptr) std::abort();
        (void)rx::slugify(s.title);
    }
    return 0;
}
