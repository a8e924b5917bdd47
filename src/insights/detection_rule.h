// A detection rule: JSON data (rules/detect/*.json, user rules in the store, rule packs)
// validated against rules/schemas/detection.schema.json, with exactly one condition over the
// normalized model: syslog events (counts per key within a time window), objects of the run,
// diffs against the device's previous run, metrics, sections, or commands missing from the
// capture. Numbers may name a parameter ("$min_count") that operators override per rule.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "insights/severity.h"

namespace st::insights {

// Which syslog events a condition reads: normalized kinds (rules/event_kinds.json) and/or
// message id globs ("*MACFLAP_NOTIF"), optionally narrowed by a regex on the message text.
struct EventSelectorSpec {
  std::vector<std::string> kinds;
  std::vector<std::string> message_ids;
  std::string text;  // PCRE2; "" = any
};

enum class GroupBy { Interface, Device, MessageId };

struct EventsCondition {
  EventSelectorSpec select;
  GroupBy group_by = GroupBy::Interface;
  double min_count = 1;                  // matching events per group ...
  std::optional<double> window_seconds;  // ... within any window this long (none: the whole capture)
  double min_interfaces = 0;             // GroupBy::Device: distinct interfaces among them
  // Events a group counts only when it has none of `select`'s: a port's line-protocol
  // changes stand in for its link changes where the device does not log those.
  std::optional<EventSelectorSpec> fallback;
};

enum class CompareOp { Eq, Ne, In, NotIn, Matches, Gt, Gte, Lt, Lte, Present, Absent };

struct FieldCondition {
  std::string field;
  CompareOp op = CompareOp::Eq;
  nlohmann::json value;  // a string, number or list (in, not_in); a regex for matches
};

struct ObjectsCondition {
  std::string kind;  // a diff kind (diff/diff_kind.h): interface, power_supply, transceiver, ...
  std::vector<FieldCondition> where;
  std::vector<FieldCondition> only_if_any;  // the device has an object meeting these (e.g. auth in use)
  struct Companion {
    std::string kind;  // the same-named object of this kind (interface_config Gi1/0/5 for interface Gi1/0/5) ...
    std::vector<FieldCondition> where;  // ... must meet these
  };
  std::optional<Companion> with;
  double min_count = 1;  // matching objects per device
};

enum class DiffChange { Added, Removed, Changed };

struct DiffCondition {
  std::string kind;
  DiffChange change = DiffChange::Changed;
  std::vector<std::string> fields;    // Changed: any of these changed (empty: any field)
  std::vector<FieldCondition> from;   // on the old values (Changed, Removed)
  std::vector<FieldCondition> to;     // on the new values (Changed, Added)
  std::optional<EventSelectorSpec> unless_events;  // no such event on the device in this run
  struct Reference {
    std::string kind;                 // objects of the new run ...
    std::vector<std::string> fields;  // ... whose field holds the changed object's key value
  };
  std::optional<Reference> referenced_by;
};

struct MetricCondition {
  std::string name;  // metrics/metric_names.h
  CompareOp op = CompareOp::Gte;
  double value = 0;
};

struct SectionsCondition {
  std::string status;  // unknown, failed
  std::string reason;   // PCRE2 on the section's reason; "" = any
  std::string command;  // PCRE2 on the command as typed; "" = any
};

struct MissingCommandsCondition {
  bool required_only = true;  // "required" commands, else every recommended one
};

using Condition = std::variant<EventsCondition, ObjectsCondition, DiffCondition, MetricCondition, SectionsCondition,
                               MissingCommandsCondition>;
std::string_view condition_name(const Condition& condition);  // "events", "objects", ...

struct RuleSampleFinding {
  std::string device;
  std::optional<std::vector<std::string>> objects;
  std::optional<std::size_t> evidence_count;
};

struct RuleSample {
  std::string name;
  std::vector<std::string> runs;  // one capture text per run
  std::vector<RuleSampleFinding> expected;
};

enum class RuleOrigin { Shipped, Pack, User };
std::string_view to_string(RuleOrigin origin);

struct DetectionRule {
  std::string id;
  int version = 1;
  std::string title;
  Severity severity = Severity::Warning;
  std::string signature;  // the runbook (runbooks/<signature>.md)
  std::string description;
  bool enabled = true;
  std::vector<std::string> vendors;  // empty: every vendor
  std::vector<std::string> needs;    // canonical show commands the diagnosis needs
  std::map<std::string, double> params;
  std::string summary;  // template: {count}, {objects}, {device}, {value}, {window_minutes}, {param}
  Condition when;
  std::vector<RuleSample> samples;

  RuleOrigin origin = RuleOrigin::Shipped;
  std::string source;   // the file, pack or store row it came from (errors name it)
  nlohmann::json body;  // the document as loaded, parameters not applied
};

// Validates and reads one rule; `params` override the rule's own (unknown names are an error).
// Errors: "source: rule 'id': /when/events/min_count: message".
Result<DetectionRule> load_detection_rule(const nlohmann::json& doc, const std::string& source,
                                          const std::map<std::string, double>& params = {});
Result<DetectionRule> load_detection_rule_text(std::string_view text, const std::string& source,
                                               const std::map<std::string, double>& params = {});

}  // namespace st::insights
