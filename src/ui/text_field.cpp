#include "text_field.h"

#include "json_text.h"
#include "text_input.h"
#include "utf8.h"

#include <imgui_internal.h> // ClearActiveID, GetInputTextState: no public equivalent in 1.90.1
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace rx::ui {
namespace {

// The text as ImGui holds it while the field is active: with 16-bit ImWchar, characters beyond
// U+FFFF become U+FFFD. Comparing against this tells ImGui's own edits from that loss.
std::string asImGuiHoldsIt(const std::string& text) {
    if (sizeof(ImWchar) > 2) return text;
    std::string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        const size_t length = utf8SequenceLength(text, pos);
        if (length == 4 || length == 0)
            out += kReplacementChar;
        else
            out.append(text, pos, length);
        pos += length == 0 ? 1 : length;
    }
    return out;
}

} // namespace

TextField::TextField(std::string id, std::string label, size_t maxBytes)
    : id_(std::move(id)), label_(std::move(label)), maxBytes_(maxBytes), buf_(maxBytes + 1, '\0') {}

void TextField::setCommitted() {
    if (compEnd_ > compStart_ && compEnd_ <= text_.size())
        committed_ = text_.substr(0, compStart_) + text_.substr(compEnd_);
    else
        committed_ = text_;
}

void TextField::setText(const std::string& text) {
    const std::string fitted = fitFieldText(text, maxBytes_);
    if (fitted == text_ && !composing()) return;
    text_ = fitted;
    selStart_ = selEnd_ = text_.size();
    selBackward_ = false;
    compStart_ = compEnd_ = 0;
    setCommitted();
    std::memcpy(buf_.data(), text_.data(), text_.size());
    buf_[text_.size()] = '\0';
    twinPending_ = twinSelPending_ = true; // ImGui shows it at the next draw
    ++textVersion_;
}

void TextField::applyTwin(const DomTextState& state) {
    std::string fitted = fitFieldText(state.text, maxBytes_);
    const bool cut = fitted != state.text;
    const auto clamp = [&](size_t v) { return utf8CharStart(fitted, std::min(v, fitted.size())); };
    const size_t s = clamp(std::min(state.selStart, state.selEnd));
    const size_t e = clamp(std::max(state.selStart, state.selEnd));
    if (s != selStart_ || e != selEnd_ || state.backward != selBackward_) twinSelPending_ = true;
    selStart_ = s;
    selEnd_ = e;
    selBackward_ = state.backward;
    compStart_ = cut ? 0 : clamp(state.compStart);
    compEnd_ = cut ? 0 : clamp(state.compEnd);
    if (fitted != text_) twinPending_ = true;
    text_ = std::move(fitted);
    setCommitted();
    if (!active_) {
        std::memcpy(buf_.data(), text_.data(), text_.size());
        buf_[text_.size()] = '\0';
    }
    // A value beyond the limit, or with a line break the twin let in, goes back corrected.
    if (cut) ++textVersion_;
}

void TextField::twinFocusChanged(bool focused) {
    twinFocused_ = focused;
    wantActive_ = focused ? 1 : 0;
}

std::string TextField::takeFocusRequest() {
    std::string r;
    r.swap(focusRequest_);
    // Later in the same frame the view may have moved on (a Tab that arrived with the key that
    // activated the field): the twin is not asked for then.
    if (r == "focus" && ImGui::GetActiveID() != itemId_) r.clear();
    return r;
}

int TextField::onImGuiCallback(ImGuiInputTextCallbackData* data) {
    return static_cast<TextField*>(data->UserData)->callback(data);
}

