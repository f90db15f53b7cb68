#include "app.h"

#include "json_text.h"
#include "utf8.h"

#include <imgui_internal.h> // SetFocusID: a DOM twin's focus moves ImGui's keyboard focus
#include <nlohmann/json.hpp>

#include <algorithm>

namespace rx::ui {

using nlohmann::json;

namespace {

// The URL state as JSON for the page (explorer:changed, getState), keys as in the hash.
// What the page's modules (a11y.js, embed.js, print.js) hear of each new state ("changed").
std::string urlStateMessage(const UrlState& u) {
    return JsonObjectText()
        .add("view", u.view)
        .add("card", u.card)
        .add("q", u.query)
        .add("tag", u.tag)
        .add("section", u.section)
        .add("mq", u.mtext)
        .addStrings("domains", u.domains)
        .addStrings("facets", u.facets)
        .addBool("inferred", u.inferred)
        .add("rsort", u.rowSort)
        .add("csort", u.colSort)
        .addBool("pivot", u.pivot)
        .add("row", u.selRow)
        .add("col", u.selCol)
        .add("theme", u.theme)
        .addHundredths("scale", u.scale)
        .addBool("embed", u.embed)
        .add("hash", encodeHash(u))
        .str();
}

// state() reports geometry in canvas CSS px: layout px times the zoom (scale=). Rects are the
// arrays of four numbers; "cut" and "scroll" hold single coordinates.
void zoomGeometry(json& j, float zoom) {
    const auto zoomNumber = [zoom](json& v) {
        if (v.is_number()) v = v.get<double>() * zoom;
    };
    if (j.is_array()) {
        const bool rect = j.size() == 4 && std::all_of(j.begin(), j.end(),
                                                       [](const json& v) { return v.is_number(); });
        for (json& v : j)
            if (rect)
                zoomNumber(v);
            else
                zoomGeometry(v, zoom);
    } else if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (it.key() == "cut" || it.key() == "scroll")
                for (json& v : it.value()) zoomNumber(v);
            else
                zoomGeometry(it.value(), zoom);
        }
    }
}

json rectJson(const float r[4]) {
    if (r[2] <= 0 || r[3] <= 0) return nullptr;
    return json::array({r[0], r[1], r[2], r[3]});
}

void storeRect(float out[4]) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 size = ImGui::GetItemRectSize();
    out[0] = min.x;
    out[1] = min.y;
    out[2] = size.x;
    out[3] = size.y;
}

constexpr double kLinkCopiedMs = 2000;

// A label's quoted phrase, cut to a menu's width.
std::string quotedShort(const std::string& text) {
    constexpr size_t kMaxBytes = 28;
    std::string out = text;
    if (out.size() > kMaxBytes) out = std::string(truncateUtf8(out, kMaxBytes)) + "\xE2\x80\xA6";
    return "\xE2\x80\x9C" + out + "\xE2\x80\x9D";
}

} // namespace

void UiContext::announce(const std::string& text) const {
    host.call("announce", JsonObjectText().add("text", text).str());
}

AccessNode& atLastItem(AccessNode& node) {
    const ImVec2 min = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
    return node.at(min.x, min.y, size.x, size.y);
}

AccessNode atLastItem(AccessNode&& node) {
    atLastItem(node);
    return std::move(node);
}

void focusLastItem() {
    ImGuiContext& g = *GImGui;
    if (ImGui::GetItemID() == 0) return;
    ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
}

bool lastItemKeyboardFocused() {
    return ImGui::IsItemFocused() && !GImGui->NavDisableHighlight;
}

void App::accessRequest(const std::string& id, const std::string& action,
                        const std::string& value) {
    // A screen reader can fire many at once; a frame takes what came since the last one.
    if (accessQueue_.size() < 64) accessQueue_.push_back({id, action, value});
}

void App::takeAccessRequests(UiContext& ctx) {
    std::vector<UiContext::AccessRequest> rest;
    for (UiContext::AccessRequest& r : ctx.accessRequests) {
        if (r.id.rfind("menu:", 0) == 0) { // an item of the open context menu
            const std::string chosen = menu_.accessRequest(r.id, r.action);
            if (!chosen.empty()) {
                menu_.close();
                runMenuItem(ctx, chosen);
            }
            continue;
        }
        const bool ours = r.id.rfind("app:", 0) == 0 || r.id == "errors";
        if (!ours) {
            rest.push_back(std::move(r));
            continue;
        }
        if (r.action == "activate") {
            if (r.id == "errors")
                toggleErrors_ = true;
            else
                activateTopBar(ctx, r.id);
        }
        // The cards view runs its own focus order, top bar included; the matrix view uses
        // ImGui's, taken when the button is drawn. A view tab keeps the focus across the switch.
        if (r.action == "activate" || r.action == "focus") {
            if (view_ == View::Cards || r.id.rfind("app:view-", 0) == 0) cards_.focusFromTwin(r.id);
            pendingTopBarFocus_ = r.id;
        }
    }
    ctx.accessRequests.swap(rest);
}

