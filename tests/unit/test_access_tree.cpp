// The accessibility tree the views fill each frame: nesting, the change hashes that decide when
// the page rebuilds its DOM twins, the JSON it gets, and the checks for what would confuse a
// screen reader.
#include "core/access_tree.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace {

rx::AccessTree sampleTree() {
    rx::AccessTree t;
    t.open({"app:views", rx::AccessRole::TabList, "Views"});
    t.add(rx::AccessNode("app:view-cards", rx::AccessRole::Tab, "Cards",
                         rx::kAccessFocusable | rx::kAccessSelected)
              .at(10, 20, 80, 30));
    t.add(rx::AccessNode("app:view-matrix", rx::AccessRole::Tab, "Adopters", rx::kAccessFocusable)
              .at(100, 20, 120, 30));
    t.close();
    t.add(rx::AccessNode("app:theme", rx::AccessRole::Button, "Dark theme", rx::kAccessFocusable)
              .at(900, 20, 90, 30));
    t.focus = "app:view-cards";
    t.focusVisible = true;
    return t;
}

} // namespace

TEST_CASE("access tree: open/close nests nodes under their parent") {
    const rx::AccessTree t = sampleTree();
    REQUIRE(t.nodes().size() == 4);
    CHECK(t.nodes()[0].parent == -1);
    CHECK(t.nodes()[1].parent == 0);
    CHECK(t.nodes()[2].parent == 0);
    CHECK(t.nodes()[3].parent == -1); // after close(): top level again
    CHECK(t.depth() == 0);
    REQUIRE(t.find("app:theme") != nullptr);
    CHECK(t.find("app:theme")->name == "Dark theme");
    CHECK(t.find("nope") == nullptr);
}

TEST_CASE("access tree: the structure hash ignores boxes, the geometry hash does not") {
    const rx::AccessTree a = sampleTree();
    rx::AccessTree moved = sampleTree();
    moved.nodes()[1].rect[1] += 40; // scrolled
    CHECK(a.hash(false) == moved.hash(false));
    CHECK(a.hash(true) != moved.hash(true));
    rx::AccessTree tiny = sampleTree();
    tiny.nodes()[1].rect[0] += 0.1f; // below half a pixel: not a change worth a DOM update
    CHECK(a.hash(true) == tiny.hash(true));
    rx::AccessTree scrolledOut = sampleTree();
    scrolledOut.nodes()[1].state |= rx::kAccessOffscreen; // follows the box: geometry
    CHECK(a.hash(false) == scrolledOut.hash(false));
    CHECK(a.hash(true) != scrolledOut.hash(true));

    rx::AccessTree renamed = sampleTree();
    renamed.nodes()[3].name = "Light theme";
    CHECK(a.hash(false) != renamed.hash(false));
    rx::AccessTree selected = sampleTree();
    selected.nodes()[1].state &= ~rx::kAccessSelected;
    selected.nodes()[2].state |= rx::kAccessSelected;
    CHECK(a.hash(false) != selected.hash(false));
    rx::AccessTree focused = sampleTree();
    focused.focus = "app:theme";
    CHECK(a.hash(false) != focused.hash(false));
    // Same strings split differently are different trees.
    rx::AccessTree x, y;
    x.add({"ab", rx::AccessRole::Button, "c"});
    y.add({"a", rx::AccessRole::Button, "bc"});
    CHECK(x.hash(false) != y.hash(false));
}

TEST_CASE("access tree: JSON carries roles, parents, zoomed rects and only reported states") {
    rx::AccessTree t = sampleTree();
    t.add(rx::AccessNode("card:x", rx::AccessRole::Button, "Ownership",
                         rx::kAccessFocusable | rx::kAccessExpandable | rx::kAccessOffscreen));
    const auto j = nlohmann::json::parse(t.toJson(2.0f));
    CHECK(j["focus"] == "app:view-cards");
    CHECK(j["focusVisible"] == true);
    const auto& n = j["nodes"];
    REQUIRE(n.size() == 5);
    CHECK(n[0]["role"] == "tablist");
    CHECK_FALSE(n[0].contains("parent"));
    CHECK_FALSE(n[0].contains("rect")); // no box
    CHECK(n[1]["role"] == "tab");
    CHECK(n[1]["parent"] == 0);
    CHECK(n[1]["rect"] == nlohmann::json::array({20, 40, 160, 60}));
    CHECK(n[1]["state"]["selected"] == true);
    CHECK_FALSE(n[2]["state"].contains("selected"));
    CHECK(n[4]["state"]["expanded"] == false); // reported, and false
    CHECK(n[4]["state"]["offscreen"] == true);
    CHECK_FALSE(n[4]["state"].contains("pressed"));
}

TEST_CASE("access tree: problems names duplicates, nameless controls and twin siblings") {
    CHECK(sampleTree().problems().empty());
    rx::AccessTree t = sampleTree();
    t.add({"app:theme", rx::AccessRole::Button, "Other"});
    t.add({"blank", rx::AccessRole::Button, "", rx::kAccessFocusable});
    t.add({"theme-2", rx::AccessRole::Button, "Dark theme"});
    // Same name in different parents is fine; plain text may repeat.
    t.open({"box", rx::AccessRole::Group, ""});
    t.add({"theme-3", rx::AccessRole::Button, "Dark theme"});
    t.add({"t1", rx::AccessRole::Text, "Hello"});
    t.add({"t2", rx::AccessRole::Text, "Hello"});
    t.close();
    const auto p = t.problems();
    REQUIRE(p.size() == 3);
    CHECK(p[0] == "duplicate id app:theme");
    CHECK(p[1] == "focusable button blank has no name");
    CHECK(p[2] == "siblings app:theme and theme-2 are both button \"Dark theme\"");
}

