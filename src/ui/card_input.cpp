#include "card_input.h"

#include "utf8.h"

#include <algorithm>
#include <cmath>

namespace rx::ui {

void Controls::beginFrame() {
    hits_.clear();
    prevOrder_.swap(order_);
    order_.clear();
}

void Controls::add(const std::string& id, ImVec2 min, ImVec2 max) {
    hits_.push_back({id, min, max});
    order_.push_back(id);
}

void Controls::addClipped(const std::string& id, ImVec2 min, ImVec2 max, ImVec2 clipMin,
                          ImVec2 clipMax) {
    const ImVec2 a(std::max(min.x, clipMin.x), std::max(min.y, clipMin.y));
    const ImVec2 b(std::min(max.x, clipMax.x), std::min(max.y, clipMax.y));
    if (a.x < b.x && a.y < b.y) hits_.push_back({id, a, b});
    order_.push_back(id);
}

void Controls::addBlocker(ImVec2 min, ImVec2 max) {
    hits_.push_back({"#blocked", min, max});
}

void Controls::addFocusOnly(const std::string& id) {
    order_.push_back(id);
}

std::string Controls::hitAt(ImVec2 p) const {
    for (auto it = hits_.rbegin(); it != hits_.rend(); ++it)
        if (contains(it->min, it->max, p)) return it->id;
    return {};
}

bool Controls::has(const std::string& id) const {
    return std::find(order_.begin(), order_.end(), id) != order_.end();
}

bool Controls::rectOf(const std::string& id, ImVec2& min, ImVec2& max) const {
    for (const Hit& h : hits_)
        if (h.id == id) {
            min = h.min;
            max = h.max;
            return true;
        }
    return false;
}

std::string Controls::step(const std::string& current, bool forward) const {
    // Called before this frame's controls exist: answer from the last complete frame.
    const std::vector<std::string>& order = order_.empty() ? prevOrder_ : order_;
    if (order.empty()) return {};
    const auto it = std::find(order.begin(), order.end(), current);
    if (it == order.end()) return forward ? order.front() : order.back();
    if (forward) return it + 1 == order.end() ? std::string() : *(it + 1);
    return it == order.begin() ? std::string() : *(it - 1);
}

constexpr float kTouchSlopPx = 8.0f; // below this a press is still a click

void Pointer::update(bool overUi, ImVec2 areaMin, ImVec2 areaMax, double nowMs,
                     ScrollMotion& motion, float maxScroll, bool reducedMotion, bool selecting,
                     float releaseVelocity) {
    const ImGuiIO& io = ImGui::GetIO();
    overUi_ = overUi;
    pressedNow_ = false;
    releasedNow_ = false;
    const bool inArea = overUi && contains(areaMin, areaMax, io.MousePos);
    if (io.MouseClicked[0] && overUi) {
        pressed_ = true;
        pressedNow_ = true;
        pressPos_ = io.MouseClickedPos[0]; // where the button went down, not where it is now
        pressInArea_ = inArea;
        dragging_ = false;
        startScroll_ = motion.position;
        suppressClick_ = false;
        velocity_.reset();
        if (inArea) motion.mode = ScrollMotion::Mode::Idle; // a touch stops a fling
    }
    if (pressed_ && io.MouseDown[0] && pressInArea_) {
        const float dy = io.MousePos.y - pressPos_.y;
        const float dx = io.MousePos.x - pressPos_.x;
        if (!dragging_ && std::sqrt(dx * dx + dy * dy) > kTouchSlopPx) {
            dragging_ = true; // the content catches up with the finger at once
        }
        if (dragging_ && !selecting) {
            jumpTo(motion, startScroll_ - dy, maxScroll);
            velocity_.add(nowMs, startScroll_ - dy);
        }
    }
    if (io.MouseReleased[0] && pressed_) {
        pressed_ = false;
        releasedNow_ = true;
        // A quick flick can move and release within one frame: count the last move too.
        const float dy = io.MousePos.y - pressPos_.y;
        const float dx = io.MousePos.x - pressPos_.x;
        if (pressInArea_ && !dragging_ && std::sqrt(dx * dx + dy * dy) > kTouchSlopPx)
            dragging_ = true;
        if (dragging_ && !selecting) {
            jumpTo(motion, startScroll_ - dy, maxScroll);
            velocity_.add(nowMs, motion.position);
            // The content moves against the finger: its speed is the finger's, negated.
            releaseVelocity_ =
                std::isnan(releaseVelocity) ? velocity_.velocity() : -releaseVelocity;
            if (!reducedMotion) startFling(motion, releaseVelocity_);
        }
    }
    if (inArea && io.MouseWheel != 0.0f && !io.KeyCtrl) {
        constexpr float kWheelStepPx = 100.0f; // one notch, like the browser's page scroll
        addWheel(motion, -io.MouseWheel * kWheelStepPx, maxScroll, !reducedMotion);
    }
}

std::string Pointer::resolveClick(const Controls& controls) {
    const ImGuiIO& io = ImGui::GetIO();
    if (pressedNow_) {
        pressId_ = controls.hitAt(pressPos_);
        if (pressId_.empty()) pressId_ = pressInArea_ ? "#background" : "#outside";
    }
    if (!releasedNow_) return {};
    const bool wasDrag = dragging_ || suppressClick_;
    dragging_ = false;
    suppressClick_ = false;
    if (wasDrag || !overUi_) return {};
    std::string here = controls.hitAt(io.MousePos);
    if (here.empty()) here = pressInArea_ ? "#background" : "#outside";
    return here == pressId_ ? here : std::string();
}

bool Pointer::hovering(ImVec2 min, ImVec2 max) const {
    return overUi_ && !dragging_ && contains(min, max, ImGui::GetIO().MousePos);
}

ImVec2 chipSize(const ChipStyle& style, const std::string& label) {
    const ImVec2 t = style.font->CalcTextSizeA(style.size, 1e9f, 0.0f, label.c_str());
    return ImVec2(std::ceil(t.x) + 2 * style.padX, style.size + 2 * style.padY);
}

// `label` cut at a character boundary and ended with "…" so it fits in `maxWidth`.
static std::string fitWithEllipsis(const ChipStyle& style, const std::string& label,
                                   float maxWidth) {
    const auto width = [&](const std::string& s) {
        return style.font->CalcTextSizeA(style.size, 1e9f, 0.0f, s.c_str()).x;
    };
    if (width(label) <= maxWidth + 0.5f) return label;
    static const std::string ellipsis = "\xE2\x80\xA6";
    std::string cut = label;
    while (!cut.empty()) {
        cut.resize(rx::utf8CharStart(cut, cut.size() - 1)); // the last whole character goes
        while (!cut.empty() && cut.back() == ' ') cut.pop_back();
        if (width(cut + ellipsis) <= maxWidth + 0.5f) break;
    }
    return cut + ellipsis;
}

void drawChip(ImDrawList* dl, ImVec2 pos, ImVec2 size, const std::string& label,
              const ChipStyle& style, bool hovered) {
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const float r = size.y * 0.5f;
    dl->AddRectFilled(pos, max, hovered && style.bgHover ? style.bgHover : style.bg, r);
    if (style.border) dl->AddRect(pos, max, style.border, r);
    const std::string shown = fitWithEllipsis(style, label, size.x - 2 * style.padX);
    dl->PushClipRect(pos, max, true);
    dl->AddText(style.font, style.size, ImVec2(pos.x + style.padX, pos.y + style.padY), style.text,
                shown.c_str());
    dl->PopClipRect();
}

void drawFocusRing(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 color, float rounding) {
    dl->AddRect(ImVec2(min.x - 3, min.y - 3), ImVec2(max.x + 3, max.y + 3), color, rounding + 3, 0,
                2.5f);
}

} // namespace rx::ui
