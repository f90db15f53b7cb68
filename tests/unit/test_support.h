// Shared by the unit tests: repository files and the real document, parsed once.
#pragma once
#include "core/document.h"

#include <string>

namespace rx::test {

// A file of the repository, as bytes ("" when missing: the test's checks then fail visibly).
// Defined in repo_files.cpp, the one file compiled with the clone's path.
std::string readRepoFile(const std::string& relativePath);

// content/rust-overview.md, parsed once for all tests.
inline const rx::Document& realDocument() {
    static const rx::ParsedDocument parsed =
        rx::parseDocument(readRepoFile("content/rust-overview.md"), "rust-overview.md");
    return parsed.doc;
}

} // namespace rx::test
