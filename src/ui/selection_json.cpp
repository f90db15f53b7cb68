#include "selection_json.h"

#include <algorithm>

namespace rx::ui {

nlohmann::json selectionJson(const TextBlocks& blocks, TextPoint a, TextPoint f, bool touch) {
    using nlohmann::json;
    const TextPoint start = std::min(a, f), end = std::max(a, f);
    const auto point = [&](TextPoint p) {
        return json{{"block", blocks[static_cast<size_t>(p.block)].id}, {"offset", p.offset}};
    };
    const std::string& owner = blocks[static_cast<size_t>(start.block)].owner;
    return {{"text", selectedText(blocks, a, f)},
            {"card", owner.empty() ? json(nullptr) : json(owner)},
            {"start", point(start)},
            {"end", point(end)},
            {"touch", touch}};
}

std::string textLayoutJson(const TextLayer& layer, const TextBlocks& blocks, float dy) {
    using nlohmann::json;
    json runs = json::array();
    for (const TextLayer::Run& r : layer.runs()) {
        if (r.block < 0 || static_cast<size_t>(r.block) >= blocks.size()) continue;
        runs.push_back({{"block", blocks[static_cast<size_t>(r.block)].id},
                        {"line", r.line},
                        {"rect", {r.left, r.top - dy, r.right - r.left, r.bottom - r.top}},
                        {"begin", r.begin},
                        {"end", r.end}});
    }
    return runs.dump();
}

} // namespace rx::ui
