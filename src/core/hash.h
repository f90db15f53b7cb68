// A fast 64-bit hash of bytes (8 at a time, multiply and fold as in FNV and wyhash's mixing),
// for telling "the same as last time" apart cheaply on every frame: the accessibility tree's
// structure and boxes, and each frame's draw data (src/platform/redraw_policy.h). Deterministic
// (little-endian on every target), not cryptographic.
#pragma once
#include <cstddef>
#include <cstdint>

namespace rx {

// `size` bytes, continuing from `seed` (the size is mixed in: "ab"+"c" differs from "a"+"bc").
std::uint64_t hashBytes(std::uint64_t seed, const void* data, std::size_t size);

} // namespace rx
