// The explorer-tool subcommands' option parser (tools/tool_args.h) and the synthetic generators'
// random numbers (tools/synthetic_rng.h).
#include "tools/synthetic_rng.h"
#include "tools/tool_args.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace {

const char* const kUsage = "usage: demo --count N [--name TEXT] [--fast]\n";

// Runs a parser over `words` (argv[0] = "demo"); what it printed goes to `out` and `err`.
struct Run {
    std::optional<int> exit;
    std::string out, err;
};

std::string readAll(std::FILE* f) {
    std::rewind(f);
    std::string text;
    for (int c = std::fgetc(f); c != EOF; c = std::fgetc(f)) text += static_cast<char>(c);
    std::fclose(f);
    return text;
}

Run parse(rx::ToolArgs& args, std::vector<std::string> words) {
    words.insert(words.begin(), "demo");
    std::vector<char*> argv;
    for (std::string& w : words) argv.push_back(w.data());
    std::FILE* out = std::tmpfile();
    std::FILE* err = std::tmpfile();
    REQUIRE(out);
    REQUIRE(err);
    Run r;
    r.exit = args.parse(static_cast<int>(argv.size()), argv.data(), out, err);
    r.out = readAll(out);
    r.err = readAll(err);
    return r;
}

struct Demo {
    long long count = -1;
    std::string name = "default";
    bool fast = false;
    rx::ToolArgs args{"demo", kUsage};
    Demo() {
        args.count("--count", 1, 100, count, rx::ToolArgs::kRequired)
            .text("--name", name)
            .flag("--fast", fast);
    }
};

} // namespace

TEST_CASE("tool options: values, flags and defaults are stored, in any order") {
    Demo d;
    const Run r = parse(d.args, {"--fast", "--name", "cards", "--count", "42"});
    CHECK_FALSE(r.exit.has_value());
    CHECK(d.count == 42);
    CHECK(d.name == "cards");
    CHECK(d.fast);
    CHECK(r.err.empty());

    Demo plain;
    CHECK_FALSE(parse(plain.args, {"--count", "1"}).exit.has_value());
    CHECK(plain.name == "default");
    CHECK_FALSE(plain.fast);
}

TEST_CASE("tool options: --help prints the usage to stdout and exits 0") {
    for (const char* help : {"--help", "-h"}) {
        Demo d;
        const Run r = parse(d.args, {help});
        REQUIRE(r.exit.has_value());
        CHECK(*r.exit == 0);
        CHECK(r.out == kUsage);
        CHECK(r.err.empty());
    }
}

TEST_CASE("tool options: bad usage names the problem, prints the usage and exits 2") {
    struct Case {
        std::vector<std::string> words;
        std::string message;
    };
    const Case cases[] = {
        {{"--count", "5", "--colour", "red"}, "demo: unknown option --colour\n"},
        {{"--count"}, "demo: --count needs a value\n"},
        {{"--count", "5", "--name"}, "demo: --name needs a value\n"},
        {{"--count", "0"}, "demo: bad value for --count: 0 (a whole number from 1 to 100)\n"},
        {{"--count", "101"}, "demo: bad value for --count: 101 (a whole number from 1 to 100)\n"},
        {{"--count", "7x"}, "demo: bad value for --count: 7x (a whole number from 1 to 100)\n"},
        {{"--count", ""}, "demo: bad value for --count:  (a whole number from 1 to 100)\n"},
        {{"--name", "x"}, "demo: --count is required\n"},
        {{}, "demo: --count is required\n"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.message);
        Demo d;
        const Run r = parse(d.args, c.words);
        REQUIRE(r.exit.has_value());
        CHECK(*r.exit == 2);
        CHECK(r.err == c.message + kUsage);
        CHECK(r.out.empty());
    }
}

TEST_CASE("tool options: a whole number within bounds, nothing else") {
    long long v = 7;
    CHECK(rx::parseCountArg("0", 0, 10, v));
    CHECK(v == 0);
    CHECK(rx::parseCountArg("-3", -5, 5, v));
    CHECK(v == -3);
    CHECK(rx::parseCountArg("9223372036854775807", 0, 0x7fffffffffffffffLL, v));
    CHECK(v == 0x7fffffffffffffffLL);
    v = 7;
    for (const char* bad : {"", " ", "1.5", "1e3", "11", "-6", "abc", "5 ", "99999999999999999999"})
        CHECK_FALSE(rx::parseCountArg(bad, -5, 10, v));
    CHECK(v == 7);
}

TEST_CASE("synthetic random numbers: splitmix64, the same on every platform") {
    rx::SyntheticRng rng{0};
    // splitmix64's published first outputs for seed 0.
    CHECK(rng.next() == 0xE220A8397B1DCDAFull);
    CHECK(rng.next() == 0x6E789E6AA1B965F4ull);
    CHECK(rng.next() == 0x06C45D188009454Full);
    rx::SyntheticRng a{42}, b{42};
    static const char* const kWords[] = {"one", "two", "three"};
    for (int i = 0; i < 100; ++i) {
        const size_t n = a.below(7);
        CHECK(n < 7);
        CHECK(n == b.below(7));
        const std::string w = a.pick(kWords);
        CHECK(w == b.pick(kWords));
    }
    CHECK(a.below(0) == 0);
}
