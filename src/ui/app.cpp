#include "app.h"

#include <nlohmann/json.hpp>

namespace rx::ui {

using nlohmann::json;

void UiContext::announce(const std::string& text) const {
    host.call("announce", json{{"text", text}}.dump());
}

void App::addFile(const std::string& name, std::string bytes) {
    model_.files[name] = std::move(bytes);
}

void App::start(const std::string& initialUrlState) {
    model_.load();
    const std::string* regular = model_.file("fonts/ui-regular.ttf");
    theme_.setFontData(regular, model_.file("fonts/ui-bold.ttf"));
    if (!regular)
        model_.errors.push_back({"fonts/ui-regular.ttf", 0, 0, "font missing: using a fallback"});
    applyUrlState(initialUrlState);
    started_ = true;
}

void App::applyThemePreference() {
    const ThemeMode mode = themePref_ == "dark"    ? ThemeMode::Dark
                           : themePref_ == "light" ? ThemeMode::Light
                                                   : ThemeMode::Auto;
    theme_.setMode(mode, host_.prefersDark());
    theme_.setUserScale(url_.scale);
}

void App::rebuildFonts() {
    theme_.rebuildFonts();
    missingGlyphs_ = theme_.countMissingGlyphs(model_.allText());
}

Rgba App::clearColor() const {
    if (url_.transparentBg) return {0, 0, 0, 0};
    return theme_.colors().clear;
}

void App::frameRendered() {
    if (++frames_ == 1) host_.call("first-frame", "{}");
}

void App::applyUrlState(const std::string& hashOrQuery) {
    url_ = decodeHash(hashOrQuery);
    themePref_ = url_.theme;
    view_ = url_.view == "matrix" && model_.hasAdopters ? View::Matrix : View::Cards;
    cards_.applyUrl(url_);
    matrix_.applyUrl(url_);
    applyThemePreference();
}

UrlState App::composeUrl() const {
    UrlState next = url_;
    next.view = view_ == View::Matrix ? "matrix" : "cards";
    next.theme = themePref_;
    cards_.writeUrl(next);
    matrix_.writeUrl(next);
    return next;
}

void App::syncUrl() {
    const UrlState next = composeUrl();
    const HistoryAction action = historyAction(url_, next);
    if (action == HistoryAction::None) return;
    url_ = next;
    host_.call("url",
               json{{"hash", encodeHash(next)}, {"push", action == HistoryAction::Push}}.dump());
    host_.call("changed", "{}");
}

void App::paste(const std::string& text) {
    if (ImGui::GetCurrentContext()) ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
}

void App::copyToSystemClipboard(const std::string& text) {
    host_.call("copy", json{{"text", text}}.dump());
}

void App::draw() {
    UiContext ctx{host_, model_, theme_};
    ctx.nowMs = host_.nowMs();
    ctx.reducedMotion = host_.prefersReducedMotion();
    ctx.embed = url_.embed;
    ctx.showControls = url_.controls == -1 ? !url_.embed : url_.controls == 1;

    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    if (url_.transparentBg) ImGui::SetNextWindowBgAlpha(0.0f);
    ImGui::Begin("explorer", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings);
    if (ctx.showControls) drawTopBar(ctx);
    drawErrorPanel();
    if (view_ == View::Cards)
        cards_.draw(ctx);
    else
        matrix_.draw(ctx);
    ImGui::End();
    handleRequests(ctx);
    animating_ = ctx.animating;
    syncUrl();
}

void App::handleRequests(UiContext& ctx) {
    if (!ctx.switchView.empty()) {
        view_ = ctx.switchView == "matrix" && model_.hasAdopters ? View::Matrix : View::Cards;
        ctx.announce(view_ == View::Matrix ? "Adopter and domain matrix" : "Cards");
    }
    if (!ctx.jumpToCard.empty()) {
        view_ = View::Cards;
        cards_.revealCard(ctx.jumpToCard);
    }
}

void App::drawTopBar(UiContext& ctx) {
    const Fonts& f = theme_.fonts();
    ImGui::PushFont(f.heading);
    ImGui::TextUnformatted("Rust overview");
    ImGui::PopFont();
    if (model_.hasAdopters) {
        ImGui::SameLine(0, 24);
        const auto tab = [&](const char* label, View v) {
            const bool active = view_ == v;
            if (active)
                ImGui::PushStyleColor(ImGuiCol_Button,
                                      ImGui::ColorConvertU32ToFloat4(theme_.colors().surfaceHover));
            if (ImGui::Button(label)) ctx.switchView = v == View::Matrix ? "matrix" : "cards";
            if (active) ImGui::PopStyleColor();
            ImGui::SameLine();
        };
        tab("Cards", View::Cards);
        tab("Adopters × domains", View::Matrix);
        ImGui::NewLine();
    }
    if (view_ == View::Cards) cards_.drawTopBarControls(ctx);
    drawThemeToggle();
    ImGui::Separator();
}

void App::drawThemeToggle() {
    const char* label = theme_.dark() ? "Light theme" : "Dark theme";
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(label).x -
                    ImGui::GetStyle().FramePadding.x * 2);
    if (ImGui::Button(label)) {
        themePref_ = theme_.dark() ? "light" : "dark";
        applyThemePreference();
    }
}

void App::drawErrorPanel() {
    if (model_.errors.empty()) return;
    const Colors& c = theme_.colors();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.error));
    ImGui::PushFont(theme_.fonts().smallBold);
    const std::string label = std::to_string(model_.errors.size()) +
                              (model_.errors.size() == 1 ? " problem" : " problems") +
                              " in the content — everything valid is still shown###errors";
    const bool open = ImGui::CollapsingHeader(label.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    ImGui::PopFont();
    ImGui::PopStyleColor();
    if (!open) return;
    ImGui::PushFont(theme_.fonts().small);
    for (const Diagnostic& d : model_.errors) ImGui::BulletText("%s", format(d).c_str());
    ImGui::PopFont();
}

std::string App::stateJson() const {
    json s;
    s["ready"] = started_ && frames_ > 0;
    s["version"] = model_.version;
    s["view"] = view_ == View::Cards ? "cards" : "matrix";
    json errors = json::array();
    for (const Diagnostic& d : model_.errors)
        errors.push_back(
            {{"source", d.source}, {"line", d.line}, {"col", d.col}, {"message", d.message}});
    s["errors"] = errors;
    s["frames"] = frames_;
    s["missingGlyphs"] = missingGlyphs_;
    s["dpr"] = theme_.pixelRatio();
    s["theme"] = theme_.dark() ? "dark" : "light";
    s["url"] = encodeHash(url_);
    s["embed"] = url_.embed;
    cards_.writeState(s);
    matrix_.writeState(s);
    return s.dump();
}

} // namespace rx::ui
