// What one rule found on one device of one run, before it is stored as an insight card.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "insights/detection_rule.h"

namespace st::insights {

// A raw line (or section, or object row) that backs a finding.
struct Evidence {
  std::int64_t file_id = 0;
  std::uint64_t offset = 0, length = 0;
  std::optional<std::int64_t> time_ms;  // syslog lines with a date
};

// A show command the diagnosis needs and the capture lacks, in the device's syntax.
struct MissingCommand {
  std::string command;  // canonical
  std::string syntax;   // what to type on this platform
};

// Cards keep at most this many evidence lines; evidence_count says how many matched.
inline constexpr std::size_t kMaxEvidence = 50;

struct Finding {
  const DetectionRule* rule = nullptr;
  std::int64_t device_id = 0;
  std::string device, site, platform;
  std::vector<std::string> objects;  // affected objects: interfaces, "PS2", VLAN ids, commands
  std::vector<std::string> details;  // related objects: the ports still using a removed VLAN
  std::vector<Evidence> evidence;
  std::size_t evidence_count = 0;
  std::optional<std::int64_t> first_ms, last_ms;
  double count = 0;                  // what the rule counted (events in the window, objects, ...)
  std::optional<double> value;       // a metric's value
  std::string summary;
  std::vector<MissingCommand> missing_commands;

  void add_evidence(const Evidence& e) {
    ++evidence_count;
    if (e.time_ms) {
      if (!first_ms || *e.time_ms < *first_ms) first_ms = e.time_ms;
      if (!last_ms || *e.time_ms > *last_ms) last_ms = e.time_ms;
    }
    if (evidence.size() < kMaxEvidence) evidence.push_back(e);
  }
};

}  // namespace st::insights
