#include "document.h"

#include "utf8.h"

#include <cstring>
#include <md4c.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace rx {

std::string RichText::plain() const {
    std::string out;
    for (const Run& run : runs) out += run.text;
    return out;
}

std::vector<std::string> linkNames(const Document& doc, const std::vector<std::string>& itemIds) {
    std::vector<std::string> names;
    for (const std::string& id : itemIds) {
        const Item* item = doc.findItem(id);
        names.push_back(item ? item->title : id);
    }
    const std::vector<std::string> titles = names;
    for (size_t i = 0; i < names.size(); ++i) {
        const bool shared = std::count(titles.begin(), titles.end(), titles[i]) > 1;
        if (!shared || !doc.findItem(itemIds[i])) continue;
        const Section* section = doc.findSection(itemIds[i].substr(0, itemIds[i].find('/')));
        if (section) names[i] += " (" + section->title + ")";
    }
    return names;
}

const Item* Document::findItem(std::string_view id) const {
    for (const Section& section : sections) {
        for (const Item& item : section.items) {
            if (item.id == id) return &item;
        }
    }
    return nullptr;
}

const Section* Document::findSection(std::string_view id) const {
    for (const Section& section : sections) {
        if (section.id == id) return &section;
    }
    return nullptr;
}

size_t Document::itemCount() const {
    size_t count = 0;
    for (const Section& section : sections) count += section.items.size();
    return count;
}

std::string slugify(std::string_view text) {
    static constexpr std::string_view kRightQuote = "\xE2\x80\x99"; // ’
    std::string out;
    bool separatorPending = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool digit = c >= '0' && c <= '9';
        const bool upper = c >= 'A' && c <= 'Z';
        const bool lower = c >= 'a' && c <= 'z';
        if (digit || upper || lower) {
            if (separatorPending && !out.empty()) out += '-';
            separatorPending = false;
            out += upper ? static_cast<char>(c - 'A' + 'a') : c;
        } else if (c == '\'') {
            // "Rust's" -> "rusts": an apostrophe does not split a word.
        } else if (text.compare(i, kRightQuote.size(), kRightQuote) == 0) {
            i += kRightQuote.size() - 1;
        } else {
            separatorPending = true;
        }
    }
    return out;
}

namespace {

constexpr size_t kNoOffset = static_cast<size_t>(-1);
constexpr int kFallbackTitleWords = 6;

// The input as md4c gets it: valid UTF-8 and '\n' line ends only. Every bad byte becomes one
// U+FFFD and a CR before LF disappears, so line/col in this text equal those in the raw file.
struct CleanInput {
    std::string text;
    size_t badBytes = 0;
    size_t firstBadOffset = 0; // in `text`
    unsigned char firstBadByte = 0;
};

// Whether none of the 8 bytes at `p` is a CR or outside ASCII (SWAR: one 64-bit test for 8 bytes).
bool plainAsciiWord(const char* p) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    std::uint64_t word = 0;
    std::memcpy(&word, p, sizeof word);
    const std::uint64_t cr = word ^ (kOnes * '\r'); // a zero byte where there was a CR
    const bool hasCr = ((cr - kOnes) & ~cr & kHighBits) != 0;
    return (word & kHighBits) == 0 && !hasCr;
}

// Valid UTF-8 without a CR: what nearly every document is, and what md4c can take as it is.
bool isCleanInput(std::string_view text) {
    for (size_t pos = 0; pos < text.size();) {
        while (pos + 8 <= text.size() && plainAsciiWord(text.data() + pos)) pos += 8;
        if (pos >= text.size()) break;
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {
            if (c == '\r') return false;
            ++pos;
            continue;
        }
        const size_t length = utf8SequenceLength(text, pos);
        if (length == 0) return false;
        pos += length;
    }
    return true;
}

