#include "imgui_sdl_platform.h"

#include <SDL.h>
#include <imgui.h>

#include <cfloat>
#include <cstring>

namespace rx {
namespace {

struct State {
    SDL_Window* window = nullptr;
    Uint64 time = 0;
    bool mousePressed[3] = {};
    SDL_Cursor* cursors[ImGuiMouseCursor_COUNT] = {};
};

State s;

} // namespace

void imguiSdlInit(SDL_Window* window) {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "rx_sdl";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors | ImGuiBackendFlags_HasSetMousePos;
    s.window = window;

    io.KeyMap[ImGuiKey_Tab] = SDL_SCANCODE_TAB;
    io.KeyMap[ImGuiKey_LeftArrow] = SDL_SCANCODE_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = SDL_SCANCODE_RIGHT;
    io.KeyMap[ImGuiKey_UpArrow] = SDL_SCANCODE_UP;
    io.KeyMap[ImGuiKey_DownArrow] = SDL_SCANCODE_DOWN;
    io.KeyMap[ImGuiKey_PageUp] = SDL_SCANCODE_PAGEUP;
    io.KeyMap[ImGuiKey_PageDown] = SDL_SCANCODE_PAGEDOWN;
    io.KeyMap[ImGuiKey_Home] = SDL_SCANCODE_HOME;
    io.KeyMap[ImGuiKey_End] = SDL_SCANCODE_END;
    io.KeyMap[ImGuiKey_Insert] = SDL_SCANCODE_INSERT;
    io.KeyMap[ImGuiKey_Delete] = SDL_SCANCODE_DELETE;
    io.KeyMap[ImGuiKey_Backspace] = SDL_SCANCODE_BACKSPACE;
    io.KeyMap[ImGuiKey_Space] = SDL_SCANCODE_SPACE;
    io.KeyMap[ImGuiKey_Enter] = SDL_SCANCODE_RETURN;
    io.KeyMap[ImGuiKey_Escape] = SDL_SCANCODE_ESCAPE;
    io.KeyMap[ImGuiKey_KeyPadEnter] = SDL_SCANCODE_KP_ENTER;
    io.KeyMap[ImGuiKey_A] = SDL_SCANCODE_A;
    io.KeyMap[ImGuiKey_C] = SDL_SCANCODE_C;
    io.KeyMap[ImGuiKey_V] = SDL_SCANCODE_V;
    io.KeyMap[ImGuiKey_X] = SDL_SCANCODE_X;
    io.KeyMap[ImGuiKey_Y] = SDL_SCANCODE_Y;
    io.KeyMap[ImGuiKey_Z] = SDL_SCANCODE_Z;

    // SDL's emscripten driver turns these into the canvas's CSS cursor.
    s.cursors[ImGuiMouseCursor_Arrow] = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_ARROW);
    s.cursors[ImGuiMouseCursor_TextInput] = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_IBEAM);
    s.cursors[ImGuiMouseCursor_ResizeAll] = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_SIZEALL);
    s.cursors[ImGuiMouseCursor_ResizeNS] = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_SIZENS);
    s.cursors[ImGuiMouseCursor_ResizeEW] = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_SIZEWE);
    s.cursors[ImGuiMouseCursor_ResizeNESW] = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_SIZENESW);
    s.cursors[ImGuiMouseCursor_ResizeNWSE] = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_SIZENWSE);
    s.cursors[ImGuiMouseCursor_Hand] = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_HAND);
    s.cursors[ImGuiMouseCursor_NotAllowed] = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_NO);
}

