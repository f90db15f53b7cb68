// The print rendition for web/print.js: rx_print_html("") is what the explorer shows now,
// rx_print_html("#view=matrix&...") any state (a page that never starts the canvas).
#include "text_agent.h"
#include "ui/app.h"

#include <emscripten.h>

#include <string>

namespace {
std::string g_printHtml; // keeps the returned string alive for JS
} // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* rx_print_html(const char* hashOrQuery) {
    rx::ui::App* app = rx::platform::app();
    g_printHtml = app ? app->printHtml(hashOrQuery ? hashOrQuery : "") : std::string();
    return g_printHtml.c_str();
}

} // extern "C"