CleanInput cleanInput(std::string&& rawText) {
    static constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
    std::string_view raw = rawText;
    if (raw.substr(0, kByteOrderMark.size()) == kByteOrderMark) raw.remove_prefix(3);
    CleanInput in;
    if (raw.size() == rawText.size() && isCleanInput(raw)) {
        in.text = std::move(rawText); // no copy of a large document's megabytes
        return in;
    }
    in.text.reserve(raw.size() + 16);
    for (size_t pos = 0; pos < raw.size();) {
        // A run of plain ASCII (most of a document) is copied at once, not byte by byte.
        size_t run = pos;
        while (run < raw.size() && static_cast<unsigned char>(raw[run]) < 0x80 && raw[run] != '\r')
            ++run;
        if (run > pos) {
            in.text.append(raw.data() + pos, run - pos);
            pos = run;
            continue;
        }
        const char c = raw[pos];
        if (static_cast<unsigned char>(c) < 0x80) {
            if (c == '\r') {
                // CRLF -> LF; a lone CR is a line end too (md4c treats it as one).
                if (pos + 1 >= raw.size() || raw[pos + 1] != '\n') in.text += '\n';
            } else {
                in.text += c;
            }
            ++pos;
            continue;
        }
        const size_t length = utf8SequenceLength(raw, pos);
        if (length == 0) {
            if (in.badBytes++ == 0) {
                in.firstBadOffset = in.text.size();
                in.firstBadByte = static_cast<unsigned char>(c);
            }
            in.text += kReplacementChar;
            ++pos;
        } else {
            in.text.append(raw.data() + pos, length);
            pos += length;
        }
    }
    return in;
}

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n';
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
    return s;
}

// Removes whitespace at both ends of the paragraph and runs left empty there.
void trimRuns(RichText& text) {
    size_t first = 0;
    while (first < text.runs.size()) {
        std::string& s = text.runs[first].text;
        const size_t keep = s.find_first_not_of(" \t\n");
        if (keep != std::string::npos) {
            s.erase(0, keep);
            break;
        }
        ++first;
    }
    text.runs.erase(text.runs.begin(), text.runs.begin() + static_cast<std::ptrdiff_t>(first));
    while (!text.runs.empty()) {
        std::string& s = text.runs.back().text;
        const size_t last = s.find_last_not_of(" \t\n");
        if (last != std::string::npos) {
            s.erase(last + 1);
            break;
        }
        text.runs.pop_back();
    }
}

void appendRun(RichText& text, std::string_view s, uint8_t style) {
    if (s.empty()) return;
    if (!text.runs.empty() && text.runs.back().style == style) {
        text.runs.back().text += s;
    } else {
        text.runs.push_back(Run{std::string(s), style});
    }
}

// A heading or bold entry title as plain text: no stray '*', no trailing ':'.
std::string cleanTitle(std::string_view title, bool* hadColon = nullptr) {
    title = trimmed(title);
    while (!title.empty() && title.front() == '*') title.remove_prefix(1);
    while (!title.empty() && title.back() == '*') title.remove_suffix(1);
    title = trimmed(title);
    const bool colon = !title.empty() && title.back() == ':';
    if (colon) title = trimmed(title.substr(0, title.size() - 1));
    if (hadColon) *hadColon = colon;
    return std::string(title);
}

// The first words of an entry without a bold title, without emphasis markers md4c left as text.
std::string fallbackTitle(std::string_view text) {
    std::string out;
    int words = 0;
    size_t pos = 0;
    while (pos < text.size() && words < kFallbackTitleWords) {
        while (pos < text.size() && isBlank(text[pos])) ++pos;
        size_t end = pos;
        while (end < text.size() && !isBlank(text[end])) ++end;
        std::string_view word = text.substr(pos, end - pos);
        pos = end;
        while (!word.empty() && (word.front() == '*' || word.front() == '_')) word.remove_prefix(1);
        while (!word.empty() && (word.back() == '*' || word.back() == '_')) word.remove_suffix(1);
        if (word.empty()) continue;
        if (!out.empty()) out += ' ';
        out += word;
        ++words;
    }
    while (!out.empty() && std::string_view(":,.;").find(out.back()) != std::string_view::npos) {
        out.pop_back();
    }
    return out;
}

