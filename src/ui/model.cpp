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

namespace {

// Each code point of `text` once, in the order first seen (UTF-8).
void addDistinctChars(std::string_view text, std::string& chars, std::array<bool, 128>& seenAscii,
                      std::set<std::string_view>& seenOther) {
    for (size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (!seenAscii[c]) {
                seenAscii[c] = true;
                chars += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        len = std::min(len, text.size() - i);
        const std::string_view cp = text.substr(i, len);
        if (seenOther.insert(cp).second) chars += cp;
        i += len;
    }
}

std::string distinctChars(const std::vector<std::string_view>& texts) {
    std::string chars;
    std::array<bool, 128> ascii{};
    std::set<std::string_view> other;
    for (const std::string_view t : texts) addDistinctChars(t, chars, ascii, other);
    return chars;
}

} // namespace

void Model::load() {
    errors.clear();
    // boot.js passes the Markdown as "document" and its file name as "document-name".
    if (const std::string* name = file("document-name")) documentName = *name;
    const std::string* markdown = file("document");
    if (!markdown) {
        errors.push_back({"content/index.json", 0, 0, "no document was loaded"});
    } else {
        const bool inPieces = markdown->size() > kReadInPiecesBytes;
        parser_ = std::make_unique<DocumentParser>(*markdown, documentName, inPieces, &doc);
        // The characters to draw, from the Markdown itself while the rest is still unread.
        if (inPieces) {
            const std::string* tagsJson = file("tags.json");
            const std::string* adoptersJson = file("adopters.json");
            contentChars_ = distinctChars({*markdown, tagsJson ? *tagsJson : std::string_view(),
                                           adoptersJson ? *adoptersJson : std::string_view()});
        }
        // The parser and the model hold the text from here on; the Markdown's bytes (3 MB at
        // 10,000 cards) would only be another copy of it in the wasm heap. load() runs once.
        files.erase("document");
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
    const std::string all = allText();
    const std::string chars = distinctChars({contentChars_, all});
    if (chars != contentChars_) {
        contentChars_ = chars;
        ++contentCharsVersion_;
    }
    complete = true;
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
