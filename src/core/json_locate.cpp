#include "json_locate.h"

#include "utf8.h"

#include <vector>

namespace rx {
namespace {

bool isJsonSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t skipSpace(std::string_view s, size_t pos) {
    while (pos < s.size() && isJsonSpace(s[pos])) ++pos;
    return pos;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Reads the string starting at s[pos] == '"'; returns the position after the closing quote, or
// npos. Decodes escapes into `out` when given (keys are compared decoded).
size_t readString(std::string_view s, size_t pos, std::string* out) {
    ++pos; // opening quote
    while (pos < s.size()) {
        const char c = s[pos];
        if (c == '"') return pos + 1;
        if (c != '\\') {
            if (out) out->push_back(c);
            ++pos;
            continue;
        }
        if (pos + 1 >= s.size()) return std::string_view::npos;
        const char e = s[pos + 1];
        pos += 2;
        if (!out) {
            continue;
        }
        switch (e) {
        case 'n':
            out->push_back('\n');
            break;
        case 't':
            out->push_back('\t');
            break;
        case 'r':
            out->push_back('\r');
            break;
        case 'b':
            out->push_back('\b');
            break;
        case 'f':
            out->push_back('\f');
            break;
        case 'u': {
            char32_t cp = 0;
            for (int i = 0; i < 4; ++i) {
                const int h = pos < s.size() ? hexValue(s[pos]) : -1;
                if (h < 0) return std::string_view::npos;
                cp = cp * 16 + static_cast<char32_t>(h);
                ++pos;
            }
            // A surrogate pair spells one code point.
            if (cp >= 0xD800 && cp <= 0xDBFF && pos + 6 <= s.size() && s[pos] == '\\' &&
                s[pos + 1] == 'u') {
                char32_t low = 0;
                bool ok = true;
                for (int i = 0; i < 4; ++i) {
                    const int h = hexValue(s[pos + 2 + i]);
                    if (h < 0) ok = false;
                    low = low * 16 + static_cast<char32_t>(h < 0 ? 0 : h);
                }
                if (ok && low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    pos += 6;
                }
            }
            appendUtf8(*out, cp);
            break;
        }
        default:
            out->push_back(e);
            break; // '"', '\\', '/'
        }
    }
    return std::string_view::npos;
}

// Position just after the value starting at `pos`, or npos on malformed text.
size_t skipValue(std::string_view s, size_t pos) {
    pos = skipSpace(s, pos);
    if (pos >= s.size()) return std::string_view::npos;
    if (s[pos] == '"') return readString(s, pos, nullptr);
    if (s[pos] == '{' || s[pos] == '[') {
        int depth = 0;
        while (pos < s.size()) {
            const char c = s[pos];
            if (c == '"') {
                pos = readString(s, pos, nullptr);
                if (pos == std::string_view::npos) return pos;
                continue;
            }
            if (c == '{' || c == '[') ++depth;
            if (c == '}' || c == ']') {
                if (--depth == 0) return pos + 1;
            }
            ++pos;
        }
        return std::string_view::npos;
    }
    // Number or literal: runs until a structural character or space.
    const size_t start = pos;
    while (pos < s.size() && !isJsonSpace(s[pos]) && s[pos] != ',' && s[pos] != '}' &&
           s[pos] != ']')
        ++pos;
    return pos > start ? pos : std::string_view::npos;
}

std::vector<std::string> splitPointer(std::string_view pointer) {
    std::vector<std::string> tokens;
    if (pointer.empty()) return tokens;
    size_t pos = pointer.front() == '/' ? 1 : 0;
    std::string token;
    for (; pos <= pointer.size(); ++pos) {
        if (pos == pointer.size() || pointer[pos] == '/') {
            tokens.push_back(token);
            token.clear();
            continue;
        }
        if (pointer[pos] == '~' && pos + 1 < pointer.size()) {
            const char e = pointer[pos + 1];
            if (e == '0' || e == '1') {
                token.push_back(e == '0' ? '~' : '/');
                ++pos;
                continue;
            }
        }
        token.push_back(pointer[pos]);
    }
    return tokens;
}

bool parseIndex(const std::string& token, size_t& index) {
    if (token.empty() || token.size() > 18) return false;
    index = 0;
    for (const char c : token) {
        if (c < '0' || c > '9') return false;
        index = index * 10 + static_cast<size_t>(c - '0');
    }
    return true;
}

// Start of the child `token` of the container value at `pos`, or npos.
size_t findChild(std::string_view s, size_t pos, const std::string& token) {
    if (pos >= s.size()) return std::string_view::npos;
    if (s[pos] == '{') {
        size_t found = std::string_view::npos;
        pos = skipSpace(s, pos + 1);
        if (pos < s.size() && s[pos] == '}') return found;
        while (pos < s.size()) {
            if (s[pos] != '"') return found;
            std::string key;
            pos = readString(s, pos, &key);
            if (pos == std::string_view::npos) return found;
            pos = skipSpace(s, pos);
            if (pos >= s.size() || s[pos] != ':') return found;
            const size_t valueStart = skipSpace(s, pos + 1);
            if (key == token) found = valueStart; // keep scanning: the last duplicate wins
            pos = skipValue(s, valueStart);
            if (pos == std::string_view::npos) return found;
            pos = skipSpace(s, pos);
            if (pos >= s.size() || s[pos] != ',') return found;
            pos = skipSpace(s, pos + 1);
        }
        return found;
    }
    if (s[pos] == '[') {
        size_t wanted = 0;
        if (!parseIndex(token, wanted)) return std::string_view::npos;
        pos = skipSpace(s, pos + 1);
        for (size_t i = 0; pos < s.size() && s[pos] != ']'; ++i) {
            if (i == wanted) return pos;
            pos = skipValue(s, pos);
            if (pos == std::string_view::npos) return pos;
            pos = skipSpace(s, pos);
            if (pos >= s.size() || s[pos] != ',') return std::string_view::npos;
            pos = skipSpace(s, pos + 1);
        }
    }
    return std::string_view::npos;
}

// Walks as deep as the path exists; returns the depth reached and the offset of that value.
size_t walk(std::string_view json, std::string_view pointer, size_t& offset) {
    offset = skipSpace(json, 0);
    const std::vector<std::string> tokens = splitPointer(pointer);
    size_t depth = 0;
    for (const std::string& token : tokens) {
        const size_t child = findChild(json, offset, token);
        if (child == std::string_view::npos) break;
        offset = child;
        ++depth;
    }
    return tokens.size() - depth; // tokens left unresolved
}

} // namespace

std::optional<size_t> locateJsonValue(std::string_view json, std::string_view pointer) {
    size_t offset = 0;
    if (walk(json, pointer, offset) != 0 || offset >= json.size()) return std::nullopt;
    return offset;
}

size_t locateJsonNearest(std::string_view json, std::string_view pointer) {
    size_t offset = 0;
    walk(json, pointer, offset);
    return offset;
}

std::string jsonPointerAppend(std::string_view base, std::string_view key) {
    std::string out(base);
    out.push_back('/');
    for (const char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out.push_back(c);
    }
    return out;
}

std::string jsonPointerAppend(std::string_view base, size_t index) {
    return std::string(base) + '/' + std::to_string(index);
}

} // namespace rx