// md4c hands entities over verbatim; decode numeric ones and the few named ones prose uses.
std::string decodeEntity(std::string_view entity) {
    if (entity.size() >= 4 && entity[1] == '#') {
        const bool hex = entity[2] == 'x' || entity[2] == 'X';
        char32_t value = 0;
        for (size_t i = hex ? 3 : 2; i + 1 < entity.size(); ++i) {
            const char c = entity[i];
            int digit = -1;
            if (c >= '0' && c <= '9') digit = c - '0';
            if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
            if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
            if (digit < 0 || value > 0x10FFFF) return std::string(entity);
            value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
        }
        std::string out;
        appendUtf8(out, value == 0 ? 0xFFFD : value);
        return out;
    }
    static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
        {"&amp;", "&"},
        {"&lt;", "<"},
        {"&gt;", ">"},
        {"&quot;", "\""},
        {"&apos;", "'"},
        {"&nbsp;", "\xC2\xA0"},
        {"&mdash;", "\xE2\x80\x94"},
        {"&ndash;", "\xE2\x80\x93"},
        {"&rsquo;", "\xE2\x80\x99"},
        {"&lsquo;", "\xE2\x80\x98"},
        {"&ldquo;", "\xE2\x80\x9C"},
        {"&rdquo;", "\xE2\x80\x9D"},
        {"&hellip;", "\xE2\x80\xA6"},
        {"&copy;", "\xC2\xA9"},
    };
    for (const auto& [name, value] : kNamed) {
        if (entity == name) return std::string(value);
    }
    return std::string(entity);
}

// Builds the Document from md4c's callbacks. Inline text is collected into one open paragraph
// which, when its block ends, goes to whatever the context says: the intro, a section's lead,
// the current entry, or the text after a section's entries.
class Builder {
  public:
    Builder(std::string_view text, ParsedDocument& out, Document& doc)
        : text_(text), lines_(text), out_(out), doc_(doc) {}

