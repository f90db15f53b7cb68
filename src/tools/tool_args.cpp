#include "tool_args.h"

#include <cstdlib>

namespace rx {

bool parseCountArg(const char* text, long long low, long long high, long long& out) {
    char* end = nullptr;
    const long long v = std::strtoll(text, &end, 10);
    if (end == text || *end != '\0' || v < low || v > high) return false;
    out = v;
    return true;
}

ToolArgs& ToolArgs::text(const char* name, std::string& out, bool required) {
    Option o{name, Kind::Text, required};
    o.text = &out;
    options_.push_back(o);
    return *this;
}

ToolArgs& ToolArgs::count(const char* name, long long low, long long high, long long& out,
                          bool required) {
    Option o{name, Kind::Count, required};
    o.count = &out;
    o.low = low;
    o.high = high;
    options_.push_back(o);
    return *this;
}

ToolArgs& ToolArgs::flag(const char* name, bool& out) {
    Option o{name, Kind::Flag, false};
    o.flag = &out;
    options_.push_back(o);
    return *this;
}

ToolArgs::Option* ToolArgs::find(const std::string& name) {
    for (Option& o : options_)
        if (name == o.name) return &o;
    return nullptr;
}

int ToolArgs::usageError(std::FILE* err, const std::string& message) const {
    std::fprintf(err, "%s: %s\n%s", command_, message.c_str(), usage_);
    return 2;
}

std::optional<int> ToolArgs::parse(int argc, char** argv, std::FILE* out, std::FILE* err) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(usage_, out);
            return 0;
        }
        Option* o = find(arg);
        if (!o) return usageError(err, "unknown option " + arg);
        o->seen = true;
        if (o->kind == Kind::Flag) {
            *o->flag = true;
            continue;
        }
        if (i + 1 >= argc) return usageError(err, arg + " needs a value");
        const char* value = argv[++i];
        if (o->kind == Kind::Text) {
            *o->text = value;
        } else if (!parseCountArg(value, o->low, o->high, *o->count)) {
            return usageError(err, "bad value for " + arg + ": " + value +
                                       " (a whole number from " + std::to_string(o->low) + " to " +
                                       std::to_string(o->high) + ")");
        }
    }
    for (const Option& o : options_)
        if (o.required && !o.seen) return usageError(err, std::string(o.name) + " is required");
    return std::nullopt;
}

} // namespace rx
