// explorer-tool: native command line over the core. `explorer-tool help` lists the subcommands
// (build.sh greps it to decide which build hooks exist).
#include "commands.h"

#include <cstdio>
#include <cstring>

namespace {

struct Command {
    const char* name;
    int (*run)(int, char**);
    const char* summary;
};

const Command kCommands[] = {
    {"validate", rx::runValidate,
     "validate [--content DIR]: print content problems as file:line:col: message"},
    {"render-html", rx::runRenderHtml,
     "render-html --content DIR (--site DIR | --out FILE): static HTML rendition"},
    {"bench", rx::runBench,
     "bench [--content DIR] [--reps N] [--adopters N] [--domains M] [--json]: core timings"},
    {"gen-adopters", rx::runGenAdopters,
     "gen-adopters --adopters N --domains M [--seed S] --doc PATH: synthetic adopters.json"},
    {"gen-document", rx::runGenDocument,
     "gen-document --sections N --entries M [--seed S]: synthetic document of the seed's shape"},
};

void printHelp(std::FILE* to) {
    std::fputs("usage: explorer-tool <command> [options]\n\ncommands:\n", to);
    std::fputs("  help: this list\n", to);
    for (const Command& c : kCommands) std::fprintf(to, "  %s\n", c.summary);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "help") || !std::strcmp(argv[1], "--help") ||
        !std::strcmp(argv[1], "-h")) {
        printHelp(stdout);
        return argc < 2 ? 2 : 0;
    }
    for (const Command& c : kCommands)
        if (!std::strcmp(argv[1], c.name)) return c.run(argc - 1, argv + 1);
    std::fprintf(stderr, "explorer-tool: unknown command '%s'\n\n", argv[1]);
    printHelp(stderr);
    return 2;
}