    // Parses text_[begin, end): the whole text, or one piece of it that starts at a top-level
    // `###` line (pieceBoundaries). md4c reports pointers into text_, so offsets and positions
    // stay those of the whole text.
    bool run(size_t begin = 0, size_t end = static_cast<size_t>(-1)) {
        end = std::min(end, text_.size());
        MD_PARSER parser{};
        parser.flags = MD_FLAG_NOHTML | MD_FLAG_COLLAPSEWHITESPACE;
        parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
            static_cast<Builder*>(self)->enterBlock(type, detail);
            return 0;
        };
        parser.leave_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
            static_cast<Builder*>(self)->leaveBlock(type, detail);
            return 0;
        };
        parser.enter_span = [](MD_SPANTYPE type, void*, void* self) {
            static_cast<Builder*>(self)->span(type, +1);
            return 0;
        };
        parser.leave_span = [](MD_SPANTYPE type, void*, void* self) {
            static_cast<Builder*>(self)->span(type, -1);
            return 0;
        };
        parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
            static_cast<Builder*>(self)->onText(type, text, size);
            return 0;
        };
        const int status =
            md_parse(text_.data() + begin, static_cast<MD_SIZE>(end - begin), &parser, this);
        closeParagraph();
        return status == 0;
    }

    void finish() {
        if (doc_.sections.empty()) {
            report(0, 0,
                   "no `###` section headings found; the explorer shows each `###` section "
                   "as a deck of cards");
            return;
        }
        Section& last = doc_.sections.back();
        doc_.closing = std::move(last.after);
        last.after.clear();
        for (const Section& section : doc_.sections) {
            if (section.items.empty()) {
                report(section.line, 1,
                       "section \"" + section.title + "\" has no numbered or bulleted entries");
            }
        }
    }

  private:
    struct ListFrame {
        bool ordered = false;
        int nextNumber = 1;
    };

    struct Entry {
        std::vector<RichText> paragraphs; // [0] is the entry's own line, then nested entries
        bool numbered = false;
        int number = 0;
        size_t offset = kNoOffset; // first text of the entry in the input
    };

    void enterBlock(MD_BLOCKTYPE type, void* detail) {
        closeParagraph();
        switch (type) {
        case MD_BLOCK_UL:
            lists_.push_back(ListFrame{});
            break;
        case MD_BLOCK_OL: {
            const auto* ol = static_cast<const MD_BLOCK_OL_DETAIL*>(detail);
            lists_.push_back(ListFrame{true, static_cast<int>(ol->start)});
            break;
        }
        case MD_BLOCK_LI: {
            ListFrame& list = lists_.back();
            const int number = list.ordered ? list.nextNumber++ : 0;
            if (lists_.size() == 1 && quoteDepth_ == 0 && !doc_.sections.empty()) {
                inEntry_ = true;
                entry_ = Entry{};
                entry_.numbered = list.ordered;
                entry_.number = number;
            }
            break;
        }
        case MD_BLOCK_H: {
            const auto* h = static_cast<const MD_BLOCK_H_DETAIL*>(detail);
            if (h->level == 3 && lists_.empty() && quoteDepth_ == 0) {
                inSectionHeading_ = true;
                heading_ = RichText{};
                headingOffset_ = kNoOffset;
            }
            break;
        }
        case MD_BLOCK_QUOTE:
            ++quoteDepth_;
            break;
        case MD_BLOCK_CODE:
            inCodeBlock_ = true;
            break;
        default:
            break;
        }
    }

    void leaveBlock(MD_BLOCKTYPE type, void*) {
        closeParagraph();
        switch (type) {
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            lists_.pop_back();
            break;
        case MD_BLOCK_LI:
            if (inEntry_ && lists_.size() == 1) {
                finishEntry();
                inEntry_ = false;
            }
            break;
        case MD_BLOCK_H:
            if (inSectionHeading_) {
                startSection();
                inSectionHeading_ = false;
            }
            break;
        case MD_BLOCK_QUOTE:
            --quoteDepth_;
            break;
        case MD_BLOCK_CODE:
            inCodeBlock_ = false;
            break;
        default:
            break;
        }
    }

    void span(MD_SPANTYPE type, int delta) {
        switch (type) {
        case MD_SPAN_STRONG:
            boldDepth_ += delta;
            break;
        case MD_SPAN_EM:
            italicDepth_ += delta;
            break;
        case MD_SPAN_CODE:
            codeDepth_ += delta;
            break;
        default:
            break;
        }
    }

    uint8_t style() const {
        uint8_t s = kPlain;
        if (boldDepth_ > 0) s |= kBold;
        if (italicDepth_ > 0) s |= kItalic;
        if (codeDepth_ > 0 || inCodeBlock_) s |= kCode;
        return s;
    }

    void onText(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
        // md4c passes pointers into our buffer for source text, static strings for breaks.
        const auto address = reinterpret_cast<std::uintptr_t>(text);
        const auto begin = reinterpret_cast<std::uintptr_t>(text_.data());
        if (address >= begin && address < begin + text_.size()) {
            const size_t offset = address - begin;
            if (inSectionHeading_ && headingOffset_ == kNoOffset) headingOffset_ = offset;
            if (inEntry_ && entry_.offset == kNoOffset) entry_.offset = offset;
            lastOffset_ = offset;
        }
        RichText& target = inSectionHeading_ ? heading_ : openParagraph();
        const std::string_view s(text, size);
        switch (type) {
        case MD_TEXT_NULLCHAR:
            appendRun(target, kReplacementChar, style());
            break;
        case MD_TEXT_BR:
            appendRun(target, "\n", style());
            break;
        case MD_TEXT_SOFTBR:
            appendRun(target, " ", style());
            break;
        case MD_TEXT_ENTITY:
            appendRun(target, decodeEntity(s), style());
            break;
        default:
            appendRun(target, s, style());
            break;
        }
    }

    RichText& openParagraph() {
        paragraphOpen_ = true;
        return paragraph_;
    }

    void closeParagraph() {
        if (!paragraphOpen_) return;
        paragraphOpen_ = false;
        trimRuns(paragraph_);
        if (!paragraph_.empty()) paragraphSink().push_back(std::move(paragraph_));
        paragraph_ = RichText{};
    }

    std::vector<RichText>& paragraphSink() {
        if (inEntry_) return entry_.paragraphs;
        if (doc_.sections.empty()) return doc_.intro;
        Section& section = doc_.sections.back();
        return section.items.empty() ? section.lead : section.after;
    }

    LineCol positionOf(size_t offset) const {
        return lines_.at(offset == kNoOffset ? lastOffset_ : offset);
    }

    void startSection() {
        const LineCol pos = positionOf(headingOffset_);
        Section section;
        section.title = cleanTitle(heading_.plain());
        if (section.title.empty()) {
            report(pos.line, pos.col, "a `###` heading has no text");
            section.title = "Untitled section";
        }
        section.id = uniqueId(slugify(section.title), "section");
        section.line = pos.line;
        doc_.sections.push_back(std::move(section));
    }

    void finishEntry() {
        Section& section = doc_.sections.back();
        const LineCol pos = positionOf(entry_.offset);
        Item item;
        item.numbered = entry_.numbered;
        item.number = entry_.number;
        item.line = pos.line;
        std::vector<RichText>& paragraphs = entry_.paragraphs;
        if (paragraphs.empty()) {
            report(pos.line, pos.col, "entry has no text");
        } else {
            splitTitle(paragraphs.front(), item, pos);
            for (size_t i = 1; i < paragraphs.size(); ++i) {
                if (!item.body.empty()) appendRun(item.body, "\n", kPlain);
                for (Run& run : paragraphs[i].runs) appendRun(item.body, run.text, run.style);
            }
        }
        if (item.title.empty()) item.title = "Untitled entry";
        item.id = uniqueId(section.id + "/" + slugify(item.title), section.id + "/item");
        section.items.push_back(std::move(item));
    }

    // "**Title**: text" -> title + text; "**Lead** rest of sentence" -> title + whole sentence.
    void splitTitle(RichText& head, Item& item, LineCol pos) {
        size_t boldRuns = 0;
        while (boldRuns < head.runs.size() && (head.runs[boldRuns].style & kBold)) ++boldRuns;
        std::string boldText;
        for (size_t i = 0; i < boldRuns; ++i) boldText += head.runs[i].text;
        bool colon = false;
        item.title = cleanTitle(boldText, &colon);
        if (item.title.empty()) {
            const std::string text = head.plain();
            const bool unclosed = text.rfind("**", 0) == 0 || text.rfind("__", 0) == 0;
            report(pos.line, pos.col,
                   unclosed ? "entry starts with \"" + text.substr(0, 2) +
                                  "\" that is never closed; using its first words as the title"
                            : std::string("entry has no bold title (expected \"**Title**: "
                                          "text\"); using its first words as the title"));
            item.title = fallbackTitle(text);
            item.body = std::move(head);
            return;
        }
        RichText rest;
        rest.runs.assign(head.runs.begin() + static_cast<std::ptrdiff_t>(boldRuns),
                         head.runs.end());
        trimRuns(rest);
        if (!rest.empty() && rest.runs.front().text.front() == ':') {
            colon = true;
            rest.runs.front().text.erase(0, 1);
            trimRuns(rest);
        }
        if (rest.empty()) return; // the text is in the nested entries
        // Without a colon the bold words start a sentence: keep it whole so it reads as one.
        item.body = colon ? std::move(rest) : std::move(head);
    }

    std::string uniqueId(const std::string& slug, const std::string& fallback) {
        const bool emptySlug = slug.empty() || slug.back() == '/';
        std::string base = emptySlug ? fallback : slug;
        if (usedIds_.insert(base).second) return base;
        // Resume counting where the last duplicate of this base stopped: no quadratic retries.
        int& next = nextSuffix_.try_emplace(base, 2).first->second;
        std::string candidate;
        do {
            candidate = base + "-" + std::to_string(next++);
        } while (!usedIds_.insert(candidate).second);
        return candidate;
    }

    void report(int line, int col, std::string message) {
        out_.errors.push_back(Diagnostic{doc_.source, line, col, std::move(message)});
    }

    std::string_view text_;
    LineIndex lines_;
    ParsedDocument& out_;
    Document& doc_;

    std::vector<ListFrame> lists_;
    int quoteDepth_ = 0;
    int boldDepth_ = 0;
    int italicDepth_ = 0;
    int codeDepth_ = 0;
    bool inCodeBlock_ = false;

    bool paragraphOpen_ = false;
    RichText paragraph_;

    bool inSectionHeading_ = false;
    RichText heading_;
    size_t headingOffset_ = kNoOffset;

    bool inEntry_ = false;
    Entry entry_;

    size_t lastOffset_ = 0;
    std::unordered_set<std::string> usedIds_;
    std::unordered_map<std::string, int> nextSuffix_;
};

