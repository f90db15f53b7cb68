#include "copy_payload.h"

#include <nlohmann/json.hpp>

namespace rx::ui {

void CopyButtons::add(ImVec2 min, ImVec2 max, Payload payload) {
    buttons_.push_back({min, max, std::move(payload)});
}

CopyPayload CopyButtons::at(ImVec2 press, ImVec2 release) const {
    const auto within = [](const Button& b, ImVec2 p) {
        return p.x >= b.min.x && p.y >= b.min.y && p.x < b.max.x && p.y < b.max.y;
    };
    for (auto it = buttons_.rbegin(); it != buttons_.rend(); ++it)
        if (within(*it, press) && within(*it, release))
            return it->payload ? it->payload() : CopyPayload{};
    return {};
}

void sendCopy(Host& host, const CopyPayload& payload) {
    if (!payload.hash.empty())
        host.call("copy-link", nlohmann::json{{"hash", payload.hash}}.dump());
    else if (!payload.text.empty())
        host.call("copy", nlohmann::json{{"text", payload.text}}.dump());
}

std::string copyPayloadJson(const CopyPayload& payload, bool onPress) {
    if (payload.empty()) return {};
    nlohmann::json j;
    if (!payload.hash.empty())
        j["hash"] = payload.hash;
    else
        j["text"] = payload.text;
    if (onPress) j["press"] = true;
    return j.dump();
}

} // namespace rx::ui
