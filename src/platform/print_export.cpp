// Text the page asks the app for: the print rendition for web/print.js (rx_print_html("") is what
// the explorer shows now, rx_print_html("#view=matrix&...") any state, also in a page that never
// starts the canvas) and the Embed panel's code for web/embedpanel.js (rx_embed_code).
#include "text_agent.h"
#include "ui/app.h"

#include <emscripten.h>

#include <string>

namespace {
std::string g_printHtml; // keeps the returned strings alive for JS
} // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* rx_print_html(const char* hashOrQuery) {
    rx::ui::App* app = rx::platform::app();
    g_printHtml = app ? app->printHtml(hashOrQuery ? hashOrQuery : "") : std::string();
    return g_printHtml.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* rx_embed_code(const char* optionsJson) {
    rx::ui::App* app = rx::platform::app();
    g_printHtml = app ? app->embedCode(optionsJson ? optionsJson : "{}") : std::string("{}");
    return g_printHtml.c_str();
}

} // extern "C"
