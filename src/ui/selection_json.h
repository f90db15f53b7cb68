// The selection and the text layer as state() and window.explorer.textLayout() report them, the
// same for every view that selects text (cards, the matrix's detail panel).
#pragma once
#include "text_selection.h"

#include <nlohmann/json.hpp>

#include <string>

namespace rx::ui {

// {text, card, start: {block, offset}, end: {block, offset}, touch} of the selection a..f.
nlohmann::json selectionJson(const TextBlocks& blocks, TextPoint a, TextPoint f, bool touch);
// Every drawn word: {block, line, rect (shifted up by dy), begin, end}, as a JSON array.
std::string textLayoutJson(const TextLayer& layer, const TextBlocks& blocks, float dy);

} // namespace rx::ui
