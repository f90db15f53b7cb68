#include "commands.h"
#include "content_dir.h"

#include <cstdio>
#include <string>

namespace rx {

// Minimal validator (the reliability work extends it): every problem the core finds while
// loading the content folder, one `file:line:col: message` line each.
int runValidate(int argc, char** argv) {
    std::string contentDir = "content";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--content" && i + 1 < argc) {
            contentDir = argv[++i];
        } else {
            std::fputs("usage: explorer-tool validate [--content DIR]\n", stderr);
            return 2;
        }
    }
    const ContentDir content = loadContentDir(contentDir);
    for (const Diagnostic& d : content.errors) std::printf("%s\n", format(d).c_str());
    return content.errors.empty() ? 0 : 1;
}

} // namespace rx
