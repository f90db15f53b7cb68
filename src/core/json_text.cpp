#include "json_text.h"

#include "utf8.h"

#include <algorithm>
#include <cmath>

namespace rx {

void appendJsonString(std::string& out, std::string_view s) {
    out += '"';
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            char32_t cp = 0;
            const size_t len = utf8Decode(s, i, cp);
            if (len == 0)
                out += "\xEF\xBF\xBD";
            else
                out.append(s.data() + i, len);
            i += len == 0 ? 1 : len;
            continue;
        }
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        } else {
            out += static_cast<char>(c);
        }
        ++i;
    }
    out += '"';
}

void appendJsonHundredths(std::string& out, double v) {
    // Digits written backwards into a buffer: the tree's boxes are most of its JSON, and a
    // std::to_string and four appends per number showed in the frame of every typed key.
    const double scaled = std::isfinite(v) ? std::min(std::fabs(v) * 100.0, 1e15) : 0.0;
    auto magnitude = static_cast<unsigned long long>(std::llround(scaled)); // half away from zero
    const bool negative = v < 0 && magnitude != 0;                          // never "-0"
    char digits[24];
    char* const end = digits + sizeof digits;
    char* p = end;
    const auto fraction = static_cast<unsigned>(magnitude % 100);
    magnitude /= 100;
    if (fraction != 0) {
        if (fraction % 10) *--p = static_cast<char>('0' + fraction % 10);
        *--p = static_cast<char>('0' + fraction / 10);
        *--p = '.';
    }
    do {
        *--p = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (negative) *--p = '-';
    out.append(p, static_cast<size_t>(end - p));
}

void JsonObjectText::key(const char* key) {
    if (out_.size() > 1) out_ += ',';
    appendJsonString(out_, key);
    out_ += ':';
}

JsonObjectText& JsonObjectText::add(const char* k, std::string_view value) {
    key(k);
    appendJsonString(out_, value);
    return *this;
}

JsonObjectText& JsonObjectText::addBool(const char* k, bool value) {
    key(k);
    out_ += value ? "true" : "false";
    return *this;
}

JsonObjectText& JsonObjectText::addInt(const char* k, long long value) {
    key(k);
    out_ += std::to_string(value);
    return *this;
}

JsonObjectText& JsonObjectText::addHundredths(const char* k, double value) {
    key(k);
    appendJsonHundredths(out_, value);
    return *this;
}

template <class T, class Append>
JsonObjectText& JsonObjectText::addArray(const char* k, const std::vector<T>& values,
                                         Append append) {
    key(k);
    out_ += '[';
    for (size_t i = 0; i < values.size(); ++i) {
        if (i) out_ += ',';
        append(out_, values[i]);
    }
    out_ += ']';
    return *this;
}

JsonObjectText& JsonObjectText::addHundredths(const char* k, const std::vector<float>& values) {
    return addArray(k, values, [](std::string& out, float v) { appendJsonHundredths(out, v); });
}

JsonObjectText& JsonObjectText::addStrings(const char* k, const std::vector<std::string>& values) {
    return addArray(k, values,
                    [](std::string& out, const std::string& v) { appendJsonString(out, v); });
}

JsonObjectText& JsonObjectText::addRaw(const char* k, std::string_view json) {
    key(k);
    out_ += json;
    return *this;
}

} // namespace rx
