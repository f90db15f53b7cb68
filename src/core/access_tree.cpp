#include "access_tree.h"

#include "hash.h"
#include "json_text.h"

#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <string>
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

// The tree is hashed twice every frame: hashBytes takes 8 bytes a step (a byte at a time cost
// more than the rest of the App's per-frame bookkeeping).
struct TreeHash {
    std::uint64_t h = 1469598103934665603ull;
    void bytes(const void* data, size_t size) { h = hashBytes(h, data, size); }
    void str(const std::string& s) { bytes(s.data(), s.size()); }
    template <class T> void pod(T v) {
        const auto w = static_cast<std::uint64_t>(v);
        bytes(&w, sizeof w);
    }
};

} // namespace

std::uint64_t AccessTree::hash(bool geometry) const {
    TreeHash f;
    if (geometry) {
        // Boxes, and whether each is scrolled out of view (which follows its box and changes
        // with every scroll, so it goes with the geometry, sent once a scroll settles).
        for (const AccessNode& n : nodes_) {
            f.pod(n.has(kAccessOffscreen));
            for (const float v : n.rect) f.pod(static_cast<long>(std::nearbyint(v * 2.0f)));
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

void appendKey(std::string& out, const char* key) {
    out += ",\"";
    out += key;
    out += "\":";
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
                appendJsonHundredths(out, n.rect[k] * zoom);
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

TreeSendDecision decideTreeSend(const TreeSendInput& in) {
    TreeSendDecision d;
    if (!in.structureChanged && (!in.geometryChanged || in.moving)) return d;
    if ((in.busy || in.typing) && !in.focusChanged && in.msSinceLastSend < kTreeEveryMs) {
        if (!in.busy) d.wakeInMs = kTreeEveryMs - in.msSinceLastSend;
        return d;
    }
    d.send = true;
    return d;
}

} // namespace rx
