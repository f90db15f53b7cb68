#include "commands.h"
#include "content_dir.h"

#include "html_rendition.h"
#include "tool_args.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

namespace rx {
namespace {

const char* const kUsage =
    "usage: explorer-tool render-html --content DIR [--site DIR | --out FILE] [--title TEXT]\n"
    "Renders the content as semantic HTML. --site replaces <!--RENDITION--> in DIR/index.html;\n"
    "--out writes the fragment to FILE; neither writes it to stdout.\n";

const char* const kMarker = "<!--RENDITION-->";

bool writeFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    return bool(out);
}

} // namespace

int runRenderHtml(int argc, char** argv) {
    std::string contentDir, siteDir, outFile, title;
    ToolArgs args("render-html", kUsage);
    args.text("--content", contentDir, ToolArgs::kRequired)
        .text("--site", siteDir)
        .text("--out", outFile)
        .text("--title", title);
    if (const auto exit = args.parse(argc, argv)) return *exit;

    const ContentDir content = loadContentDir(contentDir);
    for (const Diagnostic& d : content.errors)
        std::fprintf(stderr, "render-html: warning: %s\n", format(d).c_str());
    if (content.doc.sections.empty()) {
        std::fputs("render-html: the document has no sections; nothing to render\n", stderr);
        return 1;
    }

    RenditionInput input;
    input.doc = &content.doc;
    input.adopters = content.hasAdopters ? &content.adopters : nullptr;
    input.vocabulary = &content.vocabulary;
    input.tags = &content.tags;
    if (!title.empty()) input.title = title;
    const std::string html = renderHtml(input);

    if (!siteDir.empty()) {
        const std::string page = siteDir + "/index.html";
        std::string shell, error;
        if (!readContentFile(page, shell, error)) {
            std::fprintf(stderr, "render-html: %s: %s\n", page.c_str(), error.c_str());
            return 1;
        }
        const size_t at = shell.find(kMarker);
        if (at == std::string::npos) {
            std::fprintf(stderr, "render-html: %s has no %s marker\n", page.c_str(), kMarker);
            return 1;
        }
        shell.replace(at, std::strlen(kMarker), html);
        if (!writeFile(page, shell)) {
            std::fprintf(stderr, "render-html: cannot write %s\n", page.c_str());
            return 1;
        }
        return 0;
    }
    if (!outFile.empty()) {
        if (!writeFile(outFile, html)) {
            std::fprintf(stderr, "render-html: cannot write %s\n", outFile.c_str());
            return 1;
        }
        return 0;
    }
    std::fwrite(html.data(), 1, html.size(), stdout);
    return 0;
}

} // namespace rx
