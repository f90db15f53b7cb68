// The cards search: the field in the top bar (`/` or Ctrl+K focuses it, Enter / Shift+Enter
// step through matches, Esc clears) and the status row under it ("7 matches in 5 cards",
// previous/next, dim or hide the rest, clear; the active tag filter with its clear button).
// Search itself is rx::search over the core SearchIndex, rerun only when the query changes.
#pragma once
#include "card_input.h"
#include "search.h"
#include "text_field.h"
#include "ui_context.h"

#include <string>

namespace rx::ui {

class SearchBar {
  public:
    void setQuery(const std::string& query); // from the URL or a clear button
    const std::string& query() const { return query_; }
    // Reruns the search when the query changed since the last call; true when it did.
    bool refresh(const SearchIndex& index);
    const SearchResult& result() const { return result_; }
    bool searching() const { return !result_.emptyQuery(); }
    int current() const { return current_; } // index into result().positions, -1 = none
    void step(bool forward) { current_ = stepMatch(result_, current_, forward); }
    unsigned version() const { return version_; } // changes with every new result

    bool hideNonMatching = false;

    struct FieldEvents {
        bool enter = false;
        bool shiftEnter = false;
        bool escape = false;
        bool activated = false;   // clicked into
        bool deactivated = false; // left by a click elsewhere
    };
    // The text field, `width` wide. `keepActive` re-activates it after Enter (ImGui drops it).
    FieldEvents drawField(const UiContext& ctx, bool keepActive, float width);
    bool fieldActive() const { return fieldActive_; }
    TextField& field() { return field_; }
    const TextField& field() const { return field_; }
    ImVec2 fieldMin() const { return fieldMin_; }
    ImVec2 fieldMax() const { return fieldMax_; }

    // The status row at `pos`; returns its height (0 when neither a query nor a tag is set).
    float drawStatus(const UiContext& ctx, Controls& controls, const Pointer& pointer, ImVec2 pos,
                     float width, const std::string& tagLabel, const std::string& focus,
                     bool focusVisible);
    std::string countText() const;

  private:
    TextField field_{"search", "Search cards", kMaxQueryBytes};
    std::string query_; // the field's committed text
    std::string searched_;
    bool searchedOnce_ = false;
    SearchResult result_;
    int current_ = -1;
    unsigned version_ = 0;
    bool fieldActive_ = false;
    ImVec2 fieldMin_, fieldMax_;
};

} // namespace rx::ui
