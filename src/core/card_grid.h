// Keyboard movement between cards laid out as one grid per section (pure, unit-tested).
#pragma once
#include <vector>

namespace rx {

enum class GridMove { Left, Right, Up, Down, Home, End };

// Cards are numbered in document order across sections: section 0's cards first. Each section
// lays its `sectionCounts[s]` cards out in rows of `columns`. Returns the card to focus after
// `move` from `current` (-1 = nothing focused yet: any move focuses the first card); -1 when
// there are no cards. Left/Right step in reading order, Up/Down keep the column (clamped to a
// shorter row) and cross into the neighbouring section; moves stop at the first/last card.
int moveGridFocus(const std::vector<int>& sectionCounts, int columns, int current, GridMove move);

} // namespace rx
