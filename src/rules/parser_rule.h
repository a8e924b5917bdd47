// A custom parser rule: data, never code. One JSON object (see rules/schemas/) names the
// commands it applies to, how it reads their output (one of four kinds), what table its
// records go to with which field mapping, and samples with the records they must give.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/object_kind.h"
#include "parse/parser_registry.h"

namespace st::rules {

enum class RuleKind { Textfsm, Regex, Delimiter, Jsonpath };
std::string_view to_string(RuleKind kind);
std::optional<RuleKind> rule_kind_from(std::string_view text);

// Where a rule's records go: a normalized table, or the generic `records` table.
// Objects: one of the object kinds' tables (model/object_kind.h), named by ParserRule::object_kind.
enum class OutputTable { Records, Interfaces, DeviceFacts, Events, Clock, Objects };
std::string_view to_string(OutputTable table);
// "vlans", "stp_ports", ...: an object kind's table gives Objects.
std::optional<OutputTable> output_table_from(std::string_view text);

// A command the rule applies to: the canonical command, or a regex over it; any platform
// when `platform` is empty.
struct CommandMatch {
  std::string platform;
  std::string command;        // canonical spelling: "show interfaces status"
  std::string command_regex;  // or a PCRE2 pattern matched against the whole canonical command
};

struct ObjectsOutput;  // rules/rule_output.cpp

struct RuleSample {
  std::string name;
  std::string input;
  std::optional<std::string> platform;
  nlohmann::ordered_json expected;  // array of records as the rule gives them (before mapping)
};

struct ParserRule {
  std::string id;  // "cisco_ios/show_clock", unique within its origin
  RuleKind kind = RuleKind::Regex;
  std::int64_t version = 1;
  std::string description;
  std::string author;
  parse::ParserOrigin origin = parse::ParserOrigin::User;
  std::vector<CommandMatch> applies_to;
  OutputTable table = OutputTable::Records;
  const model::ObjectKind* object_kind = nullptr;  // when table is Objects
  // target field (table column) -> source field (the rule's record key); empty = identity.
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<RuleSample> samples;
  nlohmann::ordered_json spec;  // the kind's own object ("textfsm", "regex", ...)
  nlohmann::ordered_json json;  // the whole rule as loaded (what export and the store keep)
  std::shared_ptr<const ObjectsOutput> also_objects;  // output.also_objects, planned at load (rule_output.h)
  std::string source;           // where it came from: a file path, "store", "embedded:..."
};

// The table a rule writes: "interfaces", or its object kind's table ("vlans").
std::string_view table_name(const ParserRule& rule);

}  // namespace st::rules
