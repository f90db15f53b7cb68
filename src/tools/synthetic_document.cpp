#include "synthetic_document.h"
#include "synthetic_rng.h"

#include <cstddef>

namespace rx {
namespace {

const char* const kAdjectives[] = {
    "safe",     "fast",      "concurrent",  "portable", "embedded",  "zero-cost", "typed",
    "modular",  "efficient", "reliable",    "scalable", "low-level", "modern",    "expressive",
    "parallel", "secure",    "lightweight", "robust",   "native",    "compiled"};
const char* const kNouns[] = {
    "ownership",  "borrowing", "lifetimes", "traits",   "closures",  "iterators",  "macros",
    "generics",   "crates",    "modules",   "servers",  "drivers",   "kernels",    "browsers",
    "compilers",  "databases", "networks",  "engines",  "runtimes",  "toolchains", "allocators",
    "schedulers", "parsers",   "protocols", "services", "pipelines", "threads",    "buffers"};
const char* const kVerbs[] = {"prevents", "enables",   "improves", "simplifies", "guarantees",
                              "replaces", "speeds up", "checks",   "supports",   "protects"};
const char* const kTitleWords[] = {
    "Memory",   "Safety",  "Performance", "Concurrency", "Tooling", "Ecosystem", "Networking",
    "Systems",  "Web",     "Embedded",    "Game",        "Cloud",   "Security",  "Testing",
    "Packages", "Compile", "Runtime",     "Data",        "Async",   "Graphics",  "Storage"};
const char* const kCode[] = {"cargo",    "rustfmt", "clippy", "Option<T>", "Result<T, E>",
                             "async fn", "unsafe",  "Box<T>", "Vec<u8>",   "&mut self"};
const char* const kProper[] = {"Servo", "Firefox", "Dropbox", "Cloudflare", "Discord",
                               "Figma", "Deno",    "Tokio",   "Redox",      "Firecracker"};

std::string capitalised(std::string word) {
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = char(word[0] - 'a' + 'A');
    return word;
}

// One sentence with inline bold or code now and then and a typographic apostrophe in about a
// third of them.
std::string sentence(SyntheticRng& rng) {
    std::string s =
        capitalised(rng.pick(kAdjectives)) + " " + rng.pick(kNouns) + " " + rng.pick(kVerbs) + " ";
    switch (rng.below(4)) {
    case 0:
        s += std::string("**") + rng.pick(kProper) + "**";
        break;
    case 1:
        s += std::string("`") + rng.pick(kCode) + "`";
        break;
    default:
        s += std::string("the ") + rng.pick(kNouns);
        break;
    }
    if (rng.below(3) == 0) s += std::string(" in Rust\u2019s ") + rng.pick(kNouns);
    s += std::string(" for ") + rng.pick(kAdjectives) + " " + rng.pick(kNouns) + ", and it " +
         rng.pick(kVerbs) + " " + rng.pick(kAdjectives) + " " + rng.pick(kNouns) + ".";
    return s;
}

std::string title(SyntheticRng& rng, int number) {
    return std::string(rng.pick(kTitleWords)) + " " + rng.pick(kTitleWords) + " " +
           std::to_string(number);
}

} // namespace

std::string generateDocumentMarkdown(const SyntheticDocumentSpec& spec) {
    SyntheticRng rng{spec.seed};
    std::string out;
    out.reserve(static_cast<size_t>(spec.sections) * spec.entries * 360 + 1024);
    out += "**Rust** is a synthetic subject for measuring the explorer: " + sentence(rng) + " " +
           sentence(rng) + "\n\n";
    int card = 0;
    const int total = spec.sections * spec.entries;
    for (int s = 0; s < spec.sections; ++s) {
        const bool bullets = s % 5 == 4; // like the seed's summary sections
        const std::string heading = title(rng, s + 1);
        out += s % 2 == 0 ? "### **" + heading + "**\n\n" : "### " + heading + ":\n\n";
        if (s % 3 == 0) out += sentence(rng) + "\n\n";
        for (int e = 0; e < spec.entries; ++e) {
            ++card;
            std::string body = sentence(rng) + " " + sentence(rng);
            if (card == total)
                body += std::string(" The last card mentions ") + kLastCardWord + ".";
            const std::string t = title(rng, card);
            if (bullets) {
                if (e % 4 != 0) body.append(" ").append(sentence(rng));
                out.append("- **").append(t).append("**: ").append(body).append("\n");
            } else {
                // Nested bullets are indented to the entry's text ("1. " 3, "10. " 4 columns).
                const std::string marker = std::to_string(e + 1) + ". ";
                const std::string indent(marker.size(), ' ');
                out.append(marker).append("**").append(t).append("**:\n");
                out.append(indent).append("- ").append(body).append("\n");
                if (e % 4 != 0) out += indent + "- " + sentence(rng) + "\n";
                out += "\n";
            }
        }
        out += s + 1 < spec.sections ? "\n---\n\n" : "\n";
    }
    out += "Rust\u2019s closing paragraph: " + sentence(rng) + "\n";
    return out;
}

} // namespace rx