void App::addTopBarNode(UiContext& ctx, AccessNode node) {
    atLastItem(node);
    if (view_ == View::Matrix) {
        if (pendingTopBarFocus_ == node.id) {
            focusLastItem();
            pendingTopBarFocus_.clear();
        }
        if (lastItemKeyboardFocused()) topBarFocus_ = node.id;
    }
    node.state |= kAccessFocusable;
    ctx.access->add(std::move(node));
}

void App::publishAccessTree() {
    TreeSendInput in;
    const std::uint64_t structure = access_.hash(false);
    const std::uint64_t geometry = access_.hash(true);
    const double now = host_.nowMs();
    in.structureChanged = structure != sentStructure_;
    in.geometryChanged = geometry != sentGeometry_;
    in.focusChanged = access_.focus != sentFocus_;
    in.moving = animating_ || ImGui::GetIO().MouseDown[0];
    in.busy = !model_.complete || (view_ == View::Cards && cards_.searchPending());
    in.typing = now - lastTypedMs_ < kTreeEveryMs;
    in.msSinceLastSend = now - lastTreeSendMs_;
    const TreeSendDecision d = decideTreeSend(in);
    if (d.wakeInMs >= 0 && now + d.wakeInMs > treeWakeDueMs_) {
        treeWakeDueMs_ = now + d.wakeInMs;
        host_.call("wake-in", JsonObjectText().addInt("ms", std::lround(d.wakeInMs) + 1).str());
    }
    if (!d.send) return;
    lastTreeSendMs_ = now;
    sentFocus_ = access_.focus;
    sentStructure_ = structure;
    sentGeometry_ = geometry;
    ++accessSends_;
    host_.call("a11y-tree", access_.toJson(theme_.scale()));
}

void App::addFile(const std::string& name, std::string bytes) {
    model_.files[name] = std::move(bytes);
}

namespace {
const char kExtendedRegularFont[] = "fonts/ui-regular-full.ttf";
}

void App::fileArrived(const std::string& name) {
    if (name == kExtendedRegularFont) theme_.setExtendedRegular(model_.file(name));
}

bool App::hasFonts() const {
    const std::string* regular = model_.file("fonts/ui-regular.ttf");
    return regular && !regular->empty();
}

void App::start(const std::string& initialUrlState) {
    model_.load();
    const std::string* regular = model_.file("fonts/ui-regular.ttf");
    theme_.setFontData(regular, model_.file("fonts/ui-bold.ttf"));
    theme_.setFallbackFonts(model_.file("fonts/ui-symbols.ttf"),
                            model_.file("fonts/ui-arrows.ttf"));
    theme_.setContentText(model_.contentChars());
    contentCharsVersion_ = model_.contentCharsVersion();
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
    fallback_.setPixelSize(theme_.bodyPixelSize()); // a new size: the page draws them again
    fallback_.fontsRebuilt();
    fallback_.applyTo(theme_.fonts());
    noteMissingGlyphs(model_.contentChars());
    missingGlyphs_ = theme_.countMissingGlyphs(model_.contentChars());
    typedCounted_.clear();
    typedMissing_ = 0; // counted again after the next draw
}

void App::noteMissingGlyphs(const std::string& text) {
    fallback_.tracker().noteText(text, [this](char32_t cp) {
        return theme_.hasGlyph(cp) || theme_.extendedFaceWillDraw(cp);
    });
}

void App::requestFallbackGlyphs() {
    const std::vector<char32_t> batch = fallback_.tracker().takeBatch();
    if (batch.empty()) return;
    json codePoints = json::array();
    for (char32_t cp : batch) codePoints.push_back(static_cast<std::uint32_t>(cp));
    host_.call("glyphs", json{{"generation", fallback_.generation()},
                              {"px", fallback_.pixelSize()},
                              {"codePoints", codePoints}}
                             .dump());
}

void App::fallbackGlyph(int generation, char32_t codePoint, const GlyphBitmap& bitmap) {
    fallback_.add(generation, codePoint, bitmap);
}

void App::fallbackGlyphMissing(int generation, char32_t codePoint) {
    fallback_.unavailable(generation, codePoint);
}

void App::fallbackBatchDone(int generation) {
    fallback_.batchAnswered(generation);
}

