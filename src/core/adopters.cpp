#include "adopters.h"

#include "json_locate.h"
#include "utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <numeric>
#include <optional>
#include <unordered_map>

namespace rx {

using json = nlohmann::json;

const char* strengthName(Strength s) {
    switch (s) {
    case Strength::Stated:
        return "stated";
    case Strength::Inferred:
        return "inferred";
    case Strength::None:
        break;
    }
    return "";
}

namespace {

template <class T> int findIndex(const std::vector<T>& items, std::string_view id) {
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return static_cast<int>(i);
    return -1;
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

const char* typeName(const json& v) {
    if (v.is_null()) return "null";
    if (v.is_boolean()) return "a boolean";
    if (v.is_number()) return "a number";
    if (v.is_string()) return "a string";
    if (v.is_array()) return "an array";
    if (v.is_object()) return "an object";
    return "a value";
}

// Records the byte offset and message of the first syntax error (nlohmann's DOM parser with
// allow_exceptions=false reports only "discarded", without a position).
struct SyntaxErrorSax : nlohmann::json_sax<json> {
    size_t position = 0;
    std::string message;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t pos, const std::string&,
                     const nlohmann::detail::exception& ex) override {
        position = pos;
        message = ex.what();
        return false;
    }
};

// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing
// value - invalid literal; last read: 'tru,'" -> the part after the position.
std::string tidySyntaxMessage(const std::string& raw) {
    const size_t column = raw.find("column ");
    if (column != std::string::npos) {
        const size_t colon = raw.find(": ", column);
        if (colon != std::string::npos) return raw.substr(colon + 2);
    }
    const size_t bracket = raw.find("] ");
    return bracket == std::string::npos ? raw : raw.substr(bracket + 2);
}

// At most `maxBytes` of `text`, not cutting a UTF-8 sequence.
std::string utf8Prefix(std::string_view text, size_t maxBytes) {
    return std::string(truncateUtf8(text, maxBytes));
}

// A stretch of the document a quote may come from.
struct QuoteSource {
    std::string text; // whitespace-normalised
    std::string sectionId;
    std::string itemId;
};

std::vector<QuoteSource> documentBlocks(const Document& doc) {
    std::vector<QuoteSource> blocks;
    for (const RichText& p : doc.intro) blocks.push_back({normalizeSpace(p.plain()), "", ""});
    for (const Section& s : doc.sections) {
        blocks.push_back({normalizeSpace(s.title), s.id, ""});
        for (const RichText& p : s.lead) blocks.push_back({normalizeSpace(p.plain()), s.id, ""});
        for (const Item& it : s.items) {
            blocks.push_back({normalizeSpace(it.title), s.id, it.id});
            blocks.push_back({normalizeSpace(it.body.plain()), s.id, it.id});
        }
        for (const RichText& p : s.after) blocks.push_back({normalizeSpace(p.plain()), s.id, ""});
    }
    for (const RichText& p : doc.closing) blocks.push_back({normalizeSpace(p.plain()), "", ""});
    return blocks;
}

class Loader {
  public:
    Loader(std::string_view text, const std::string& source, const Document& doc)
        : text_(text), source_(source), doc_(doc), blocks_(documentBlocks(doc)) {}

