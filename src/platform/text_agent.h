// The wasm side of the text fields' DOM twins (web/textagent.js): what the page calls when a
// twin's value, selection, focus or keys change, and the keys it asks about in the canvas.
// main_web.cpp gives it the app and a way to wake the main loop.
#pragma once

namespace rx::ui {
class App;
}

namespace rx::platform {

ui::App* app();  // nullptr before the app exists
void wakeLoop(); // draw a frame soon (the loop may be paused while idle)
// Numbers input as it arrives, across SDL's events and the page's calls: which came first.
unsigned nextInputSerial();

} // namespace rx::platform