bool App::prepareFallbackGlyphs() {
    if (!fallback_.applyTo(theme_.fonts())) return false;
    missingGlyphs_ = theme_.countMissingGlyphs(model_.contentChars());
    typedCounted_.clear(); // counted again after the next draw
    return true;
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
    // A URL that names a card, a section, a tag or the matrix needs the whole document (a large
    // one is otherwise still being read: see Model::loadMore).
    if (!model_.complete &&
        (url_.view == "matrix" || !url_.card.empty() || !url_.section.empty() || !url_.tag.empty()))
        model_.finishLoading();
    themePref_ = url_.theme;
    const View before = view_;
    view_ = url_.view == "matrix" && model_.hasAdopters ? View::Matrix : View::Cards;
    if (view_ != before) {
        cards_.clearSelection(); // a view switch takes the selected text off screen
        matrix_.clearSelection();
        menu_.close();
    }
    cards_.applyUrl(url_);
    matrix_.applyUrl(url_);
    applyThemePreference();
    urlApplied_ = true;
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
    HistoryAction action = historyAction(url_, next);
    const bool applied = urlApplied_;
    urlApplied_ = false;
    if (action == HistoryAction::None && !applied) return;
    // A URL the page handed us is already in its history (or must not add a step: navigate
    // messages, slide resets); an embed never pushes, so the host page's Back stays its own.
    if (applied || next.embed) action = HistoryAction::Replace;
    url_ = next;
    host_.call("url", JsonObjectText()
                          .add("hash", encodeHash(next))
                          .addBool("push", action == HistoryAction::Push)
                          .str());
    host_.call("changed", urlStateMessage(next));
}

std::string App::fullExplorerHash() const {
    UrlState full = composeUrl();
    full.embed = false;
    full.controls = -1;
    full.transparentBg = false;
    full.scale = 1.0f;
    full.parentOrigin.clear();
    return encodeHash(full);
}

// Esc that closed nothing (no card, no selection, no text field, no popup) hands the keyboard
// back to the host page, so a deck's arrow keys work again.
void App::releaseFocusOnEscape(bool escPressed, bool wasTyping) {
    if (!url_.embed || !escPressed || wasTyping) return;
    if (composeUrl() != url_) return;
    host_.call("release-focus", "{}");
}

void App::paste(const std::string& text) {
    if (ImGui::GetCurrentContext()) ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
}

bool App::requestContextMenu(float x, float y, bool touch) {
    if (!started_) return false;
    // A long press is the app's own gesture (it selects a word, or opens the menu where there
    // is nothing to select): the browser's menu that follows it only needs suppressing.
    if (!touch) {
        menuRequested_ = true;
        menuByKeyboard_ = false;
        menuRequestAt_ = ImVec2(x, y);
    }
    return true;
}

std::string App::selectedText() const {
    return view_ == View::Cards ? cards_.selectedText() : matrix_.selectedText();
}

std::string App::textLayoutJson() const {
    return view_ == View::Cards ? cards_.textLayoutJson() : matrix_.textLayoutJson();
}

void App::openContextMenu(UiContext& ctx, ImVec2 at, bool byKeyboard) {
    (void)ctx;
    std::vector<MenuItem> items;
    menuCard_.clear();
    menuWord_.clear();
    menuSelection_.clear();
    if (view_ == View::Cards) {
        const CardsView::ContextTarget t = cards_.contextTarget(at, byKeyboard);
        menuCard_ = t.card;
        menuWord_ = t.word;
        menuSelection_ = t.selection;
        if (!t.selection.empty()) items.push_back({"copy", "Copy"});
        if (!t.card.empty()) {
            items.push_back({"copy-card", "Copy card text"});
            items.push_back({"copy-card-link", "Copy link to this card"});
        }
        if (!t.word.empty()) items.push_back({"search", "Search for " + quotedShort(t.word)});
        if (t.card.empty()) items.push_back({"copy-link-view", "Copy link to this view"});
    } else {
        menuCell_ = matrix_.contextTarget(at);
        menuSelection_ = menuCell_.selection;
        if (!menuSelection_.empty()) items.push_back({"copy", "Copy"});
        if (!menuCell_.adopter.empty()) {
            items.push_back({"copy-quote", "Copy quote"});
            items.push_back({"copy-cell-link", "Copy link to this cell"});
            if (!menuCell_.sourceCard.empty()) items.push_back({"show-source", "Show source card"});
        } else {
            items.push_back({"copy-link-view", "Copy link to this view"});
        }
    }
    items.push_back({"print-view", "Print this view\xE2\x80\xA6"});
    items.push_back({"print-document", "Print the whole document\xE2\x80\xA6"});
    menu_.open(at, std::move(items), byKeyboard);
}

CopyPayload App::menuCopyPayload(const std::string& id) const {
    if (id == "copy") return {menuSelection_, {}};
    if (id == "copy-card") return CardsView::cardTextPayload(model_, menuCard_);
    if (id == "copy-card-link") return CardsView::cardLinkPayload(menuCard_);
    if (id == "copy-link-view") return {{}, viewLinkHash()};
    if (id == "copy-quote") return {menuCell_.quote, {}};
    if (id == "copy-cell-link") {
        UrlState link = composeUrl();
        link.view = "matrix";
        link.selRow = link.pivot ? menuCell_.domain : menuCell_.adopter;
        link.selCol = link.pivot ? menuCell_.adopter : menuCell_.domain;
        link.embed = false;
        link.controls = -1;
        link.transparentBg = false;
        link.scale = 1.0f;
        link.parentOrigin.clear();
        return {{}, encodeHash(link)};
    }
    return {};
}

