#include "scroll_physics.h"

#include <algorithm>
#include <cmath>

namespace rx {

void DragVelocity::reset() {
    count_ = 0;
    next_ = 0;
}

void DragVelocity::add(double timeMs, float position) {
    time_[next_] = timeMs;
    pos_[next_] = position;
    next_ = (next_ + 1) % kSamples;
    count_ = std::min(count_ + 1, kSamples);
}

float DragVelocity::velocity() const {
    if (count_ < 2) return 0.0f;
    constexpr double kWindowMs = 100.0; // only the last moments of the drag count
    const size_t newest = (next_ + kSamples - 1) % kSamples;
    size_t oldest = newest;
    for (size_t k = 1; k < count_; ++k) {
        const size_t i = (newest + kSamples - k) % kSamples;
        if (time_[newest] - time_[i] > kWindowMs) break;
        oldest = i;
    }
    if (oldest == newest || time_[newest] - time_[oldest] <= 0.0) {
        // Nothing else inside the window. With slow frames (software GL, a busy phone) the
        // previous sample can be older than the window although the finger never stopped: it
        // still counts when the position changed since (a rested finger has not moved).
        constexpr double kSlowFrameMs = 250.0;
        for (size_t k = 1; k < count_; ++k) {
            const size_t i = (newest + kSamples - k) % kSamples;
            if (time_[newest] - time_[i] <= 0.0) continue;
            if (time_[newest] - time_[i] > kSlowFrameMs || pos_[i] == pos_[newest]) return 0.0f;
            oldest = i;
            break;
        }
    }
    const double dt = time_[newest] - time_[oldest];
    if (dt <= 0.0) return 0.0f;
    return static_cast<float>((pos_[newest] - pos_[oldest]) / dt);
}

float clampScroll(float position, float maxScroll) {
    return std::clamp(position, 0.0f, std::max(0.0f, maxScroll));
}

void startFling(ScrollMotion& m, float velocityPxPerMs) {
    if (std::fabs(velocityPxPerMs) < kFlingMinVelocity) {
        m.mode = ScrollMotion::Mode::Idle;
        m.velocity = 0;
        return;
    }
    m.mode = ScrollMotion::Mode::Fling;
    m.velocity = velocityPxPerMs;
}

void addWheel(ScrollMotion& m, float deltaPx, float maxScroll, bool animate) {
    const float base = m.mode == ScrollMotion::Mode::Smooth ? m.target : m.position;
    const float target = clampScroll(base + deltaPx, maxScroll);
    if (!animate) {
        jumpTo(m, target, maxScroll);
        return;
    }
    m.target = target;
    m.velocity = 0;
    m.mode = target == m.position ? ScrollMotion::Mode::Idle : ScrollMotion::Mode::Smooth;
}

void jumpTo(ScrollMotion& m, float position, float maxScroll) {
    m.position = clampScroll(position, maxScroll);
    m.target = m.position;
    m.velocity = 0;
    m.mode = ScrollMotion::Mode::Idle;
}

bool stepScroll(ScrollMotion& m, float dtMs, float maxScroll) {
    dtMs = std::clamp(dtMs, 0.0f, 100.0f); // a stalled tab must not teleport the page
    switch (m.mode) {
    case ScrollMotion::Mode::Idle:
        m.position = clampScroll(m.position, maxScroll);
        return false;
    case ScrollMotion::Mode::Fling: {
        const float decay = std::exp(-dtMs / kFlingTimeConstantMs);
        // Distance = integral of v0 * exp(-t/tau) over the step.
        m.position += m.velocity * kFlingTimeConstantMs * (1.0f - decay);
        m.velocity *= decay;
        const float clamped = clampScroll(m.position, maxScroll);
        if (clamped != m.position || std::fabs(m.velocity) < kFlingMinVelocity * 0.2f) {
            m.position = clamped;
            m.velocity = 0;
            m.mode = ScrollMotion::Mode::Idle;
        }
        return m.moving();
    }
    case ScrollMotion::Mode::Smooth: {
        m.target = clampScroll(m.target, maxScroll);
        const float k = 1.0f - std::exp(-dtMs / kSmoothTimeConstantMs);
        m.position += (m.target - m.position) * k;
        if (std::fabs(m.target - m.position) < 0.5f) {
            m.position = m.target;
            m.mode = ScrollMotion::Mode::Idle;
        }
        return m.moving();
    }
    }
    return false;
}

} // namespace rx