    LoadedAdopters run() {
        LoadedAdopters out;
        if (text_.size() > kMaxContentBytes) {
            addRaw(0, 0,
                   "the file is " + std::to_string(text_.size()) + " bytes, over the limit of " +
                       std::to_string(kMaxContentBytes / (1024 * 1024)) +
                       " MB, so it was not read");
            out.errors = std::move(errors_);
            return out;
        }
        json root = json::parse(text_.begin(), text_.end(), nullptr, /*allow_exceptions=*/false);
        if (root.is_discarded()) {
            SyntaxErrorSax sax;
            json::sax_parse(text_.begin(), text_.end(), &sax);
            // nlohmann counts the offending character as read: step back onto it.
            const size_t offset = sax.position > 0 ? sax.position - 1 : 0;
            const LineCol lc = lineColAt(text_, offset);
            addRaw(lc.line, lc.col, "JSON syntax error: " + tidySyntaxMessage(sax.message));
            out.errors = std::move(errors_);
            return out;
        }
        if (!root.is_object()) {
            error("", std::string("the file must hold a JSON object, not ") + typeName(root));
        } else {
            loadDomains(root);
            loadFacets(root);
            loadAdopters(root);
        }
        finish();
        out.data = std::move(data_);
        out.errors = std::move(errors_);
        if (suppressed_ > 0)
            out.errors.push_back(
                {source_, 0, 0, "... and " + std::to_string(suppressed_) + " more errors"});
        return out;
    }

  private:
    // --- diagnostics ---------------------------------------------------------------------------
    void addRaw(int line, int col, std::string message) {
        if (errors_.size() >= kMaxAdopterDiagnostics) {
            ++suppressed_;
            return;
        }
        errors_.push_back({source_, line, col, std::move(message)});
    }

    // An error at the value `pointer` names, or at the object lacking it.
    void error(const std::string& pointer, const std::string& message) {
        if (errors_.size() >= kMaxAdopterDiagnostics) {
            ++suppressed_;
            return;
        }
        if (!lines_) lines_.emplace(text_);
        const LineCol lc = lines_->at(locateJsonNearest(text_, pointer));
        const std::string where = pointer.empty() ? "" : pointer + ": ";
        addRaw(lc.line, lc.col, where + message);
    }

    // --- typed field access ----------------------------------------------------------------------
    const json* field(const json& obj, const std::string& ptr, const char* key, bool required) {
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) error(ptr, std::string("missing field \"") + key + "\"");
            return nullptr;
        }
        return &*it;
    }

    std::optional<std::string> stringField(const json& obj, const std::string& ptr, const char* key,
                                           bool required, bool nonEmpty = true) {
        const json* v = field(obj, ptr, key, required);
        if (!v) return std::nullopt;
        const std::string at = jsonPointerAppend(ptr, key);
        if (!v->is_string()) {
            error(at, std::string("\"") + key + "\" must be a string, not " + typeName(*v));
            return std::nullopt;
        }
        const std::string& s = v->get_ref<const std::string&>();
        if (nonEmpty && normalizeSpace(s).empty()) {
            error(at, std::string("\"") + key + "\" must not be empty");
            return std::nullopt;
        }
        return s;
    }

    // Array of strings; wrong-typed elements are reported and left out.
    std::optional<std::vector<std::string>> stringArray(const json& obj, const std::string& ptr,
                                                        const char* key, bool required) {
        const json* v = field(obj, ptr, key, required);
        if (!v) return std::nullopt;
        const std::string at = jsonPointerAppend(ptr, key);
        if (!v->is_array()) {
            error(at,
                  std::string("\"") + key + "\" must be an array of strings, not " + typeName(*v));
            return std::nullopt;
        }
        std::vector<std::string> out;
        for (size_t i = 0; i < v->size(); ++i) {
            const json& e = (*v)[i];
            if (!e.is_string() || normalizeSpace(e.get_ref<const std::string&>()).empty()) {
                error(jsonPointerAppend(at, i),
                      std::string("must be a non-empty string, not ") + typeName(e));
                continue;
            }
            out.push_back(e.get<std::string>());
        }
        return out;
    }

    const json* arrayField(const json& obj, const std::string& ptr, const char* key,
                           bool required) {
        const json* v = field(obj, ptr, key, required);
        if (!v) return nullptr;
        if (!v->is_array()) {
            error(jsonPointerAppend(ptr, key),
                  std::string("\"") + key + "\" must be an array, not " + typeName(*v));
            return nullptr;
        }
        return v;
    }

