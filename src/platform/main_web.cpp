// Browser platform: SDL2 + WebGL2 + emscripten main loop, DPI, clipboard and the JS bridge.
// The only file (with explorer_bridge.js) that knows about emscripten.
#include "idle_policy.h"
#include "imgui_sdl_platform.h"
#include "pointer_policy.h"
#include "redraw_policy.h"
#include "start_result.h"
#include "text_agent.h"
#include "ui/app.h"
#include "url_state.h"
#include "webgl_renderer.h"

#include <SDL.h>
#include <emscripten.h>
#include <emscripten/heap.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <malloc.h>

#include <GLES3/gl3.h>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <string>

extern "C" {
void rxjs_host_call(const char* name, const char* json, size_t length);
double rxjs_now_ms();
int rxjs_prefers_dark();
int rxjs_prefers_reduced_motion();
}

namespace {

class BrowserHost final : public rx::ui::Host {
  public:
    void call(const char* name, const std::string& json) override {
        rxjs_host_call(name, json.data(), json.size());
    }
    double nowMs() override { return rxjs_now_ms(); }
    bool prefersDark() override { return rxjs_prefers_dark() != 0; }
    bool prefersReducedMotion() override { return rxjs_prefers_reduced_motion() != 0; }
};

struct Platform {
    SDL_Window* window = nullptr;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    BrowserHost host;
    rx::ui::App app{host};
    rx::IdleState idle;
    rx::WebGlRenderer renderer;
    rx::RedrawGate redraw; // frames that would paint the same pixels skip WebGL (redraw_policy.h)
    bool prepared = false; // rx_prepare ran: content loaded, fonts rasterised
    bool loopRunning = false;
    bool firstFrameMarked = false;
    bool contentCompleteMarked = false;
    bool loopPaused = false;
    bool visible = true;
    bool contextLost = false;
    bool wakeRequested = true;
    float dpr = 1.0f;
    std::string stateJson; // keeps the returned string alive for JS
    std::string selectionText;
    std::string copyPayload;
    std::string textLayout;
    std::string pasteBuffer;
    // Each left press not yet applied by ImGui, oldest first (ImGui applies a second press of a
    // double click a frame later, trickling): SDL's click count, from the events' own times where
    // ImGui counts by frame times, and its input serial.
    std::deque<std::pair<int, unsigned>> presses;
    unsigned inputSerial = 0;
    // The primary pointer's events with their own times (boot.js): the speed of a lift.
    rx::PointerTrack pointerTrack;
};

Platform* g = nullptr;

// User Timing marks of the start-up phases (DevTools' Timings track, the bench's breakdown).
void markPhase(const char* name) {
    EM_ASM(
        {
            if (self.performance && performance.mark) performance.mark(UTF8ToString($0));
        },
        name);
}

void wakeLoop() {
    if (!g) return;
    g->wakeRequested = true;
    if (g->loopPaused && g->visible && !g->contextLost) {
        g->loopPaused = false;
        emscripten_resume_main_loop();
    }
}

// Runs synchronously when SDL queues an event (from its DOM listeners): wake a sleeping loop.
int onSdlEvent(void*, SDL_Event* event) {
    // SDL_PollEvent itself queues a poll sentinel on every call: waking on it would mean never
    // sleeping (a steady ~10 fps in software GL).
    if (event && event->type == SDL_POLLSENTINEL) return 1;
    // Called as SDL queues the event (from the browser's event): its place among the page's calls.
    const unsigned serial = rx::platform::nextInputSerial();
    if (event && event->type == SDL_MOUSEBUTTONDOWN && event->button.button == SDL_BUTTON_LEFT)
        g->presses.emplace_back(event->button.clicks, serial);
    wakeLoop();
    return 1;
}

void syncDpr() {
    float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (dpr != g->dpr) {
        g->dpr = dpr;
        g->app.setPixelRatio(dpr);
        // SDL sizes the drawing buffer (CSS size x DPR) only on a window resize event; a DPR
        // change can come without one (another screen, emulation), so send it one.
        EM_ASM({ window.dispatchEvent(new Event('resize')); });
    }
}

// The glyphs the page drew for what the fonts lack (src/ui/fallback_glyphs.h): uploaded when they
// changed, or always (a restored context has no textures).
void uploadFallbackGlyphs(bool always) {
    rx::ui::FallbackGlyphs& fallback = g->app.fallbackGlyphs();
    if ((fallback.takeTextureChange() || always) && fallback.textureHeight() > 0)
        g->renderer.uploadFallbackGlyphs(fallback.pixels().data(),
                                         rx::ui::FallbackGlyphs::kTextureWidth,
                                         fallback.textureHeight());
}

// What this frame's GL calls would paint, as a key: the draw data, its size and scale, the clear
// colour and the textures' contents (their upload count).
std::uint64_t frameKey(const ImDrawData* dd, const rx::ui::Rgba& clear, unsigned textureUploads) {
    std::uint64_t h = rx::hashBytes(0, &dd->DisplayPos, sizeof dd->DisplayPos);
    h = rx::hashBytes(h, &dd->DisplaySize, sizeof dd->DisplaySize);
    h = rx::hashBytes(h, &dd->FramebufferScale, sizeof dd->FramebufferScale);
    h = rx::hashBytes(h, &clear, sizeof clear);
    h = rx::hashBytes(h, &textureUploads, sizeof textureUploads);
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        h = rx::hashBytes(h, list->VtxBuffer.Data,
                          static_cast<size_t>(list->VtxBuffer.size_in_bytes()));
        h = rx::hashBytes(h, list->IdxBuffer.Data,
                          static_cast<size_t>(list->IdxBuffer.size_in_bytes()));
        h = rx::hashBytes(h, list->CmdBuffer.Data,
                          static_cast<size_t>(list->CmdBuffer.size_in_bytes()));
    }
    return h;
}

