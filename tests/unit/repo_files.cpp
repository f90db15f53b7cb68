// The repository's path is compiled into this file alone (RX_SOURCE_DIR, CMakeLists.txt): every
// other test object is the same in any clone, so the compiler cache serves a fresh clone.
#include "test_support.h"

#include <fstream>
#include <sstream>

namespace rx::test {

std::string readRepoFile(const std::string& relativePath) {
    std::ifstream file(std::string(RX_SOURCE_DIR) + "/" + relativePath, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

} // namespace rx::test
