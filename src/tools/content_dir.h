// Loads a content folder (content/README.md: one document *.md, optional adopters.json and
// tags.json) through the core, as the explorer does in the browser.
#pragma once
#include "adopters.h"
#include "diagnostics.h"
#include "document.h"
#include "tags.h"

#include <string>

namespace rx {

struct ContentDir {
    std::string documentName; // e.g. "rust-overview.md"
    Document doc;
    AdoptersData adopters;
    bool hasAdopters = false;
    Vocabulary vocabulary;
    TagIndex tags;
    Diagnostics errors; // file, syntax, schema and content problems; never fatal
};

// Reads `dir`. Problems (no document, unreadable or oversized file, parse and check errors) are
// in `errors`; whatever loaded is still filled in.
ContentDir loadContentDir(const std::string& dir);

// Reads a whole file; false when it cannot be read or is larger than kMaxContentBytes.
bool readContentFile(const std::string& path, std::string& out, std::string& error);

} // namespace rx
