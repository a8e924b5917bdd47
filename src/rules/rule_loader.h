// Loading a rule: JSON -> schema check (rules/schemas/<kind>.schema.json) -> model ->
// compiled executor -> self-test of its samples. Every error names the file, the rule id
// and the JSON pointer of the field at fault:
//   rules/parsers/x.json: rule 'cisco_ios/show_clock': /regex/patterns/0: bad pattern at column 3: ...
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "rules/parser_rule.h"
#include "rules/rule_executor.h"

namespace st::rules {

struct RuleProblem {
  std::string pointer;  // JSON pointer in the rule ("" = the whole rule)
  std::string message;
};

struct LoadOptions {
  Budget budget;
  parse::ParserOrigin origin = parse::ParserOrigin::User;
  // Extra folder searched first for templates a rule names (a rule file's ../templates).
  std::filesystem::path template_dir;
  bool self_test = true;
};

struct LoadedRule {
  ParserRule rule;
  std::shared_ptr<const RuleExecutor> executor;
};

// Schema problems of one rule document (empty when valid).
std::vector<RuleProblem> check_rule_schema(const nlohmann::json& doc);

Result<LoadedRule> load_rule(const nlohmann::json& doc, const std::string& source, const LoadOptions& options);
Result<LoadedRule> load_rule_text(std::string_view text, const std::string& source, const LoadOptions& options);
// A rule file; templates it names are looked up in its folder's ../templates, then embedded.
Result<LoadedRule> load_rule_file(const std::filesystem::path& path, LoadOptions options);

struct SampleOutcome {
  std::string name;
  std::size_t index = 0;
  bool passed = false;
  RuleRun run;
  std::vector<RuleProblem> differences;  // pointers into the rule's /samples/N/expected
};

// Runs every embedded sample and compares its records with `expected`: each expected
// field must equal the record's; fields a sample leaves out must be empty (null, "", []).
std::vector<SampleOutcome> run_samples(const LoadedRule& loaded);

// "source: rule 'id': /pointer: message" (one line per problem after the first).
Error rule_error(ErrorKind kind, const std::string& source, const std::string& rule_id,
                 const std::vector<RuleProblem>& problems);

// A sample's input: a string, or an array of lines joined with "\n" (and a final "\n").
std::string sample_text(const nlohmann::json& input);

}  // namespace st::rules
