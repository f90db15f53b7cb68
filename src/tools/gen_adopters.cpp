#include "commands.h"

#include "adopters.h"
#include "document.h"
#include "synthetic_adopters.h"
#include "tool_args.h"

#include <cstdio>
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
    long long adopters = 0, domains = 0, seed = 1;
    std::string docPath;
    ToolArgs args("gen-adopters", kUsage);
    args.count("--adopters", 0, 1000000, adopters, ToolArgs::kRequired)
        .count("--domains", 1, 10000, domains, ToolArgs::kRequired)
        .count("--seed", 0, kMaxSeed, seed)
        .text("--doc", docPath, ToolArgs::kRequired);
    if (const auto exit = args.parse(argc, argv)) return *exit;
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
