// When to draw a frame. A pure decision over inputs so it is unit-tested natively; the platform
// loop (main_web.cpp) only feeds it facts and obeys it. Unlike hello_imgui's DecideIdling, which
// still draws ~9 fps when idle, an idle explorer draws nothing at all.
#pragma once

namespace rx {

struct IdleInputs {
    bool hadEvent = false;      // input, resize, DPR change, message, or a wake request this tick
    bool visible = true;        // tab visible and (for iframes) on screen / current slide
    bool contextLost = false;   // WebGL context lost: nothing can be drawn until restored
    bool animating = false;     // the UI has an animation or timer running (highlight fade, ...)
    bool uiWantsFrames = false; // ImGui itself asks for more frames (e.g. after a click settles)
    bool inputPending = false;  // ImGui's input queue holds events for later frames (trickling)
};

struct IdleState {
    int settleFramesLeft = 0; // frames still to draw after the last event
};

enum class FrameDecision {
    Draw,  // draw this tick and keep the loop running
    Sleep, // draw nothing and pause the loop until a wake
};

// ImGui needs a few frames after an event to settle hover, activation and layout.
constexpr int kSettleFrames = 3;

// Decides this tick and advances the state.
FrameDecision decideFrame(const IdleInputs& in, IdleState& state);

} // namespace rx
