#include "commands.h"

#include "adopters.h"
#include "document.h"
#include "synthetic_adopters.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace rx {
namespace {

const char* const kUsage =
    "usage: explorer-tool gen-adopters --adopters N --domains M [--seed S] --doc PATH\n"
    "Writes a synthetic adopters.json (quotes taken from the document) to stdout.\n";

} // namespace

int runGenAdopters(int argc, char** argv) {
    long long adopters = -1, domains = -1, seed = 1;
    std::string docPath;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (!hasValue) {
            std::fprintf(stderr, "gen-adopters: %s needs a value\n%s", arg.c_str(), kUsage);
            return 2;
        }
        const char* value = argv[++i];
        bool ok = true;
        if (arg == "--adopters")
            ok = parseCountArg(value, 0, 1000000, adopters);
        else if (arg == "--domains")
            ok = parseCountArg(value, 1, 10000, domains);
        else if (arg == "--seed")
            ok = parseCountArg(value, 0, 0x7fffffffffffffffLL, seed);
        else if (arg == "--doc")
            docPath = value;
        else {
            std::fprintf(stderr, "gen-adopters: unknown option %s\n%s", arg.c_str(), kUsage);
            return 2;
        }
        if (!ok) {
            std::fprintf(stderr, "gen-adopters: bad value for %s: %s\n", arg.c_str(), value);
            return 2;
        }
    }
    if (adopters < 0 || domains < 0 || docPath.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    std::ifstream in(docPath, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "gen-adopters: cannot read %s\n", docPath.c_str());
        return 1;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const std::string name = docPath.substr(docPath.find_last_of('/') + 1);
    const ParsedDocument parsed = parseDocument(text.str(), name);
    for (const Diagnostic& d : parsed.errors) std::fprintf(stderr, "%s\n", format(d).c_str());
    if (documentSentences(parsed.doc).empty()) {
        std::fprintf(stderr, "gen-adopters: %s has no sentences to quote\n", docPath.c_str());
        return 1;
    }
    SyntheticSpec spec;
    spec.adopters = static_cast<int>(adopters);
    spec.domains = static_cast<int>(domains);
    spec.seed = static_cast<uint64_t>(seed);
    std::cout << generateAdoptersJson(parsed.doc, spec);
    return std::cout ? 0 : 1;
}

} // namespace rx
