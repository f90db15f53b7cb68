#include "access_tree.h"

#include "utf8.h"

#include <cmath>
#include <string>
#include <map>
#include <set>
#include <string_view>
#include <utility>

namespace rx {

const char* accessRoleName(AccessRole role) {
    switch (role) {
    case AccessRole::Group:
        return "group";
    case AccessRole::Region:
        return "region";
    case AccessRole::Navigation:
        return "navigation";
    case AccessRole::TabList:
        return "tablist";
    case AccessRole::Tab:
        return "tab";
    case AccessRole::Button:
        return "button";
    case AccessRole::Link:
        return "link";
    case AccessRole::SearchBox:
        return "searchbox";
    case AccessRole::TextBox:
        return "textbox";
    case AccessRole::ComboBox:
        return "combobox";
    case AccessRole::Option:
        return "option";
    case AccessRole::Checkbox:
        return "checkbox";
    case AccessRole::Heading:
        return "heading";
    case AccessRole::Text:
        return "text";
    case AccessRole::Article:
        return "article";
    case AccessRole::Grid:
        return "grid";
    case AccessRole::Row:
        return "row";
    case AccessRole::ColumnHeader:
        return "columnheader";
    case AccessRole::RowHeader:
        return "rowheader";
    case AccessRole::GridCell:
        return "gridcell";
    case AccessRole::Menu:
        return "menu";
    case AccessRole::MenuItem:
        return "menuitem";
    case AccessRole::List:
        return "list";
    case AccessRole::ListItem:
        return "listitem";
    }
    return "group";
}

void AccessTree::clear() {
    nodes_.clear();
    open_.clear();
    focus.clear();
    focusVisible = false;
}

int AccessTree::add(AccessNode node) {
    node.parent = open_.empty() ? -1 : open_.back();
    nodes_.push_back(std::move(node));
    return static_cast<int>(nodes_.size()) - 1;
}

int AccessTree::open(AccessNode node) {
    const int index = add(std::move(node));
    open_.push_back(index);
    return index;
}

void AccessTree::close() {
    if (!open_.empty()) open_.pop_back();
}

const AccessNode* AccessTree::find(const std::string& id) const {
    for (const AccessNode& n : nodes_)
        if (n.id == id) return &n;
    return nullptr;
}

namespace {

// FNV-1a, 64 bit: stable across builds, cheap for a few kilobytes a frame.
struct Fnv {
    std::uint64_t h = 1469598103934665603ull;
    void bytes(const void* data, size_t size) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (size_t i = 0; i < size; ++i) {
            h ^= p[i];
            h *= 1099511628211ull;
        }
    }
    void str(const std::string& s) {
        bytes(s.data(), s.size());
        const unsigned char end = 0xFF; // "ab"+"c" must differ from "a"+"bc"
        bytes(&end, 1);
    }
    template <class T> void pod(T v) { bytes(&v, sizeof v); }
};

} // namespace

std::uint64_t AccessTree::hash(bool geometry) const {
    Fnv f;
    if (geometry) {
        // Boxes, and whether each is scrolled out of view (which follows its box and changes
        // with every scroll, so it goes with the geometry, sent once a scroll settles).
        for (const AccessNode& n : nodes_) {
            f.pod(n.has(kAccessOffscreen));
            for (const float v : n.rect) f.pod(static_cast<long>(std::lround(v * 2.0f)));
        }
        return f.h;
    }
    f.str(focus);
    f.pod(focusVisible);
    for (const AccessNode& n : nodes_) {
        f.str(n.id);
        f.pod(n.role);
        f.str(n.name);
        f.str(n.value);
        f.str(n.description);
        f.pod(n.parent);
        f.pod(n.level);
        f.pod(n.columns);
        f.pod(n.index);
        f.pod(static_cast<decltype(n.state)>(n.state & ~kAccessOffscreen));
    }
    return f.h;
}

