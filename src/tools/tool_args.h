// Command-line options of the explorer-tool subcommands: `--name VALUE` options (text or a whole
// number within bounds), `--name` flags and `--help`, with one set of messages for all of them.
//
//   long long sections = -1;
//   ToolArgs args("gen-document", kUsage);
//   args.count("--sections", 1, 100000, sections, ToolArgs::kRequired);
//   if (const auto exit = args.parse(argc, argv)) return *exit;
#pragma once
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace rx {

// A whole decimal number within [low, high] into `out`; false (out untouched) otherwise.
bool parseCountArg(const char* text, long long low, long long high, long long& out);

class ToolArgs {
  public:
    static constexpr bool kRequired = true;

    // `command` prefixes every message; `usage` is printed after --help (stdout) and after a
    // usage error (stderr).
    ToolArgs(const char* command, const char* usage) : command_(command), usage_(usage) {}

    ToolArgs& text(const char* name, std::string& out, bool required = false);
    ToolArgs& count(const char* name, long long low, long long high, long long& out,
                    bool required = false);
    ToolArgs& flag(const char* name, bool& out);

    // Reads argv[1..argc). std::nullopt: the command goes on with the values stored. Otherwise the
    // exit code the command returns at once: 0 after --help or -h, 2 after an unknown option, a
    // missing or bad value, or a missing required option (each named on `err`, then the usage).
    std::optional<int> parse(int argc, char** argv, std::FILE* out = stdout,
                             std::FILE* err = stderr);

  private:
    enum class Kind { Text, Count, Flag };
    struct Option {
        const char* name;
        Kind kind;
        bool required;
        std::string* text = nullptr;
        long long* count = nullptr;
        long long low = 0, high = 0;
        bool* flag = nullptr;
        bool seen = false;
    };
    Option* find(const std::string& name);
    int usageError(std::FILE* err, const std::string& message) const;

    const char* command_;
    const char* usage_;
    std::vector<Option> options_;
};

} // namespace rx
