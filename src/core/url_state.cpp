#include "url_state.h"

#include "text_fold.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace rx {
namespace {

constexpr size_t kMaxTextBytes = 256; // same cap as the search query
constexpr size_t kMaxIdBytes = 200;
constexpr size_t kMaxListItems = 64;

bool isUnreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

std::string percentEncode(std::string_view s, bool keepSlash) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// False on a malformed escape ("%4", "%zz").
bool percentDecode(std::string_view s, std::string& out) {
    out.clear();
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%') {
            const int hi = i + 1 < s.size() ? hexValue(s[i + 1]) : -1;
            const int lo = i + 2 < s.size() ? hexValue(s[i + 2]) : -1;
            if (hi < 0 || lo < 0) return false;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += s[i];
        }
    }
    return true;
}

size_t countReplacementChars(std::string_view s) {
    size_t count = 0;
    for (size_t p = s.find("\xEF\xBF\xBD"); p != std::string_view::npos;
         p = s.find("\xEF\xBF\xBD", p + 3))
        ++count;
    return count;
}

// Folding turns every invalid byte into U+FFFD, so valid text gains none.
bool isValidUtf8Text(std::string_view s) {
    return countReplacementChars(foldText(s)) == countReplacementChars(s);
}

// Item, tag, section, domain, sort and cell ids: printable ASCII without separators.
bool isIdLike(std::string_view s) {
    if (s.empty() || s.size() > kMaxIdBytes) return false;
    for (unsigned char c : s)
        if (!(isUnreserved(c) || c == '/' || c == ':')) return false;
    return true;
}

bool isOrigin(std::string_view s) {
    size_t rest = 0;
    if (s.substr(0, 8) == "https://")
        rest = 8;
    else if (s.substr(0, 7) == "http://")
        rest = 7;
    else
        return false;
    if (s.size() == rest || s.size() > kMaxIdBytes) return false;
    for (size_t i = rest; i < s.size(); ++i) {
        const unsigned char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '.' || c == ':' || c == '[' || c == ']'))
            return false;
    }
    return true;
}

bool parseFlag(std::string_view v, bool& out) {
    if (v == "1" || v == "true" || v == "yes") return out = true, true;
    if (v == "0" || v == "false" || v == "no") return out = false, true;
    return false;
}

std::string joinList(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += ',';
        out += percentEncode(item, true);
    }
    return out;
}

// The shortest decimal (3 to 9 significant digits; 9 always suffices for a float) that decodes
// to the same float: 1.5f stays "1.5", and 1.555f is no longer cut to "1.55", which decoded to
// another scale, so the state changed on every round trip (found by fuzz_url_state).
std::string formatScale(float scale) {
    char buf[32];
    for (int digits = 3; digits <= 9; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(scale));
        if (static_cast<float>(std::strtod(buf, nullptr)) == scale) break;
    }
    return buf;
}

} // namespace

bool UrlState::operator==(const UrlState& o) const {
    return view == o.view && card == o.card && query == o.query && tag == o.tag &&
           section == o.section && mtext == o.mtext && domains == o.domains && facets == o.facets &&
           inferred == o.inferred && rowSort == o.rowSort && colSort == o.colSort &&
           pivot == o.pivot && selRow == o.selRow && selCol == o.selCol && embed == o.embed &&
           theme == o.theme && transparentBg == o.transparentBg && scale == o.scale &&
           controls == o.controls && parentOrigin == o.parentOrigin;
}

std::string encodeHash(const UrlState& s) {
    const UrlState d;
    std::string out;
    const auto add = [&](const char* key, const std::string& encodedValue) {
        out += out.empty() ? '#' : '&';
        out += key;
        out += '=';
        out += encodedValue;
    };
    if (s.view != d.view) add("view", percentEncode(s.view, false));
    if (!s.card.empty()) add("card", percentEncode(s.card, true));
    if (!s.query.empty()) add("q", percentEncode(s.query, false));
    if (!s.tag.empty()) add("tag", percentEncode(s.tag, true));
    if (!s.section.empty()) add("section", percentEncode(s.section, true));
    if (!s.mtext.empty()) add("mq", percentEncode(s.mtext, false));
    if (!s.domains.empty()) add("domains", joinList(s.domains));
    if (!s.facets.empty()) add("facets", joinList(s.facets));
    if (!s.inferred) add("inferred", "0");
    if (!s.rowSort.empty()) add("rsort", percentEncode(s.rowSort, true));
    if (!s.colSort.empty()) add("csort", percentEncode(s.colSort, true));
    if (s.pivot) add("pivot", "1");
    if (!s.selRow.empty()) add("row", percentEncode(s.selRow, true));
    if (!s.selCol.empty()) add("col", percentEncode(s.selCol, true));
    if (s.embed) add("embed", "1");
    if (s.theme != d.theme) add("theme", percentEncode(s.theme, false));
    if (s.transparentBg) add("bg", "transparent");
    if (s.scale != d.scale) add("scale", formatScale(s.scale));
    if (s.controls == 0 || s.controls == 1) add("controls", s.controls ? "1" : "0");
    if (!s.parentOrigin.empty()) add("parent", percentEncode(s.parentOrigin, false));
    return out;
}

