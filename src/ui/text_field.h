// A text field of the explorer: drawn by ImGui, edited in a real DOM text field, its "twin"
// (web/textagent.js). Keys, input methods, dictation, paste, undo and the selection happen in
// the twin, which sends its value and selection here; the ImGui field shows the same text, caret
// and selection and underlines an input method's pre-edit. Searches and filters read
// committed(): the text without the pre-edit.
// The field reports itself each frame (id, label, rect, ...) so the page can keep the twin over
// it; the app sends a value or selection to the twin only when it changed them itself (the URL,
// a clear button, Esc, a click or drag in the ImGui field).
#pragma once
#include <imgui.h>
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace rx::ui {

// The twin's value and selection in UTF-8 byte offsets; comp* is the pre-edit (equal: none).
struct DomTextState {
    std::string text;
    size_t selStart = 0, selEnd = 0;
    bool backward = false; // the caret is at selStart
    size_t compStart = 0, compEnd = 0;
};

class TextField {
  public:
    TextField(std::string id, std::string label, size_t maxBytes);

    const std::string& id() const { return id_; }
    const std::string& text() const { return text_; } // as shown, with any pre-edit
    const std::string& committed() const { return committed_; }
    bool composing() const { return compEnd_ > compStart_; }
    bool active() const { return active_; } // the ImGui field is active (draws the caret)
    bool twinFocused() const { return twinFocused_; }
    size_t maxBytes() const { return maxBytes_; }
    ImVec2 rectMin() const { return min_; }
    ImVec2 rectMax() const { return max_; }

    // The app changed the text (URL, clear button, Esc): the twin follows.
    void setText(const std::string& text);

    // From the page.
    void applyTwin(const DomTextState& state);
    void twinFocusChanged(bool focused);

    // The view wants the field active or not (keys, Tab order): applied at the next draw, and
    // the page moves the keyboard focus to the twin or back to the canvas.
    void requestActive(bool active) {
        wantActive_ = active ? 1 : 0;
        if (!active) leaveExpected_ = true;
    }
    // The field is about to be left on purpose (Esc, Tab): the canvas takes the keyboard back.
    // Any other deactivation while the twin has the keyboard (a click that took frames to
    // resolve) activates the field again.
    void expectLeave() { leaveExpected_ = true; }
    // The view took the keyboard from the active field this frame (Tab out of it): the twin lets
    // go at the end of this frame, not at the next draw, so a key pressed in between (Enter on
    // what the Tab reached) goes where the focus now is.
    void leaveNow() {
        leaveExpected_ = true;
        wantActive_ = 0;
        if (twinFocused_) focusRequest_ = "blur";
    }

    // In place of ImGui::InputTextWithHint (after SetNextItemWidth). Returns true when
    // committed() changed since the last draw.
    bool draw(const char* hint, ImGuiInputTextFlags flags = 0);
    bool drawnThisFrame(int frame) const { return drawnFrame_ == frame; }

    // What the page needs to keep the twin in step; "changed" is false when nothing did since
    // the last report.
    std::string report(float zoom) const; // a JSON object
    // Everything report() writes, as bytes: an unchanged key means an unchanged report, so the
    // app builds the JSON only for a frame that changed something.
    void appendReportKey(std::string& key, float zoom) const;
    // Requests for the page since the last call: "focus", "blur" or "".
    std::string takeFocusRequest();
    // state().textFields[]: `drawn` whether the last frame drew it (a field of the view not shown
    // is neither active nor focused, whatever it was when that view was left).
    void writeState(nlohmann::json& out, bool drawn) const;

  private:
    static int onImGuiCallback(ImGuiInputTextCallbackData* data);
    int callback(ImGuiInputTextCallbackData* data);
    void setCommitted();
    void drawPreeditUnderline(ImGuiID itemId);

    std::string id_, label_;
    size_t maxBytes_;
    std::vector<char> buf_; // what ImGui draws
    std::string text_;      // the truth: the twin's value
    std::string committed_; // text_ without the pre-edit
    std::string lastCommitted_;
    size_t selStart_ = 0, selEnd_ = 0;
    bool selBackward_ = false;
    size_t compStart_ = 0, compEnd_ = 0;
    bool twinPending_ = false;    // a twin update ImGui has not shown yet
    bool twinSelPending_ = false; // ... with a new selection
    unsigned textVersion_ = 1;    // bumped when the app changed the text: the twin takes it
    unsigned selVersion_ = 0;     // bumped when ImGui moved the selection: the twin takes it
    int wantActive_ = -1;         // -1: no request
    bool active_ = false;
    bool callbackFirst_ = true; // the callback runs in the field's first active frame
    bool twinFocused_ = false;
    bool leaveExpected_ = false;
    std::string focusRequest_;
    int drawnFrame_ = -1;
    ImGuiID itemId_ = 0;
    ImVec2 min_, max_;
    // The field's colours as drawn: the twin shows text ImGui cannot lay out (see textagent.js).
    ImU32 textColor_ = 0, frameColor_ = 0, selectionColor_ = 0;
    float caretX_ = 0; // the caret's x in layout px while active (the twin sits at the caret)
};

} // namespace rx::ui