void renderFrame() {
    syncDpr();
    if (g->app.fontsDirty()) {
        g->app.rebuildFonts();
        g->renderer.uploadFontAtlas();
    }
    g->app.prepareFallbackGlyphs();
    uploadFallbackGlyphs(false);
    rx::imguiSdlNewFrame(g->app.uiScale());
    ImGui::NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (io.MouseClicked[0] && !g->presses.empty()) {
        g->app.setPress(g->presses.front().first, g->presses.front().second);
        g->presses.pop_front();
    }
    if (!rx::imguiSdlInputPending()) g->presses.clear(); // every press has been applied
    if (io.MouseReleased[0]) {
        const float zoom = g->app.uiScale() > 0 ? g->app.uiScale() : 1.0f;
        g->app.setReleaseVelocity(g->pointerTrack.takeReleaseVelocity() / zoom);
    }
    g->app.draw();
    ImGui::Render();
    const rx::ui::Rgba clear = g->app.clearColor();
    // The same picture as the canvas shows: no GL calls, so the browser presents nothing new.
    if (g->redraw.shouldDraw(frameKey(ImGui::GetDrawData(), clear, g->renderer.textureUploads()))) {
        glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
                   static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
        glClearColor(clear.r, clear.g, clear.b, clear.a);
        glClear(GL_COLOR_BUFFER_BIT);
        g->renderer.render(ImGui::GetDrawData());
    }
    if (!g->firstFrameMarked) {
        g->firstFrameMarked = true;
        markPhase("rx:first-frame");
    }
    if (!g->contentCompleteMarked && g->app.contentComplete()) {
        g->contentCompleteMarked = true; // a large document read to its end (at once otherwise)
        markPhase("rx:content-complete");
    }
    g->app.frameRendered();
}

void tick() {
    bool hadEvent = g->wakeRequested;
    g->wakeRequested = false;
    // Every event goes into ImGui's input queue in the order it happened; ImGui applies them at
    // NewFrame, spreading a press and release of one key or button over two frames, and keeps
    // the rest queued (inputPending below keeps the loop drawing until it is empty).
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        hadEvent = true;
        // Resizing the canvas (even to its size) clears its drawing buffer: draw the next frame.
        if (event.type == SDL_WINDOWEVENT && event.window.event != SDL_WINDOWEVENT_ENTER &&
            event.window.event != SDL_WINDOWEVENT_LEAVE)
            g->redraw.invalidate();
        // SDL turns touches into mouse events marked SDL_TOUCH_MOUSEID: a finger scrolls and
        // long-presses where a mouse selects.
        if (event.type == SDL_MOUSEBUTTONDOWN || event.type == SDL_MOUSEMOTION)
            g->app.setTouchInput(
                (event.type == SDL_MOUSEBUTTONDOWN ? event.button.which : event.motion.which) ==
                SDL_TOUCH_MOUSEID);
        rx::imguiSdlProcessEvent(event);
    }
    rx::IdleInputs in;
    in.hadEvent = hadEvent;
    in.inputPending = rx::imguiSdlInputPending();
    in.visible = g->visible;
    in.contextLost = g->contextLost;
    in.animating = g->app.animating();
    if (rx::decideFrame(in, g->idle) == rx::FrameDecision::Sleep) {
        g->loopPaused = true;
        emscripten_pause_main_loop();
        return;
    }
    renderFrame();
}

