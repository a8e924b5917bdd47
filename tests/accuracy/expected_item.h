// An incident (or change) a capture is known to hold, and the detection rules that should
// report it: generated bundles list theirs in manifest.json (src/generate/README.md), the
// shipped samples in resources/samples/README.md.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace st::accuracy {

struct ExpectedItem {
  int run = 1;  // 1-based, as in the manifest
  std::string device, kind, object;
  nlohmann::json details = nlohmann::json::object();
};

struct RuleExpectation {
  std::string rule;
  // A finding of this rule would be right, but its absence is no miss (the capture may not
  // show what the rule needs, or the rule rightly stays quiet for a logged config change).
  bool optional = false;
  // Other rules whose finding also satisfies the expectation (each counted a TP when it fires).
  std::vector<std::string> or_rules = {};
};

// Rules that report a device as a whole: their findings match an item by device alone.
inline bool device_level_rule(const std::string& rule) {
  return rule == "stp-topology-change" || rule == "stp-root-change" || rule == "power-supply-failure" ||
         rule == "device-reload" || rule == "environment-alarm" || rule == "mac-flapping" ||
         rule == "auth-server-dead";
}

// A string detail of an item ("" when absent or when the item has no details).
inline std::string detail(const ExpectedItem& item, const char* key) {
  return item.details.is_object() ? item.details.value(key, "") : "";
}

// Which rules should find an item of this kind, checked against what the generator writes
// (src/generate/incident_planner.cpp, change_planner.cpp and the profiles).
inline std::vector<RuleExpectation> rules_for(const ExpectedItem& item) {
  const auto& k = item.kind;
  if (k == "flap") return {{"port-flapping"}};
  if (k == "auth_fail") return {{"auth-failures"}};
  // Both the bpduguard/port-security message and the err-disabled status table are written.
  // A BPDU guard action is an STP event too: stp-topology-change may report it (allowed, not required).
  if (k == "err_disable") {
    std::vector<RuleExpectation> r{{"err-disable-events"}, {"err-disabled-ports"}};
    if (detail(item, "cause") == "bpduguard") r.push_back({"stp-topology-change", true});
    return r;
  }
  if (k == "stp_change") {
    std::vector<RuleExpectation> r{{"stp-topology-change"}};
    if (detail(item, "event") == "root_change") r.push_back({"stp-root-change"});
    return r;
  }
  // Cisco Imax also logs "PD removed" (a link event) but never a down/up cycle of five.
  if (k == "poe_fault") return {{"poe-fault"}};
  // Syslog only: no PSU table is captured, so power-supply-status may or may not see it.
  if (k == "power_fault") return {{"power-supply-failure"}, {"power-supply-status", true}};
  // Without port-control the port authenticates nobody: the model calls its template "open", so
  // open-access-ports reports it instead of auth-template-incomplete (either one finds it).
  if (k == "auth_config_missing") {
    if (detail(item, "missing").find("port-control") != std::string::npos)
      return {{"auth-template-incomplete", false, {"open-access-ports"}}};
    return {{"auth-template-incomplete"}};
  }
  if (k == "open_access_port") return {{"open-access-ports"}};
  // A TC storm on an uplink: topology changes (the stp-storm pattern clusters them).
  if (k == "stp_storm") return {{"stp-topology-change"}};
  // `show environment power` shows bay A without input and the FRU_PS_ACCESS line is logged.
  if (k == "psu_failed") return {{"power-supply-status"}, {"power-supply-failure"}};
  // The generator reboots an upgraded device inside the window (uptime restarts).
  if (k == "os_upgrade") return {{"device-reload"}};
  // A root moved off the core logs a root change (a topology change too).
  if (k == "stp_root_moved") return {{"stp-root-change"}, {"stp-topology-change", true}};
  // A port going connected -> disabled; the generator logs the config change, so the rule may stay quiet.
  if (k == "interface_changed" && detail(item, "field") == "status" &&
      detail(item, "to") == "disabled")
    return {{"unexpected-shutdown", true}};
  return {};
}

// Kinds no shipped rule reports, with the reason (printed by the bench).
inline const std::vector<std::pair<std::string, std::string>>& kinds_without_rule() {
  static const std::vector<std::pair<std::string, std::string>> kinds = {
      {"interface_changed", "description/status edits (only connected->disabled maps, optionally, to unexpected-shutdown)"},
      {"vlan_moved", "a port's access VLAN changed: a change, not an incident"},
      {"err_disable_recovered", "a recovery"},
      {"vlan_added", "no rule"},
      {"vlan_removed", "an unused VLAN: vlan-removed-in-use must stay quiet"},
      {"vlan_renamed", "no rule"},
      {"client_replaced", "no rule"},
      {"neighbor_replaced", "an AP swapped (same name, port): not a removal, and APs are not switches for neighbor-lost"},
      {"pd_unplugged", "no rule"},
      {"module_replaced", "no rule"},
      {"config_line_changed", "no rule"},
      {"stack_member_changed", "a priority change, not a removal: stack-member-lost must stay quiet"},
      {"not_captured", "no rule (a missing capture)"},
      {"device_added", "no rule"},
      {"power_failure_sequence", "a pattern: scored as a power-failure-sequence cluster (its supply and PoE items score the rules)"},
      {"stack_flap_storm", "a pattern: scored as a stack-flap-storm cluster (each port goes down once: no flap)"},
      {"upstream_outage", "a pattern: scored as an upstream-outage cluster naming the lead switch"},
  };
  return kinds;
}

// Kinds whose state outlives their run: the manifest lists them once (the run they changed in),
// but a failed supply "stays failed", so later captures of the device rightly report it again.
inline bool standing_kind(const std::string& kind) { return kind == "psu_failed"; }

inline std::vector<ExpectedItem> items_from_manifest(const nlohmann::json& manifest) {
  std::vector<ExpectedItem> items;
  for (const auto& i : manifest.at("items"))
    items.push_back({i.at("run").get<int>(), i.at("device").get<std::string>(), i.at("kind").get<std::string>(),
                     i.value("object", ""), i.value("details", nlohmann::json::object())});
  return items;
}

}  // namespace st::accuracy
