// The adopter × domain matrix view (issue 4).
#pragma once
#include "ui_context.h"
#include "url_state.h"

#include <nlohmann/json_fwd.hpp>

namespace rx::ui {

class MatrixView {
  public:
    void draw(UiContext& ctx);
    void applyUrl(const UrlState& url);
    void writeUrl(UrlState& url) const;
    void writeState(nlohmann::json& state) const; // adds state().matrix
};

} // namespace rx::ui
