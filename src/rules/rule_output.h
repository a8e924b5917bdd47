// A rule's records -> parse::ParseResult: into its normalized table through the field
// mapping (interfaces, device facts, events, clock), or as generic records.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"
#include "parse/parse_result.h"
#include "rules/parser_rule.h"
#include "rules/rule_executor.h"
#include "rules/rule_records.h"

namespace st::rules {

// Errors when a normalized table needs a field no record had (an interface without a
// name, a clock with no time).
Result<parse::ParseResult> to_parse_result(const ParserRule& rule, RuleRun run, std::string_view platform);

// The same from a TextFSM run's own records (RuleExecutor::run_engine), without JSON rows:
// what ingest uses when fast_path_applies(rule). Gives what the JSON path gives.
Result<parse::ParseResult> to_parse_result(const ParserRule& rule, const RuleRun& run, const EngineRecords& engine,
                                           std::string_view platform);
// True for rules into a normalized table that keep no generic records, or keep them with
// keys of their own (also_records.fields).
bool fast_path_applies(const ParserRule& rule);

// output.also_objects planned once (the loader keeps it in ParserRule::also_objects); null
// for a rule without it. Holds no reference to the rule.
std::shared_ptr<const ObjectsOutput> plan_also_objects(const ParserRule& rule);

// output.expand "ranges": a port list as printed -> its ports, space separated. "A to B"
// counts the last number of A up to B's ("ethe 1/1/1 to 1/1/3" -> "1/1/1 1/1/2 1/1/3");
// words without a digit ("ethe", "ethernet", "None") are dropped; a "(group)" word prefixes
// the bare numbers after it with its numbers ("(U1/M2) 1 2" -> "1/2/1 1/2/2") or, with none,
// its lowercased text ("(LAG) 3" -> "lag3").
std::string expand_ranges(std::string_view text);

// "Jun 19 03:02:31.123 UTC", "*Mar  1 00:01:02", "2024 Jun 19 03:02:31", "2024-06-19T03:02:31Z"
// and the clock form "10:15:32.123 UTC Mon Jun 19 2023" into a LogTime; nullopt otherwise.
std::optional<parse::LogTime> parse_printed_time(std::string_view text);

}  // namespace st::rules
