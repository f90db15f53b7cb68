// The cards search: the field in the top bar (`/` or Ctrl+K focuses it, Enter / Shift+Enter
// step through matches, Esc clears) and the status row under it ("7 matches in 5 cards",
// previous/next, dim or hide the rest, clear; the active tag filter with its clear button).
// Search itself is rx::CardSearch over the core SearchIndex: restarted when the query changes
// (narrowing when it extends the last one) and run in slices of a few milliseconds per frame, so
// a keystroke costs about the same at 10,000 cards as at 34; until it is complete the status row
// says so and the untested cards are shown neither as matches nor as misses. Counting the matches
// (the total, and where Enter steps) is not needed to draw: beyond the keystroke's own frame it
// waits until the query has stood for kCountAfterMs, so typing does not pay for counting every
// prefix's matches at 10,000 cards.
#pragma once
#include "card_input.h"
#include "search.h"
#include "text_field.h"
#include "ui_context.h"

#include <chrono>
#include <string>
#include <vector>

namespace rx::ui {

class SearchBar {
  public:
    void setQuery(const std::string& query); // from the URL or a clear button
    const std::string& query() const { return query_; }
    // Restarts the search when the query changed since the last call, then tests cards for at
    // most `budgetMs` (0: to the end; only about kKeyFrameBytes of text in the call that
    // restarted it: that frame has the key's own work); true when what is known changed.
    bool refresh(const SearchIndex& index, double budgetMs = kSliceMs);
    const CardSearch& result() const { return search_; }
    bool searching() const { return !search_.emptyQuery(); }
    // Every card tested and its matches counted, and the document read to its end.
    bool complete() const { return search_.complete() && indexComplete_; }
    // Every card tested (the counts may still come), and the document read to its end.
    bool matchingComplete() const { return search_.matchingComplete() && indexComplete_; }
    // Only counting is left, and it waits for the query to stand: no frames are needed until
    // countWaitMs() from the last refresh.
    bool waitingToCount() const { return waitingToCount_; }
    double countWaitMs() const { return countWaitMs_; }
    int current() const { return current_; } // index of the highlighted range stepped to, -1 none
    // Enter / F3: the next or previous match (the search is completed first).
    void step(const SearchIndex& index, bool forward);
    // The range stepped to, if any.
    bool currentPosition(const SearchIndex& index, MatchPosition& out) const;
    unsigned version() const { return version_; }           // changes whenever the result does
    unsigned queryVersion() const { return queryVersion_; } // changes with every new query
    static constexpr double kSliceMs = 2.0;
    static constexpr size_t kKeyFrameBytes = 32 * 1024;
    static constexpr double kCountAfterMs = 250.0;
    static constexpr size_t kSliceBytes = 32 * 1024; // between checks of the clock

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
    // Text for the field that arrived before it could take it (after `/` in the same frame).
    void holdText(const ImWchar* begin, const ImWchar* end) {
        heldText_.insert(heldText_.end(), begin, end);
    }
    TextField& field() { return field_; }
    const TextField& field() const { return field_; }
    ImVec2 fieldMin() const { return fieldMin_; }
    ImVec2 fieldMax() const { return fieldMax_; }

    // The status row at `pos`; returns its height (0 when neither a query nor a tag is set).
    float drawStatus(const UiContext& ctx, Controls& controls, const Pointer& pointer, ImVec2 pos,
                     float width, const std::string& tagLabel, const std::string& focus,
                     bool focusVisible);
    // "3 of 5 matches in 2 cards", "No cards match “query”" (`quoteQuery` false: without it).
    std::string countText(bool quoteQuery = true) const;

  private:
    TextField field_{"search", "Search cards", kMaxQueryBytes};
    std::string query_; // the field's committed text
    std::string searched_;
    bool searchedOnce_ = false;
    CardSearch search_;
    bool indexComplete_ = true;                     // as of the last refresh
    std::chrono::steady_clock::time_point queryAt_; // when the search last restarted
    bool waitingToCount_ = false;
    double countWaitMs_ = 0;
    float indexLoaded_ = 1.0f;
    int current_ = -1;
    unsigned version_ = 0, queryVersion_ = 0;
    bool fieldActive_ = false;
    ImVec2 fieldMin_, fieldMax_;
    // Text typed after `/` or Ctrl+K while the field is still being activated (ImGui completes a
    // focus request a frame or two later and ignores text in the frame it activates): held here,
    // in order, and given to the field once it is active, so "/rust" typed at once is not lost.
    std::vector<ImWchar> heldText_;
};

} // namespace rx::ui
