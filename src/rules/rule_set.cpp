#include "rules/rule_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "core/log.h"
#include "rules/embedded_rules.h"
#include "rules/rule_output.h"
#include "rules/safe_regex.h"

namespace st::rules {

std::string registry_id(const ParserRule& rule) {
  return fmt::format("rule:{}:{}", parse::to_string(rule.origin), rule.id);
}

Result<parse::ParseResult> run_rule_on_section(ActiveRule& active, const parse::SectionInput& input) {
  const ParserRule& rule = active.rule();
  if (active.disabled->load()) {
    return fail(ErrorKind::Parse, fmt::format("rule {} is disabled: {}", rule.id, active.reason()));
  }
  // TextFSM rules into a normalized table skip the JSON rows (rule_output.h: same result).
  const RuleExecutor& executor = *active.loaded.executor;
  const bool engine_path = executor.has_engine_records() && fast_path_applies(rule);
  EngineRecords engine;
  RuleRun run = engine_path ? executor.run_engine(input.output, engine) : executor.run(input.output, false);
  if (run.stopped != StopReason::None) {
    const std::string reason =
        fmt::format("rule {} stopped on a {} `{}` section ({} bytes): {}; the rule is disabled for the rest of this run",
                    rule.id, input.platform, input.canonical_command, input.output.size(), run.stop_detail);
    {
      std::lock_guard lock(active.mutex);
      if (active.disabled_reason.empty()) active.disabled_reason = reason;
    }
    active.disabled->store(true);
    ST_LOG_WARN("{}", reason);
    return fail(ErrorKind::Parse, reason);
  }
  if (!run.errors.empty()) {
    const auto& e = run.errors.front();
    return fail(ErrorKind::Parse, fmt::format("rule {}: {}{}", rule.id, e.line ? fmt::format("input line {}: ", e.line) : "",
                                              e.message));
  }
  if (engine_path) return to_parse_result(rule, run, engine, input.platform);
  return to_parse_result(rule, std::move(run), input.platform);
}

void RuleSet::add(LoadedRule rule) {
  auto active = std::make_shared<ActiveRule>();
  active->loaded = std::move(rule);
  for (auto& existing : rules_) {
    if (existing->rule().id == active->rule().id && existing->rule().origin == active->rule().origin) {
      existing = std::move(active);
      return;
    }
  }
  rules_.push_back(std::move(active));
}

std::shared_ptr<ActiveRule> RuleSet::find(std::string_view id) const {
  for (const auto& r : rules_) {
    if (r->rule().id == id) return r;
  }
  return nullptr;
}

void RuleSet::register_into(parse::ParserRegistry& registry) const {
  for (const auto& active : rules_) {
    for (const auto& target : active->rule().applies_to) {
      parse::ParserEntry entry;
      entry.id = registry_id(active->rule());
      entry.platform = target.platform;
      entry.canonical_command = target.command;
      entry.origin = active->rule().origin;
      entry.disabled = active->disabled;
      entry.parse = [active](const parse::SectionInput& input) { return run_rule_on_section(*active, input); };
      if (!target.command_regex.empty()) {
        // Anchored at both ends: the pattern names whole commands.
        auto re = SafeRegex::compile("^(?:" + target.command_regex + ")$", Budget{});
        if (!re) continue;  // checked when the rule loaded
        auto shared = std::make_shared<SafeRegex>(std::move(*re));
        entry.matches = [shared](std::string_view, std::string_view command) {
          StopReason stopped = StopReason::None;
          return shared->matches(command, stopped);
        };
      }
      registry.add(std::move(entry));
    }
  }
}

Result<RuleSet> shipped_rules(bool include_disabled, const Budget& budget) {
  RuleSet set;
  LoadOptions options;
  options.budget = budget;
  options.origin = parse::ParserOrigin::Shipped;
  for (const auto& file : embedded_rule_files("parsers/")) {
    if (!file.path.ends_with(".json")) continue;
    ST_TRY(auto loaded, load_rule_text(file.text, "rules/" + std::string(file.path), options));
    if (!include_disabled && !loaded.rule.json.value("enabled", true)) continue;
    set.add(std::move(loaded));
  }
  return set;
}

Result<RuleSet> rules_in_folder(const std::filesystem::path& dir, parse::ParserOrigin origin) {
  RuleSet set;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  if (ec) return fail(Error{ErrorKind::Io, ec.message(), dir.string(), {}, {}, {}});
  std::sort(files.begin(), files.end());
  LoadOptions options;
  options.origin = origin;
  for (const auto& f : files) {
    ST_TRY(auto loaded, load_rule_file(f, options));
    set.add(std::move(loaded));
  }
  return set;
}

}  // namespace st::rules
