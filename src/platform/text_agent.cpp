// Exports for web/textagent.js. Offsets arrive in UTF-16 code units (the DOM's), the app works
// in UTF-8 bytes; the conversions and every decision are pure functions (core/text_input.h).
#include "text_agent.h"

#include "glyph_fallback.h"
#include "text_input.h"
#include "ui/app.h"

#include <SDL.h>
#include <emscripten.h>

#include <string>

namespace {

enum KeyModifier { kCtrl = 1, kMeta = 2, kShift = 4, kAlt = 8, kComposing = 16 };

rx::KeyPress keyPress(const char* key, int mods) {
    rx::KeyPress k;
    k.key = key ? key : "";
    k.ctrl = (mods & kCtrl) != 0;
    k.meta = (mods & kMeta) != 0;
    k.shift = (mods & kShift) != 0;
    k.alt = (mods & kAlt) != 0;
    k.composing = (mods & kComposing) != 0;
    return k;
}

// Tab from a twin continues the explorer's own Tab order: the views read it as the key press a
// canvas with the keyboard would have had.
void pushTab(bool shift) {
    SDL_Event event{};
    event.type = SDL_KEYDOWN;
    event.key.state = SDL_PRESSED;
    event.key.keysym.scancode = SDL_SCANCODE_TAB;
    event.key.keysym.sym = SDLK_TAB;
    event.key.keysym.mod = shift ? KMOD_LSHIFT : KMOD_NONE;
    SDL_PushEvent(&event);
    event.type = SDL_KEYUP;
    event.key.state = SDL_RELEASED;
    SDL_PushEvent(&event);
}

std::string g_answer; // keeps a returned string alive for JS

} // namespace

extern "C" {

// A twin's value, selection (UTF-16 offsets; `backward`: the caret is at the start) and the
// input method's pre-edit range (equal offsets: none).
EMSCRIPTEN_KEEPALIVE void rx_text_input(const char* id, const char* text, int selStart, int selEnd,
                                        int backward, int compStart, int compEnd) {
    rx::ui::App* app = rx::platform::app();
    if (!app || !id || !text) return;
    rx::ui::DomTextState state;
    state.text = text;
    const auto bytes = [&](int units) {
        return rx::utf16ToUtf8Offset(state.text, units > 0 ? static_cast<size_t>(units) : 0);
    };
    state.selStart = bytes(selStart);
    state.selEnd = bytes(selEnd);
    state.backward = backward != 0;
    state.compStart = bytes(compStart);
    state.compEnd = bytes(compEnd);
    app->twinInput(id, state);
    rx::platform::wakeLoop();
}

EMSCRIPTEN_KEEPALIVE void rx_text_focus(const char* id, int focused) {
    rx::ui::App* app = rx::platform::app();
    if (!app || !id) return;
    // Keys held when the twin took the keyboard (Ctrl of Ctrl+K) are released there, where SDL
    // does not listen: release them here, or Ctrl would stay down for the explorer.
    if (focused) SDL_ResetKeyboard();
    app->twinFocus(id, focused != 0, rx::platform::nextInputSerial());
    rx::platform::wakeLoop();
}

// A key pressed in a twin. Returns "" (the twin edits: typing, arrows, Backspace, undo, ...),
// "handled" (the explorer's own key: the page prevents its default) or "select-all" (Ctrl+F).
EMSCRIPTEN_KEEPALIVE const char* rx_text_key(const char* id, const char* key, int mods) {
    rx::ui::App* app = rx::platform::app();
    if (!app || !id) return "";
    const rx::FieldKey route = rx::routeFieldKey(keyPress(key, mods));
    switch (route) {
    case rx::FieldKey::Edit:
        return "";
    case rx::FieldKey::SelectAll:
        return "select-all";
    case rx::FieldKey::TabForward:
    case rx::FieldKey::TabBackward:
        if (rx::ui::TextField* field = app->textField(id)) field->expectLeave();
        pushTab(route == rx::FieldKey::TabBackward);
        return "handled";
    default:
        break;
    }
    const bool handled = app->twinKey(id, route);
    rx::platform::wakeLoop();
    return handled ? "handled" : "";
}

// A key pressed in the canvas: "focus:<field id>", "handled" or "" (see App::canvasKey).
EMSCRIPTEN_KEEPALIVE const char* rx_canvas_key(const char* key, int mods) {
    rx::ui::App* app = rx::platform::app();
    if (!app) return "";
    const rx::CanvasKey route = rx::routeCanvasKey(keyPress(key, mods));
    if (route == rx::CanvasKey::None) return "";
    g_answer = app->canvasKey(route);
    rx::platform::wakeLoop();
    return g_answer.c_str();
}

// What of a paste or drop goes into the field: one line, cut at the field's limit on a character
// boundary (`keptBytes`: the UTF-8 bytes of the value outside the replaced selection).
EMSCRIPTEN_KEEPALIVE const char* rx_text_fit(const char* id, const char* inserted, int keptBytes) {
    rx::ui::App* app = rx::platform::app();
    const rx::ui::TextField* field = app && id ? app->textField(id) : nullptr;
    if (!field || !inserted) return "";
    g_answer = rx::fitInsertion(inserted, keptBytes > 0 ? static_cast<size_t>(keptBytes) : 0,
                                field->maxBytes());
    return g_answer.c_str();
}

// Whether Dear ImGui can lay out this text one glyph per code point (core needsShaping): the page
// shows text that needs shaping in the field's DOM twin instead. The same decision the status
// line makes, asked of the wasm so the two never disagree.
EMSCRIPTEN_KEEPALIVE int rx_needs_shaping(const char* text) {
    return text && rx::needsShaping(text) ? 1 : 0;
}

} // extern "C"
