#include "model/port_facts.h"

#include <algorithm>

#include "model/auth_template.h"
#include "parse/line_cursor.h"

namespace st::model {
namespace {

std::optional<std::string> lower(const std::optional<std::string>& s) {
  if (!s) return s;
  std::string out = *s;
  for (char& c : out) c = parse::to_lower(c);
  return out;
}

// A session's status ranked: what the port's auth state shows when it has several.
int rank(const std::optional<std::string>& status) {
  if (!status) return 0;
  if (*status == "authorized") return 4;
  if (*status == "running") return 3;
  if (*status == "unauthorized") return 2;
  if (*status == "failed") return 1;
  return 0;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

}  // namespace

std::map<std::string, PortFacts> derive_port_facts(const DeviceObservations& device, const ComplianceSet& compliance) {
  std::map<std::string, PortFacts> facts;
  std::map<std::string, const parse::ObjectRecord*> config_of;
  for (const auto& [name, row] : device.status_rows) facts.try_emplace(name);
  for (const auto& c : device.configs) {
    if (const auto& name = c.value("interface")) {
      config_of[*name] = &c;
      facts.try_emplace(*name);
    }
  }
  std::map<std::string, std::vector<std::string>> macs_on;
  for (const auto& m : device.macs) {
    const auto& name = m.value("interface");
    const auto& mac = m.value("mac");
    if (name && mac) macs_on[*name].push_back(*mac);
  }
  std::map<std::string, const parse::ObjectRecord*> session_of;  // the best-ranked session per port
  for (const auto& s : device.sessions) {
    const auto& name = s.value("interface");
    if (!name) continue;
    auto& best = session_of[*name];
    if (!best || rank(s.value("status")) > rank(best->value("status"))) best = &s;
  }
  std::map<std::string, bool> neighbor_on;
  for (const auto& n : device.neighbors) {
    if (const auto& name = n.value("local_interface")) neighbor_on[*name] = true;
  }
  const ComplianceTemplate* held_to = compliance.default_for(device.platform);

  for (auto& [name, f] : facts) {
    const parse::ObjectRecord* config = config_of.count(name) ? config_of[name] : nullptr;
    f.config = config;
    std::optional<std::string> status_vlan, status;
    if (auto it = device.status_rows.find(name); it != device.status_rows.end()) {
      status_vlan = it->second.first;
      status = it->second.second;
    }
    // Mode and VLANs: the configuration says what is intended; the status table what runs.
    if (config) {
      f.mode = lower(config->value("mode"));
      f.access_vlan = config->value("access_vlan");
      f.voice_vlan = config->value("voice_vlan");
    }
    if (!f.mode && status_vlan) {
      if (*status_vlan == "trunk") f.mode = "trunk";
      else if (*status_vlan == "routed") f.mode = "routed";
      else if (parse::all_digits(*status_vlan)) f.mode = "access";
    }
    if (!f.access_vlan && f.mode == "access" && status_vlan && parse::all_digits(*status_vlan)) f.access_vlan = status_vlan;
    // Port type: a trunk with a CDP/LLDP neighbor leads to another switch.
    if (f.mode == "trunk") f.port_type = neighbor_on.count(name) ? "uplink" : "trunk";
    else if (f.mode == "routed") f.port_type = "routed";
    else if (f.mode == "access") f.port_type = "access";

    if (device.mac_table_captured) {
      auto macs = macs_on.count(name) ? macs_on[name] : std::vector<std::string>{};
      std::sort(macs.begin(), macs.end());
      macs.erase(std::unique(macs.begin(), macs.end()), macs.end());
      f.learned_macs = std::move(macs);
    }
    if (auto it = session_of.find(name); it != session_of.end()) {
      f.auth_state = it->second->value("status");
      f.auth_method = it->second->value("method");
    }

    // Compliance: access ports of a device with 802.1X / MAB enabled are held to the
    // platform's default template; other ports, devices that do not authenticate at all (a
    // data-centre leaf), ports with no configuration and shut ports with no auth are not judged.
    const std::string auth_commands = config ? config->value("auth_commands").value_or("") : "";
    if (config) f.auth_template = std::string(classify_auth_template(device.platform, auth_commands));
    const bool shut = config && config->value("shutdown").has_value();
    if (!config || f.mode != "access" || !held_to || !device.auth_enabled || (shut && f.auth_template == "open")) {
      f.compliance = "unknown";
      continue;
    }
    // FastIron keeps some auth commands in its `authentication` block: they count too.
    const std::string lines = config->value("stanza").value_or("") + "\n" + auth_commands;
    const auto verdict = check_compliance(*held_to, lines);
    f.compliance = verdict.status;
    f.compliance_template = held_to->name;
    if (!verdict.missing.empty()) f.missing_auth_commands = joined(verdict.missing);
  }
  return facts;
}

}  // namespace st::model