// The text-input hook for the page: ImGui's IME data (whether a text field is active, its caret
// and line height, CSS px relative to the canvas) goes to boot.js as host call "text-input",
// which window-dispatches it as the `explorer:text-input` event, whenever it changes; state()
// carries the latest as `textInput`. The page can place a real DOM text field at the caret
// (phones open their keyboard only for one; input methods put their window there).
std::string textInputJson(const rx::TextInputSpot& spot) {
    char json[128];
    std::snprintf(json, sizeof json, "{\"wanted\":%s,\"x\":%.1f,\"y\":%.1f,\"lineHeight\":%.1f}",
                  spot.wanted ? "true" : "false", static_cast<double>(spot.x),
                  static_cast<double>(spot.y), static_cast<double>(spot.lineHeight));
    return json;
}

void onTextInputSpot(const rx::TextInputSpot& spot) {
    const std::string json = textInputJson(spot);
    rxjs_host_call("text-input", json.data(), json.size());
}

const char* getClipboard(void*) {
    // Browser paste arrives as a DOM paste event (rx_paste); ImGui's Ctrl+V must not insert twice.
    return "";
}

void setClipboard(void*, const char* text) {
    g->app.copyToSystemClipboard(text ? text : "");
}

} // namespace

namespace rx::platform {
ui::App* app() {
    return g ? &g->app : nullptr;
}
void wakeLoop() {
    ::wakeLoop();
}
unsigned nextInputSerial() {
    return g ? ++g->inputSerial : 0;
}
} // namespace rx::platform