    bool expectObject(const json& v, const std::string& ptr, const char* what) {
        if (v.is_object()) return true;
        error(ptr, std::string(what) + " must be an object, not " + typeName(v));
        return false;
    }

    // Reports a duplicate id (and returns true) when `id` was seen before in `seen`.
    bool duplicate(std::unordered_map<std::string, std::string>& seen, const std::string& id,
                   const std::string& idPtr, const char* what) {
        const auto [it, inserted] = seen.emplace(id, idPtr);
        if (inserted) return false;
        if (!lines_) lines_.emplace(text_);
        const LineCol first = lines_->at(locateJsonNearest(text_, it->second));
        error(idPtr, std::string("duplicate ") + what + " id \"" + id +
                         "\" (first defined at line " + std::to_string(first.line) +
                         "); this entry is skipped");
        return true;
    }

    // --- evidence ------------------------------------------------------------------------------
    // Finds the quote in the document; on success fills `ev` and returns true.
    bool verifyQuote(const std::string& quote, const std::string& ptr, Evidence& ev) {
        const std::string normal = normalizeSpace(quote);
        if (normal.empty()) {
            error(ptr, "the quote is empty");
            return false;
        }
        auto cached = quoteCache_.find(normal);
        if (cached == quoteCache_.end()) {
            int blockIndex = -1;
            for (size_t b = 0; b < blocks_.size(); ++b) {
                if (blocks_[b].text.find(normal) != std::string::npos) {
                    blockIndex = static_cast<int>(b);
                    break;
                }
            }
            int quoteId = -1;
            if (blockIndex >= 0) {
                quoteId = static_cast<int>(data_.quoteSearchText.size());
                data_.quoteSearchText.push_back(asciiLower(normal));
            }
            cached = quoteCache_.emplace(normal, std::make_pair(blockIndex, quoteId)).first;
        }
        const auto [blockIndex, quoteId] = cached->second;
        if (blockIndex < 0) {
            error(ptr, "quote does not occur in " + doc_.source + describeMismatch(normal));
            return false;
        }
        ev.quote = quote;
        ev.quoteId = quoteId;
        ev.sectionId = blocks_[static_cast<size_t>(blockIndex)].sectionId;
        ev.itemId = blocks_[static_cast<size_t>(blockIndex)].itemId;
        return true;
    }

    bool occurs(std::string_view text) const {
        return std::any_of(blocks_.begin(), blocks_.end(), [&](const QuoteSource& b) {
            return b.text.find(text) != std::string::npos;
        });
    }

    // Where the quote leaves the document: the end of its longest prefix that does occur
    // (occurrence of prefixes is monotone, so a binary search finds it).
    std::string describeMismatch(const std::string& quote) const {
        size_t good = 0, bad = quote.size();
        while (bad - good > 1) {
            const size_t mid = (good + bad) / 2;
            if (occurs(std::string_view(quote).substr(0, mid)))
                good = mid;
            else
                bad = mid;
        }
        good = utf8CharStart(quote, good);
        if (good < 8) {
            return ": \"" + utf8Prefix(quote, 60) + (quote.size() > 60 ? "..." : "") + "\"";
        }
        size_t from = good > 40 ? good - 40 : 0;
        from = utf8CharStart(quote, from);
        return "; it departs from the text after \"" + std::string(from > 0 ? "..." : "") +
               quote.substr(from, good - from) + "\" (next: \"" +
               utf8Prefix(std::string_view(quote).substr(good), 12) +
               (quote.size() - good > 12 ? "...\")" : "\")");
    }

