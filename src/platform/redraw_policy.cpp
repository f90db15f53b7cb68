#include "redraw_policy.h"

namespace rx {

bool RedrawGate::shouldDraw(std::uint64_t frameKey) {
    if (valid_ && frameKey == lastKey_) return false;
    lastKey_ = frameKey;
    valid_ = true;
    return true;
}

} // namespace rx
