// What a copy control copies, known before it is clicked: Safari lets a page write the clipboard
// only inside the user's own event, while the explorer acts a frame later. So the page asks, in
// its pointerup handler, what a click there copies (App::copyPayloadAt) and writes it at once;
// the frame's own copy request then finds it done.
#pragma once
#include "host.h"

#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

namespace rx::ui {

struct CopyPayload {
    std::string text; // plain text to copy
    std::string hash; // or a link: the URL hash of an explorer view (the page adds the address)
    bool empty() const { return text.empty() && hash.empty(); }
};

// The ImGui buttons that copy (the top bar's Copy link, the matrix's Copy as TSV), each with its
// payload declared where it is drawn; the payload is built only when the page asks, at a click.
// Refilled every frame: between frames, the last frame's buttons answer.
class CopyButtons {
  public:
    using Payload = std::function<CopyPayload()>;
    void clear() { buttons_.clear(); }
    void add(ImVec2 min, ImVec2 max, Payload payload);
    // The payload of the topmost button both the press and the release are on; empty if none.
    CopyPayload at(ImVec2 press, ImVec2 release) const;

  private:
    struct Button {
        ImVec2 min, max;
        Payload payload;
    };
    std::vector<Button> buttons_;
};

// Sends it to the page ("copy" or "copy-link").
void sendCopy(Host& host, const CopyPayload& payload);
// {"text": ...} or {"hash": ...}, with "press": true for a control that acts on the press (a menu
// item) rather than on the click; "" for an empty payload.
std::string copyPayloadJson(const CopyPayload& payload, bool onPress);

} // namespace rx::ui
