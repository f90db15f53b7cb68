// The one doctest main of the unit test binary; every other test file only includes doctest.
// `--source-dir=PATH` names the repository whose files the tests read (test_support.h); doctest
// ignores options it does not know.
#define DOCTEST_CONFIG_IMPLEMENT
#include "test_support.h"

#include <doctest/doctest.h>

#include <cstring>

int main(int argc, char** argv) {
    constexpr const char* kSourceDir = "--source-dir=";
    for (int i = 1; i < argc; ++i)
        if (std::strncmp(argv[i], kSourceDir, std::strlen(kSourceDir)) == 0)
            rx::test::setRepoRoot(argv[i] + std::strlen(kSourceDir));
    doctest::Context context(argc, argv);
    return context.run();
}
