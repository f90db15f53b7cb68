#include "pointer_policy.h"

#include <limits>

namespace rx {

void PointerTrack::sample(PointerSampleKind kind, double timeMs, float y) {
    switch (kind) {
    case PointerSampleKind::Down:
        velocity_.reset();
        velocity_.add(timeMs, y);
        down_ = true;
        releasePending_ = false; // a lift not taken by now belongs to a gesture that is over
        break;
    case PointerSampleKind::Move:
        if (down_) velocity_.add(timeMs, y);
        break;
    case PointerSampleKind::Up:
        if (!down_) break;
        velocity_.add(timeMs, y);
        release_ = velocity_.velocity();
        releasePending_ = true;
        down_ = false;
        break;
    case PointerSampleKind::Cancel:
        down_ = false;
        releasePending_ = false;
        break;
    }
}

float PointerTrack::takeReleaseVelocity() {
    if (!releasePending_) return std::numeric_limits<float>::quiet_NaN();
    releasePending_ = false;
    return release_;
}

} // namespace rx
