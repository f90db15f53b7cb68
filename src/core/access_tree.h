// The accessibility tree of the canvas: every control the UI draws, with an ARIA role,
// an accessible name, its state and where it is drawn. The views fill it each frame (cheap: a few
// hundred small nodes); the App hands it to the page as JSON only when it changed (hash), and the
// page keeps one DOM twin per node (web/twins.js). Pure C++: no ImGui, testable natively.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace rx {

enum class AccessRole : std::uint8_t {
    Group, // a container: a named group, or a plain box without a role when it has no name
    Region,
    Navigation,
    TabList,
    Tab,
    Button,
    Link,
    SearchBox,
    TextBox,
    ComboBox, // a choice of its Option children (the page makes it a <select>)
    Option,   // value: what choosing it sets
    Checkbox,
    Heading,
    Text, // static text (a quote, a body, a problem message)
    Article,
    Grid,
    Row,
    ColumnHeader,
    RowHeader,
    GridCell,
    Menu,
    MenuItem,
    List,
    ListItem,
};

const char* accessRoleName(AccessRole role); // the ARIA role ("button", "gridcell", ...)

// State bits of a node.
enum AccessState : std::uint16_t {
    kAccessFocusable = 1 << 0,  // a stop in the Tab order (else reachable only by a screen reader)
    kAccessPressable = 1 << 1,  // a toggle button: aria-pressed is reported
    kAccessPressed = 1 << 2,    //
    kAccessExpandable = 1 << 3, // aria-expanded is reported
    kAccessExpanded = 1 << 4,   //
    kAccessSelected = 1 << 5,   // aria-selected (tabs, grid cells)
    kAccessCheckable = 1 << 6,  // aria-checked is reported
    kAccessChecked = 1 << 7,    //
    kAccessCurrent = 1 << 8,    // aria-current (the section being read)
    kAccessOffscreen = 1 << 9,  // laid out but scrolled out of view: the rect is where it would be
    kAccessDisabled = 1 << 10,
};

struct AccessNode {
    std::string id; // stable control id ("app:view-cards", "card:ownership", ...)
    AccessRole role = AccessRole::Group;
    std::string name;        // accessible name (aria-label, or the text of Text/Heading nodes)
    std::string value;       // text fields and combo boxes: the current value
    std::string description; // extra text read after the name (aria-description)
    int parent = -1;         // index of the parent node, -1 for a top-level node
    int level = 0;           // heading level; grid: row count (aria-rowcount)
    int columns = 0;         // grid: column count (aria-colcount)
    // 1-based place in a grid whose twins are only the rows and columns on screen: a row's
    // aria-rowindex, a header's or cell's aria-colindex. 0: not given.
    int index = 0;
    float rect[4] = {0, 0, 0, 0}; // x, y, w, h in layout px of the canvas; w = 0: no box
    std::uint16_t state = 0;

    AccessNode() = default;
    AccessNode(std::string id_, AccessRole role_, std::string name_, std::uint16_t state_ = 0)
        : id(std::move(id_)), role(role_), name(std::move(name_)), state(state_) {}
    AccessNode& at(float x, float y, float w, float h) {
        rect[0] = x, rect[1] = y, rect[2] = w, rect[3] = h;
        return *this;
    }
    bool has(std::uint16_t bits) const { return (state & bits) == bits; }
};

class AccessTree {
  public:
    void clear();
    // Adds a node under the innermost open node; returns its index.
    int add(AccessNode node);
    // Adds a node and makes it the parent of what follows until close().
    int open(AccessNode node);
    void close();
    int depth() const { return static_cast<int>(open_.size()); }

    const std::vector<AccessNode>& nodes() const { return nodes_; }
    std::vector<AccessNode>& nodes() { return nodes_; }
    const AccessNode* find(const std::string& id) const;

    // The control with the canvas's focus ("" = none) and whether it came from the keyboard
    // (its ring shows): the page moves the DOM focus only then.
    std::string focus;
    bool focusVisible = false;

    // Changes with any role, name, value, state, nesting or focus change; with `geometry`, only
    // when a box moves (rounded to half a pixel) or scrolls out of or into view.
    std::uint64_t hash(bool geometry) const;
    // {"focus": id, "focusVisible": bool, "nodes": [{"id","role","name","parent",...}]}; rects
    // are multiplied by `zoom` (the UI scale: CSS px of the canvas).
    std::string toJson(float zoom = 1.0f) const;
    // What a screen reader user would stumble on: duplicate ids, focusable nodes without a name,
    // siblings with the same role and name but different ids. Empty when fine.
    std::vector<std::string> problems() const;

  private:
    std::vector<AccessNode> nodes_;
    std::vector<int> open_;
};

// When the App sends a changed tree to the page. A screen reader needs names, states and the
// focus at once; boxes can wait until a scroll settles; while a search is still testing cards, a
// large document is still being read or someone is typing, the tree changes every frame (counts,
// new sections, which cards match) and goes at most every kTreeEveryMs, a moved focus at once.
struct TreeSendInput {
    bool structureChanged = false; // a role, name, value, state, nesting or the focus
    bool geometryChanged = false;  // a box
    bool focusChanged = false;
    bool moving = false; // a scroll, fling or drag in progress
    bool busy = false;   // frames keep coming until the work is done
    bool typing = false; // a text field's text changed within the last kTreeEveryMs
    double msSinceLastSend = 1e9;
};
struct TreeSendDecision {
    bool send = false;
    double wakeInMs = -1; // >= 0: nothing else will draw a frame; come back then to send
};
constexpr double kTreeEveryMs = 150.0;
TreeSendDecision decideTreeSend(const TreeSendInput& in);

} // namespace rx
