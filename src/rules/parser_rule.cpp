#include "rules/parser_rule.h"

namespace st::rules {

std::string_view to_string(RuleKind kind) {
  switch (kind) {
    case RuleKind::Textfsm: return "textfsm";
    case RuleKind::Regex: return "regex";
    case RuleKind::Delimiter: return "delimiter";
    case RuleKind::Jsonpath: return "jsonpath";
  }
  return "regex";
}

std::optional<RuleKind> rule_kind_from(std::string_view text) {
  for (auto k : {RuleKind::Textfsm, RuleKind::Regex, RuleKind::Delimiter, RuleKind::Jsonpath}) {
    if (to_string(k) == text) return k;
  }
  return std::nullopt;
}

std::string_view to_string(OutputTable table) {
  switch (table) {
    case OutputTable::Records: return "records";
    case OutputTable::Interfaces: return "interfaces";
    case OutputTable::DeviceFacts: return "device_facts";
    case OutputTable::Events: return "events";
    case OutputTable::Clock: return "clock";
    case OutputTable::Objects: return "objects";
  }
  return "records";
}

std::string_view table_name(const ParserRule& rule) {
  if (rule.table == OutputTable::Objects && rule.object_kind) return rule.object_kind->table;
  return to_string(rule.table);
}

std::optional<OutputTable> output_table_from(std::string_view text) {
  for (auto t : {OutputTable::Records, OutputTable::Interfaces, OutputTable::DeviceFacts, OutputTable::Events,
                 OutputTable::Clock}) {
    if (to_string(t) == text) return t;
  }
  if (model::object_kind_by_table(text)) return OutputTable::Objects;
  return std::nullopt;
}

}  // namespace st::rules