std::string byteHex(unsigned char byte) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    return std::string("0x") + kDigits[byte >> 4] + kDigits[byte & 0xF];
}

// Where the text may be cut into pieces that md4c parses to the same blocks as the whole: the
// start of each line that opens a top-level `###` heading (column 0), which closes whatever
// paragraph, list or quote is open. Text with a code fence or a link reference definition is
// not cut (a fence can hold such a line; a definition may be used in another piece).
std::vector<size_t> pieceBoundaries(std::string_view text) {
    std::vector<size_t> cuts;
    for (size_t pos = 0; pos < text.size();) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        size_t indent = 0;
        while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t')) ++indent;
        const std::string_view rest = line.substr(indent);
        if (rest.rfind("```", 0) == 0 || rest.rfind("~~~", 0) == 0) return {};
        if (indent <= 3 && !rest.empty() && rest[0] == '[' &&
            rest.find("]:") != std::string_view::npos)
            return {};
        const bool heading =
            line.rfind("###", 0) == 0 && (line.size() == 3 || line[3] == ' ' || line[3] == '\t');
        if (heading && pos > 0) cuts.push_back(pos);
        pos = end + 1;
    }
    return cuts;
}

// Whether the text may hold a code fence or a link reference definition: only then must it be
// read line by line before it is cut (pieceBoundaries). Three substring searches, far quicker
// than that walk over every line of a large document.
bool mayHoldUncuttable(std::string_view text) {
    return text.find("```") != std::string_view::npos ||
           text.find("~~~") != std::string_view::npos || text.find("]:") != std::string_view::npos;
}

