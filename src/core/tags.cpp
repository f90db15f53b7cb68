#include "tags.h"

#include "text_fold.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace rx {
namespace {

using json = nlohmann::json;

// Records where JSON syntax fails; accepts everything else (the DOM is built separately).
struct SyntaxErrorFinder {
    size_t offset = 0;
    std::string message;
    bool failed = false;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return true; }
    bool number_unsigned(json::number_unsigned_t) { return true; }
    bool number_float(json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(json::binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(std::string&) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t position, const std::string& lastToken,
                     const nlohmann::detail::exception&) {
        failed = true;
        offset = position > 0 ? position - 1 : 0;
        message = lastToken.empty() ? "invalid JSON: unexpected end of input"
                                    : "invalid JSON near '" + lastToken.substr(0, 40) + "'";
        return false;
    }
};

bool isSlug(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

bool isWordByte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// True when folded `term` (optionally ending in '*') occurs in `text` at word boundaries.
bool containsTerm(const std::string& text, std::string_view term) {
    bool prefix = false;
    if (!term.empty() && term.back() == '*') {
        prefix = true;
        term.remove_suffix(1);
    }
    if (term.empty()) return false;
    size_t pos = 0;
    while ((pos = text.find(term, pos)) != std::string::npos) {
        const size_t end = pos + term.size();
        // A boundary only matters next to a word character of the term itself ("c++", "http/2").
        const bool startOk = pos == 0 || !isWordByte(static_cast<unsigned char>(term.front())) ||
                             !isWordByte(static_cast<unsigned char>(text[pos - 1]));
        const bool endOk = prefix || end == text.size() ||
                           !isWordByte(static_cast<unsigned char>(term.back())) ||
                           !isWordByte(static_cast<unsigned char>(text[end]));
        if (startOk && endOk) return true;
        ++pos;
    }
    return false;
}

const std::vector<std::string>& emptyList() {
    static const std::vector<std::string> empty;
    return empty;
}

// Parses the optional "linkGroups" array. A group with a problem is skipped; the others load.
template <typename ErrorFn>
void loadLinkGroups(std::string_view text, const json& groups, const ErrorFn& error,
                    LoadedVocabulary& out) {
    const size_t keyAt = text.find("\"linkGroups\"");
    if (!groups.is_array()) {
        error(keyAt, keyAt != std::string_view::npos, "\"linkGroups\" must be an array");
        return;
    }
    size_t searchFrom = keyAt == std::string_view::npos ? 0 : keyAt;
    for (size_t g = 0; g < groups.size(); ++g) {
        const json& group = groups[g];
        const std::string where = "linkGroups[" + std::to_string(g) + "]";
        // A group is located at its first item, searched after the previous group's.
        size_t at = searchFrom;
        if (group.is_object() && group.contains("items") && group["items"].is_array() &&
            !group["items"].empty() && group["items"][0].is_string()) {
            const size_t found =
                text.find("\"" + group["items"][0].get<std::string>() + "\"", searchFrom);
            if (found != std::string_view::npos) at = found;
        }
        searchFrom = at + 1;
        const bool located = keyAt != std::string_view::npos;
        if (!group.is_object()) {
            error(at, located, where + ": expected an object");
            continue;
        }
        LinkGroup parsed;
        if (group.contains("label") && group["label"].is_string())
            parsed.label = group["label"].get<std::string>();
        if (parsed.label.empty()) {
            error(at, located, where + ": \"label\" must be a non-empty string");
            continue;
        }
        const json* items = group.contains("items") ? &group["items"] : nullptr;
        bool valid = items && items->is_array() && items->size() >= 2;
        for (size_t i = 0; valid && i < items->size(); ++i) {
            valid = (*items)[i].is_string() && !(*items)[i].get<std::string>().empty();
            if (valid) parsed.items.push_back((*items)[i].get<std::string>());
        }
        if (!valid) {
            error(at, located,
                  "link group \"" + parsed.label +
                      "\": \"items\" must be an array of at least 2 card ids");
            continue;
        }
        std::vector<std::string> sorted = parsed.items;
        std::sort(sorted.begin(), sorted.end());
        if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
            error(at, located, "link group \"" + parsed.label + "\": a card is listed twice");
            continue;
        }
        if (located) {
            const LineCol lc = lineColAt(text, at);
            parsed.line = lc.line;
            parsed.col = lc.col;
        }
        out.vocabulary.linkGroups.push_back(std::move(parsed));
    }
}

} // namespace

