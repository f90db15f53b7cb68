// The random numbers of the synthetic generators (synthetic_document.cpp, synthetic_adopters.cpp):
// splitmix64, so the same seed gives the same document and adopters on every platform (the
// standard library's distributions differ between implementations).
#pragma once
#include <cstddef>
#include <cstdint>

namespace rx {

struct SyntheticRng {
    uint64_t state;

    uint64_t next() {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // A number in [0, n); 0 when n is 0.
    size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
    // One word of a fixed list.
    template <size_t N> const char* pick(const char* const (&list)[N]) { return list[below(N)]; }
};

} // namespace rx
