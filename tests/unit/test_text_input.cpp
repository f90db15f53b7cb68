#include "core/text_input.h"
#include "core/utf8.h"

#include <doctest/doctest.h>

#include <string>

using rx::CanvasKey;
using rx::FieldKey;
using rx::KeyPress;

TEST_CASE("text input: UTF-16 offsets map to UTF-8 bytes and back") {
    const std::string text = "caf\xC3\xA9 \xF0\x9F\x98\x80 \xE3\x83\xA1"; // "café 😀 メ"
    CHECK(rx::utf16ToUtf8Offset(text, 0) == 0);
    CHECK(rx::utf16ToUtf8Offset(text, 4) == 5);  // after é (2 bytes, 1 unit)
    CHECK(rx::utf16ToUtf8Offset(text, 5) == 6);  // after the space
    CHECK(rx::utf16ToUtf8Offset(text, 7) == 10); // after the emoji (4 bytes, 2 units)
    CHECK(rx::utf16ToUtf8Offset(text, 6) == 10); // inside the pair: the end of the emoji
    CHECK(rx::utf16ToUtf8Offset(text, 99) == text.size());
    CHECK(rx::utf8ToUtf16Offset(text, 5) == 4);
    CHECK(rx::utf8ToUtf16Offset(text, 10) == 7);
    CHECK(rx::utf8ToUtf16Offset(text, 7) == 7); // inside the emoji counts it whole
    CHECK(rx::utf8ToUtf16Offset(text, text.size()) == 9);
    for (size_t u = 0; u <= 9; ++u) {
        const size_t b = rx::utf16ToUtf8Offset(text, u);
        CHECK(rx::utf8ToUtf16Offset(text, b) >= u);
    }
}

TEST_CASE("text input: pasted lines become one line") {
    CHECK(rx::toSingleLine("a\nb") == "a b");
    CHECK(rx::toSingleLine("a\r\nb\rc") == "a b c");
    CHECK(rx::toSingleLine("a\tb\vc\fd") == "a b c d");
    CHECK(rx::toSingleLine("a\xE2\x80\xA8"
                           "b\xE2\x80\xA9"
                           "c\xC2\x85"
                           "d") == "a b c d");
    CHECK(rx::toSingleLine(std::string("a\0b\x1B"
                                       "c",
                                       5)) == "abc");
    CHECK(rx::toSingleLine("caf\xC3\xA9 \xF0\x9F\x98\x80") == "caf\xC3\xA9 \xF0\x9F\x98\x80");
    CHECK(rx::toSingleLine("a\xFF\xC3"
                           "b") == "ab"); // invalid bytes dropped
}

TEST_CASE("text input: an insertion fits the field's limit on a character boundary") {
    CHECK(rx::fitInsertion("hello\nworld", 0, 256) == "hello world");
    CHECK(rx::fitInsertion("hello", 254, 256) == "he");
    CHECK(rx::fitInsertion("hello", 256, 256).empty());
    CHECK(rx::fitInsertion("hello", 300, 256).empty());
    CHECK(rx::fitInsertion("\xC3\xA9\xC3\xA9", 253, 256) == "\xC3\xA9"); // 3 bytes of room
    std::string big;
    for (int i = 0; i < 10000; ++i)
        big += (i % 7 == 0) ? "\n" : (i % 5 == 0) ? "\xF0\x9F\x98\x80" : "x";
    const std::string fitted = rx::fitFieldText(big, 256);
    CHECK(fitted.size() <= 256);
    CHECK(fitted.size() >= 253);
    CHECK(rx::isValidUtf8(fitted));
    CHECK(fitted.find('\n') == std::string::npos);
}

TEST_CASE("text input: keys in a DOM text field") {
    const auto route = [](const char* key, bool ctrl = false, bool shift = false,
                          bool composing = false, bool meta = false) {
        KeyPress k;
        k.key = key;
        k.ctrl = ctrl;
        k.shift = shift;
        k.composing = composing;
        k.meta = meta;
        return rx::routeFieldKey(k);
    };
    CHECK(route("a") == FieldKey::Edit);
    CHECK(route("Backspace") == FieldKey::Edit);
    CHECK(route("ArrowLeft", false, true) == FieldKey::Edit);
    CHECK(route("z", true) == FieldKey::Edit); // undo stays the field's
    CHECK(route("v", true) == FieldKey::Edit);
    CHECK(route("Enter") == FieldKey::Next);
    CHECK(route("Enter", false, true) == FieldKey::Previous);
    CHECK(route("Enter", false, false, true) == FieldKey::Edit);  // commits a composition
    CHECK(route("Escape", false, false, true) == FieldKey::Edit); // cancels a composition
    CHECK(route("F3") == FieldKey::Next);
    CHECK(route("F3", false, true) == FieldKey::Previous);
    CHECK(route("g", true) == FieldKey::Next);
    CHECK(route("G", true, true) == FieldKey::Previous);
    CHECK(route("g", false, false, false, true) == FieldKey::Next); // Cmd+G
    CHECK(route("Escape") == FieldKey::Escape);
    CHECK(route("Tab") == FieldKey::TabForward);
    CHECK(route("Tab", false, true) == FieldKey::TabBackward);
    CHECK(route("f", true) == FieldKey::SelectAll);
    CHECK(route("f", false, false, false, true) == FieldKey::SelectAll);
    CHECK(route("/") == FieldKey::Edit); // typed
}

TEST_CASE("text input: keys in the canvas that reach a text field") {
    const auto route = [](const char* key, bool ctrl = false, bool shift = false, bool alt = false,
                          bool meta = false) {
        KeyPress k;
        k.key = key;
        k.ctrl = ctrl;
        k.shift = shift;
        k.alt = alt;
        k.meta = meta;
        return rx::routeCanvasKey(k);
    };
    CHECK(route("/") == CanvasKey::FocusField);
    CHECK(route("k", true) == CanvasKey::FocusField);
    CHECK(route("K", false, false, false, true) == CanvasKey::FocusField);
    CHECK(route("f", true) == CanvasKey::FocusField);
    CHECK(route("f", false, false, false, true) == CanvasKey::FocusField);
    CHECK(route("f") == CanvasKey::None);
    CHECK(route("k") == CanvasKey::None);
    CHECK(route("f", true, false, true) == CanvasKey::None); // Ctrl+Alt+F is not find
    CHECK(route("F3") == CanvasKey::Next);
    CHECK(route("F3", false, true) == CanvasKey::Previous);
    CHECK(route("g", true) == CanvasKey::Next);
    CHECK(route("g", true, true) == CanvasKey::Previous);
    CHECK(route("Enter") == CanvasKey::None);
    CHECK(route("Tab") == CanvasKey::None);
    CHECK(route("ArrowDown") == CanvasKey::None);
}
