// How many queued input events one frame may take. A pure decision so it is unit-tested
// natively; main_web.cpp only describes its SDL events and obeys it.
//
// ImGui 1.86 keeps one down/up state per key and mouse button per frame and derives "pressed"
// from how long it has been down. A key going down and up in one frame would be no press at all,
// and a key going up and down again (a quick second press while the previous key-up was waiting)
// would look like a key that never moved. So each key or button changes at most once per frame;
// the event that would change it a second time waits, with everything after it, for the next
// frame, which keeps the order of all input.
#pragma once

#include <cstddef>
#include <vector>

namespace rx {

struct InputChange {
    enum class Kind {
        Other,       // motion, wheel, text, window events: no per-frame state to lose
        Key,         // a key going down or up (not an auto-repeat)
        MouseButton, // a mouse button going down or up
    };
    Kind kind = Kind::Other;
    int code = 0; // scancode or button number
};

// The number of leading events (0 < n <= size, or 0 when empty) this frame should process.
size_t eventsForOneFrame(const std::vector<InputChange>& events);

} // namespace rx