const TagDef* Vocabulary::find(std::string_view id) const {
    for (const TagDef& t : tags)
        if (t.id == id) return &t;
    return nullptr;
}

LoadedVocabulary loadVocabulary(std::string_view text, const std::string& sourceName) {
    LoadedVocabulary out;
    const auto error = [&](size_t offset, bool hasPosition, std::string message) {
        Diagnostic d{sourceName, 0, 0, std::move(message)};
        if (hasPosition) {
            const LineCol lc = lineColAt(text, offset);
            d.line = lc.line;
            d.col = lc.col;
        }
        out.errors.push_back(std::move(d));
    };
    if (text.size() > kMaxContentBytes) {
        error(0, false, "file is larger than " + std::to_string(kMaxContentBytes) + " bytes");
        return out;
    }
    const json root = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) {
        SyntaxErrorFinder finder;
        json::sax_parse(text.begin(), text.end(), &finder, json::input_format_t::json,
                        /*strict=*/true);
        error(finder.offset, true, finder.failed ? finder.message : "invalid JSON");
        return out;
    }
    // Schema errors point at the first occurrence of the tag's id, which is good enough to find it.
    const auto locate = [&](const std::string& needle) -> std::pair<size_t, bool> {
        if (needle.empty()) return {0, false};
        const size_t at = text.find("\"" + needle + "\"");
        return {at, at != std::string_view::npos};
    };
    if (!root.is_object() || !root.contains("tags") || !root["tags"].is_array()) {
        error(0, false, "expected an object with a \"tags\" array");
        return out;
    }
    const json& tags = root["tags"];
    for (size_t i = 0; i < tags.size(); ++i) {
        const json& t = tags[i];
        const std::string where = "tags[" + std::to_string(i) + "]";
        if (!t.is_object()) {
            error(0, false, where + ": expected an object");
            continue;
        }
        TagDef def;
        if (t.contains("id") && t["id"].is_string()) def.id = t["id"].get<std::string>();
        const auto [at, found] = locate(def.id);
        if (!isSlug(def.id)) {
            error(at, found, where + ": \"id\" must be a lower-case slug (a-z, 0-9, -)");
            continue;
        }
        if (out.vocabulary.find(def.id)) {
            error(at, found, where + ": duplicate tag id \"" + def.id + "\"");
            continue;
        }
        if (t.contains("label") && t["label"].is_string())
            def.label = t["label"].get<std::string>();
        if (def.label.empty()) {
            error(at, found, "tag \"" + def.id + "\": \"label\" must be a non-empty string");
            continue;
        }
        if (t.contains("kind")) {
            const json& kind = t["kind"];
            if (kind == "topic") {
                def.kind = TagKind::Topic;
            } else if (kind == "adopter") {
                def.kind = TagKind::Adopter;
            } else {
                error(at, found,
                      "tag \"" + def.id + "\": \"kind\" must be \"topic\" or \"adopter\"");
                continue;
            }
        }
        if (!t.contains("terms") || !t["terms"].is_array() || t["terms"].empty()) {
            error(at, found, "tag \"" + def.id + "\": \"terms\" must be a non-empty array");
            continue;
        }
        for (const json& term : t["terms"]) {
            std::string folded = term.is_string() ? foldText(term.get<std::string>()) : "";
            if (folded.empty() || folded == "*") {
                error(at, found, "tag \"" + def.id + "\": every term must be a non-empty string");
                continue;
            }
            def.terms.push_back(std::move(folded));
        }
        if (!def.terms.empty()) out.vocabulary.tags.push_back(std::move(def));
    }
    out.vocabulary.sourceName = sourceName;
    if (root.contains("linkGroups")) loadLinkGroups(text, root["linkGroups"], error, out);
    return out;
}

const TaggedItem* TagIndex::item(std::string_view itemId) const {
    for (const TaggedItem& i : items)
        if (i.itemId == itemId) return &i;
    return nullptr;
}

const std::vector<std::string>& TagIndex::tagsOf(std::string_view itemId) const {
    const TaggedItem* i = item(itemId);
    return i ? i->tags : emptyList();
}

const std::vector<std::string>& TagIndex::itemsWithTag(std::string_view tagId) const {
    for (const TagUse& t : tags)
        if (t.tag.id == tagId) return t.items;
    return emptyList();
}

const std::vector<std::string>& TagIndex::related(std::string_view itemId) const {
    const TaggedItem* i = item(itemId);
    return i ? i->related : emptyList();
}

