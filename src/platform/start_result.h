// What rx_prepare and rx_start tell web/boot.js. boot.js names the same numbers in START_RESULT;
// tests/unit/test_start_result.cpp reads boot.js and fails when the two disagree.
#pragma once

namespace rx {

enum class StartResult : int {
    Started = 0,       // prepared / running
    SdlInitFailed = 1, // SDL_Init failed
    NoWebGL2 = 2,      // no WebGL2 context, or the renderer could not start on it
    NoFont = 3,        // the UI font never arrived
};

constexpr int toInt(StartResult r) {
    return static_cast<int>(r);
}

} // namespace rx
