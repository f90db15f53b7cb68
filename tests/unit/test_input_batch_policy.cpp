#include "platform/input_batch_policy.h"

#include <doctest/doctest.h>

using rx::eventsForOneFrame;
using rx::InputChange;
using Kind = rx::InputChange::Kind;

namespace {
InputChange key(int scancode) {
    return {Kind::Key, scancode};
}
InputChange button(int b) {
    return {Kind::MouseButton, b};
}
InputChange other() {
    return {Kind::Other, 0};
}
} // namespace

TEST_CASE("input batching: nothing queued, nothing to take") {
    CHECK(eventsForOneFrame({}) == 0);
}

TEST_CASE("input batching: a key's down and up go to two frames") {
    const std::vector<InputChange> press = {key(79), key(79)};
    CHECK(eventsForOneFrame(press) == 1);
}

TEST_CASE("input batching: an up then a second down of the same key go to two frames") {
    // The previous press's deferred key-up, then the next press: one frame would see the key
    // down before and after, and lose the second press.
    const std::vector<InputChange> events = {key(79), other(), key(79), key(79)};
    CHECK(eventsForOneFrame(events) == 2);
}

TEST_CASE("input batching: different keys and motion share a frame") {
    const std::vector<InputChange> chord = {key(224), other(), key(14), other(), button(1)};
    CHECK(eventsForOneFrame(chord) == chord.size());
}

TEST_CASE("input batching: a click's press and release go to two frames, order kept") {
    const std::vector<InputChange> click = {other(), button(1), other(), button(1), key(40)};
    CHECK(eventsForOneFrame(click) == 3);
    const std::vector<InputChange> rest(click.begin() + 3, click.end());
    CHECK(eventsForOneFrame(rest) == rest.size());
}

TEST_CASE("input batching: a key and a mouse button with the same number are different inputs") {
    CHECK(eventsForOneFrame({key(1), button(1)}) == 2);
}

TEST_CASE("input batching: every frame takes at least one event, so a queue always drains") {
    std::vector<InputChange> queue(9, key(4));
    int frames = 0;
    while (!queue.empty()) {
        const size_t n = eventsForOneFrame(queue);
        REQUIRE(n >= 1);
        queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(n));
        ++frames;
    }
    CHECK(frames == 9);
}
