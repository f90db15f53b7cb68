// The document model: intro, sections of items (cards), closing text. Built by parseDocument().
#pragma once
#include "diagnostics.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rx {

enum RunStyle : uint8_t { kPlain = 0, kBold = 1, kItalic = 2, kCode = 4 };

// A stretch of inline text with one emphasis style.
struct Run {
    std::string text;
    uint8_t style = kPlain; // RunStyle bits
};

// A paragraph of inline text; emphasis is kept as runs.
struct RichText {
    std::vector<Run> runs;
    std::string plain() const; // runs concatenated, no markup
    bool empty() const { return runs.empty(); }
};

// One numbered or bulleted entry of a section: a card.
struct Item {
    std::string id;    // unique in the document: "<section id>/<item slug>"
    std::string title; // the entry's bold title, plain text, trailing ':' removed
    RichText body;     // the entry's text without the title; nested entries joined by '\n'
    bool numbered = false;
    int number = 0; // 1-based position for numbered items, 0 for bullets
    int line = 0;   // source line of the entry
};

// A `###` heading and its entries.
struct Section {
    std::string id;             // slug of the title, unique in the document
    std::string title;          // plain, without emphasis markers or a trailing ':'
    std::vector<RichText> lead; // paragraphs between the heading and the first entry
    std::vector<Item> items;
    // Paragraphs after the entries. Empty for the last section: its trailing paragraphs are the
    // document's closing text.
    std::vector<RichText> after;
    int line = 0;
};

struct Document {
    std::string source;          // file name, for diagnostics
    std::vector<RichText> intro; // paragraphs before the first section
    std::vector<Section> sections;
    std::vector<RichText> closing; // paragraphs after the last section's entries

    const Item* findItem(std::string_view id) const;
    const Section* findSection(std::string_view id) const;
    size_t itemCount() const;
};

// The names of links to the cards `itemIds`, as one list reads them: each card's title, and where
// two in the list share a title, the title with its section's ("Game Development (Where is Rust
// Used?)"), so a screen reader can tell them apart. An unknown id names itself.
std::vector<std::string> linkNames(const Document& doc, const std::vector<std::string>& itemIds);

struct ParsedDocument {
    Document doc;
    Diagnostics errors; // never fatal: whatever parsed is still in doc
};

// Parses a document a piece at a time, so a large one shows its first sections before the rest is
// read: the text is cut before each top-level `###` line (not when it has code fences or link
// reference definitions) and parseMore() parses whole pieces. The model and the diagnostics are
// the same as parseDocument's (unit-tested); sections only grow at the end, and the closing
// text and the per-section checks come with the last piece.
class DocumentParser {
  public:
    // `into`: the document to build (it must outlive the parser); by default its own. The parser
    // keeps `markdown` (moved in: a large document is not copied unless it needs cleaning).
    DocumentParser(std::string markdown, const std::string& sourceName, bool inPieces = true,
                   Document* into = nullptr);
    ~DocumentParser();
    DocumentParser(const DocumentParser&) = delete;
    DocumentParser& operator=(const DocumentParser&) = delete;

    // Parses pieces until at least `minBytes` more of the text are read (at least one piece);
    // true when the whole document is parsed.
    bool parseMore(size_t minBytes);
    bool done() const;
    size_t parsedBytes() const;
    size_t totalBytes() const;
    const ParsedDocument& result() const; // what is parsed so far (errors only with `into`)
    ParsedDocument take();                // moves the result out

  private:
    struct State;
    std::unique_ptr<State> state_;
};

// Parses Markdown of the documented shape (content/README.md). Invalid UTF-8 is reported and
// replaced by U+FFFD; structural problems (no sections, entries without a bold title) are
// reported with their line and column.
ParsedDocument parseDocument(std::string_view markdown, const std::string& sourceName);

// What the document is about: its intro's first bold run ("**Rust** is ..." -> "Rust"), else
// "the subject". Titles and labels use it so the explorer is not tied to one document.
std::string documentSubject(const Document& doc);

// Lower-case ASCII slug: "Where is Rust Used?" -> "where-is-rust-used".
std::string slugify(std::string_view text);

} // namespace rx
