// The Embed panel's code: the page's panel (web/embedpanel.js) sends its options, the
// app answers with the current view's embed URL and <iframe> snippets (core/embed_code.h).
#include "app.h"

#include "embed_code.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <type_traits>

namespace rx::ui {

std::string App::embedCode(const std::string& optionsJson) {
    using nlohmann::json;
    const json in = json::parse(optionsJson, nullptr, false);
    if (!in.is_object()) return json{{"error", "options must be a JSON object"}}.dump();
    // Built without exceptions: read each value only when it has the right type.
    const auto text = [&](const char* key, std::string& out) {
        if (in.contains(key) && in[key].is_string()) out = in[key].get<std::string>();
    };
    const auto flag = [&](const char* key, bool& out) {
        if (in.contains(key) && in[key].is_boolean()) out = in[key].get<bool>();
    };
    const auto number = [&](const char* key, auto& out) {
        if (in.contains(key) && in[key].is_number())
            out = static_cast<std::decay_t<decltype(out)>>(
                std::clamp(in[key].get<double>(), -100000.0, 100000.0));
    };
    EmbedOptions o;
    std::string base = "./";
    text("theme", o.theme);
    flag("transparent", o.transparentBg);
    number("scale", o.scale);
    flag("controls", o.controls);
    number("width", o.width);
    number("height", o.height);
    text("title", o.title);
    text("base", base);
    const UrlState view = started_ ? composeUrl() : url_;
    return json{{"url", embedUrl(base, view, o)},
                {"reveal", embedSnippet(base, view, o, true)},
                {"page", embedSnippet(base, view, o, false)}}
        .dump();
}

} // namespace rx::ui
