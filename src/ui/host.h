// What the UI may ask of its host page. Implemented by the platform layer (JS bridge in the
// browser); the UI never includes emscripten headers.
#pragma once
#include <string>

namespace rx::ui {

class Host {
  public:
    virtual ~Host() = default;
    // Named request to the page with a JSON payload: "url", "copy", "announce", "download",
    // "changed", "release-focus", "open". See web/boot.js for their handling.
    virtual void call(const char* name, const std::string& json) = 0;
    virtual double nowMs() = 0;
    virtual bool prefersDark() = 0;
    virtual bool prefersReducedMotion() = 0;
};

} // namespace rx::ui
