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
  }
  return "records";
}

std::optional<OutputTable> output_table_from(std::string_view text) {
  for (auto t : {OutputTable::Records, OutputTable::Interfaces, OutputTable::DeviceFacts, OutputTable::Events,
                 OutputTable::Clock}) {
    if (to_string(t) == text) return t;
  }
  return std::nullopt;
}

}  // namespace st::rules