    // --- sections of the file -----------------------------------------------------------------
    void loadDomains(const json& root) {
        const json* arr = arrayField(root, "", "domains", true);
        if (!arr) return;
        std::unordered_map<std::string, std::string> seen;
        for (size_t i = 0; i < arr->size(); ++i) {
            const std::string ptr = jsonPointerAppend("/domains", i);
            const json& d = (*arr)[i];
            if (!expectObject(d, ptr, "a domain")) continue;
            const auto id = stringField(d, ptr, "id", true);
            const auto name = stringField(d, ptr, "name", true);
            const auto sourceNames = stringArray(d, ptr, "sourceNames", false);
            const auto merge = stringField(d, ptr, "merge", false, false);
            if (!id || !name) continue;
            if (duplicate(seen, *id, jsonPointerAppend(ptr, "id"), "domain")) continue;
            Domain domain;
            domain.id = *id;
            domain.name = *name;
            if (merge) domain.mergeNote = *merge;
            if (sourceNames) {
                for (size_t n = 0; n < sourceNames->size(); ++n) {
                    const std::string& sourceName = (*sourceNames)[n];
                    const size_t before = domain.itemIds.size();
                    const std::string wanted = normalizeSpace(sourceName);
                    for (const Section& s : doc_.sections)
                        for (const Item& it : s.items)
                            if (normalizeSpace(it.title) == wanted) domain.itemIds.push_back(it.id);
                    if (domain.itemIds.size() == before)
                        error(jsonPointerAppend(jsonPointerAppend(ptr, "sourceNames"), n),
                              "no item of " + doc_.source + " is titled \"" + sourceName + "\"");
                    domain.sourceNames.push_back(sourceName);
                }
            }
            data_.domains.push_back(std::move(domain));
        }
    }

    void loadFacets(const json& root) {
        const json* arr = arrayField(root, "", "facets", true);
        if (!arr) return;
        std::unordered_map<std::string, std::string> seen;
        for (size_t i = 0; i < arr->size(); ++i) {
            const std::string ptr = jsonPointerAppend("/facets", i);
            const json& f = (*arr)[i];
            if (!expectObject(f, ptr, "a facet")) continue;
            const auto id = stringField(f, ptr, "id", true);
            const auto name = stringField(f, ptr, "name", true);
            const auto keywords = stringArray(f, ptr, "keywords", false);
            if (!id || !name) continue;
            if (duplicate(seen, *id, jsonPointerAppend(ptr, "id"), "facet")) continue;
            Facet facet{*id, *name, {}};
            if (keywords)
                for (const std::string& k : *keywords) facet.keywords.push_back(asciiLower(k));
            data_.facets.push_back(std::move(facet));
        }
    }

    void loadAdopters(const json& root) {
        const json* arr = arrayField(root, "", "adopters", true);
        if (!arr) return;
        std::unordered_map<std::string, std::string> seen;
        data_.adopters.reserve(arr->size());
        for (size_t i = 0; i < arr->size(); ++i) {
            const std::string ptr = jsonPointerAppend("/adopters", i);
            const json& a = (*arr)[i];
            if (!expectObject(a, ptr, "an adopter")) continue;
            const auto id = stringField(a, ptr, "id", true);
            const auto name = stringField(a, ptr, "name", true);
            const auto products = stringArray(a, ptr, "products", false);
            if (!id || !name) continue;
            if (duplicate(seen, *id, jsonPointerAppend(ptr, "id"), "adopter")) continue;
            Adopter adopter;
            adopter.id = *id;
            adopter.name = *name;
            if (products) adopter.products = *products;
            loadFacetClaims(a, ptr, adopter);
            loadMarks(a, ptr, adopter);
            adopter.searchKey = asciiLower(adopter.name);
            for (const std::string& p : adopter.products) adopter.searchKey += '\n' + asciiLower(p);
            for (const Mark& m : adopter.marks)
                for (const Evidence& e : m.evidence) adopter.quoteIds.push_back(e.quoteId);
            for (const FacetClaim& c : adopter.facets)
                adopter.quoteIds.push_back(c.evidence.quoteId);
            std::sort(adopter.quoteIds.begin(), adopter.quoteIds.end());
            adopter.quoteIds.erase(std::unique(adopter.quoteIds.begin(), adopter.quoteIds.end()),
                                   adopter.quoteIds.end());
            data_.adopters.push_back(std::move(adopter));
        }
    }

