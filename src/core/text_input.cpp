#include "text_input.h"

#include "utf8.h"

namespace rx {
namespace {

struct Utf16Position {
    size_t bytes = 0; // UTF-8 offset
    size_t units = 0; // the same place in UTF-16 code units
};

// Walks `utf8` a character at a time until `done(bytes, units)` or the end. An invalid byte is
// one character of one unit, as the browser shows it (U+FFFD); a 4-byte sequence is two units.
template <class Done> Utf16Position walkUtf16(std::string_view utf8, Done done) {
    Utf16Position at;
    while (at.bytes < utf8.size() && !done(at.bytes, at.units)) {
        const size_t length = utf8SequenceLength(utf8, at.bytes);
        at.bytes += length == 0 ? 1 : length;
        at.units += length == 4 ? 2 : 1;
    }
    return at;
}

bool isLetterKey(std::string_view key, char lower) {
    return key.size() == 1 && (key[0] == lower || key[0] == lower - 'a' + 'A');
}

} // namespace

size_t utf16ToUtf8Offset(std::string_view utf8, size_t utf16Units) {
    return walkUtf16(utf8, [&](size_t, size_t units) { return units >= utf16Units; }).bytes;
}

size_t utf8ToUtf16Offset(std::string_view utf8, size_t offset) {
    return walkUtf16(utf8, [&](size_t bytes, size_t) { return bytes >= offset; }).units;
}

std::string toSingleLine(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        const size_t length = utf8SequenceLength(text, pos);
        if (length == 0) { // invalid byte: dropped
            ++pos;
            continue;
        }
        const std::string_view ch = text.substr(pos, length);
        pos += length;
        const unsigned char c = static_cast<unsigned char>(ch[0]);
        if (length == 1 && c == '\r') {
            if (pos < text.size() && text[pos] == '\n') ++pos; // CRLF is one break
            out += ' ';
        } else if (length == 1 && (c == '\n' || c == '\t' || c == '\v' || c == '\f')) {
            out += ' ';
        } else if (length == 1 && (c < 0x20 || c == 0x7F)) {
            // other control characters: dropped
        } else if (ch == "\xC2\x85" || ch == "\xE2\x80\xA8" || ch == "\xE2\x80\xA9") {
            out += ' '; // NEL, line and paragraph separators
        } else if (length == 2 && c == 0xC2 && static_cast<unsigned char>(ch[1]) < 0xA0) {
            // C1 control characters: dropped
        } else {
            out.append(ch);
        }
    }
    return out;
}

std::string fitInsertion(std::string_view inserted, size_t keptBytes, size_t maxBytes) {
    std::string line = toSingleLine(inserted);
    const size_t room = keptBytes >= maxBytes ? 0 : maxBytes - keptBytes;
    line.resize(truncateUtf8(line, room).size());
    return line;
}

std::string fitFieldText(std::string_view text, size_t maxBytes) {
    return fitInsertion(text, 0, maxBytes);
}

FieldKey routeFieldKey(const KeyPress& key) {
    if (key.composing) return FieldKey::Edit; // the input method's Enter/Esc commit or cancel
    const bool command = key.ctrl || key.meta;
    if (key.key == "Enter" && !command && !key.alt)
        return key.shift ? FieldKey::Previous : FieldKey::Next;
    if (key.key == "F3" && !command && !key.alt)
        return key.shift ? FieldKey::Previous : FieldKey::Next;
    if (command && !key.alt && isLetterKey(key.key, 'g'))
        return key.shift ? FieldKey::Previous : FieldKey::Next;
    if (key.key == "Escape" && !command && !key.alt && !key.shift) return FieldKey::Escape;
    if (key.key == "Tab" && !command && !key.alt)
        return key.shift ? FieldKey::TabBackward : FieldKey::TabForward;
    if (command && !key.alt && !key.shift && isLetterKey(key.key, 'f')) return FieldKey::SelectAll;
    return FieldKey::Edit;
}

CanvasKey routeCanvasKey(const KeyPress& key) {
    if (key.composing) return CanvasKey::None;
    const bool command = key.ctrl || key.meta;
    if (key.alt) return CanvasKey::None;
    if (key.key == "/" && !command) return CanvasKey::FocusField;
    if (command && !key.shift && (isLetterKey(key.key, 'k') || isLetterKey(key.key, 'f')))
        return CanvasKey::FocusField;
    if ((key.key == "F3" && !command) || (command && isLetterKey(key.key, 'g')))
        return key.shift ? CanvasKey::Previous : CanvasKey::Next;
    return CanvasKey::None;
}

} // namespace rx
