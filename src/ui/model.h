// The loaded content as the views see it: read-only core data plus what went wrong loading it.
#pragma once
#include "adopters.h"
#include "diagnostics.h"
#include "document.h"
#include "search.h"
#include "tags.h"
#include "utf8.h"

#include <map>
#include <memory>
#include <string>

namespace rx::ui {

struct Model {
    std::map<std::string, std::string> files; // name -> bytes, as handed over by the page
    std::string documentName = "document.md";
    Document doc;
    AdoptersData adopters;
    bool hasAdopters = false; // the content folder has an adopters.json
    Vocabulary vocabulary;
    TagIndex tags;
    SearchIndex searchIndex;
    Diagnostics errors;
    std::string subject = "the subject"; // "Rust": the intro's first bold run
    std::string version = "dev";
    bool loaded = false;
    // A document above kReadInPiecesBytes is read in pieces: load() parses, indexes and lays out
    // its first sections (the first screen), loadMore() the rest in slices between frames. Until
    // `complete`, sections only grow at the end, the search index says it is incomplete, and the
    // tags, the adopters (validated against the whole document) and the errors are not there yet.
    bool complete = true;
    unsigned docVersion = 0; // changes whenever `doc` grows
    static constexpr size_t kReadInPiecesBytes = 256 * 1024;
    static constexpr size_t kFirstPieceBytes = 16 * 1024;

    // Parses and validates everything in `files` (the first pieces of a large document);
    // problems land in `errors`, never abort.
    void load();
    // Reads more of a large document for about `budgetMs` (0: to the end); true when complete.
    bool loadMore(double budgetMs);
    void finishLoading() { loadMore(0); }
    float loadedFraction() const;
    const std::string* file(const std::string& name) const;
    // Each character of the text the UI may draw from the content, once (UTF-8), for the fonts'
    // glyph ranges and the missing-glyph count. Gathered from what has been read: a large
    // document's first pieces at first, more as it is read; changes (contentCharsVersion) only
    // when more reading brought a character not seen before.
    const std::string& contentChars() const { return contentChars_; }
    unsigned contentCharsVersion() const { return contentCharsVersion_; }

  private:
    void finishLoad();          // tags, adopters, errors: once the whole document is there
    void grew();                // index the new sections
    void addContentChars();     // of the sections read since the last call
    void noteNewContentChars(); // contentChars_ from chars_
    std::unique_ptr<DocumentParser> parser_;
    Diagnostics vocabularyErrors_;
    DistinctChars chars_;
    size_t charsSections_ = 0; // sections whose characters are in chars_
    std::string contentChars_;
    unsigned contentCharsVersion_ = 0;
};

} // namespace rx::ui