extern "C" {

// Called by boot.js for each content/font file before rx_start, and after it for files the app
// asked for ("load-file": the extended font).
EMSCRIPTEN_KEEPALIVE void rx_add_file(const char* name, const char* data, int size) {
    if (!g) g = new Platform();
    g->app.addFile(name, std::string(data, static_cast<size_t>(size > 0 ? size : 0)));
    if (g->app.started()) {
        g->app.fileArrived(name);
        wakeLoop();
    }
}

// Loads the content and rasterises the fonts: the start-up work that needs no GL context, so
// the page can run it while the GPU process is still presenting the rendition's first paint.
// Returns a StartResult: Started, or NoFont (the page says so).
EMSCRIPTEN_KEEPALIVE int rx_prepare(const char* initialUrlState) {
    if (!g) g = new Platform();
    if (g->prepared) return rx::toInt(rx::StartResult::Started);
    if (!g->app.hasFonts()) return rx::toInt(rx::StartResult::NoFont);
    markPhase("rx:prepare");
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false; // a blinking caret would cost frames while idle
    io.GetClipboardTextFn = getClipboard;
    io.SetClipboardTextFn = setClipboard;
    g->dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    g->app.setPixelRatio(g->dpr);
    g->app.start(initialUrlState ? initialUrlState : "");
    markPhase("rx:content-loaded");
    g->app.rebuildFonts();
    markPhase("rx:fonts-rasterised");
    g->prepared = true;
    return rx::toInt(rx::StartResult::Started);
}

// Creates the window and GL context, uploads the fonts and draws the first frame (after
// rx_prepare, which it runs itself if the page did not). Returns a StartResult; for any but
// Started the page shows its own message.
EMSCRIPTEN_KEEPALIVE int rx_start(const char* initialUrlState) {
    if (!g) g = new Platform();
    if (g->loopRunning) return rx::toInt(rx::StartResult::Started);
    if (const int rc = rx_prepare(initialUrlState); rc != rx::toInt(rx::StartResult::Started))
        return rc;
    markPhase("rx:start");
    // Keys go to the canvas only when it has focus: never steal a host page's (deck's) keys.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    SDL_SetHint(SDL_HINT_POLL_SENTINEL, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
        return rx::toInt(rx::StartResult::SdlInitFailed);
    }
    // SDL only sizes the canvas and delivers events; the WebGL2 context is made here directly.
    // SDL's GL path (EGL) references every GL entry point through eglGetProcAddress, which
    // kept all ~300 GL functions in the wasm and the JS glue.
    const auto flags =
        static_cast<SDL_WindowFlags>(SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    g->window = SDL_CreateWindow("Rust overview explorer", SDL_WINDOWPOS_CENTERED,
                                 SDL_WINDOWPOS_CENTERED, 1280, 720, flags);
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    // What SDL's EGL path asked for: no depth, stencil or multisampling; alpha only for
    // bg=transparent (embeds over a slide).
    attrs.alpha = rx::decodeHash(initialUrlState ? initialUrlState : "").transparentBg;
    attrs.depth = false;
    attrs.stencil = false;
    attrs.antialias = false;
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    // The renderer needs only core WebGL2. Enabling emscripten's default extension set costs
    // two synchronous trips to the GPU process (30-120 ms each here while it presents frames).
    attrs.enableExtensionsByDefault = false;
    g->gl = g->window ? emscripten_webgl_create_context("#canvas", &attrs) : 0;
    if (g->gl <= 0 || emscripten_webgl_make_context_current(g->gl) != EMSCRIPTEN_RESULT_SUCCESS) {
        std::fprintf(stderr, "WebGL2 context creation failed\n");
        return rx::toInt(rx::StartResult::NoWebGL2);
    }
    markPhase("rx:gl-context");
    SDL_AddEventWatch(onSdlEvent, nullptr);
    rx::imguiSdlInit(g->window, onTextInputSpot);
    if (!g->renderer.init()) return rx::toInt(rx::StartResult::NoWebGL2);
    g->renderer.uploadFontAtlas();
    markPhase("rx:fonts-uploaded");
    g->loopRunning = true;
    emscripten_set_main_loop(tick, 0, 0);
    tick(); // the first frame now, not at the next animation frame
    return rx::toInt(rx::StartResult::Started);
}

// window.explorer.state(options): a JSON snapshot of what is on screen. cardLists 0
// (state({cards: false})): no per-card details, which at 10,000 cards are megabytes of JSON.
EMSCRIPTEN_KEEPALIVE const char* rx_state_json(int cardLists) {
    if (!g) return "{\"ready\":false}";
    g->stateJson = g->app.stateJson(cardLists != 0);
    // heapBytes (wasm memory size) and heapUsed (bytes malloc'ed now): long-run tests check that
    // they stay flat. inputPending: input the page has delivered that the app's frames have not
    // applied yet (a wake since the last frame: a twin's text or request, a URL change; SDL's
    // queue; ImGui's trickled queue), so a test can wait for its input to land instead of
    // guessing a number of frames on a slow machine.
    const bool canDraw = g->visible && !g->contextLost;
    const bool inputPending =
        canDraw && (g->wakeRequested || SDL_HasEvents(SDL_KEYDOWN, SDL_MULTIGESTURE) ||
                    rx::imguiSdlInputPending());
    if (g->stateJson.size() > 2 && g->stateJson.front() == '{')
        g->stateJson.insert(1, "\"heapBytes\":" + std::to_string(emscripten_get_heap_size()) +
                                   ",\"heapUsed\":" + std::to_string(mallinfo().uordblks) +
                                   ",\"inputPending\":" + (inputPending ? "true" : "false") +
                                   ",\"textInput\":" + textInputJson(rx::imguiSdlTextInputSpot()) +
                                   ",");
    return g->stateJson.c_str();
}

// The canvas's contextmenu event (right-click, the menu key, a long press) at CSS px of the
// canvas: 1 when the explorer shows its own menu (the page then cancels the browser's).
EMSCRIPTEN_KEEPALIVE int rx_context_menu(float x, float y, int touch) {
    if (!g || !g->loopRunning) return 0;
    const float zoom = g->app.uiScale() > 0 ? g->app.uiScale() : 1.0f;
    const int opened = g->app.requestContextMenu(x / zoom, y / zoom, touch != 0) ? 1 : 0;
    wakeLoop();
    return opened;
}

// The canvas's primary pointer (boot.js): kind 0 down, 1 move, 2 up, 3 cancel, at the event's
// own timeStamp and clientY (CSS px). Called before SDL sees the same input.
EMSCRIPTEN_KEEPALIVE void rx_pointer_sample(int kind, double timeMs, float y) {
    if (!g || kind < 0 || kind > 3) return;
    g->pointerTrack.sample(static_cast<rx::PointerSampleKind>(kind), timeMs, y);
}

// The page's pointerup asks what the click pressed at (px, py) and released at (rx, ry), CSS px of
// the canvas, copies (copy_payload.h: {"text"} / {"hash"}, "" = nothing): Safari writes the
// clipboard only inside the user's own event, and the app acts on the click a frame later.
EMSCRIPTEN_KEEPALIVE const char* rx_copy_payload_at(float px, float py, float rx, float ry) {
    if (!g || !g->loopRunning) return "";
    const float zoom = g->app.uiScale() > 0 ? g->app.uiScale() : 1.0f;
    g->copyPayload =
        g->app.copyPayloadAt(ImVec2(px / zoom, py / zoom), ImVec2(rx / zoom, ry / zoom));
    return g->copyPayload.c_str();
}

// The page's copy event asks what is selected ("" = nothing: the browser copies as usual).
EMSCRIPTEN_KEEPALIVE const char* rx_selected_text() {
    if (!g) return "";
    g->selectionText = g->app.selectedText();
    return g->selectionText.c_str();
}

// window.explorer.textLayout(): every word drawn this frame (block, line, rect, bytes).
EMSCRIPTEN_KEEPALIVE const char* rx_text_layout_json() {
    if (!g) return "[]";
    g->textLayout = g->app.textLayoutJson();
    return g->textLayout.c_str();
}

// URL hash changed (Back/Forward, a deep link, or a host's navigate message).
EMSCRIPTEN_KEEPALIVE void rx_apply_url_state(const char* hash) {
    if (!g) return;
    g->app.applyUrlState(hash ? hash : "");
    wakeLoop();
}

EMSCRIPTEN_KEEPALIVE void rx_set_visible(int visible) {
    if (!g) return;
    g->visible = visible != 0;
    if (g->visible) {
        g->redraw.invalidate();
        wakeLoop();
    }
}

EMSCRIPTEN_KEEPALIVE void rx_wake() {
    wakeLoop();
}

// Text from the browser's paste event goes into the focused text field.
EMSCRIPTEN_KEEPALIVE void rx_paste(const char* text) {
    if (!g || !text) return;
    g->app.paste(text);
    wakeLoop();
}

// A DOM twin (web/twins.js) asks for its control: "focus", "activate", "set" (with a value) or
// "submit". Applied at the next frame, through the same code as a click or a key.
EMSCRIPTEN_KEEPALIVE void rx_a11y_request(const char* id, const char* action, const char* value) {
    if (!g || !id || !action) return;
    g->app.accessRequest(id, action, value ? value : "");
    wakeLoop();
}

// A key pressed while a twin has the DOM focus (arrows, Home/End, Page Up/Down, Esc, Ctrl+C):
// the canvas does not get DOM key events then, so the page hands it over as an SDL key event
// and it takes the same path as a key on the canvas.
EMSCRIPTEN_KEEPALIVE void rx_a11y_key(int scancode, int mods, int down) {
    if (!g || !g->loopRunning || scancode <= 0 || scancode >= SDL_NUM_SCANCODES) return;
    SDL_Event event{};
    event.type = down ? SDL_KEYDOWN : SDL_KEYUP;
    event.key.state = down ? SDL_PRESSED : SDL_RELEASED;
    event.key.keysym.scancode = static_cast<SDL_Scancode>(scancode);
    event.key.keysym.sym = SDL_GetKeyFromScancode(event.key.keysym.scancode);
    event.key.keysym.mod = static_cast<Uint16>(mods);
    event.key.windowID = g->window ? SDL_GetWindowID(g->window) : 0;
    SDL_PushEvent(&event); // the event watch wakes the loop
}

EMSCRIPTEN_KEEPALIVE void rx_context_lost() {
    if (!g) return;
    g->contextLost = true;
}

// The browser gave the context back: every GL object is gone, so recreate them all.
EMSCRIPTEN_KEEPALIVE void rx_context_restored() {
    if (!g) return;
    g->renderer.shutdown();
    g->renderer.init();
    g->renderer.uploadFontAtlas();
    uploadFallbackGlyphs(true);
    g->redraw.invalidate();
    g->contextLost = false;
    wakeLoop();
}

} // extern "C"
