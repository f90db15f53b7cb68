#include "copy_payload.h"

#include <nlohmann/json.hpp>

namespace rx::ui {

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