std::string App::copyPayloadAt(ImVec2 press, ImVec2 release) const {
    if (menu_.isOpen()) // an item acts on the press: a click that starts on it
        return copyPayloadJson(menuCopyPayload(menu_.itemAt(press)), true);
    if (const CopyPayload button = copyButtons_.at(press, release); !button.empty())
        return copyPayloadJson(button, false);
    if (view_ == View::Cards)
        return copyPayloadJson(cards_.copyPayloadAt(press, release, model_), false);
    return {};
}

void App::runMenuItem(UiContext& ctx, const std::string& id) {
    if (id == "copy-card") {
        cards_.copyCardText(ctx, menuCard_); // also labels the card's button "Copied"
    } else if (id == "copy-link-view") {
        copyLink();
    } else if (const CopyPayload copy = menuCopyPayload(id); !copy.empty()) {
        sendCopy(host_, copy);
        ctx.announce(!copy.hash.empty() ? "Link copied"
                     : id == "copy"     ? "Copied the selection"
                                        : "Copied the quote");
    }
    if (id == "search") cards_.searchFor(ctx, menuWord_);
    if (id == "show-source") ctx.jumpToCard = menuCell_.sourceCard;
    // The page prints after this frame (web/print.js): this view's rendition or the whole one.
    if (id == "print-view" || id == "print-document")
        host_.call("print", json{{"whole", id == "print-document"}}.dump());
}

void App::copyToSystemClipboard(const std::string& text) {
    host_.call("copy", json{{"text", text}}.dump());
}

void App::draw() {
    // Read before the views run: did Esc arrive while nothing was being typed or popped up?
    const bool escPressed = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    const bool wasTyping = ImGui::GetIO().WantTextInput || menu_.isOpen() ||
                           ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    copyLinkRect_[2] = embedLinkRect_[2] = embedButtonRect_[2] = 0; // drawn again below if shown
    // A large document is read in slices between frames (its first screen came with start(); the
    // first frame draws only that).
    if (!model_.complete && frames_ > 0) model_.loadMore(kLoadSliceMs);
    if (contentCharsVersion_ != model_.contentCharsVersion()) {
        contentCharsVersion_ = model_.contentCharsVersion();
        theme_.setContentText(model_.contentChars());
    }
    UiContext ctx{host_, model_, theme_};
    ctx.nowMs = host_.nowMs();
    ctx.reducedMotion = host_.prefersReducedMotion();
    ctx.embed = url_.embed;
    ctx.showControls = url_.controls == -1 ? !url_.embed : url_.controls == 1;
    access_.clear();
    ctx.access = &access_;
    copyButtons_.clear();
    ctx.copyButtons = &copyButtons_;
    ctx.accessRequests.swap(accessQueue_);
    accessQueue_.clear();
    takeAccessRequests(ctx);
    if (view_ == View::Cards)
        cards_.takeAccessRequests(ctx);
    else
        matrix_.takeAccessRequests(ctx);
    topBarFocus_.clear();
    ctx.touch = touchInput_;
    ctx.pressClicks = pressClicks_;
    ctx.pressSerial = pressSerial_;
    ctx.releaseVelocity = releaseVelocity_;
    pressClicks_ = 0;
    pressSerial_ = 0;
    releaseVelocity_ = std::numeric_limits<float>::quiet_NaN();
    ctx.menuOpen = menu_.isOpen();
    ctx.pointerBlocked = menu_.takesPointer();

    ImGuiIO& io = ImGui::GetIO();
    // Shift+F10 or the context-menu key: the menu for what has the keyboard focus.
    if (!io.WantTextInput && !menu_.isOpen() &&
        (ImGui::IsKeyPressed(ImGuiKey_Menu, false) ||
         (io.KeyShift && ImGui::IsKeyPressed(ImGuiKey_F10, false)))) {
        menuRequested_ = true;
        menuByKeyboard_ = true;
    }
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    // No window background: each frame starts cleared to its colour (clearColor(); transparent for
    // bg=transparent), so drawing it again would only fill every pixel once more (a fifth of a
    // frame's cost where WebGL is software-rendered).
    ImGui::Begin("explorer", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground);
    if (ctx.showControls) drawTopBar(ctx);
    drawErrorPanel();
    if (view_ == View::Cards) {
        cards_.draw(ctx);
        drawTopBarFocus(ctx);
        access_.focus = cards_.focusedControl();
        access_.focusVisible = cards_.focusVisible();
    } else {
        matrix_.draw(ctx);
        access_.focus = topBarFocus_.empty() ? matrix_.focusedControl() : topBarFocus_;
        access_.focusVisible = !access_.focus.empty();
    }
    ImGui::End();
    if (ctx.openMenu) {
        menuRequested_ = true;
        menuByKeyboard_ = false;
        menuRequestAt_ = ctx.menuAt;
    }
    if (menuRequested_) {
        menuRequested_ = false;
        const ImVec2 at = menuByKeyboard_ && view_ == View::Cards ? cards_.keyboardMenuPoint()
                          : menuByKeyboard_
                              ? ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f)
                              : menuRequestAt_;
        openContextMenu(ctx, at, menuByKeyboard_);
    }
    const std::string chosen = menu_.draw(theme_);
    if (!chosen.empty()) {
        menu_.close();
        runMenuItem(ctx, chosen);
    }
    menu_.addAccessNodes(access_);
    if (!menu_.focusedNode().empty()) { // the DOM focus follows the menu's highlight
        access_.focus = menu_.focusedNode();
        access_.focusVisible = true;
    }
    if (ctx.embed) drawEmbedLink();
    handleRequests(ctx);
    if (ctx.switchView.empty()) pendingTopBarFocus_.clear(); // kept only across a view switch
    // Typed text may need glyphs beyond the first view's faces: fetch the full face once.
    if (ImGui::GetIO().WantTextInput && !extendedFontRequested_) {
        extendedFontRequested_ = true;
        host_.call("load-file", json{{"name", kExtendedRegularFont}}.dump());
    }
    animating_ = ctx.animating;
    loading_ = !model_.complete; // the next slice comes with the next frame
    releaseFocusOnEscape(escPressed, wasTyping);
    publishTextFields();
    requestFallbackGlyphs();
    syncUrl();
    publishAccessTree();
}

