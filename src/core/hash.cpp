#include "hash.h"

#include <cstring>

namespace rx {

std::uint64_t hashBytes(std::uint64_t seed, const void* data, std::size_t size) {
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::uint64_t h = (seed ^ size) * kMul;
    const auto mix = [&h](std::uint64_t word) {
        h = (h ^ word) * kMul;
        h ^= h >> 29;
    };
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes + i, 8);
        mix(word);
    }
    if (i < size) {
        std::uint64_t tail = 0;
        std::memcpy(&tail, bytes + i, size - i);
        mix(tail ^ (static_cast<std::uint64_t>(size - i) << 59));
    }
    return h;
}

} // namespace rx
