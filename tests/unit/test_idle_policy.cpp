#include "platform/idle_policy.h"

#include <doctest/doctest.h>

using rx::decideFrame;
using rx::FrameDecision;
using rx::IdleInputs;
using rx::IdleState;

namespace {
int drawsUntilSleep(IdleInputs first, IdleState& state) {
    int draws = 0;
    IdleInputs quiet;
    for (int tick = 0; tick < 100; ++tick) {
        if (decideFrame(tick == 0 ? first : quiet, state) == FrameDecision::Sleep) return draws;
        ++draws;
    }
    return -1;
}
} // namespace

TEST_CASE("idle: an event draws exactly the settle frames, then sleeps") {
    IdleState state;
    IdleInputs event;
    event.hadEvent = true;
    CHECK(drawsUntilSleep(event, state) == rx::kSettleFrames);
}

TEST_CASE("idle: nothing happening draws nothing") {
    IdleState state;
    CHECK(decideFrame(IdleInputs{}, state) == FrameDecision::Sleep);
}

TEST_CASE("idle: animation keeps drawing, its end lets the loop sleep") {
    IdleState state;
    IdleInputs anim;
    anim.animating = true;
    for (int i = 0; i < 10; ++i) CHECK(decideFrame(anim, state) == FrameDecision::Draw);
    CHECK(decideFrame(IdleInputs{}, state) == FrameDecision::Sleep);
}

TEST_CASE("idle: hidden or context-lost never draws, and catches up when visible again") {
    IdleState state;
    IdleInputs hidden;
    hidden.visible = false;
    hidden.hadEvent = true;
    hidden.animating = true;
    CHECK(decideFrame(hidden, state) == FrameDecision::Sleep);
    IdleInputs lost;
    lost.contextLost = true;
    lost.hadEvent = true;
    CHECK(decideFrame(lost, state) == FrameDecision::Sleep);
    CHECK(decideFrame(IdleInputs{}, state) == FrameDecision::Draw);
}

TEST_CASE("idle: ImGui asking for frames extends the settle window") {
    IdleState state;
    IdleInputs wants;
    wants.uiWantsFrames = true;
    CHECK(drawsUntilSleep(wants, state) == rx::kSettleFrames);
}

TEST_CASE("idle: input still in ImGui's queue keeps drawing, then the settle frames follow") {
    IdleState state;
    IdleInputs pending;
    pending.inputPending = true;
    // Trickling spreads a quick press and release over frames: every tick with queued input
    // draws, however long ago the event arrived.
    for (int i = 0; i < 2 * rx::kSettleFrames + 1; ++i)
        CHECK(decideFrame(pending, state) == FrameDecision::Draw);
    CHECK(drawsUntilSleep(IdleInputs{}, state) == rx::kSettleFrames);
}

TEST_CASE("idle: queued input waits while hidden") {
    IdleState state;
    IdleInputs pending;
    pending.inputPending = true;
    pending.visible = false;
    CHECK(decideFrame(pending, state) == FrameDecision::Sleep);
}