// The next cut after `from` (as pieceBoundaries finds them, for text that holds neither fences nor
// definitions), or the end of the text: found when a piece is parsed, not all up front.
size_t nextCut(std::string_view text, size_t from) {
    for (size_t at = text.find("\n###", from); at != std::string_view::npos;
         at = text.find("\n###", at + 1)) {
        const size_t after = at + 4;
        if (after == text.size() || text[after] == ' ' || text[after] == '\t' ||
            text[after] == '\n')
            return at + 1;
    }
    return text.size();
}

} // namespace

struct DocumentParser::State {
    State(std::string markdown, const std::string& sourceName, Document* into)
        : doc(into ? *into : out.doc) {
        doc.source = sourceName;
        if (markdown.size() > kMaxContentBytes) {
            out.errors.push_back(Diagnostic{
                sourceName, 0, 0,
                "file is " + std::to_string(markdown.size()) + " bytes; the limit is " +
                    std::to_string(kMaxContentBytes / (1024 * 1024)) + " MB, so it was not read"});
            return;
        }
        input = cleanInput(std::move(markdown));
        if (trimmed(input.text).empty()) {
            out.errors.push_back(Diagnostic{sourceName, 0, 0, "file is empty"});
            return;
        }
        builder = std::make_unique<Builder>(input.text, out, doc);
        if (input.badBytes > 0) {
            const LineCol pos = LineIndex(input.text).at(input.firstBadOffset);
            std::string message =
                "invalid UTF-8: byte " + byteHex(input.firstBadByte) + " is not valid here";
            if (input.badBytes > 1)
                message += " (" + std::to_string(input.badBytes) + " bad bytes)";
            message += "; replaced by U+FFFD. Save the file as UTF-8";
            out.errors.push_back(Diagnostic{sourceName, pos.line, pos.col, std::move(message)});
        }
    }
    CleanInput input;
    ParsedDocument out; // the errors, and the document unless it goes elsewhere
    Document& doc;
    std::unique_ptr<Builder> builder; // null: nothing to parse (too big, empty)
    bool inPieces = false;
    std::vector<size_t> cuts; // where a text that may hold fences or definitions is cut
    bool cutsFound = false;   // `cuts` holds them (else each is found when it is needed)
    size_t parsed = 0;        // bytes parsed: the end of the last piece
    size_t total = 0;
    bool failed = false;

