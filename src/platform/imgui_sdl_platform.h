// ImGui's platform half on SDL2 in a browser: window size, time, cursor, and SDL's events fed to
// ImGui's input event queue. Follows upstream's backends/imgui_impl_sdl2.cpp (1.90) with these
// trims and changes:
//  - no gamepads: upstream polls them every frame, which links SDL's game controller code and
//    mapping database (about 11 KB of wasm) that a page never uses;
//  - no SDL clipboard: the explorer uses the browser's (main_web.cpp);
//  - every position is divided by the UI zoom (see imguiSdlNewFrame);
//  - a button event carries its own position, queued before it, so a press is seen where it
//    happened even when motion events follow in the same frame;
//  - the IME data callback goes to a listener (where to put a real text field) instead of
//    SDL_SetTextInputRect, which does nothing in a browser.
#pragma once

union SDL_Event;
struct SDL_Window;

namespace rx {

// Where ImGui wants text typed, from its IME data callback (io.SetPlatformImeDataFn): whether a
// text field is active, and its caret (top-left, CSS px relative to the canvas) and line height.
struct TextInputSpot {
    bool wanted = false;
    float x = 0.0f;
    float y = 0.0f;
    float lineHeight = 0.0f;
};
// Called from ImGui::Render()/EndFrame() when the spot changed (ImGui compares it each frame).
using TextInputListener = void (*)(const TextInputSpot& spot);

void imguiSdlInit(SDL_Window* window, TextInputListener onTextInput);
// Queues the event's input into ImGui (io.AddKeyEvent, AddMouseButtonEvent, ...). ImGui applies
// the queue in order at the next NewFrame, spreading a press and release of one key or button
// over two frames ("trickling"), so no quick press is lost.
void imguiSdlProcessEvent(const SDL_Event& event);
// zoom scales the whole UI like the browser's zoom: ImGui lays out in CSS px / zoom, so custom
// drawing (cards, matrix) grows with the widgets, and draws at CSS px x DPR x zoom.
void imguiSdlNewFrame(float zoom = 1.0f);
// True while ImGui's input queue still holds events it will apply in later frames (trickling):
// the loop must keep drawing until it is empty.
bool imguiSdlInputPending();
// The last spot ImGui reported.
TextInputSpot imguiSdlTextInputSpot();

} // namespace rx