namespace {

// JSON written directly: a tree of 10,000 cards' window is sent whenever it changes, and building
// nlohmann::json objects node by node cost more than the rest of such a frame.
void appendJsonString(std::string& out, std::string_view s) {
    out += '"';
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) { // valid UTF-8 as it is; a bad byte becomes U+FFFD
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

void appendKey(std::string& out, const char* key) {
    out += ",\"";
    out += key;
    out += "\":";
}

// A coordinate rounded to 1/100 px, without trailing zeros.
// Hundredths of a pixel, trailing zeros dropped ("12.5", "-3", "0.25"); written with integer
// arithmetic: printf's float formatting was a third of the cost of sending a tree.
void appendNumber(std::string& out, float v) {
    const long long hundredths = std::llround(static_cast<double>(v) * 100.0);
    if (hundredths < 0) out += '-';
    const unsigned long long magnitude =
        hundredths < 0 ? 0ULL - static_cast<unsigned long long>(hundredths)
                       : static_cast<unsigned long long>(hundredths);
    out += std::to_string(magnitude / 100);
    const unsigned fraction = static_cast<unsigned>(magnitude % 100);
    if (fraction == 0) return;
    out += '.';
    out += static_cast<char>('0' + fraction / 10);
    if (fraction % 10) out += static_cast<char>('0' + fraction % 10);
}

} // namespace

std::string AccessTree::toJson(float zoom) const {
    std::string out;
    out.reserve(64 + nodes_.size() * 160);
    out += "{\"focus\":";
    appendJsonString(out, focus);
    out += ",\"focusVisible\":";
    out += focusVisible ? "true" : "false";
    out += ",\"nodes\":[";
    bool firstNode = true;
    for (const AccessNode& n : nodes_) {
        if (!firstNode) out += ',';
        firstNode = false;
        out += "{\"id\":";
        appendJsonString(out, n.id);
        appendKey(out, "role");
        appendJsonString(out, accessRoleName(n.role));
        appendKey(out, "name");
        appendJsonString(out, n.name);
        if (n.parent >= 0) {
            appendKey(out, "parent");
            out += std::to_string(n.parent);
        }
        if (!n.value.empty()) {
            appendKey(out, "value");
            appendJsonString(out, n.value);
        }
        if (!n.description.empty()) {
            appendKey(out, "description");
            appendJsonString(out, n.description);
        }
        for (const auto& [key, v] : {std::pair<const char*, int>{"level", n.level},
                                     {"columns", n.columns},
                                     {"index", n.index}}) {
            if (!v) continue;
            appendKey(out, key);
            out += std::to_string(v);
        }
        if (n.rect[2] > 0 && n.rect[3] > 0) {
            appendKey(out, "rect");
            for (int k = 0; k < 4; ++k) {
                out += k ? ',' : '[';
                appendNumber(out, n.rect[k] * zoom);
            }
            out += ']';
        }
        if (n.state) {
            appendKey(out, "state");
            std::string s;
            const auto flag = [&](const char* key, bool value) {
                s += s.empty() ? "{\"" : ",\"";
                s += key;
                s += value ? "\":true" : "\":false";
            };
            if (n.has(kAccessFocusable)) flag("focusable", true);
            if (n.has(kAccessPressable)) flag("pressed", n.has(kAccessPressed));
            if (n.has(kAccessExpandable)) flag("expanded", n.has(kAccessExpanded));
            if (n.has(kAccessSelected)) flag("selected", true);
            if (n.has(kAccessCheckable)) flag("checked", n.has(kAccessChecked));
            if (n.has(kAccessCurrent)) flag("current", true);
            if (n.has(kAccessOffscreen)) flag("offscreen", true);
            if (n.has(kAccessDisabled)) flag("disabled", true);
            out += s.empty() ? "{}" : s + "}";
        }
        out += '}';
    }
    out += "]}";
    return out;
}

std::vector<std::string> AccessTree::problems() const {
    std::vector<std::string> out;
    std::set<std::string> ids;
    std::map<std::pair<int, std::string>, std::string> siblings; // (parent, role+name) -> id
    for (const AccessNode& n : nodes_) {
        if (n.id.empty()) {
            out.push_back("a node without an id (" + std::string(accessRoleName(n.role)) + " \"" +
                          n.name + "\")");
            continue;
        }
        if (!ids.insert(n.id).second) out.push_back("duplicate id " + n.id);
        if (n.has(kAccessFocusable) && n.name.empty())
            out.push_back("focusable " + std::string(accessRoleName(n.role)) + " " + n.id +
                          " has no name");
        if (n.role == AccessRole::Group || n.role == AccessRole::Text || n.name.empty()) continue;
        const auto key =
            std::make_pair(n.parent, std::string(accessRoleName(n.role)) + ":" + n.name);
        const auto [it, fresh] = siblings.emplace(key, n.id);
        if (!fresh)
            out.push_back("siblings " + it->second + " and " + n.id + " are both " +
                          accessRoleName(n.role) + " \"" + n.name + "\"");
    }
    return out;
}

} // namespace rx
