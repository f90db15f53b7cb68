#include "platform/pointer_policy.h"

#include <doctest/doctest.h>

#include <cmath>

using rx::PointerSampleKind;
using rx::PointerTrack;

namespace {
// A finger moving `step` px every `everyMs`, `moves` times, lifting `liftAfterMs` after the last.
PointerTrack swipe(float step, double everyMs, int moves, double liftAfterMs) {
    PointerTrack track;
    double t = 1000;
    float y = 700;
    track.sample(PointerSampleKind::Down, t, y);
    for (int i = 0; i < moves; ++i) {
        t += everyMs;
        y += step;
        track.sample(PointerSampleKind::Move, t, y);
    }
    track.sample(PointerSampleKind::Up, t + liftAfterMs, y);
    return track;
}
} // namespace

TEST_CASE("pointer track: a swipe lifted while moving keeps its speed") {
    PointerTrack track = swipe(-50, 25, 8, 5); // 2 px/ms upwards
    const float v = track.takeReleaseVelocity();
    CHECK(v == doctest::Approx(-50.0 / 25.0).epsilon(0.15));
    CHECK(std::isnan(track.takeReleaseVelocity())); // taken once
}

TEST_CASE("pointer track: event times, not frame times, decide (a slow frame is not a rest)") {
    // The same swipe; the frame that applies the lift may come 200 ms later, but the lift's own
    // time is 5 ms after the last move, so the speed is the finger's.
    PointerTrack track = swipe(30, 16, 10, 5);
    CHECK(track.takeReleaseVelocity() == doctest::Approx(30.0 / 16.0).epsilon(0.15));
}

TEST_CASE("pointer track: a finger that rested before lifting has no speed") {
    PointerTrack track = swipe(-50, 25, 8, 400);
    CHECK(track.takeReleaseVelocity() == 0.0f);
}

TEST_CASE("pointer track: a tap has no speed; no lift means NaN") {
    PointerTrack track;
    CHECK(std::isnan(track.takeReleaseVelocity()));
    track.sample(PointerSampleKind::Down, 10, 100);
    track.sample(PointerSampleKind::Up, 90, 100);
    CHECK(track.takeReleaseVelocity() == 0.0f);
}

TEST_CASE("pointer track: moves without a press, a cancel, and a new press leave no lift") {
    PointerTrack track;
    track.sample(PointerSampleKind::Move, 10, 100);
    track.sample(PointerSampleKind::Up, 20, 300);
    CHECK(std::isnan(track.takeReleaseVelocity()));
    track.sample(PointerSampleKind::Down, 30, 100);
    track.sample(PointerSampleKind::Move, 40, 200);
    track.sample(PointerSampleKind::Cancel, 45, 200);
    CHECK(std::isnan(track.takeReleaseVelocity()));
    PointerTrack lifted = swipe(-50, 25, 8, 5);
    lifted.sample(PointerSampleKind::Down, 5000,
                  100); // next gesture began before the lift was used
    CHECK(std::isnan(lifted.takeReleaseVelocity()));
    CHECK(lifted.down());
}
