#include "input_batch_policy.h"

#include <algorithm>
#include <utility>

namespace rx {

size_t eventsForOneFrame(const std::vector<InputChange>& events) {
    std::vector<std::pair<InputChange::Kind, int>> changed;
    for (size_t i = 0; i < events.size(); ++i) {
        const InputChange& e = events[i];
        if (e.kind == InputChange::Kind::Other) continue;
        const std::pair<InputChange::Kind, int> id(e.kind, e.code);
        if (std::find(changed.begin(), changed.end(), id) != changed.end()) return i;
        changed.push_back(id);
    }
    return events.size();
}

} // namespace rx
