#include "card_grid.h"

#include <algorithm>

namespace rx {
namespace {

struct Cell {
    int section = -1;
    int index = 0; // within the section
};

Cell locate(const std::vector<int>& counts, int flat) {
    for (int s = 0; s < static_cast<int>(counts.size()); ++s) {
        if (flat < counts[s]) return {s, flat};
        flat -= counts[s];
    }
    return {};
}

int firstOf(const std::vector<int>& counts, int section) {
    int flat = 0;
    for (int s = 0; s < section; ++s) flat += counts[s];
    return flat;
}

} // namespace

int moveGridFocus(const std::vector<int>& sectionCounts, int columns, int current, GridMove move) {
    std::vector<int> counts;
    counts.reserve(sectionCounts.size());
    int total = 0;
    for (int c : sectionCounts) {
        counts.push_back(std::max(0, c));
        total += counts.back();
    }
    if (total == 0) return -1;
    if (current < 0 || current >= total) return move == GridMove::End ? total - 1 : 0;
    columns = std::max(1, columns);

    switch (move) {
    case GridMove::Home:
        return 0;
    case GridMove::End:
        return total - 1;
    case GridMove::Left:
        return std::max(0, current - 1);
    case GridMove::Right:
        return std::min(total - 1, current + 1);
    case GridMove::Up:
    case GridMove::Down:
        break;
    }

    const Cell cell = locate(counts, current);
    const int column = cell.index % columns;
    const int row = cell.index / columns;
    const int rows = (counts[cell.section] + columns - 1) / columns;
    const int start = firstOf(counts, cell.section);
    if (move == GridMove::Down) {
        if (row + 1 < rows)
            return start + std::min(counts[cell.section] - 1, (row + 1) * columns + column);
        for (int s = cell.section + 1; s < static_cast<int>(counts.size()); ++s)
            if (counts[s] > 0) return firstOf(counts, s) + std::min(counts[s] - 1, column);
        return current;
    }
    if (row > 0) return start + (row - 1) * columns + column;
    for (int s = cell.section - 1; s >= 0; --s) {
        if (counts[s] == 0) continue;
        const int lastRow = (counts[s] - 1) / columns;
        return firstOf(counts, s) + std::min(counts[s] - 1, lastRow * columns + column);
    }
    return current;
}

} // namespace rx
