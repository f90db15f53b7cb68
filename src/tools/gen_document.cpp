#include "commands.h"

#include "synthetic_document.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

namespace rx {
namespace {

const char* const kUsage =
    "usage: explorer-tool gen-document --sections N --entries M [--seed S]\n"
    "Writes a synthetic document of the seed's shape (N sections of M cards) to stdout.\n";

} // namespace

int runGenDocument(int argc, char** argv) {
    long long sections = -1, entries = -1, seed = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "gen-document: %s needs a value\n%s", arg.c_str(), kUsage);
            return 2;
        }
        const char* value = argv[++i];
        bool ok = true;
        if (arg == "--sections")
            ok = parseCountArg(value, 1, 100000, sections);
        else if (arg == "--entries")
            ok = parseCountArg(value, 1, 100000, entries);
        else if (arg == "--seed")
            ok = parseCountArg(value, 0, 0x7fffffffffffffffLL, seed);
        else {
            std::fprintf(stderr, "gen-document: unknown option %s\n%s", arg.c_str(), kUsage);
            return 2;
        }
        if (!ok) {
            std::fprintf(stderr, "gen-document: bad value for %s: %s\n", arg.c_str(), value);
            return 2;
        }
    }
    if (sections < 0 || entries < 0) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    SyntheticDocumentSpec spec;
    spec.sections = static_cast<int>(sections);
    spec.entries = static_cast<int>(entries);
    spec.seed = static_cast<uint64_t>(seed);
    std::cout << generateDocumentMarkdown(spec);
    return std::cout ? 0 : 1;
}

} // namespace rx