TagIndex deriveTags(const Document& doc, const Vocabulary& vocabulary, size_t maxRelated) {
    TagIndex index;
    for (const TagDef& def : vocabulary.tags) index.tags.push_back({def, {}});

    // has[i][t]: item i carries tag t.
    std::vector<std::vector<bool>> has;
    for (size_t s = 0; s < doc.sections.size(); ++s) {
        for (const Item& item : doc.sections[s].items) {
            const std::string text = foldText(item.title) + "\n" + foldText(item.body.plain());
            TaggedItem tagged;
            tagged.itemId = item.id;
            tagged.section = s;
            std::vector<bool> row(vocabulary.tags.size(), false);
            for (size_t t = 0; t < vocabulary.tags.size(); ++t) {
                const TagDef& def = vocabulary.tags[t];
                row[t] =
                    std::any_of(def.terms.begin(), def.terms.end(),
                                [&](const std::string& term) { return containsTerm(text, term); });
                if (row[t]) {
                    tagged.tags.push_back(def.id);
                    index.tags[t].items.push_back(item.id);
                }
            }
            has.push_back(std::move(row));
            index.items.push_back(std::move(tagged));
        }
    }

    const size_t n = index.items.size();
    std::vector<double> weight(vocabulary.tags.size(), 0.0);
    for (size_t t = 0; t < vocabulary.tags.size(); ++t) {
        const size_t count = index.tags[t].items.size();
        if (vocabulary.tags[t].kind == TagKind::Topic && count > 0)
            weight[t] = std::log(static_cast<double>(n) / static_cast<double>(count)) + 0.1;
    }

    struct Pair {
        size_t a, b;
        double score;
    };
    std::vector<Pair> pairs;
    for (size_t a = 0; a < n; ++a) {
        for (size_t b = a + 1; b < n; ++b) {
            if (index.items[a].section == index.items[b].section) continue;
            double score = 0;
            bool specific = false;
            for (size_t t = 0; t < weight.size(); ++t) {
                if (!has[a][t] || !has[b][t] || weight[t] == 0) continue;
                score += weight[t];
                specific = specific || index.tags[t].items.size() <= std::max<size_t>(2, n / 4);
            }
            if (specific) pairs.push_back({a, b, score});
        }
    }
    // Stable: equal scores keep document order, so the result never depends on the sort.
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const Pair& x, const Pair& y) { return x.score > y.score; });
    std::vector<std::vector<std::pair<double, size_t>>> links(n);
    const auto linked = [&](size_t a, size_t b) {
        return std::any_of(links[a].begin(), links[a].end(),
                           [&](const auto& link) { return link.second == b; });
    };
    // Group links sort before every derived link: their score is above any derived score.
    double groupScore = 1.0;
    for (const Pair& p : pairs) groupScore = std::max(groupScore, p.score + 1.0);
    for (const LinkGroup& group : vocabulary.linkGroups) {
        std::vector<size_t> members;
        for (const std::string& id : group.items) {
            const auto it = std::find_if(index.items.begin(), index.items.end(),
                                         [&](const TaggedItem& t) { return t.itemId == id; });
            if (it == index.items.end()) {
                index.errors.push_back({vocabulary.sourceName, group.line, group.col,
                                        "link group \"" + group.label +
                                            "\": the document has no card \"" + id + "\""});
                continue;
            }
            members.push_back(static_cast<size_t>(it - index.items.begin()));
        }
        for (size_t i = 0; i < members.size(); ++i) {
            for (size_t j = i + 1; j < members.size(); ++j) {
                const size_t a = members[i], b = members[j];
                if (a == b || linked(a, b)) continue;
                links[a].push_back({groupScore, b});
                links[b].push_back({groupScore, a});
            }
        }
    }
    for (const Pair& p : pairs) {
        if (links[p.a].size() >= maxRelated || links[p.b].size() >= maxRelated) continue;
        if (linked(p.a, p.b)) continue;
        links[p.a].push_back({p.score, p.b});
        links[p.b].push_back({p.score, p.a});
    }
    for (size_t i = 0; i < n; ++i) {
        std::stable_sort(links[i].begin(), links[i].end(), [](const auto& x, const auto& y) {
            return x.first != y.first ? x.first > y.first : x.second < y.second;
        });
        for (const auto& [score, other] : links[i])
            index.items[i].related.push_back(index.items[other].itemId);
    }
    return index;
}

} // namespace rx