    void loadFacetClaims(const json& a, const std::string& ptr, Adopter& adopter) {
        const json* arr = arrayField(a, ptr, "facets", false);
        if (!arr) return;
        const std::string arrPtr = jsonPointerAppend(ptr, "facets");
        for (size_t i = 0; i < arr->size(); ++i) {
            const std::string cptr = jsonPointerAppend(arrPtr, i);
            const json& c = (*arr)[i];
            if (!expectObject(c, cptr, "a facet claim")) continue;
            const auto id = stringField(c, cptr, "id", true);
            const auto quote = stringField(c, cptr, "quote", true);
            if (!id || !quote) continue;
            const int facet = data_.findFacet(*id);
            if (facet < 0) {
                error(jsonPointerAppend(cptr, "id"), "unknown facet \"" + *id + "\"");
                continue;
            }
            const bool repeated =
                std::any_of(adopter.facets.begin(), adopter.facets.end(),
                            [&](const FacetClaim& fc) { return fc.facet == facet; });
            if (repeated) {
                error(jsonPointerAppend(cptr, "id"), "facet \"" + *id + "\" is claimed twice");
                continue;
            }
            FacetClaim claim;
            claim.facet = facet;
            const std::string quotePtr = jsonPointerAppend(cptr, "quote");
            if (!verifyQuote(*quote, quotePtr, claim.evidence)) continue;
            const Facet& f = data_.facets[static_cast<size_t>(facet)];
            const std::string& lowerQuote =
                data_.quoteSearchText[static_cast<size_t>(claim.evidence.quoteId)];
            const bool justified =
                f.keywords.empty() ||
                std::any_of(f.keywords.begin(), f.keywords.end(), [&](const std::string& k) {
                    return lowerQuote.find(k) != std::string::npos;
                });
            if (!justified) {
                std::string words;
                for (const std::string& k : f.keywords) words += (words.empty() ? "" : ", ") + k;
                error(quotePtr, "the quote does not support facet \"" + f.id +
                                    "\": it contains none of " + words);
                continue;
            }
            adopter.facets.push_back(std::move(claim));
        }
    }

    void loadMarks(const json& a, const std::string& ptr, Adopter& adopter) {
        const json* arr = arrayField(a, ptr, "marks", true);
        if (!arr) return;
        const std::string arrPtr = jsonPointerAppend(ptr, "marks");
        for (size_t i = 0; i < arr->size(); ++i) {
            const std::string mptr = jsonPointerAppend(arrPtr, i);
            const json& m = (*arr)[i];
            if (!expectObject(m, mptr, "a mark")) continue;
            const auto domainId = stringField(m, mptr, "domain", true);
            const auto strength = stringField(m, mptr, "strength", true);
            const auto note = stringField(m, mptr, "note", false, false);
            const json* evidence = arrayField(m, mptr, "evidence", true);
            Mark mark;
            bool ok = domainId && strength && evidence;
            if (domainId) {
                mark.domain = data_.findDomain(*domainId);
                if (mark.domain < 0) {
                    error(jsonPointerAppend(mptr, "domain"),
                          "unknown domain \"" + *domainId + "\"");
                    ok = false;
                } else if (std::any_of(
                               adopter.marks.begin(), adopter.marks.end(),
                               [&](const Mark& other) { return other.domain == mark.domain; })) {
                    error(jsonPointerAppend(mptr, "domain"),
                          "a second mark for domain \"" + *domainId + "\"; it is skipped");
                    ok = false;
                }
            }
            if (strength) {
                if (*strength == "stated") {
                    mark.strength = Strength::Stated;
                } else if (*strength == "inferred") {
                    mark.strength = Strength::Inferred;
                } else {
                    error(jsonPointerAppend(mptr, "strength"),
                          "strength must be \"stated\" or \"inferred\", not \"" + *strength + "\"");
                    ok = false;
                }
            }
            if (evidence && evidence->empty()) {
                error(jsonPointerAppend(mptr, "evidence"), "a mark needs at least one quote");
                ok = false;
            }
            if (!ok) continue;
            if (note) mark.note = *note;
            const std::string evPtr = jsonPointerAppend(mptr, "evidence");
            for (size_t e = 0; e < evidence->size(); ++e) {
                const std::string eptr = jsonPointerAppend(evPtr, e);
                const json& ev = (*evidence)[e];
                if (!expectObject(ev, eptr, "evidence")) continue;
                const auto quote = stringField(ev, eptr, "quote", true);
                if (!quote) continue;
                Evidence located;
                if (verifyQuote(*quote, jsonPointerAppend(eptr, "quote"), located))
                    mark.evidence.push_back(std::move(located));
            }
            if (mark.evidence.empty()) continue; // unsupported: already reported per quote
            adopter.marks.push_back(std::move(mark));
        }
    }

