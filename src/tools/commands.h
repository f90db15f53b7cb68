// Subcommands of explorer-tool. The tool's main (main.cpp) dispatches `explorer-tool <name> ...`
// to these; each gets argv with argv[0] = the subcommand name and returns the exit code.
#pragma once

namespace rx {

// The largest --seed the generators take.
inline constexpr long long kMaxSeed = 0x7fffffffffffffffLL;

// bench [--content DIR] [--reps N] [--adopters N] [--domains M] [--json]
// Times the core (parse, search, adopters load, matrix filter+sort at N x M synthetic scale):
// each call timed alone, median/p95 over the runs. Prints a table, or JSON with --json.
int runBench(int argc, char** argv);

// gen-adopters --adopters N --domains M --seed S --doc PATH
// Writes a synthetic adopters.json to stdout whose quotes are sentences of the document at PATH,
// so its evidence verifies. For tests and benchmarks only.
int runGenAdopters(int argc, char** argv);

// gen-document --sections N --entries M [--seed S]
// Writes a synthetic document of the seed's shape (synthetic_document.h) to stdout. For tests and
// benchmarks only.
int runGenDocument(int argc, char** argv);

// render-html --content DIR (--site DIR | --out FILE | stdout)
// Renders the content as semantic HTML (core/html_rendition.h). With --site, replaces the
// <!--RENDITION--> marker in DIR/index.html; otherwise writes the fragment. Content problems are
// printed to stderr but do not stop the rendition.
int runRenderHtml(int argc, char** argv);

// validate [--content DIR]
// Loads the content through the core and prints every problem as `file:line:col: message`.
// Exit 0 when there is none, 1 otherwise, 2 on bad usage.
int runValidate(int argc, char** argv);

} // namespace rx
