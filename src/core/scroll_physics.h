// Scrolling that ImGui does not do by itself: drag-to-scroll with a fling (inertia) and smooth
// mouse-wheel scrolling. Pure and time-stepped, so the UI can stop drawing once it settles.
#pragma once
#include <cstddef>

namespace rx {

// Estimates the finger's velocity from the last drag samples (px per ms).
class DragVelocity {
  public:
    void reset();
    void add(double timeMs, float position);
    // 0 when the finger rested (no movement within a short window, or since a slow frame).
    float velocity() const;

  private:
    static constexpr size_t kSamples = 6;
    double time_[kSamples] = {};
    float pos_[kSamples] = {};
    size_t count_ = 0;
    size_t next_ = 0;
};

struct ScrollMotion {
    enum class Mode { Idle, Fling, Smooth };
    float position = 0; // current scroll offset, px
    float target = 0;   // Smooth: where the wheel wants to go
    float velocity = 0; // Fling: px per ms (positive scrolls down)
    Mode mode = Mode::Idle;

    bool moving() const { return mode != Mode::Idle; }
};

inline constexpr float kFlingMinVelocity = 0.05f; // px/ms; slower releases just stop
inline constexpr float kFlingTimeConstantMs = 325.0f;
inline constexpr float kSmoothTimeConstantMs = 70.0f;

float clampScroll(float position, float maxScroll);
// Starts a fling after a drag; too slow a release leaves the motion idle.
void startFling(ScrollMotion& m, float velocityPxPerMs);
// Adds a wheel step; `animate` false (reduced motion) jumps at once.
void addWheel(ScrollMotion& m, float deltaPx, float maxScroll, bool animate);
// Jumps (no animation) and stops any motion.
void jumpTo(ScrollMotion& m, float position, float maxScroll);
// Advances the motion by `dtMs`; returns true while it still moves. Hitting either end stops a
// fling; a smooth scroll stops within half a pixel of its target.
bool stepScroll(ScrollMotion& m, float dtMs, float maxScroll);

} // namespace rx
