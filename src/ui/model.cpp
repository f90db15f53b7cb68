#include "model.h"

namespace rx::ui {

const std::string* Model::file(const std::string& name) const {
    const auto it = files.find(name);
    return it == files.end() ? nullptr : &it->second;
}

void Model::load() {
    errors.clear();
    // boot.js passes the Markdown as "document" and its file name as "document-name".
    if (const std::string* name = file("document-name")) documentName = *name;
    const std::string* markdown = file("document");
    if (!markdown) {
        errors.push_back({"content/index.json", 0, 0, "no document was loaded"});
    } else {
        ParsedDocument parsed = parseDocument(*markdown, documentName);
        doc = std::move(parsed.doc);
        errors.insert(errors.end(), parsed.errors.begin(), parsed.errors.end());
        // The model holds the text from here on; the Markdown's bytes (3 MB at 10,000 cards)
        // would only be a fourth copy of it in the wasm heap. load() runs once (rx_prepare).
        files.erase("document");
    }
    if (const std::string* json = file("tags.json")) {
        LoadedVocabulary loaded = loadVocabulary(*json, "tags.json");
        vocabulary = std::move(loaded.vocabulary);
        errors.insert(errors.end(), loaded.errors.begin(), loaded.errors.end());
    }
    if (const std::string* json = file("adopters.json")) {
        LoadedAdopters loaded = loadAdopters(*json, "adopters.json", doc);
        adopters = std::move(loaded.data);
        hasAdopters = true;
        errors.insert(errors.end(), loaded.errors.begin(), loaded.errors.end());
    }
    subject = documentSubject(doc);
    tags = deriveTags(doc, vocabulary);
    errors.insert(errors.end(), tags.errors.begin(), tags.errors.end());
    searchIndex = buildSearchIndex(doc);
    if (const std::string* v = file("version")) version = *v;
    loaded = true;
}

std::string Model::allText() const {
    std::string text;
    for (const RichText& p : doc.intro) text += p.plain();
    for (const Section& s : doc.sections) {
        text += s.title;
        for (const Item& item : s.items) text += item.title + item.body.plain();
    }
    for (const RichText& p : doc.closing) text += p.plain();
    for (const Adopter& a : adopters.adopters) {
        text += a.name;
        for (const std::string& p : a.products) text += p;
    }
    for (const Domain& d : adopters.domains) text += d.name;
    for (const TagDef& t : vocabulary.tags) text += t.label;
    return text;
}

} // namespace rx::ui
