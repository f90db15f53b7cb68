#include "model.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <set>
#include <string_view>
#include <vector>

namespace rx::ui {

const std::string* Model::file(const std::string& name) const {
    const auto it = files.find(name);
    return it == files.end() ? nullptr : &it->second;
}

void Model::load() {
    errors.clear();
    // boot.js passes the Markdown as "document" and its file name as "document-name".
    if (const std::string* name = file("document-name")) documentName = *name;
    auto markdown = files.find("document");
    if (markdown == files.end()) {
        errors.push_back({"content/index.json", 0, 0, "no document was loaded"});
    } else {
        const bool inPieces = markdown->second.size() > kReadInPiecesBytes;
        // The parser and the model hold the text from here on; the Markdown's bytes (3 MB at
        // 10,000 cards) move to the parser rather than being copied. load() runs once.
        parser_ = std::make_unique<DocumentParser>(std::move(markdown->second), documentName,
                                                   inPieces, &doc);
        files.erase(markdown);
        parser_->parseMore(inPieces ? kFirstPieceBytes : static_cast<size_t>(-1));
        complete = false;
        grew();
    }
    if (const std::string* json = file("tags.json")) {
        LoadedVocabulary loaded = loadVocabulary(*json, "tags.json");
        vocabulary = std::move(loaded.vocabulary);
        vocabularyErrors_ = std::move(loaded.errors);
    }
    hasAdopters = file("adopters.json") != nullptr;
    subject = documentSubject(doc);
    if (const std::string* v = file("version")) version = *v;
    loaded = true;
    if (!parser_ || parser_->done()) finishLoad();
}

void Model::grew() {
    appendToSearchIndex(searchIndex, doc);
    addContentChars();
    searchIndex.complete = parser_ ? parser_->done() : true;
    searchIndex.loaded = loadedFraction();
    ++docVersion;
}

float Model::loadedFraction() const {
    if (!parser_ || parser_->totalBytes() == 0) return 1.0f;
    return static_cast<float>(parser_->parsedBytes()) / static_cast<float>(parser_->totalBytes());
}

bool Model::loadMore(double budgetMs) {
    if (complete) return true;
    if (parser_ && !parser_->done()) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto budget = std::chrono::duration<double, std::milli>(budgetMs);
        // Pieces of ~16 KB (about 50 cards) until the budget is used.
        while (!parser_->parseMore(16 * 1024) &&
               (budgetMs <= 0 || std::chrono::steady_clock::now() - t0 < budget)) {
        }
        grew();
    }
    if (!parser_ || parser_->done()) finishLoad();
    return complete;
}

void Model::finishLoad() {
    // The errors in the order a whole parse gives them: document, vocabulary, adopters, tags.
    if (parser_) {
        errors = parser_->result().errors;
        parser_.reset();
    }
    searchIndex.complete = true;
    searchIndex.loaded = 1.0f;
    errors.insert(errors.end(), vocabularyErrors_.begin(), vocabularyErrors_.end());
    if (const std::string* json = file("adopters.json")) {
        LoadedAdopters loaded = loadAdopters(*json, "adopters.json", doc);
        adopters = std::move(loaded.data);
        errors.insert(errors.end(), loaded.errors.begin(), loaded.errors.end());
    }
    tags = deriveTags(doc, vocabulary);
    errors.insert(errors.end(), tags.errors.begin(), tags.errors.end());
    addContentChars();
    for (const RichText& p : doc.closing) chars_.add(p.plain());
    for (const Adopter& a : adopters.adopters) {
        chars_.add(a.name);
        for (const std::string& p : a.products) chars_.add(p);
    }
    for (const Domain& d : adopters.domains) chars_.add(d.name);
    for (const TagDef& t : vocabulary.tags) chars_.add(t.label);
    noteNewContentChars();
    complete = true;
}

void Model::addContentChars() {
    if (charsSections_ == 0)
        for (const RichText& p : doc.intro) chars_.add(p.plain());
    for (size_t s = charsSections_; s < doc.sections.size(); ++s) {
        const Section& section = doc.sections[s];
        chars_.add(section.title);
        for (const RichText& p : section.lead) chars_.add(p.plain());
        for (const Item& item : section.items) {
            chars_.add(item.title);
            chars_.add(item.body.plain());
        }
        for (const RichText& p : section.after) chars_.add(p.plain());
    }
    // The last section read may still gain its trailing paragraphs: it is read again next time.
    if (!doc.sections.empty()) charsSections_ = doc.sections.size() - 1;
    noteNewContentChars();
}

void Model::noteNewContentChars() {
    if (chars_.chars().size() == contentChars_.size()) return;
    contentChars_ = chars_.chars();
    ++contentCharsVersion_;
}

} // namespace rx::ui
