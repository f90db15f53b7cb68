#include "commands.h"

#include "synthetic_document.h"
#include "tool_args.h"

#include <iostream>
#include <string>

namespace rx {
namespace {

const char* const kUsage =
    "usage: explorer-tool gen-document --sections N --entries M [--seed S]\n"
    "Writes a synthetic document of the seed's shape (N sections of M cards) to stdout.\n";

} // namespace

int runGenDocument(int argc, char** argv) {
    long long sections = 0, entries = 0, seed = 1;
    ToolArgs args("gen-document", kUsage);
    args.count("--sections", 1, 100000, sections, ToolArgs::kRequired)
        .count("--entries", 1, 100000, entries, ToolArgs::kRequired)
        .count("--seed", 0, kMaxSeed, seed);
    if (const auto exit = args.parse(argc, argv)) return *exit;
    SyntheticDocumentSpec spec;
    spec.sections = static_cast<int>(sections);
    spec.entries = static_cast<int>(entries);
    spec.seed = static_cast<uint64_t>(seed);
    std::cout << generateDocumentMarkdown(spec);
    return std::cout ? 0 : 1;
}

} // namespace rx
