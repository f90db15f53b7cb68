// Pure decisions behind the explorer's text fields, which the browser edits in a real DOM text
// field (web/textagent.js): offsets between the DOM's UTF-16 and the app's UTF-8, fitting typed
// or pasted text into a field's byte limit, and which key goes where.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace rx {

// Byte offset in `utf8` of the position `utf16Units` UTF-16 code units from its start (clamped
// to the end; a position inside a surrogate pair moves to the end of its character). Invalid
// bytes count as one unit each, as the browser's decoder makes one U+FFFD of each.
size_t utf16ToUtf8Offset(std::string_view utf8, size_t utf16Units);
// UTF-16 code units before byte `offset` of `utf8` (an offset inside a character counts the
// whole character).
size_t utf8ToUtf16Offset(std::string_view utf8, size_t offset);

// One-line text from anything pasted, dropped or dictated: every line break (CR, LF, CRLF, VT,
// FF, NEL, U+2028, U+2029) and tab becomes one space, other control characters and invalid bytes
// are dropped.
std::string toSingleLine(std::string_view text);

// What of `inserted` goes into a field holding `keptBytes` bytes outside the replaced selection:
// on one line, cut on a character boundary so the field stays within `maxBytes`.
std::string fitInsertion(std::string_view inserted, size_t keptBytes, size_t maxBytes);

// A whole field value as the app may hold it: on one line and within `maxBytes`.
std::string fitFieldText(std::string_view text, size_t maxBytes);

// A key press as the page sees it (KeyboardEvent.key and its modifiers).
struct KeyPress {
    std::string_view key;
    bool ctrl = false;
    bool meta = false; // Cmd on macOS
    bool shift = false;
    bool alt = false;
    bool composing = false; // part of an input method's composition (isComposing or key code 229)
};

// In a DOM text field of the explorer: the field edits the text itself (Edit) unless the key is
// one of the explorer's own.
enum class FieldKey {
    Edit,        // the DOM field handles it (typing, arrows, Backspace, Ctrl+Z, Ctrl+V, ...)
    Next,        // Enter, F3, Ctrl/Cmd+G: next match
    Previous,    // Shift+Enter, Shift+F3, Shift+Ctrl/Cmd+G
    Escape,      // leave the field (the cards search also clears)
    TabForward,  // the explorer's Tab order continues
    TabBackward, //
    SelectAll,   // Ctrl/Cmd+F in the field: select its text (the find is already here)
};
FieldKey routeFieldKey(const KeyPress& key);

// In the explorer's canvas (no text field has the keyboard): keys that reach a text field.
enum class CanvasKey {
    None,       // the explorer handles it as before
    FocusField, // `/`, Ctrl/Cmd+K, Ctrl/Cmd+F: the current view's text field, text selected
    Next,       // F3, Ctrl/Cmd+G
    Previous,   // Shift+F3, Shift+Ctrl/Cmd+G
};
CanvasKey routeCanvasKey(const KeyPress& key);

} // namespace rx
