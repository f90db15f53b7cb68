#include "core/card_grid.h"
#include "core/scroll_physics.h"

#include <doctest/doctest.h>

#include <vector>

using rx::GridMove;
using rx::moveGridFocus;

TEST_CASE("grid focus: nothing focused yet goes to the first card, no cards gives -1") {
    CHECK(moveGridFocus({3, 2}, 3, -1, GridMove::Down) == 0);
    CHECK(moveGridFocus({3, 2}, 3, -1, GridMove::End) == 4);
    CHECK(moveGridFocus({}, 3, -1, GridMove::Down) == -1);
    CHECK(moveGridFocus({0, 0}, 2, 0, GridMove::Right) == -1);
}

TEST_CASE("grid focus: left/right walk reading order across sections and stop at the ends") {
    const std::vector<int> counts{2, 3};
    CHECK(moveGridFocus(counts, 3, 1, GridMove::Right) == 2); // into the next section
    CHECK(moveGridFocus(counts, 3, 2, GridMove::Left) == 1);
    CHECK(moveGridFocus(counts, 3, 0, GridMove::Left) == 0);
    CHECK(moveGridFocus(counts, 3, 4, GridMove::Right) == 4);
}

TEST_CASE("grid focus: up/down keep the column inside a section") {
    // One section of 7 cards in 3 columns: rows [0 1 2] [3 4 5] [6].
    const std::vector<int> counts{7};
    CHECK(moveGridFocus(counts, 3, 1, GridMove::Down) == 4);
    CHECK(moveGridFocus(counts, 3, 4, GridMove::Up) == 1);
    CHECK(moveGridFocus(counts, 3, 5, GridMove::Down) == 6); // shorter last row: clamped
    CHECK(moveGridFocus(counts, 3, 6, GridMove::Down) == 6); // last row, no next section
    CHECK(moveGridFocus(counts, 3, 2, GridMove::Up) == 2);   // first row, no previous section
}

TEST_CASE("grid focus: up/down cross sections and skip empty ones") {
    // Section 0: [0 1 2] [3 4]; section 1 empty; section 2: [5 6 7].
    const std::vector<int> counts{5, 0, 3};
    CHECK(moveGridFocus(counts, 3, 4, GridMove::Down) == 6); // column 1 of the next section
    CHECK(moveGridFocus(counts, 3, 2, GridMove::Down) == 4); // row below is shorter: clamped
    CHECK(moveGridFocus(counts, 3, 7, GridMove::Up) == 4);   // last row of section 0, clamped
    CHECK(moveGridFocus(counts, 3, 5, GridMove::Up) == 3);
    CHECK(moveGridFocus(counts, 1, 4, GridMove::Down) == 5); // one column: plain next
}

TEST_CASE("grid focus: home and end") {
    CHECK(moveGridFocus({2, 3}, 2, 3, GridMove::Home) == 0);
    CHECK(moveGridFocus({2, 3}, 2, 0, GridMove::End) == 4);
}

TEST_CASE("drag velocity: from recent samples, zero when the finger rested") {
    rx::DragVelocity v;
    CHECK(v.velocity() == 0.0f);
    for (int i = 0; i <= 5; ++i) v.add(1000.0 + i * 16.0, 100.0f + i * 32.0f);
    CHECK(v.velocity() == doctest::Approx(2.0f));
    v.reset();
    v.add(0.0, 0.0f);
    v.add(500.0, 0.0f); // held still for half a second
    CHECK(v.velocity() == 0.0f);
    // Slow frames (150 ms apart) during a moving drag still give its speed...
    v.reset();
    v.add(0.0, 0.0f);
    v.add(150.0, 60.0f);
    v.add(300.0, 120.0f);
    v.add(300.0, 120.0f); // the release, in the same frame as the last move
    CHECK(v.velocity() == doctest::Approx(0.4f));
    // ...but a finger that stopped before a slow frame, or a stall, gives none.
    v.add(450.0, 120.0f);
    CHECK(v.velocity() == 0.0f);
    v.reset();
    v.add(0.0, 0.0f);
    v.add(400.0, 80.0f);
    CHECK(v.velocity() == 0.0f);
}

TEST_CASE("fling: decays, stops by itself, and stops at the ends") {
    rx::ScrollMotion m;
    m.position = 100;
    rx::startFling(m, 2.0f);
    REQUIRE(m.moving());
    float last = m.position;
    int steps = 0;
    while (rx::stepScroll(m, 16.0f, 10000.0f) && steps < 1000) {
        CHECK(m.position > last);
        last = m.position;
        ++steps;
    }
    CHECK_FALSE(m.moving());
    CHECK(steps < 200); // settles in a few seconds, so the loop can idle
    // Total distance of an exponential fling is about v0 * tau.
    CHECK(m.position - 100 == doctest::Approx(2.0f * rx::kFlingTimeConstantMs).epsilon(0.05));

    rx::ScrollMotion edge;
    edge.position = 10;
    rx::startFling(edge, -3.0f);
    CHECK_FALSE(rx::stepScroll(edge, 16.0f, 500.0f));
    CHECK(edge.position == 0.0f);

    rx::ScrollMotion slow;
    rx::startFling(slow, 0.01f);
    CHECK_FALSE(slow.moving());
}

TEST_CASE("wheel: smooth approach to the target, accumulates, clamps; instant when not animated") {
    rx::ScrollMotion m;
    rx::addWheel(m, 100.0f, 1000.0f, true);
    rx::addWheel(m, 100.0f, 1000.0f, true); // a second notch before the first finished
    CHECK(m.target == 200.0f);
    int steps = 0;
    while (rx::stepScroll(m, 16.0f, 1000.0f) && steps < 1000) ++steps;
    CHECK(m.position == 200.0f);
    CHECK(steps > 1);
    CHECK(steps < 60);

    rx::addWheel(m, 5000.0f, 1000.0f, true);
    CHECK(m.target == 1000.0f);

    rx::ScrollMotion instant;
    rx::addWheel(instant, 100.0f, 1000.0f, false);
    CHECK(instant.position == 100.0f);
    CHECK_FALSE(instant.moving());
    rx::addWheel(instant, -500.0f, 1000.0f, false);
    CHECK(instant.position == 0.0f);
}
