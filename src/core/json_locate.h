// Positions of values inside raw JSON text. nlohmann-json keeps no source positions, so loaders
// that report "wrong type at line 12" walk the raw text again, only when there is a problem.
#pragma once
#include "diagnostics.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rx {

// Byte offset of the first character of the value at `pointer` (RFC 6901, e.g. "/adopters/2/name";
// "" is the whole text), or nullopt when the text holds no such value. Duplicate object keys
// resolve to the last one, as nlohmann-json does. Safe on malformed text (then usually nullopt).
std::optional<size_t> locateJsonValue(std::string_view json, std::string_view pointer);

// Byte offset of the deepest value that exists along `pointer`: the value itself when present,
// else its nearest existing ancestor (for "missing field": the object that lacks it).
size_t locateJsonNearest(std::string_view json, std::string_view pointer);

// Builds "/a/b/3" pointers with RFC 6901 escaping ('~' -> "~0", '/' -> "~1").
std::string jsonPointerAppend(std::string_view base, std::string_view key);
std::string jsonPointerAppend(std::string_view base, size_t index);

} // namespace rx
