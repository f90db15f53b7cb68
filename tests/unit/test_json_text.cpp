// The JSON text the explorer sends the page every changed frame: valid JSON, same values.
#include "core/json_text.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

TEST_CASE("JsonObjectText: every kind of value, parsed back by nlohmann") {
    const std::string text = rx::JsonObjectText()
                                 .add("hash", "#q=caf\xC3\xA9 \"x\"\\")
                                 .addBool("push", true)
                                 .addBool("no", false)
                                 .addInt("count", -42)
                                 .addHundredths("scale", 1.25)
                                 .addHundredths("rect", {12.5f, -3.0f, 0.254f, 100.996f})
                                 .addStrings("domains", {"web", "line\nbreak"})
                                 .addStrings("none", {})
                                 .addRaw("nested", "{\"a\":[1,2]}")
                                 .str();
    const auto j = nlohmann::json::parse(text);
    CHECK(j["hash"] == "#q=caf\xC3\xA9 \"x\"\\");
    CHECK(j["push"] == true);
    CHECK(j["no"] == false);
    CHECK(j["count"] == -42);
    CHECK(j["scale"].get<double>() == doctest::Approx(1.25));
    CHECK(text.find("\"rect\":[12.5,-3,0.25,101]") != std::string::npos);
    CHECK(j["domains"] == nlohmann::json::array({"web", "line\nbreak"}));
    CHECK(j["none"].empty());
    CHECK(j["nested"]["a"][1] == 2);
}

TEST_CASE("JsonObjectText: empty object, bad UTF-8 and control characters stay valid JSON") {
    CHECK(rx::JsonObjectText().str() == "{}");
    const std::string text = rx::JsonObjectText().add("t", std::string("a\xFF\x01z", 4)).str();
    CHECK(text == "{\"t\":\"a\xEF\xBF\xBD\\u0001z\"}");
    CHECK(nlohmann::json::parse(text)["t"] == "a\xEF\xBF\xBD\x01z");
}

TEST_CASE("appendJsonHundredths: rounding, signs, and what is not a number") {
    std::string out;
    for (const double v : {0.0, -0.004, -0.25, 1.005, 2.5, 1e6}) {
        rx::appendJsonHundredths(out, v);
        out += ' ';
    }
    rx::appendJsonHundredths(out, std::nan(""));
    CHECK(out == "0 0 -0.25 1 2.5 1000000 0");
    out.clear();
    for (const double v : {0.05, 12.3, -3.0, 100.996, 0.1, -0.07, 1e300}) {
        rx::appendJsonHundredths(out, v);
        out += ' ';
    }
    CHECK(out == "0.05 12.3 -3 101 0.1 -0.07 10000000000000 ");
}
