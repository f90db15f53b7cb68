#include "model.h"

namespace rx::ui {
namespace {

const std::string* findFile(const std::map<std::string, std::string>& files,
                            const std::string& name) {
    const auto it = files.find(name);
    return it == files.end() ? nullptr : &it->second;
}

} // namespace

void Model::load() {
    errors.clear();
    // content/index.json names the files; boot.js passes them under their own names plus
    // "document" as an alias for the Markdown file.
    const std::string* markdown = findFile(files, "document");
    std::string docName = "document.md";
    if (const std::string* name = findFile(files, "document-name")) docName = *name;
    if (!markdown) {
        errors.push_back({"content/index.json", 0, 0, "no document was loaded"});
    } else {
        ParsedDocument parsed = parseDocument(*markdown, docName);
        doc = std::move(parsed.doc);
        errors.insert(errors.end(), parsed.errors.begin(), parsed.errors.end());
    }
    if (const std::string* v = findFile(files, "version")) version = *v;
    loaded = true;
}

} // namespace rx::ui
