// Where the repository is comes at run time (main.cpp's --source-dir, CTest and ./build.sh pass
// it), not compiled in: every test object, and so the linked test binary, is the same in any
// clone, and the compiler and link caches serve a fresh clone.
#include "test_support.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace rx::test {
namespace {

std::string& repoRoot() {
    static std::string root;
    return root;
}

bool isRepo(const std::string& dir) {
    return std::ifstream(dir + "/CMakePresets.json").good() &&
           std::ifstream(dir + "/content/rust-overview.md").good();
}

// --source-dir, else RX_SOURCE_DIR, else the working folder or the one two levels up (a run
// from the repository or from build/<preset>).
const std::string& resolvedRoot() {
    static bool resolved = false;
    if (resolved) return repoRoot();
    resolved = true;
    if (repoRoot().empty())
        if (const char* env = std::getenv("RX_SOURCE_DIR")) repoRoot() = env;
    if (repoRoot().empty())
        for (const char* dir : {".", "..", "../.."})
            if (isRepo(dir)) {
                repoRoot() = dir;
                break;
            }
    if (repoRoot().empty() || !isRepo(repoRoot()))
        std::fprintf(stderr, "unit tests: repository not found at '%s': pass --source-dir=PATH\n",
                     repoRoot().c_str());
    return repoRoot();
}

} // namespace

void setRepoRoot(const std::string& dir) {
    repoRoot() = dir;
}

std::string readRepoFile(const std::string& relativePath) {
    std::ifstream file(resolvedRoot() + "/" + relativePath, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

} // namespace rx::test
