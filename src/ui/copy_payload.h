// What a copy control copies, known before it is clicked: Safari lets a page write the clipboard
// only inside the user's own event, while the explorer acts a frame later. So the page asks, in
// its pointerup handler, what a click there copies (App::copyPayloadAt) and writes it at once;
// the frame's own copy request then finds it done.
#pragma once
#include "host.h"

#include <string>

namespace rx::ui {

struct CopyPayload {
    std::string text; // plain text to copy
    std::string hash; // or a link: the URL hash of an explorer view (the page adds the address)
    bool empty() const { return text.empty() && hash.empty(); }
};

// Sends it to the page ("copy" or "copy-link").
void sendCopy(Host& host, const CopyPayload& payload);
// {"text": ...} or {"hash": ...}, with "press": true for a control that acts on the press (a menu
// item) rather than on the click; "" for an empty payload.
std::string copyPayloadJson(const CopyPayload& payload, bool onPress);

} // namespace rx::ui
