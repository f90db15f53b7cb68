// web/boot.js names the numbers rx_prepare / rx_start return (rx::StartResult) in START_RESULT:
// the two must agree, or the page would show the wrong message (or none) when the start fails.
#include "platform/start_result.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <regex>
#include <string>

namespace {

int bootJsValue(const std::string& boot, const std::string& name) {
    const std::regex block(R"(var START_RESULT = \{([^}]*)\})");
    std::smatch m;
    REQUIRE_MESSAGE(std::regex_search(boot, m, block), "web/boot.js has no START_RESULT");
    const std::string fields = m[1].str();
    const std::regex field("\\b" + name + R"(: *([0-9]+))");
    std::smatch f;
    REQUIRE_MESSAGE(std::regex_search(fields, f, field), "START_RESULT lacks " << name);
    return std::stoi(f[1].str());
}

} // namespace

TEST_CASE("boot.js START_RESULT holds the values of rx::StartResult") {
    const std::string boot = rx::test::readRepoFile("web/boot.js");
    CHECK(bootJsValue(boot, "started") == rx::toInt(rx::StartResult::Started));
    CHECK(bootJsValue(boot, "sdlInitFailed") == rx::toInt(rx::StartResult::SdlInitFailed));
    CHECK(bootJsValue(boot, "noWebGL2") == rx::toInt(rx::StartResult::NoWebGL2));
    CHECK(bootJsValue(boot, "noFont") == rx::toInt(rx::StartResult::NoFont));
}
