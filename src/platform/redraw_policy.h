// Whether a frame must reach WebGL. A frame whose draw data, size, clear colour and textures are
// the same as the last drawn frame's would paint the same pixels: it is not sent, so the browser
// has nothing new to composite (with software WebGL, most of a frame's cost). The settle frames
// after an input mostly change nothing (a press drawn, then the same picture twice). Pure, so it
// is unit-tested natively; main_web.cpp hashes each frame and obeys the gate.
#pragma once
#include "hash.h" // hashBytes, for the frame's key

#include <cstdint>

namespace rx {

class RedrawGate {
  public:
    // True when a frame with this key must be drawn: the first frame, a key other than the last
    // drawn one's, or after invalidate(). Remembers the key of a frame it lets through.
    bool shouldDraw(std::uint64_t frameKey);
    // The canvas's pixels are gone or stale whatever the key says (resized drawing buffer,
    // restored context): the next frame draws.
    void invalidate() { valid_ = false; }

  private:
    std::uint64_t lastKey_ = 0;
    bool valid_ = false;
};

} // namespace rx
