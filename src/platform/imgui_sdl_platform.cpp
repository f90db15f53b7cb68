#include "imgui_sdl_platform.h"

#include <SDL.h>
#include <imgui.h>
// InputEventsQueue: 1.90.1 has no public way to ask whether queued input is still waiting.
#include <imgui_internal.h>

#include <cfloat>

namespace rx {
namespace {

struct State {
    SDL_Window* window = nullptr;
    Uint64 time = 0;
    float zoom = 1.0f;
    int mouseButtonsDown = 0;
    int pendingMouseLeaveFrame = 0;
    SDL_Cursor* cursors[ImGuiMouseCursor_COUNT] = {};
    SDL_Cursor* lastCursor = nullptr;
    TextInputListener onTextInput = nullptr;
    TextInputSpot spot;
};

State s;

struct KeyPair {
    SDL_Keycode sdl;
    ImGuiKey imgui;
};
// Upstream's table (imgui_impl_sdl2.cpp) without the keypad digits and operators, lock and
// print keys, F13-F24 and the app back/forward keys, which a browser's key events rarely carry.
constexpr KeyPair kKeys[] = {
    {SDLK_TAB, ImGuiKey_Tab},
    {SDLK_LEFT, ImGuiKey_LeftArrow},
    {SDLK_RIGHT, ImGuiKey_RightArrow},
    {SDLK_UP, ImGuiKey_UpArrow},
    {SDLK_DOWN, ImGuiKey_DownArrow},
    {SDLK_PAGEUP, ImGuiKey_PageUp},
    {SDLK_PAGEDOWN, ImGuiKey_PageDown},
    {SDLK_HOME, ImGuiKey_Home},
    {SDLK_END, ImGuiKey_End},
    {SDLK_INSERT, ImGuiKey_Insert},
    {SDLK_DELETE, ImGuiKey_Delete},
    {SDLK_BACKSPACE, ImGuiKey_Backspace},
    {SDLK_SPACE, ImGuiKey_Space},
    {SDLK_RETURN, ImGuiKey_Enter},
    {SDLK_ESCAPE, ImGuiKey_Escape},
    {SDLK_QUOTE, ImGuiKey_Apostrophe},
    {SDLK_COMMA, ImGuiKey_Comma},
    {SDLK_MINUS, ImGuiKey_Minus},
    {SDLK_PERIOD, ImGuiKey_Period},
    {SDLK_SLASH, ImGuiKey_Slash},
    {SDLK_SEMICOLON, ImGuiKey_Semicolon},
    {SDLK_EQUALS, ImGuiKey_Equal},
    {SDLK_LEFTBRACKET, ImGuiKey_LeftBracket},
    {SDLK_BACKSLASH, ImGuiKey_Backslash},
    {SDLK_RIGHTBRACKET, ImGuiKey_RightBracket},
    {SDLK_BACKQUOTE, ImGuiKey_GraveAccent},
    {SDLK_KP_ENTER, ImGuiKey_KeypadEnter},
    {SDLK_LCTRL, ImGuiKey_LeftCtrl},
    {SDLK_LSHIFT, ImGuiKey_LeftShift},
    {SDLK_LALT, ImGuiKey_LeftAlt},
    {SDLK_LGUI, ImGuiKey_LeftSuper},
    {SDLK_RCTRL, ImGuiKey_RightCtrl},
    {SDLK_RSHIFT, ImGuiKey_RightShift},
    {SDLK_RALT, ImGuiKey_RightAlt},
    {SDLK_RGUI, ImGuiKey_RightSuper},
    {SDLK_APPLICATION, ImGuiKey_Menu},
};

ImGuiKey keycodeToImGuiKey(SDL_Keycode keycode) {
    // Letters, digits and F1-F12 are contiguous in both enums.
    if (keycode >= SDLK_a && keycode <= SDLK_z)
        return static_cast<ImGuiKey>(ImGuiKey_A + (keycode - SDLK_a));
    if (keycode >= SDLK_0 && keycode <= SDLK_9)
        return static_cast<ImGuiKey>(ImGuiKey_0 + (keycode - SDLK_0));
    if (keycode >= SDLK_F1 && keycode <= SDLK_F12)
        return static_cast<ImGuiKey>(ImGuiKey_F1 + (keycode - SDLK_F1));
    for (const KeyPair& k : kKeys)
        if (k.sdl == keycode) return k.imgui;
    return ImGuiKey_None;
}

// The event's own modifiers, queued before its key: a quick Ctrl+K arrives as Ctrl+K, not as
// whatever SDL_GetModState() says after every queued event.
void addKeyModifiers(Uint16 mod) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, (mod & KMOD_CTRL) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (mod & KMOD_SHIFT) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (mod & KMOD_ALT) != 0);
    io.AddKeyEvent(ImGuiMod_Super, (mod & KMOD_GUI) != 0);
}

ImGuiMouseSource mouseSource(Uint32 which) {
    return which == SDL_TOUCH_MOUSEID ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse;
}

void addMousePos(int x, int y) {
    ImGui::GetIO().AddMousePosEvent(static_cast<float>(x) / s.zoom, static_cast<float>(y) / s.zoom);
}

int imguiMouseButton(Uint8 sdlButton) {
    switch (sdlButton) {
    case SDL_BUTTON_LEFT:
        return 0;
    case SDL_BUTTON_RIGHT:
        return 1;
    case SDL_BUTTON_MIDDLE:
        return 2;
    case SDL_BUTTON_X1:
        return 3;
    case SDL_BUTTON_X2:
        return 4;
    default:
        return -1;
    }
}

