// What StateTrace works out about each port of one device from everything its capture
// holds: mode and VLANs (config, else the status table), port type, auth template and
// compliance (config), auth state and method (sessions), learned MACs (MAC table).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/compliance.h"
#include "parse/parse_result.h"

namespace st::model {

struct PortFacts {
  std::optional<std::string> mode, access_vlan, voice_vlan, port_type;
  std::optional<std::string> auth_template, auth_state, auth_method;
  std::optional<std::string> compliance, compliance_template, missing_auth_commands;  // missing: one per line
  std::optional<std::vector<std::string>> learned_macs;  // nullopt: no MAC table was captured
  const parse::ObjectRecord* config = nullptr;  // its interface_config, in DeviceObservations::configs
};

// One device's observations, as the store writer collected them over the run.
struct DeviceObservations {
  std::string platform;
  // From `show interfaces status` / brief: canonical name -> (vlan column, status column).
  std::map<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>> status_rows;
  std::vector<parse::ObjectRecord> configs, sessions, macs, neighbors;
  bool mac_table_captured = false;
  // The device switches 802.1X / MAB on globally (aaa new-model, dot1x system-auth-control,
  // FastIron's authentication block): only then are its access ports held to a template.
  bool auth_enabled = false;
};

// Every port named by a status row or a config stanza, by canonical name.
std::map<std::string, PortFacts> derive_port_facts(const DeviceObservations& device, const ComplianceSet& compliance);

}  // namespace st::model