int TextField::callback(ImGuiInputTextCallbackData* data) {
    // ImGui regenerates the buffer from its wide characters every frame but keeps the length we
    // left: with characters beyond U+FFFF (4 bytes, then U+FFFD's 3) that length is stale.
    data->BufTextLen = static_cast<int>(std::strlen(data->Buf));
    const std::string_view shown(data->Buf, static_cast<size_t>(data->BufTextLen));
    const bool firstFrame = callbackFirst_;
    if (twinPending_ || firstFrame) {
        if (shown != text_) {
            data->DeleteChars(0, data->BufTextLen);
            data->InsertChars(0, text_.data(), text_.data() + text_.size());
        }
        twinPending_ = false;
    } else if (!twinFocused_ && shown != asImGuiHoldsIt(text_)) {
        // ImGui edited the text itself (keys that reached the canvas before the twin had the
        // focus, Esc's revert): the twin takes ImGui's text. While the twin has the keyboard,
        // nothing else edits.
        text_ = fitFieldText(shown, maxBytes_);
        compStart_ = compEnd_ = 0;
        setCommitted();
        ++textVersion_;
    }
    const size_t imStart = static_cast<size_t>(std::min(data->SelectionStart, data->SelectionEnd));
    const size_t imEnd = static_cast<size_t>(std::max(data->SelectionStart, data->SelectionEnd));
    const bool imBackward =
        data->CursorPos < data->SelectionEnd || data->CursorPos < data->SelectionStart;
    const bool imDiffers = imStart != selStart_ || imEnd != selEnd_;
    // A click or drag in the ImGui field places the caret by what is drawn: the twin follows.
    // Otherwise the twin's selection (keys, the page's own selection) is shown.
    if (imDiffers && (ImGui::GetIO().MouseDown[0] || (!firstFrame && !twinSelPending_))) {
        selStart_ = imStart;
        selEnd_ = imEnd;
        selBackward_ = imBackward;
        ++selVersion_;
    } else if (imDiffers || twinSelPending_) {
        const int start =
            static_cast<int>(std::min(selStart_, static_cast<size_t>(data->BufTextLen)));
        const int end = static_cast<int>(std::min(selEnd_, static_cast<size_t>(data->BufTextLen)));
        data->SelectionStart = selBackward_ ? end : start;
        data->SelectionEnd = selBackward_ ? start : end;
        data->CursorPos = selBackward_ ? start : end;
    }
    twinSelPending_ = false;
    return 0;
}

bool TextField::draw(const char* hint, ImGuiInputTextFlags flags) {
    const std::string imguiLabel = "##" + id_;
    const ImGuiID itemId = ImGui::GetID(imguiLabel.c_str());
    itemId_ = itemId;
    const bool wasActive = active_; // at the end of the last draw
    const bool activeBefore = ImGui::GetActiveID() == itemId;
    if (wantActive_ == 1 && !activeBefore) {
        // 1.90.1's SetKeyboardFocusHere() keeps the previous window's focus scope: focus this
        // window first, or the request never matches the field.
        ImGui::SetWindowFocus();
        ImGui::SetKeyboardFocusHere();
    }
    if (wantActive_ == 0 && activeBefore) ImGui::ClearActiveID();
    wantActive_ = -1;
    if (!activeBefore) {
        std::memcpy(buf_.data(), text_.data(), text_.size());
        buf_[text_.size()] = '\0';
    }
    callbackFirst_ = !(wasActive && ImGui::GetActiveID() == itemId);
    ImGui::InputTextWithHint(imguiLabel.c_str(), hint, buf_.data(), buf_.size(),
                             flags | ImGuiInputTextFlags_CallbackAlways,
                             &TextField::onImGuiCallback, this);
    min_ = ImGui::GetItemRectMin();
    max_ = ImGui::GetItemRectMax();
    const bool activeNow = ImGui::IsItemActive();
    textColor_ = ImGui::GetColorU32(ImGuiCol_Text);
    frameColor_ = ImGui::GetColorU32(activeNow                ? ImGuiCol_FrameBgActive
                                     : ImGui::IsItemHovered() ? ImGuiCol_FrameBgHovered
                                                              : ImGuiCol_FrameBg);
    selectionColor_ = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
    // The keyboard follows the field: ImGui activated it (a click, Tab, a shortcut) -> the twin
    // takes the focus; it was let go (Esc, Enter, Tab, a click elsewhere) -> the canvas does.
    if (activeNow && !wasActive && !twinFocused_) focusRequest_ = "focus";
    if (!activeNow && wasActive && twinFocused_) {
        if (leaveExpected_)
            focusRequest_ = "blur";
        else
            wantActive_ = 1; // a click resolved late: the twin took the keyboard since
    }
    if (activeNow && !wasActive) leaveExpected_ = false;
    active_ = activeNow;
    drawnFrame_ = ImGui::GetFrameCount();
    if (active_) drawPreeditUnderline(itemId);
    const bool changed = committed_ != lastCommitted_;
    lastCommitted_ = committed_;
    return changed;
}

