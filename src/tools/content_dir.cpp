#include "content_dir.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

namespace rx {

bool readContentFile(const std::string& path, std::string& out, std::string& error) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        error = "cannot read: " + ec.message();
        return false;
    }
    if (size > kMaxContentBytes) {
        error = "file is larger than " + std::to_string(kMaxContentBytes) + " bytes";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open";
        return false;
    }
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

ContentDir loadContentDir(const std::string& dir) {
    namespace fs = std::filesystem;
    ContentDir c;
    std::error_code ec;
    std::vector<fs::path> docs;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.extension() == ".md" && p.filename() != "README.md" && it->is_regular_file(ec))
            docs.push_back(p);
    }
    if (ec) {
        c.errors.push_back({dir, 0, 0, "cannot read the content folder: " + ec.message()});
        return c;
    }
    std::sort(docs.begin(), docs.end());
    if (docs.size() != 1) {
        c.errors.push_back({dir, 0, 0,
                            "the content folder must hold exactly one document (*.md besides "
                            "README.md); found " +
                                std::to_string(docs.size())});
        if (docs.empty()) return c;
    }
    c.documentName = docs[0].filename().string();
    std::string bytes, error;
    if (!readContentFile(docs[0].string(), bytes, error)) {
        c.errors.push_back({c.documentName, 0, 0, error});
        return c;
    }
    ParsedDocument parsed = parseDocument(bytes, c.documentName);
    c.doc = std::move(parsed.doc);
    c.errors.insert(c.errors.end(), parsed.errors.begin(), parsed.errors.end());

    const fs::path tagsPath = fs::path(dir) / "tags.json";
    if (fs::exists(tagsPath, ec)) {
        if (readContentFile(tagsPath.string(), bytes, error)) {
            LoadedVocabulary loaded = loadVocabulary(bytes, "tags.json");
            c.vocabulary = std::move(loaded.vocabulary);
            c.errors.insert(c.errors.end(), loaded.errors.begin(), loaded.errors.end());
        } else {
            c.errors.push_back({"tags.json", 0, 0, error});
        }
    }
    const fs::path adoptersPath = fs::path(dir) / "adopters.json";
    if (fs::exists(adoptersPath, ec)) {
        if (readContentFile(adoptersPath.string(), bytes, error)) {
            LoadedAdopters loaded = loadAdopters(bytes, "adopters.json", c.doc);
            c.adopters = std::move(loaded.data);
            c.hasAdopters = true;
            c.errors.insert(c.errors.end(), loaded.errors.begin(), loaded.errors.end());
        } else {
            c.errors.push_back({"adopters.json", 0, 0, error});
        }
    }
    c.tags = deriveTags(c.doc, c.vocabulary);
    c.errors.insert(c.errors.end(), c.tags.errors.begin(), c.tags.errors.end());
    return c;
}

} // namespace rx
