#include "idle_policy.h"

namespace rx {

FrameDecision decideFrame(const IdleInputs& in, IdleState& state) {
    if (!in.visible || in.contextLost) {
        // Events arriving while hidden still count: draw them once we are visible again.
        if (in.hadEvent) state.settleFramesLeft = kSettleFrames;
        return FrameDecision::Sleep;
    }
    if (in.hadEvent || in.uiWantsFrames || in.inputPending) state.settleFramesLeft = kSettleFrames;
    if (in.animating || in.inputPending) return FrameDecision::Draw;
    if (state.settleFramesLeft > 0) {
        --state.settleFramesLeft;
        return FrameDecision::Draw;
    }
    return FrameDecision::Sleep;
}

} // namespace rx