TEST_CASE("access tree: a grid shown in part says its size and where each twin sits") {
    rx::AccessTree t;
    rx::AccessNode grid("grid", rx::AccessRole::Grid, "Adopters by domain");
    grid.level = 10001;
    grid.columns = 101;
    t.open(std::move(grid));
    rx::AccessNode row("row:a9000", rx::AccessRole::Row, "");
    row.index = 9001;
    t.open(std::move(row));
    rx::AccessNode cell("cell:a9000:web", rx::AccessRole::GridCell, "a9000 × Web: no mark");
    cell.index = 42;
    t.add(std::move(cell));
    t.close();
    t.close();
    const std::uint64_t before = t.hash(false);
    const auto j = nlohmann::json::parse(t.toJson());
    CHECK(j["nodes"][0]["level"] == 10001);
    CHECK(j["nodes"][0]["columns"] == 101);
    CHECK_FALSE(j["nodes"][0].contains("index"));
    CHECK(j["nodes"][1]["index"] == 9001);
    CHECK(j["nodes"][2]["index"] == 42);
    t.nodes()[1].index = 9002; // the window scrolled by a row: the twins must be told
    CHECK(t.hash(false) != before);
}

TEST_CASE("access tree: JSON escapes quotes, backslashes, control characters and bad UTF-8") {
    rx::AccessTree t;
    rx::AccessNode n("card:a\"b", rx::AccessRole::Button, "say \"hi\" \\ tab\there\nline");
    n.description = std::string("caf\xC3\xA9 \xE2\x80\x99 bad \xFF end");
    n.value = std::string("\x01", 1);
    n.at(0.004f, -3.333f, 120.5f, 40.0f);
    t.add(std::move(n));
    t.focus = "card:a\"b";
    const auto j = nlohmann::json::parse(t.toJson(1.0f));
    CHECK(j["focus"] == "card:a\"b");
    const auto& node = j["nodes"][0];
    CHECK(node["id"] == "card:a\"b");
    CHECK(node["name"] == "say \"hi\" \\ tab\there\nline");
    CHECK(node["description"] == "caf\xC3\xA9 \xE2\x80\x99 bad \xEF\xBF\xBD end");
    CHECK(node["value"] == std::string("\x01", 1));
    CHECK(node["rect"][0] == 0);
    CHECK(node["rect"][1] == doctest::Approx(-3.33));
    CHECK(node["rect"][2] == doctest::Approx(120.5));
    CHECK(node["rect"][3] == 40);
    CHECK_FALSE(node.contains("state"));
    CHECK_FALSE(node.contains("parent"));
}

TEST_CASE("access tree: boxes are written to the hundredth of a pixel, without trailing zeros") {
    rx::AccessTree t;
    rx::AccessNode node("b", rx::AccessRole::Button, "B");
    node.at(12.5f, -3.0f, 0.254f, 100.996f);
    t.add(std::move(node));
    rx::AccessNode small("s", rx::AccessRole::Button, "S");
    small.at(-0.004f, -0.25f, 1.05f, 7.0f);
    t.add(std::move(small));
    const std::string json = t.toJson(1.0f);
    CHECK(json.find("\"rect\":[12.5,-3,0.25,101]") != std::string::npos);
    CHECK(json.find("\"rect\":[0,-0.25,1.05,7]") != std::string::npos);
    const auto j = nlohmann::json::parse(json);
    CHECK(j["nodes"][0]["rect"][2].get<double>() == doctest::Approx(0.25));
}

TEST_CASE("decideTreeSend: names at once, boxes after a scroll, at most every kTreeEveryMs while "
          "busy or typing") {
    rx::TreeSendInput in;
    CHECK_FALSE(rx::decideTreeSend(in).send); // nothing changed
    in.geometryChanged = true;
    in.moving = true;
    CHECK_FALSE(rx::decideTreeSend(in).send); // boxes wait for the scroll to settle
    in.moving = false;
    CHECK(rx::decideTreeSend(in).send);

    rx::TreeSendInput typed;
    typed.structureChanged = true;
    typed.typing = true;
    typed.msSinceLastSend = 40;
    rx::TreeSendDecision d = rx::decideTreeSend(typed);
    CHECK_FALSE(d.send);
    CHECK(d.wakeInMs == doctest::Approx(rx::kTreeEveryMs - 40)); // no frame may come: wake then
    typed.msSinceLastSend = rx::kTreeEveryMs;
    CHECK(rx::decideTreeSend(typed).send);
    typed.msSinceLastSend = 10;
    typed.focusChanged = true; // Tab out of the field: the focus goes at once
    CHECK(rx::decideTreeSend(typed).send);

    rx::TreeSendInput busy;
    busy.structureChanged = true;
    busy.busy = true;
    busy.msSinceLastSend = 10;
    d = rx::decideTreeSend(busy);
    CHECK_FALSE(d.send);
    CHECK(d.wakeInMs < 0); // frames keep coming while busy
    busy.busy = false;
    CHECK(rx::decideTreeSend(busy).send);
}
