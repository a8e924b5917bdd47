// The validation harness behind `statetrace-cli parsers test` and the GUI rule editor's live
// preview: a rule (as text being written, or loaded) run over a sample, with every problem
// as a value that says where it is: the JSON pointer, the place in the rule's text (a bad
// pattern at its column inside the string), the template line, or the sample line.
// Samples are reported, not enforced: their differences come back as problems.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/json_locate.h"
#include "rules/rule_loader.h"
#include "rules/rule_records.h"
#include "rules/sandbox.h"

namespace st::rules {

enum class ProblemKind {
  Json,     // the text is not JSON (at: the byte where parsing stopped)
  Load,     // schema, pattern, template or mapping errors: the rule does not load
  Sample,   // an embedded sample gives other records than it expects
  Run,      // the input cannot be read this way (a template's Error action, bad JSON input)
  Warning,  // a line the rule skipped, with its sample line
  Sandbox,  // a match/depth limit or the time budget stopped the run
};
std::string_view to_string(ProblemKind kind);

struct RuleTestProblem {
  ProblemKind kind = ProblemKind::Load;
  std::string message;
  std::string pointer;                          // into the rule ("" when none)
  std::optional<std::uint64_t> sample_line;     // 1-based line of the sample
  std::optional<std::uint64_t> template_line;   // 1-based line of a TextFSM template
  std::optional<std::uint64_t> pattern_column;  // "bad pattern at column N": 1-based, in the pattern
  std::optional<TextSpan> at;                   // where in the rule text, when it was given as text
};

struct RuleTestInput {
  std::string rule_text;
  std::string source = "rule";  // a file name for messages
  // The text to run over; without it, the rule's own sample number `sample_index`.
  std::optional<std::string> sample;
  std::size_t sample_index = 0;
  Budget budget;
  std::filesystem::path template_dir;  // templates the rule names are looked up here first
};

struct RuleTestReport {
  bool loaded = false;
  std::string rule_id;
  std::string kind;
  std::vector<std::string> fields;  // the record fields, in order
  RuleRun run;                      // records with their sample lines and byte ranges
  std::string sample;               // the text the rule ran over
  std::vector<RuleTestProblem> problems;
  std::int64_t load_us = 0;
  std::int64_t parse_us = 0;
  bool clean() const { return loaded && run.ok() && problems.empty(); }
};

// Loads `input.rule_text` without enforcing its samples, runs it over the sample and
// reports load errors (each at its place in the text), sample differences and run problems.
RuleTestReport test_rule_text(const RuleTestInput& input);

// A rule that loaded already (by id from the store or the shipped ones) over `sample`.
RuleTestReport test_loaded_rule(const LoadedRule& loaded, std::string_view sample);

// The problems of a load error ("rule 'x': /pointer: message" lines from rule_error).
std::vector<RuleTestProblem> load_problems(const Error& error);

}  // namespace st::rules