std::vector<const TextField*> App::drawnTextFields() const {
    std::vector<const TextField*> fields;
    const int frame = ImGui::GetFrameCount();
    for (const TextField* f : {&cards_.searchField(), &matrix_.textField()})
        if (f->drawnThisFrame(frame)) fields.push_back(f);
    return fields;
}

void App::publishTextFields() {
    const std::vector<const TextField*> drawn = drawnTextFields();
    std::string key, typed;
    for (const TextField* f : drawn) {
        f->appendReportKey(key, theme_.scale());
        typed += f->text();
    }
    if (typed != typedCounted_) {
        typedCounted_ = typed;
        lastTypedMs_ = host_.nowMs();
        noteMissingGlyphs(typed);
        typedMissing_ = theme_.countMissingCharacters(typed);
    }
    if (key != publishedFieldsKey_) {
        publishedFieldsKey_ = std::move(key);
        std::string fields = "[";
        for (const TextField* f : drawn) {
            if (fields.size() > 1) fields += ',';
            fields += f->report(theme_.scale());
        }
        fields += ']';
        host_.call("text-fields", JsonObjectText().addRaw("fields", fields).str());
    }
    for (TextField* f : {&cards_.searchField(), &matrix_.textField()}) {
        const std::string request = f->takeFocusRequest();
        if (!request.empty())
            host_.call("text-focus", json{{"id", f->id()}, {"focus", request == "focus"}}.dump());
    }
}

TextField* App::textField(const std::string& id) {
    if (id == cards_.searchField().id()) return &cards_.searchField();
    if (id == matrix_.textField().id()) return &matrix_.textField();
    return nullptr;
}

void App::twinInput(const std::string& id, const DomTextState& state) {
    if (TextField* f = textField(id)) f->applyTwin(state);
}

void App::twinFocus(const std::string& id, bool focused, unsigned serial) {
    TextField* f = textField(id);
    if (!f) return;
    f->twinFocusChanged(focused);
    if (f == &cards_.searchField()) cards_.searchTwinFocus(focused, serial);
}

bool App::twinKey(const std::string& id, FieldKey key) {
    TextField* f = textField(id);
    if (!f) return false;
    const bool cards = f == &cards_.searchField();
    switch (key) {
    case FieldKey::Next:
    case FieldKey::Previous:
        if (cards) {
            cards_.stepSearch(key == FieldKey::Next);
        } else {
            f->requestActive(false); // the filter applies as typed: Enter is done
        }
        return true;
    case FieldKey::Escape:
        f->expectLeave();
        if (cards)
            cards_.escapeSearch();
        else
            matrix_.escapeText();
        return true;
    default:
        return false;
    }
}

std::string App::canvasKey(CanvasKey key) {
    const std::vector<const TextField*> fields = drawnTextFields();
    // The shown view's field, even when the last frame drew the other view's (a view switch the
    // next frame draws); none drawn at all (an embed without controls): the browser's own find.
    if (key == CanvasKey::FocusField) {
        if (fields.empty()) return "";
        const TextField& field = view_ == View::Cards ? cards_.searchField() : matrix_.textField();
        return "focus:" + field.id();
    }
    if ((key == CanvasKey::Next || key == CanvasKey::Previous) && view_ == View::Cards &&
        !cards_.searchField().committed().empty()) {
        cards_.stepSearch(key == CanvasKey::Next);
        return "handled";
    }
    return "";
}

