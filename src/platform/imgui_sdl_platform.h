// ImGui's platform half on SDL2 in a browser: window size, time, mouse, cursor and the events
// ImGui reads. Replaces imgui_impl_sdl.cpp (1.86), which also polls gamepads every frame and
// so linked SDL's game controller code and mapping database (about 11 KB of wasm) that a
// page never uses, and SDL's clipboard, which the explorer replaces with the browser's.
#pragma once

union SDL_Event;
struct SDL_Window;

namespace rx {

void imguiSdlInit(SDL_Window* window);
void imguiSdlProcessEvent(const SDL_Event& event);
// scale= zooms the whole UI like the browser's zoom: ImGui lays out in CSS px / zoom, so custom
// drawing (cards, matrix) grows with the widgets, and draws at CSS px x DPR x zoom.
void imguiSdlNewFrame(float zoom = 1.0f);

} // namespace rx