void setPlatformImeData(ImGuiViewport*, ImGuiPlatformImeData* data) {
    TextInputSpot spot;
    spot.wanted = data->WantVisible;
    if (spot.wanted) {
        spot.x = data->InputPos.x * s.zoom;
        spot.y = data->InputPos.y * s.zoom;
        spot.lineHeight = data->InputLineHeight * s.zoom;
    }
    s.spot = spot;
    if (s.onTextInput) s.onTextInput(spot);
}

void updateMouseCursor() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.ConfigFlags & ImGuiConfigFlags_NoMouseCursorChange) return;
    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (io.MouseDrawCursor || cursor == ImGuiMouseCursor_None) {
        SDL_ShowCursor(SDL_FALSE);
        return;
    }
    // SDL's emscripten driver turns these into the canvas's CSS cursor; setting it costs a
    // style write, so only on a change.
    SDL_Cursor* wanted = s.cursors[cursor] ? s.cursors[cursor] : s.cursors[ImGuiMouseCursor_Arrow];
    if (s.lastCursor != wanted) {
        SDL_SetCursor(wanted);
        s.lastCursor = wanted;
    }
    SDL_ShowCursor(SDL_TRUE);
}

} // namespace

void imguiSdlInit(SDL_Window* window, TextInputListener onTextInput) {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "rx_sdl";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors | ImGuiBackendFlags_HasSetMousePos;
    io.SetPlatformImeDataFn = setPlatformImeData;
    s.window = window;
    s.onTextInput = onTextInput;

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
    case SDL_MOUSEMOTION:
        io.AddMouseSourceEvent(mouseSource(event.motion.which));
        addMousePos(event.motion.x, event.motion.y);
        break;
    case SDL_MOUSEWHEEL: {
        // x is flipped to match ImGui's other backends. SDL 2.26.5's emscripten driver scales y to
        // wheel steps (100 px or 3 lines) but passes x in pixels, hence upstream's x / 100 on
        // Emscripten; SDL 2.32.4's scales both.
        float wheelX = -event.wheel.preciseX;
#if !SDL_VERSION_ATLEAST(2, 32, 0)
        wheelX /= 100.0f;
#endif
        io.AddMouseSourceEvent(mouseSource(event.wheel.which));
        io.AddMouseWheelEvent(wheelX, event.wheel.preciseY);
        break;
    }
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
        const int button = imguiMouseButton(event.button.button);
        if (button < 0) break;
        io.AddMouseSourceEvent(mouseSource(event.button.which));
        addMousePos(event.button.x, event.button.y);
        const bool down = event.type == SDL_MOUSEBUTTONDOWN;
        io.AddMouseButtonEvent(button, down);
        s.mouseButtonsDown =
            down ? (s.mouseButtonsDown | (1 << button)) : (s.mouseButtonsDown & ~(1 << button));
        break;
    }
    case SDL_TEXTINPUT:
        io.AddInputCharactersUTF8(event.text.text);
        break;
    case SDL_KEYDOWN:
    case SDL_KEYUP:
        addKeyModifiers(event.key.keysym.mod);
        io.AddKeyEvent(keycodeToImGuiKey(event.key.keysym.sym), event.type == SDL_KEYDOWN);
        break;
    case SDL_WINDOWEVENT:
        // Upstream applies a leave one frame late (SDL may send leave + enter around a capture).
        if (event.window.event == SDL_WINDOWEVENT_ENTER) s.pendingMouseLeaveFrame = 0;
        if (event.window.event == SDL_WINDOWEVENT_LEAVE)
            s.pendingMouseLeaveFrame = ImGui::GetFrameCount() + 1;
        if (event.window.event == SDL_WINDOWEVENT_FOCUS_GAINED) io.AddFocusEvent(true);
        if (event.window.event == SDL_WINDOWEVENT_FOCUS_LOST) io.AddFocusEvent(false);
        break;
    default:
        break;
    }
}

void imguiSdlNewFrame(float zoom) {
    if (!(zoom > 0)) zoom = 1.0f;
    s.zoom = zoom;
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

    // Not necessarily monotonic in browsers (upstream #6189): never a zero or negative step.
    static const Uint64 frequency = SDL_GetPerformanceFrequency();
    Uint64 now = SDL_GetPerformanceCounter();
    if (now <= s.time) now = s.time + 1;
    io.DeltaTime =
        s.time > 0
            ? static_cast<float>(static_cast<double>(now - s.time) / static_cast<double>(frequency))
            : 1.0f / 60.0f;
    s.time = now;

    if (s.pendingMouseLeaveFrame && s.pendingMouseLeaveFrame >= ImGui::GetFrameCount() &&
        s.mouseButtonsDown == 0) {
        s.pendingMouseLeaveFrame = 0;
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    }
    if (io.WantSetMousePos && (SDL_GetWindowFlags(s.window) & SDL_WINDOW_INPUT_FOCUS))
        SDL_WarpMouseInWindow(s.window, static_cast<int>(io.MousePos.x * zoom),
                              static_cast<int>(io.MousePos.y * zoom));
    updateMouseCursor();
}

bool imguiSdlInputPending() {
    const ImGuiContext* context = ImGui::GetCurrentContext();
    return context && context->InputEventsQueue.Size > 0;
}

TextInputSpot imguiSdlTextInputSpot() {
    return s.spot;
}

} // namespace rx