void App::drawTopBarFocus(const UiContext& ctx) {
    const std::string focus = cards_.focusedControl();
    if (!cards_.focusVisible() || focus.rfind("app:", 0) != 0) return;
    for (const UiContext::TopBarStop& stop : ctx.topBarStops)
        if (stop.id == focus)
            drawFocusRing(ImGui::GetWindowDrawList(), stop.min, stop.max, theme_.colors().focus,
                          ImGui::GetStyle().FrameRounding);
}

void App::handleRequests(UiContext& ctx) {
    // An open card's tags and links, the matrix and a jump to a card need the whole document.
    if (!model_.complete &&
        (ctx.needWholeModel || ctx.switchView == "matrix" || !ctx.jumpToCard.empty()))
        model_.finishLoading();
    if (!ctx.activateTopBar.empty()) activateTopBar(ctx, ctx.activateTopBar);
    if (!ctx.switchView.empty() || !ctx.jumpToCard.empty()) {
        cards_.clearSelection(); // the selected text leaves the screen
        matrix_.clearSelection();
        menu_.close();
    }
    if (!ctx.switchView.empty()) {
        view_ = ctx.switchView == "matrix" && model_.hasAdopters ? View::Matrix : View::Cards;
        // The cards view draws its own focus ring; ImGui's (left on a top-bar button by the
        // matrix view, whose focus is ImGui's) must not show a second one.
        if (view_ == View::Cards) GImGui->NavDisableHighlight = true;
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
    ImGui::TextUnformatted((model_.subject + " overview").c_str());
    ImGui::PopFont();
    if (model_.hasAdopters) {
        const char* cardsLabel = "Cards";
        const char* matrixLabel = "Adopters × domains";
        const ImGuiStyle& style = ImGui::GetStyle();
        const float tabsWidth = ImGui::CalcTextSize(cardsLabel).x +
                                ImGui::CalcTextSize(matrixLabel).x + style.FramePadding.x * 4 +
                                style.ItemSpacing.x;
        // Narrow screens (360 px): the tabs get a line of their own instead of overflowing.
        if (ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x - 24 >= tabsWidth)
            ImGui::SameLine(0, 24);
        const auto tab = [&](const char* label, View v, float rect[4]) {
            // The current view's tab is filled with the accent: which view is on screen must be
            // obvious at a glance, not a hover shade away from the other tab.
            const bool active = view_ == v;
            if (active) {
                const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(theme_.colors().accent);
                ImGui::PushStyleColor(ImGuiCol_Button, accent);
                ImGui::PushStyleColor(ImGuiCol_ButtonHovered, accent);
                ImGui::PushStyleColor(ImGuiCol_ButtonActive, accent);
                ImGui::PushStyleColor(ImGuiCol_Border, accent);
                ImGui::PushStyleColor(ImGuiCol_Text,
                                      ImGui::ColorConvertU32ToFloat4(theme_.colors().accentText));
            }
            if (ImGui::Button(label)) ctx.switchView = v == View::Matrix ? "matrix" : "cards";
            storeRect(rect);
            const char* id = v == View::Matrix ? "app:view-matrix" : "app:view-cards";
            addTopBarStop(ctx, id);
            addTopBarNode(ctx,
                          AccessNode(id, AccessRole::Tab, label, active ? kAccessSelected : 0));
            if (active) ImGui::PopStyleColor(5);
            ImGui::SameLine();
        };
        ctx.access->open({"app:views", AccessRole::TabList, "Views"});
        tab(cardsLabel, View::Cards, cardsTabRect_);
        tab(matrixLabel, View::Matrix, matrixTabRect_);
        ctx.access->close();
        ImGui::NewLine();
    }
    if (view_ == View::Cards) {
        cards_.drawTopBarControls(ctx);
        addTopBarStop(ctx, "search");
    }
    drawTopBarRight(ctx);
    ImGui::Separator();
}

void App::addTopBarStop(UiContext& ctx, const char* id) {
    ctx.topBarStops.push_back({id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
}

void App::activateTopBar(UiContext& ctx, const std::string& id) {
    if (id == "app:view-cards") ctx.switchView = "cards";
    if (id == "app:view-matrix") ctx.switchView = "matrix";
    if (id == "app:copy-link") copyLink();
    if (id == "app:embed") host_.call("embed-panel", "{}");
    if (id == "app:theme") toggleTheme();
    if (id == "app:open-full") host_.call("open", json{{"url", "./" + fullExplorerHash()}}.dump());
}

std::string App::viewLinkHash() const {
    return url_.embed ? fullExplorerHash() : encodeHash(composeUrl());
}

void App::copyLink() {
    host_.call("copy-link", json{{"hash", viewLinkHash()}}.dump());
    host_.call("announce", json{{"text", "Link copied"}}.dump());
    linkCopiedAtMs_ = host_.nowMs();
    // Wake once more to put the label back: a timer we set, not a running animation.
    host_.call("wake-in", json{{"ms", kLinkCopiedMs + 50}}.dump());
}

void App::toggleTheme() {
    themePref_ = theme_.dark() ? "light" : "dark";
    applyThemePreference();
}

void App::drawTopBarRight(UiContext& ctx) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const bool copied = host_.nowMs() - linkCopiedAtMs_ < kLinkCopiedMs;
    const bool narrow = ImGui::GetWindowWidth() < 520.0f; // phones: short labels
    const char* copyLabel = copied ? (narrow ? "Copied###copy-link" : "Link copied###copy-link")
                                   : (narrow ? "Link###copy-link" : "Copy link###copy-link");
    const char* themeLabel =
        theme_.dark() ? (narrow ? "Light" : "Light theme") : (narrow ? "Dark" : "Dark theme");
    const auto buttonWidth = [&](const char* label) {
        return ImGui::CalcTextSize(label, nullptr, true).x + style.FramePadding.x * 2;
    };
    const char* embedLabel = "Embed###embed";
    const float total = buttonWidth(copyLabel) + style.ItemSpacing.x + buttonWidth(embedLabel) +
                        style.ItemSpacing.x + buttonWidth(themeLabel);
    // Right-aligned beside the row above (the tabs, or the search field) when they fit there;
    // on a phone beside the matrix tabs they do not, and take a row of their own.
    const float x = ImGui::GetWindowContentRegionMax().x - total;
    const float lastRight = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    if (lastRight + style.ItemSpacing.x <= x)
        ImGui::SameLine(x);
    else
        ImGui::SetCursorPosX(x);
    if (ImGui::Button(copyLabel)) copyLink();
    storeRect(copyLinkRect_);
    ctx.copyButtons->add(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), [this] {
        return CopyPayload{{}, viewLinkHash()};
    });
    addTopBarStop(ctx, "app:copy-link");
    {
        AccessNode node("app:copy-link", AccessRole::Button, "Copy link");
        node.description = copied ? "Link copied" : "Copy a link to exactly this view";
        addTopBarNode(ctx, std::move(node));
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copy a link to exactly this view");
    ImGui::SameLine();
    // The page's Embed panel (web/embedpanel.js): options and the <iframe> code for this view.
    if (ImGui::Button(embedLabel)) host_.call("embed-panel", "{}");
    storeRect(embedButtonRect_);
    addTopBarStop(ctx, "app:embed");
    {
        AccessNode node("app:embed", AccessRole::Button, "Embed");
        node.description = "Embed code for this view: options and a copyable iframe";
        addTopBarNode(ctx, std::move(node));
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Embed code for this view");
    ImGui::SameLine();
    if (ImGui::Button(themeLabel)) toggleTheme();
    storeRect(themeButtonRect_);
    addTopBarStop(ctx, "app:theme");
    // One name, the state in aria-pressed: a name that flips with the theme reads as a new control.
    addTopBarNode(ctx, AccessNode("app:theme", AccessRole::Button, "Dark theme",
                                  kAccessPressable | (theme_.dark() ? kAccessPressed : 0)));
}

void App::drawEmbedLink() {
    const Colors& c = theme_.colors();
    const ImGuiIO& io = ImGui::GetIO();
    const float margin = 8.0f;
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - margin, io.DisplaySize.y - margin),
                            ImGuiCond_Always, ImVec2(1.0f, 1.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
    ImGui::Begin("##embed-link", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove);
    ImGui::PushFont(theme_.fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(c.surface));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(c.surfaceHover));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.accent));
    // The UI font has no arrow glyphs: the "opens elsewhere" arrow is drawn after the text.
    const char* label = "Open full explorer";
    const ImGuiStyle& style = ImGui::GetStyle();
    const float arrow = ImGui::GetFontSize() * 0.55f;
    const ImVec2 text = ImGui::CalcTextSize(label);
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    if (ImGui::Button(label, ImVec2(text.x + style.FramePadding.x * 2 + arrow * 1.6f,
                                    text.y + style.FramePadding.y * 2)))
        host_.call("open", json{{"url", "./" + fullExplorerHash()}}.dump());
    ImGui::PopStyleVar();
    storeRect(embedLinkRect_);
    access_.add(atLastItem(AccessNode("app:open-full", AccessRole::Link, label, kAccessFocusable)));
    {
        const ImVec2 max = ImGui::GetItemRectMax();
        const ImVec2 min = ImGui::GetItemRectMin();
        const float x1 = max.x - style.FramePadding.x;
        const float y0 = (min.y + max.y) * 0.5f - arrow * 0.5f;
        const ImVec2 tip(x1, y0), tail(x1 - arrow, y0 + arrow);
        const float thick = std::max(1.0f, ImGui::GetFontSize() / 12.0f);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddLine(tail, tip, c.accent, thick);
        dl->AddLine(ImVec2(tip.x - arrow * 0.7f, tip.y), tip, c.accent, thick);
        dl->AddLine(ImVec2(tip.x, tip.y + arrow * 0.7f), tip, c.accent, thick);
    }
    if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("Opens this view in a new tab");
    }
    ImGui::PopStyleColor(3);
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