UrlState decodeHash(std::string_view input, Diagnostics* notes) {
    UrlState state;
    const auto note = [&](std::string message) {
        if (notes) notes->push_back({"url", 0, 0, std::move(message)});
    };
    if (input.size() > kMaxUrlStateBytes) {
        note("URL state longer than " + std::to_string(kMaxUrlStateBytes) + " bytes: rest ignored");
        input = input.substr(0, kMaxUrlStateBytes);
        // Drop the pair that was cut in half.
        const size_t lastAmp = input.find_last_of("&#?");
        input = lastAmp == std::string_view::npos ? std::string_view() : input.substr(0, lastAmp);
    }
    const size_t start = input.find_first_of("?#");
    if (start != std::string_view::npos) {
        input.remove_prefix(start + 1);
    } else if (input.find('=') == std::string_view::npos) {
        return state; // a bare path or nothing at all
    }

    size_t pos = 0;
    while (pos <= input.size()) {
        size_t end = input.find_first_of("&#?;", pos);
        if (end == std::string_view::npos) end = input.size();
        const std::string_view pair = input.substr(pos, end - pos);
        pos = end + 1;
        if (pair.empty()) continue;
        const size_t eq = pair.find('=');
        const std::string_view key = pair.substr(0, eq);
        const std::string_view raw =
            eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        const auto bad = [&](const char* why) {
            note("ignored " + std::string(key.substr(0, 32)) + ": " + why);
        };

        // Lists split before decoding so an escaped comma stays inside its item.
        if (key == "domains" || key == "facets") {
            std::vector<std::string> items;
            bool ok = true;
            size_t p = 0;
            while (p <= raw.size()) {
                size_t comma = raw.find(',', p);
                if (comma == std::string_view::npos) comma = raw.size();
                std::string item;
                if (comma > p) {
                    if (!percentDecode(raw.substr(p, comma - p), item) || !isIdLike(item))
                        ok = false;
                    else if (items.size() < kMaxListItems &&
                             std::find(items.begin(), items.end(), item) == items.end())
                        items.push_back(std::move(item));
                }
                p = comma + 1;
            }
            if (!ok) bad("malformed list item");
            (key == "domains" ? state.domains : state.facets) = std::move(items);
            continue;
        }

        std::string value;
        if (!percentDecode(raw, value)) {
            bad("malformed percent escape");
            continue;
        }
        if (key == "view") {
            if (value == "cards" || value == "matrix")
                state.view = value;
            else
                bad("unknown view");
        } else if (key == "q" || key == "mq") {
            if (!isValidUtf8Text(value)) {
                bad("invalid UTF-8");
                continue;
            }
            std::string text(truncateUtf8(value, kMaxTextBytes));
            (key == "q" ? state.query : state.mtext) = std::move(text);
        } else if (key == "card" || key == "tag" || key == "section" || key == "rsort" ||
                   key == "csort" || key == "row" || key == "col") {
            if (!isIdLike(value)) {
                bad("not an id");
                continue;
            }
            std::string& field = key == "card"      ? state.card
                                 : key == "tag"     ? state.tag
                                 : key == "section" ? state.section
                                 : key == "rsort"   ? state.rowSort
                                 : key == "csort"   ? state.colSort
                                 : key == "row"     ? state.selRow
                                                    : state.selCol;
            field = value;
        } else if (key == "inferred" || key == "pivot" || key == "embed") {
            bool flag = false;
            if (!parseFlag(value, flag)) {
                bad("expected 0 or 1");
                continue;
            }
            (key == "inferred" ? state.inferred
             : key == "pivot"  ? state.pivot
                               : state.embed) = flag;
        } else if (key == "theme") {
            if (value == "auto" || value == "light" || value == "dark")
                state.theme = value;
            else
                bad("expected auto, light or dark");
        } else if (key == "bg") {
            if (value == "transparent")
                state.transparentBg = true;
            else if (value == "opaque" || value.empty())
                state.transparentBg = false;
            else
                bad("expected transparent");
        } else if (key == "scale") {
            char* endPtr = nullptr;
            const double scale = value.size() <= 16 ? std::strtod(value.c_str(), &endPtr) : NAN;
            if (value.empty() || endPtr != value.c_str() + value.size() || !std::isfinite(scale)) {
                bad("not a number");
                continue;
            }
            const double clamped = std::min<double>(kMaxScale, std::max<double>(kMinScale, scale));
            if (clamped != scale) bad("clamped to 0.5..4");
            state.scale = static_cast<float>(clamped);
        } else if (key == "controls") {
            bool flag = false;
            if (!parseFlag(value, flag)) {
                bad("expected 0 or 1");
                continue;
            }
            state.controls = flag ? 1 : 0;
        } else if (key == "parent") {
            if (isOrigin(value))
                state.parentOrigin = value;
            else
                bad("not an origin (scheme://host[:port])");
        }
        // Unknown keys are skipped silently: other tools may share the URL.
    }
    return state;
}

HistoryAction historyAction(const UrlState& from, const UrlState& to) {
    if (from == to) return HistoryAction::None;
    const bool meaningful =
        from.view != to.view || from.card != to.card || from.tag != to.tag ||
        from.section != to.section || from.domains != to.domains || from.facets != to.facets ||
        from.inferred != to.inferred || from.rowSort != to.rowSort || from.colSort != to.colSort ||
        from.pivot != to.pivot || from.selRow != to.selRow || from.selCol != to.selCol;
    return meaningful ? HistoryAction::Push : HistoryAction::Replace;
}

} // namespace rx
