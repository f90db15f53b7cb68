// Embed code for the current view (the Embed panel): the URL of an embed that shows
// it, and the <iframe> snippets for a reveal.js slide and for a plain page.
#pragma once
#include "url_state.h"

#include <string>

namespace rx {

struct EmbedOptions {
    std::string theme = "auto"; // auto | light | dark (anything else: auto)
    bool transparentBg = false;
    float scale = 1.0f;    // kMinScale..kMaxScale (clamped): projectors want 1.25-1.5
    bool controls = false; // the top bar inside the embed
    int width = 960;       // the iframe's size in CSS px, 240..3840 x 180..2160 (clamped)
    int height = 540;
    std::string title; // the iframe's accessible name; empty: "Rust overview explorer"
};

// The view's state with the embed display keys set from `options` (embed=1, theme, bg, scale,
// controls), the page-only keys dropped (parent origin), values clamped.
UrlState embedState(const UrlState& view, const EmbedOptions& options);

// `baseUrl` (the explorer's address, e.g. "https://example.org/rust-explorer/") + "?" + the
// embed state's keys: a query, so reveal.js and every host keep it as the iframe's src.
std::string embedUrl(const std::string& baseUrl, const UrlState& view, const EmbedOptions& options);

// <iframe class="explorer" title=... width height data-preload data-src=...></iframe> for a
// reveal.js slide (loaded with the deck, started and stopped by reveal's slide messages), or
// <iframe title=... width height src=... loading="lazy"></iframe> for a plain page. Attribute
// values are escaped.
std::string embedSnippet(const std::string& baseUrl, const UrlState& view,
                         const EmbedOptions& options, bool forReveal);

} // namespace rx
