// How fast the primary pointer moved when it lifted, from the browser events' own times
// (`event.timeStamp`), for the fling after a drag. Frame times are a poor clock for it: Chromium
// delivers moves aligned to frames, and one slow frame (software GL, a busy phone) between the
// last move and the lift made a moving finger look rested, so a swipe stopped dead. Pure, so it is
// unit-tested natively; boot.js feeds it pointer events through main_web.cpp.
#pragma once
#include "scroll_physics.h"

namespace rx {

enum class PointerSampleKind { Down = 0, Move = 1, Up = 2, Cancel = 3 };

class PointerTrack {
  public:
    // One pointer event: `timeMs` its timeStamp, `y` its position (any unit; the velocity is in
    // that unit per ms). Moves count only between a down and its up.
    void sample(PointerSampleKind kind, double timeMs, float y);
    // The speed at the last lift (positive = moving down), once; NaN when no lift is pending
    // (none yet, already taken, cancelled, or a new press began).
    float takeReleaseVelocity();
    bool down() const { return down_; }

  private:
    DragVelocity velocity_;
    bool down_ = false;
    float release_ = 0;
    bool releasePending_ = false;
};

} // namespace rx
