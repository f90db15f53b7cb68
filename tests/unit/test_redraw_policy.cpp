#include "platform/redraw_policy.h"

#include <doctest/doctest.h>

#include <string>

using rx::hashBytes;
using rx::RedrawGate;

TEST_CASE("redraw: the first frame draws, the same picture again does not, a change does") {
    RedrawGate gate;
    CHECK(gate.shouldDraw(42));
    CHECK_FALSE(gate.shouldDraw(42));
    CHECK_FALSE(gate.shouldDraw(42));
    CHECK(gate.shouldDraw(43));
    CHECK_FALSE(gate.shouldDraw(43));
    CHECK(gate.shouldDraw(42)); // back to an earlier picture: the canvas shows 43's
}

TEST_CASE("redraw: after invalidate the same key draws once more") {
    RedrawGate gate;
    CHECK(gate.shouldDraw(7));
    gate.invalidate();
    CHECK(gate.shouldDraw(7));
    CHECK_FALSE(gate.shouldDraw(7));
}

TEST_CASE("redraw: the hash sees every byte, the length and the seed") {
    const std::string a = "0123456789abcdefXYZ";
    std::string b = a;
    CHECK(hashBytes(1, a.data(), a.size()) == hashBytes(1, b.data(), b.size()));
    for (size_t i = 0; i < a.size(); ++i) {
        b = a;
        b[i] ^= 1;
        CHECK_MESSAGE(hashBytes(1, a.data(), a.size()) != hashBytes(1, b.data(), b.size()), "byte ",
                      i);
    }
    CHECK(hashBytes(1, a.data(), a.size()) != hashBytes(1, a.data(), a.size() - 1));
    CHECK(hashBytes(1, a.data(), a.size()) != hashBytes(2, a.data(), a.size()));
    const std::string zeros(16, '\0');
    CHECK(hashBytes(1, zeros.data(), 8) != hashBytes(1, zeros.data(), 16)); // trailing zero words
    CHECK(hashBytes(1, zeros.data(), 3) != hashBytes(1, zeros.data(), 4));
}
