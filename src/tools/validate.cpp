#include "commands.h"
#include "content_dir.h"
#include "tool_args.h"

#include <cstdio>
#include <string>

namespace rx {

// Every problem the core finds while loading the content folder, one `file:line:col: message`
// line each on stdout (the same list as the in-app error panel), then a summary on stderr.
int runValidate(int argc, char** argv) {
    std::string contentDir = "content";
    ToolArgs args("validate", "usage: explorer-tool validate [--content DIR]\n");
    args.text("--content", contentDir);
    if (const auto exit = args.parse(argc, argv)) return *exit;
    const ContentDir content = loadContentDir(contentDir);
    for (const Diagnostic& d : content.errors) std::printf("%s\n", format(d).c_str());
    // The summary goes to stderr so stdout stays exactly the list the in-app panel shows.
    size_t items = 0;
    for (const Section& s : content.doc.sections) items += s.items.size();
    const size_t count = content.errors.size();
    std::fprintf(stderr, "%s: %zu %s; loaded %zu sections, %zu cards, %zu adopters, %zu tags\n",
                 contentDir.c_str(), count, count == 1 ? "problem" : "problems",
                 content.doc.sections.size(), items, content.adopters.adopters.size(),
                 content.vocabulary.tags.size());
    return count == 0 ? 0 : 1;
}

} // namespace rx
