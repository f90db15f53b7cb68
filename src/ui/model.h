// The loaded content as the views see it: read-only core data plus what went wrong loading it.
#pragma once
#include "adopters.h"
#include "diagnostics.h"
#include "document.h"
#include "search.h"
#include "tags.h"

#include <map>
#include <string>

namespace rx::ui {

struct Model {
    std::map<std::string, std::string> files; // name -> bytes, as handed over by the page
    std::string documentName = "document.md";
    Document doc;
    AdoptersData adopters;
    bool hasAdopters = false; // the content folder has an adopters.json
    Vocabulary vocabulary;
    TagIndex tags;
    SearchIndex searchIndex;
    Diagnostics errors;
    std::string subject = "the subject"; // "Rust": the intro's first bold run
    std::string version = "dev";
    bool loaded = false;

    // Parses and validates everything in `files`; problems land in `errors`, never abort.
    void load();
    const std::string* file(const std::string& name) const;
    // All text the UI may draw from the content (for the missing-glyph count).
    std::string allText() const;
};

} // namespace rx::ui
