#include "embed_code.h"

#include "html_rendition.h"

#include <algorithm>
#include <cmath>

namespace rx {

UrlState embedState(const UrlState& view, const EmbedOptions& options) {
    UrlState s = view;
    s.embed = true;
    s.theme = options.theme == "light" || options.theme == "dark" ? options.theme : "auto";
    s.transparentBg = options.transparentBg;
    const float scale = std::isfinite(options.scale) ? options.scale : 1.0f;
    s.scale = std::round(std::clamp(scale, kMinScale, kMaxScale) * 100.0f) / 100.0f;
    s.controls = options.controls ? 1 : -1; // embeds hide the top bar unless asked
    s.parentOrigin.clear();
    return s;
}

std::string embedUrl(const std::string& baseUrl, const UrlState& view,
                     const EmbedOptions& options) {
    std::string query = encodeHash(embedState(view, options));
    if (!query.empty()) query[0] = '?';
    // A base that already has a query or a fragment keeps only its path.
    const std::string base = baseUrl.substr(0, baseUrl.find_first_of("?#"));
    return base + query;
}

std::string embedSnippet(const std::string& baseUrl, const UrlState& view,
                         const EmbedOptions& options, bool forReveal) {
    const int width = std::clamp(options.width, 240, 3840);
    const int height = std::clamp(options.height, 180, 2160);
    const std::string title = options.title.empty() ? "Rust overview explorer" : options.title;
    const std::string url = htmlEscape(embedUrl(baseUrl, view, options));
    std::string out = forReveal ? "<iframe class=\"explorer\" title=\"" : "<iframe title=\"";
    out += htmlEscape(title) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
           std::to_string(height) + "\"";
    out += forReveal ? " data-preload data-src=\"" + url + "\""
                     : " src=\"" + url + "\" loading=\"lazy\"";
    out += " allow=\"clipboard-write\"></iframe>";
    return out;
}

} // namespace rx