void TextField::drawPreeditUnderline(ImGuiID itemId) {
    const ImGuiInputTextState* state = ImGui::GetInputTextState(itemId);
    const float scrollX = state ? state->ScrollX : 0.0f;
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float x0 = min_.x + ImGui::GetStyle().FramePadding.x - scrollX;
    const auto xAt = [&](size_t offset) {
        offset = std::min(offset, text_.size());
        return x0 + font->CalcTextSizeA(size, FLT_MAX, 0.0f, text_.data(), text_.data() + offset).x;
    };
    caretX_ = xAt(selBackward_ ? selStart_ : selEnd_);
    if (!composing()) return;
    const float y = min_.y + ImGui::GetStyle().FramePadding.y + size + 1.0f;
    const float left = std::max(min_.x + 2.0f, xAt(compStart_));
    const float right = std::min(max_.x - 2.0f, xAt(compEnd_));
    if (right > left)
        ImGui::GetWindowDrawList()->AddLine(ImVec2(left, y), ImVec2(right, y),
                                            ImGui::GetColorU32(ImGuiCol_Text), 1.5f);
}

namespace {
std::string cssColor(ImU32 c) {
    const ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    char css[48];
    const auto channel = [](float f) { return static_cast<int>(std::lround(f * 255.0f)); };
    std::snprintf(css, sizeof css, "rgba(%d,%d,%d,%.3f)", channel(v.x), channel(v.y), channel(v.z),
                  static_cast<double>(v.w));
    return css;
}
} // namespace

std::string TextField::report(float zoom) const {
    const std::string colors = JsonObjectText()
                                   .add("text", cssColor(textColor_))
                                   .add("bg", cssColor(frameColor_))
                                   .add("selection", cssColor(selectionColor_))
                                   .str();
    return JsonObjectText()
        .add("id", id_)
        .add("label", label_)
        .addHundredths("rect", {min_.x * zoom, min_.y * zoom, (max_.x - min_.x) * zoom,
                                (max_.y - min_.y) * zoom})
        .addBool("active", active_)
        .addInt("maxBytes", static_cast<long long>(maxBytes_))
        .addInt("textVersion", textVersion_)
        .add("text", text_)
        .addInt("selVersion", selVersion_)
        .addRaw("sel", "[" + std::to_string(utf8ToUtf16Offset(text_, selStart_)) + "," +
                           std::to_string(utf8ToUtf16Offset(text_, selEnd_)) + "]")
        .addBool("backward", selBackward_)
        .addHundredths("caretX", active_ ? caretX_ * zoom : -1.0f)
        .addRaw("colors", colors)
        .str();
}

void TextField::appendReportKey(std::string& key, float zoom) const {
    const auto pod = [&key](const auto& v) {
        key.append(reinterpret_cast<const char*>(&v), sizeof v);
    };
    for (const auto v : {min_.x, min_.y, max_.x, max_.y, caretX_, zoom}) pod(v);
    for (const auto v : {textVersion_, selVersion_, textColor_, frameColor_, selectionColor_})
        pod(v);
    for (const auto v : {selStart_, selEnd_, maxBytes_, text_.size()}) pod(v);
    for (const auto v : {active_, selBackward_}) pod(v);
    key += id_;
    key += '\0';
    key += label_;
    key += '\0';
    key += text_;
}

void TextField::writeState(nlohmann::json& out, bool drawn) const {
    out = {{"id", id_},
           {"label", label_},
           {"text", text_},
           {"committed", committed_},
           {"composing", composing()},
           {"preedit", composing() ? text_.substr(compStart_, compEnd_ - compStart_) : ""},
           {"drawn", drawn},
           {"active", drawn && active_},
           {"focused", drawn && twinFocused_},
           {"selection", {selStart_, selEnd_}},
           {"rect", {min_.x, min_.y, max_.x - min_.x, max_.y - min_.y}}};
}

} // namespace rx::ui