    size_t pieceEnd(size_t begin) const {
        if (!inPieces) return total;
        if (!cutsFound) return nextCut(input.text, begin);
        const auto next = std::upper_bound(cuts.begin(), cuts.end(), begin);
        return next == cuts.end() ? total : *next;
    }
};

DocumentParser::DocumentParser(std::string markdown, const std::string& sourceName, bool inPieces,
                               Document* into)
    : state_(std::make_unique<State>(std::move(markdown), sourceName, into)) {
    if (!state_->builder) return;
    state_->total = state_->input.text.size();
    state_->inPieces = inPieces;
    if (inPieces && mayHoldUncuttable(state_->input.text)) {
        state_->cuts = pieceBoundaries(state_->input.text);
        state_->cutsFound = true;
        state_->inPieces = !state_->cuts.empty();
    }
}

DocumentParser::~DocumentParser() = default;

bool DocumentParser::done() const {
    return !state_->builder || state_->parsed >= state_->total;
}

size_t DocumentParser::parsedBytes() const {
    return state_->builder ? state_->parsed : state_->total;
}

size_t DocumentParser::totalBytes() const {
    return state_->total;
}

bool DocumentParser::parseMore(size_t minBytes) {
    State& st = *state_;
    if (done()) return true;
    const size_t from = parsedBytes();
    while (!done() && (parsedBytes() - from < minBytes || parsedBytes() == from)) {
        const size_t begin = st.parsed;
        const size_t end = st.pieceEnd(begin);
        if (!st.builder->run(begin, end) && !st.failed) {
            st.failed = true;
            st.out.errors.push_back(
                Diagnostic{st.doc.source, 0, 0, "the Markdown parser ran out of memory"});
        }
        st.parsed = end;
    }
    if (done()) {
        st.builder->finish();
        // The model holds the text from here on.
        st.builder.reset();
        st.input.text = std::string();
        st.input.text.shrink_to_fit();
    }
    return done();
}

const ParsedDocument& DocumentParser::result() const {
    return state_->out;
}

ParsedDocument DocumentParser::take() {
    return std::move(state_->out);
}

ParsedDocument parseDocument(std::string_view markdown, const std::string& sourceName) {
    DocumentParser parser(std::string(markdown), sourceName, false);
    parser.parseMore(static_cast<size_t>(-1));
    return parser.take();
}

std::string documentSubject(const Document& doc) {
    for (const RichText& paragraph : doc.intro) {
        for (const Run& run : paragraph.runs) {
            if ((run.style & kBold) && !run.text.empty()) return run.text;
        }
        break; // only the opening paragraph names the subject
    }
    return "the subject";
}

} // namespace rx