void imguiSdlProcessEvent(const SDL_Event& event) {
    ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
    case SDL_MOUSEWHEEL:
        if (event.wheel.x > 0) io.MouseWheelH += 1;
        if (event.wheel.x < 0) io.MouseWheelH -= 1;
        if (event.wheel.y > 0) io.MouseWheel += 1;
        if (event.wheel.y < 0) io.MouseWheel -= 1;
        break;
    case SDL_MOUSEBUTTONDOWN:
        // Held for this frame even if released before it: a short click is not lost.
        if (event.button.button == SDL_BUTTON_LEFT) s.mousePressed[0] = true;
        if (event.button.button == SDL_BUTTON_RIGHT) s.mousePressed[1] = true;
        if (event.button.button == SDL_BUTTON_MIDDLE) s.mousePressed[2] = true;
        break;
    case SDL_TEXTINPUT:
        io.AddInputCharactersUTF8(event.text.text);
        break;
    case SDL_KEYDOWN:
    case SDL_KEYUP: {
        const int key = event.key.keysym.scancode;
        if (key >= 0 && key < IM_ARRAYSIZE(io.KeysDown))
            io.KeysDown[key] = event.type == SDL_KEYDOWN;
        // The event's own modifiers, not SDL_GetModState() (the state after every queued
        // event): a quick Ctrl+K would otherwise arrive as a bare K.
        const Uint16 mod = event.key.keysym.mod;
        io.KeyShift = (mod & KMOD_SHIFT) != 0;
        io.KeyCtrl = (mod & KMOD_CTRL) != 0;
        io.KeyAlt = (mod & KMOD_ALT) != 0;
        io.KeySuper = (mod & KMOD_GUI) != 0;
        break;
    }
    case SDL_WINDOWEVENT:
        if (event.window.event == SDL_WINDOWEVENT_FOCUS_GAINED) io.AddFocusEvent(true);
        if (event.window.event == SDL_WINDOWEVENT_FOCUS_LOST) io.AddFocusEvent(false);
        break;
    default:
        break;
    }
}

void imguiSdlNewFrame(float zoom) {
    if (!(zoom > 0)) zoom = 1.0f;
    ImGuiIO& io = ImGui::GetIO();
    int w = 0, h = 0, pixelW = 0, pixelH = 0;
    SDL_GetWindowSize(s.window, &w, &h);
    if (SDL_GetWindowFlags(s.window) & SDL_WINDOW_MINIMIZED) w = h = 0;
    SDL_GetWindowSizeInPixels(s.window, &pixelW, &pixelH);
    io.DisplaySize = ImVec2(static_cast<float>(w) / zoom, static_cast<float>(h) / zoom);
    if (w > 0 && h > 0)
        io.DisplayFramebufferScale =
            ImVec2(static_cast<float>(pixelW) * zoom / static_cast<float>(w),
                   static_cast<float>(pixelH) * zoom / static_cast<float>(h));

    static const Uint64 frequency = SDL_GetPerformanceFrequency();
    const Uint64 now = SDL_GetPerformanceCounter();
    io.DeltaTime =
        s.time > 0
            ? static_cast<float>(static_cast<double>(now - s.time) / static_cast<double>(frequency))
            : 1.0f / 60.0f;
    s.time = now;

    // Mouse: position and buttons as SDL last saw them, plus presses seen since the last frame.
    const ImVec2 previousPos = io.MousePos;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    int x = 0, y = 0;
    const Uint32 buttons = SDL_GetMouseState(&x, &y);
    io.MouseDown[0] = s.mousePressed[0] || (buttons & SDL_BUTTON(SDL_BUTTON_LEFT)) != 0;
    io.MouseDown[1] = s.mousePressed[1] || (buttons & SDL_BUTTON(SDL_BUTTON_RIGHT)) != 0;
    io.MouseDown[2] = s.mousePressed[2] || (buttons & SDL_BUTTON(SDL_BUTTON_MIDDLE)) != 0;
    s.mousePressed[0] = s.mousePressed[1] = s.mousePressed[2] = false;
    if (SDL_GetWindowFlags(s.window) & SDL_WINDOW_INPUT_FOCUS) {
        if (io.WantSetMousePos)
            SDL_WarpMouseInWindow(s.window, static_cast<int>(previousPos.x * zoom),
                                  static_cast<int>(previousPos.y * zoom));
        io.MousePos = ImVec2(static_cast<float>(x) / zoom, static_cast<float>(y) / zoom);
    }

    if (!(io.ConfigFlags & ImGuiConfigFlags_NoMouseCursorChange)) {
        const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
        if (io.MouseDrawCursor || cursor == ImGuiMouseCursor_None) {
            SDL_ShowCursor(SDL_FALSE);
        } else {
            SDL_SetCursor(s.cursors[cursor] ? s.cursors[cursor]
                                            : s.cursors[ImGuiMouseCursor_Arrow]);
            SDL_ShowCursor(SDL_TRUE);
        }
    }

    // ImGui 1.86 maps navigation keys into NavInputs each frame; the backend clears them.
    std::memset(io.NavInputs, 0, sizeof(io.NavInputs));
}

} // namespace rx