    void finish() {
        for (const Adopter& a : data_.adopters)
            for (const Mark& m : a.marks) ++data_.domains[static_cast<size_t>(m.domain)].markCount;
        auto rank = [](const auto& items) {
            std::vector<std::string> keys;
            keys.reserve(items.size());
            for (const auto& it : items) keys.push_back(asciiLower(it.name));
            std::vector<int> order(items.size());
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
                return keys[static_cast<size_t>(x)] < keys[static_cast<size_t>(y)];
            });
            std::vector<int> ranks(items.size());
            for (size_t r = 0; r < order.size(); ++r)
                ranks[static_cast<size_t>(order[r])] = static_cast<int>(r);
            return ranks;
        };
        data_.adopterNameRank = rank(data_.adopters);
        data_.markStart.assign(1, 0);
        data_.facetStart.assign(1, 0);
        data_.quoteIdStart.assign(1, 0);
        for (const Adopter& a : data_.adopters) {
            for (const Mark& m : a.marks) data_.flatMarks.push_back({m.domain, m.strength});
            data_.markStart.push_back(static_cast<int>(data_.flatMarks.size()));
            for (const FacetClaim& c : a.facets) data_.flatFacets.push_back(c.facet);
            data_.facetStart.push_back(static_cast<int>(data_.flatFacets.size()));
            data_.flatQuoteIds.insert(data_.flatQuoteIds.end(), a.quoteIds.begin(),
                                      a.quoteIds.end());
            data_.quoteIdStart.push_back(static_cast<int>(data_.flatQuoteIds.size()));
            data_.searchKeyStart.push_back(data_.searchKeys.size());
            data_.searchKeys += a.searchKey;
            data_.searchKeys.push_back('\0');
        }
        data_.domainNameRank = rank(data_.domains);
    }

    std::string_view text_;
    const std::string& source_;
    const Document& doc_;
    std::vector<QuoteSource> blocks_;
    AdoptersData data_;
    Diagnostics errors_;
    size_t suppressed_ = 0;
    std::optional<LineIndex> lines_;
    std::unordered_map<std::string, std::pair<int, int>> quoteCache_; // -> (block, quoteId)
};

} // namespace

int AdoptersData::findDomain(std::string_view id) const {
    return findIndex(domains, id);
}
int AdoptersData::findFacet(std::string_view id) const {
    return findIndex(facets, id);
}
int AdoptersData::findAdopter(std::string_view id) const {
    return findIndex(adopters, id);
}

LoadedAdopters loadAdopters(std::string_view json, const std::string& sourceName,
                            const Document& doc) {
    return Loader(json, sourceName, doc).run();
}

std::string asciiLower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string normalizeSpace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (const char c : text) {
        if (isSpace(c)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) out.push_back(' ');
        pendingSpace = false;
        out.push_back(c);
    }
    return out;
}

} // namespace rx