// Content problems: a compact, collapsible list (file:line:col, then the message), scrolling
// after a few rows so a long list never pushes the content off screen.
void App::drawErrorPanel() {
    if (model_.errors.empty()) return;
    const Colors& c = theme_.colors();
    const Fonts& f = theme_.fonts();
    const auto vec4 = [](ImU32 u) { return ImGui::ColorConvertU32ToFloat4(u); };
    const size_t count = model_.errors.size();
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(c.error));
    ImGui::PushFont(f.smallBold);
    const std::string label = std::to_string(count) + (count == 1 ? " problem" : " problems") +
                              " in the content (everything valid is still shown)###errors";
    if (toggleErrors_) {
        const ImGuiID id = ImGui::GetID("###errors");
        ImGui::SetNextItemOpen(!ImGui::GetStateStorage()->GetInt(id, 1));
        toggleErrors_ = false;
    }
    const bool open = ImGui::CollapsingHeader(label.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    ImGui::PopFont();
    ImGui::PopStyleColor();
    const std::string title = label.substr(0, label.find("###"));
    access_.add(atLastItem(
        AccessNode("errors", AccessRole::Button, title,
                   kAccessFocusable | kAccessExpandable | (open ? kAccessExpanded : 0))));
    if (!open) return;
    access_.open(AccessNode("errors-list", AccessRole::Region, "Content problems"));

    ImGui::PushFont(f.small);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row = ImGui::GetTextLineHeightWithSpacing();
    const size_t kVisibleRows = 6;
    const float height = static_cast<float>(count < kVisibleRows ? count : kVisibleRows) * row +
                         style.WindowPadding.y * 2;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, vec4(c.surface));
    ImGui::PushStyleColor(ImGuiCol_Border, vec4(c.error));
    ImGui::BeginChild("##content-problems", ImVec2(0, height), true);
    for (const Diagnostic& d : model_.errors) {
        std::string where = d.source;
        if (d.line > 0) where += ":" + std::to_string(d.line);
        if (d.line > 0 && d.col > 0) where += ":" + std::to_string(d.col);
        ImGui::PushFont(f.smallBold);
        ImGui::PushStyleColor(ImGuiCol_Text, vec4(c.error));
        ImGui::TextUnformatted(where.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, vec4(c.text));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(d.message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        access_.add(AccessNode("error:" + std::to_string(access_.nodes().size()), AccessRole::Text,
                               where + ": " + d.message));
    }
    access_.close();
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
    ImGui::PopFont();
    ImGui::Spacing();
}

