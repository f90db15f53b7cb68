// The loaded content as the views see it: read-only core data plus what went wrong loading it.
#pragma once
#include "diagnostics.h"
#include "document.h"

#include <map>
#include <string>

namespace rx::ui {

struct Model {
    std::map<std::string, std::string> files; // name -> bytes, as handed over by the page
    Document doc;
    Diagnostics errors;
    std::string version = "dev";
    bool loaded = false;

    // Parses and validates everything in `files`; problems land in `errors`, never abort.
    void load();
};

} // namespace rx::ui
