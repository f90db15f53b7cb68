// Shared by the unit tests: repository files and the real document, parsed once.
#pragma once
#include "core/document.h"

#include <string>

namespace rx::test {

// A file of the repository, as bytes ("" when missing: the test's checks then fail visibly).
// Where the repository is: repo_files.cpp.
std::string readRepoFile(const std::string& relativePath);

// The repository's folder (main.cpp: --source-dir=PATH).
void setRepoRoot(const std::string& dir);

// content/rust-overview.md, parsed once for all tests.
inline const rx::Document& realDocument() {
    static const rx::ParsedDocument parsed =
        rx::parseDocument(readRepoFile("content/rust-overview.md"), "rust-overview.md");
    return parsed.doc;
}

} // namespace rx::test
