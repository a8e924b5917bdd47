// Loaded rules, ready to register into a parse::ParserRegistry. Each rule becomes one
// registry entry per `applies_to` item, at its origin's precedence (user > pack > shipped
// > built-in). A rule the sandbox stops (match/depth limit, time budget) fails that
// section with a reason naming the rule and the section, logs a warning, and is disabled
// for the rest of the registry's life, so later sections fall back to the next parser.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/error.h"
#include "parse/parser_registry.h"
#include "rules/rule_loader.h"

namespace st::rules {

struct ActiveRule {
  LoadedRule loaded;
  std::shared_ptr<std::atomic<bool>> disabled = std::make_shared<std::atomic<bool>>(false);
  mutable std::mutex mutex;
  std::string disabled_reason;  // under mutex

  const ParserRule& rule() const { return loaded.rule; }
  std::string reason() const {
    std::lock_guard lock(mutex);
    return disabled_reason;
  }
};

// Registry id of a rule: "rule:<origin>:<id>".
std::string registry_id(const ParserRule& rule);

// One section through one rule, as the registry runs it (stop -> disable + error).
Result<parse::ParseResult> run_rule_on_section(ActiveRule& rule, const parse::SectionInput& input);

class RuleSet {
 public:
  // Replaces a rule with the same id and origin.
  void add(LoadedRule rule);
  const std::vector<std::shared_ptr<ActiveRule>>& rules() const { return rules_; }
  std::shared_ptr<ActiveRule> find(std::string_view id) const;
  void register_into(parse::ParserRegistry& registry) const;

 private:
  std::vector<std::shared_ptr<ActiveRule>> rules_;
};

// The shipped rules (rules/parsers/*.json embedded in the binary), loaded and self-tested;
// rules marked "enabled": false (built-ins kept in C++, see docs/parser-rules.md) are
// left out unless `include_disabled`. `budget`: the sandbox's (benchmarks widen the time).
Result<RuleSet> shipped_rules(bool include_disabled = false, const Budget& budget = {});

// Every *.json rule in a folder (not recursive), at `origin`; the first bad file fails.
Result<RuleSet> rules_in_folder(const std::filesystem::path& dir, parse::ParserOrigin origin);

}  // namespace st::rules
