#include "view_matrix.h"

#include <nlohmann/json.hpp>

namespace rx::ui {

void MatrixView::draw(UiContext& ctx) {
    ImGui::TextUnformatted("Adopters × domains");
    ImGui::TextDisabled("%d adopters, %d domains",
                        static_cast<int>(ctx.model.adopters.adopters.size()),
                        static_cast<int>(ctx.model.adopters.domains.size()));
}

void MatrixView::applyUrl(const UrlState& url) {
    (void)url;
}

void MatrixView::writeUrl(UrlState& url) const {
    (void)url;
}

void MatrixView::writeState(nlohmann::json& state) const {
    state["matrix"] = nullptr;
}

} // namespace rx::ui
