#include "app.h"

#include <nlohmann/json.hpp>

namespace rx::ui {

using nlohmann::json;

void App::addFile(const std::string& name, std::string bytes) {
    model_.files[name] = std::move(bytes);
}

void App::start(const std::string& initialUrlState) {
    model_.load();
    const auto font = [&](const char* name) -> const std::string* {
        const auto it = model_.files.find(name);
        return it == model_.files.end() ? nullptr : &it->second;
    };
    theme_.setFontData(font("fonts/ui-regular.ttf"), font("fonts/ui-bold.ttf"));
    if (!font("fonts/ui-regular.ttf"))
        model_.errors.push_back({"fonts/ui-regular.ttf", 0, 0, "font missing: using a fallback"});
    theme_.setMode(ThemeMode::Auto, host_.prefersDark());
    applyUrlState(initialUrlState);
    started_ = true;
}

void App::rebuildFonts() {
    theme_.rebuildFonts();
    std::string allText;
    for (const RichText& p : model_.doc.intro) allText += p.plain();
    for (const Section& s : model_.doc.sections) {
        allText += s.title;
        for (const Item& item : s.items) allText += item.title + item.body.plain();
    }
    for (const RichText& p : model_.doc.closing) allText += p.plain();
    missingGlyphs_ = theme_.countMissingGlyphs(allText);
}

void App::frameRendered() {
    if (++frames_ == 1) host_.call("first-frame", "{}");
}

bool App::animating() const {
    return false;
}

bool App::wantsMoreFrames() const {
    return false;
}

void App::applyUrlState(const std::string& hash) {
    (void)hash;
}

void App::paste(const std::string& text) {
    if (ImGui::GetCurrentContext()) ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
}

void App::copyToSystemClipboard(const std::string& text) {
    host_.call("copy", json{{"text", text}}.dump());
}

void App::draw() {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("explorer", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings);
    drawTopBar();
    drawErrorPanel();
    if (view_ == View::Cards) cards_.draw(model_, theme_);
    ImGui::End();
}

void App::drawTopBar() {
    const Fonts& f = theme_.fonts();
    ImGui::PushFont(f.heading);
    ImGui::TextUnformatted("Rust overview");
    ImGui::PopFont();
    ImGui::Separator();
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
    json sections = json::array();
    const auto& onScreen = cards_.cardsOnScreen();
    for (const Section& section : model_.doc.sections) {
        json cards = json::array();
        for (const Item& item : section.items) {
            json card = {
                {"id", item.id}, {"title", item.title}, {"visible", false}, {"rect", nullptr}};
            for (const CardOnScreen& o : onScreen) {
                if (o.id != item.id) continue;
                card["visible"] = o.visible;
                if (o.visible) card["rect"] = {o.rect.x, o.rect.y, o.rect.z, o.rect.w};
            }
            cards.push_back(card);
        }
        sections.push_back({{"id", section.id}, {"title", section.title}, {"cards", cards}});
    }
    s["sections"] = sections;
    s["openCard"] = cards_.openCard().empty() ? json(nullptr) : json(cards_.openCard());
    return s.dump();
}

} // namespace rx::ui