std::string App::stateJson(bool cardLists) const {
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
    s["model"] = {{"complete", model_.complete},
                  {"loaded", model_.loadedFraction()},
                  {"cards", model_.searchIndex.cards.size()}};
    s["missingGlyphs"] = missingGlyphs_ + typedMissing_;
    s["fallbackGlyphs"] = fallback_.tracker().fallbackCount();
    s["fallbackPending"] = fallback_.pending();
    json fields = json::array();
    for (const TextField* f : {&cards_.searchField(), &matrix_.textField()}) {
        json one;
        f->writeState(one, f->drawnThisFrame(ImGui::GetFrameCount()));
        fields.push_back(std::move(one));
    }
    s["textFields"] = fields;
    s["extendedFont"] = theme_.hasExtendedRegular();
    s["dpr"] = theme_.pixelRatio();
    s["theme"] = theme_.dark() ? "dark" : "light";
    s["url"] = encodeHash(url_);
    s["embed"] = url_.embed;
    s["topBar"] = url_.controls == -1 ? !url_.embed : url_.controls == 1;
    s["transparent"] = url_.transparentBg;
    s["scale"] = theme_.scale();
    s["bodyTextPx"] = theme_.bodyTextPx(); // projector legibility: vs a deck's caption size
    s["copyLink"] = rectJson(copyLinkRect_);
    s["embedButton"] = rectJson(embedButtonRect_);
    s["themeButton"] = rectJson(themeButtonRect_);
    s["tabs"] = model_.hasAdopters && s["topBar"].get<bool>()
                    ? json{{"cards", rectJson(cardsTabRect_)}, {"matrix", rectJson(matrixTabRect_)}}
                    : json(nullptr);
    s["embedLink"] = url_.embed ? rectJson(embedLinkRect_) : json(nullptr);
    s["a11y"] = {{"nodes", access_.nodes().size()},
                 {"sends", accessSends_},
                 {"focus", access_.focus},
                 {"problems", access_.problems()}};
    cards_.writeState(s, cardLists);
    matrix_.writeState(s);
    // The matrix view's keyboard focus is ImGui's (top bar included); the cards view runs its own.
    if (view_ == View::Matrix)
        s["focus"] = access_.focus.empty() ? json(nullptr) : json(access_.focus);
    if (view_ == View::Cards)
        cards_.writeSelectionState(s);
    else
        matrix_.writeSelectionState(s);
    menu_.writeState(s);
    if (theme_.scale() != 1.0f) zoomGeometry(s, theme_.scale());
    return s.dump();
}

} // namespace rx::ui
