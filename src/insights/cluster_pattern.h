// An incident pattern (rules/patterns/*.json, schema rules/schemas/pattern.schema.json): the
// steps of syslog events that, seen together within a window on one device or across a
// site, make one incident cluster (a power failure sequence, an STP storm, a flap storm across
// a stack, an upstream outage seen by many switches at once).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "insights/detection_rule.h"
#include "insights/severity.h"

namespace st::insights {

struct PatternStep {
  std::string name;
  EventSelectorSpec select;
  std::vector<std::string> port_types;  // only events on such ports (interfaces' port_type)
  std::size_t min_count = 1;
  std::size_t min_interfaces = 0;  // distinct (device, interface)
  std::size_t min_devices = 0;
  std::size_t min_members = 0;     // distinct stack members among the interfaces
};

struct PatternSample {
  std::string name;
  std::map<std::string, std::string> devices;  // hostname -> capture
  std::vector<std::vector<std::string>> expected;  // each cluster's devices
};

enum class PatternScope { Device, Site };

struct ClusterPattern {
  std::string id;
  int version = 1;
  std::string title;
  Severity severity = Severity::Major;
  std::string signature;
  std::string description;
  bool enabled = true;
  PatternScope scope = PatternScope::Device;
  double window_seconds = 300;
  bool ordered = false;
  std::string summary;  // {devices}, {device_count}, {interface_count}, {count}, {minutes}
  std::vector<PatternStep> steps;
  std::vector<PatternSample> samples;
  std::string source;
};

Result<ClusterPattern> load_cluster_pattern_text(std::string_view text, const std::string& source);
// The shipped patterns (rules/patterns/, embedded).
Result<std::vector<ClusterPattern>> shipped_patterns();

// The stack member an interface belongs to: Gi2/0/5 and FastIron 2/1/5 -> "2"; "" for names
// with one number (Et5) or none.
std::string stack_member_of(std::string_view interface);

}  // namespace st::insights
