#include "model/object_kind.h"

#include <array>

#include "parse/interface_name.h"
#include "parse/line_cursor.h"

namespace st::model {
namespace {

using T = ColumnType;

// Column lists. Changing one needs a store migration (src/store/migrations/) and is checked
// against the store's schema by tests/unit/test_object_kinds.cpp.
constexpr Column kVlan[] = {
    {"vlan_id", T::Integer, true}, {"name"}, {"status"}, {"ports", T::InterfaceList}};
constexpr Column kMac[] = {
    {"vlan", T::Integer, true}, {"mac", T::Mac, true}, {"interface", T::Interface, true}, {"type"}};
constexpr Column kAuthSession[] = {
    {"interface", T::Interface, true}, {"mac", T::Mac, true}, {"ip"}, {"user"}, {"method"}, {"domain"},
    {"status"}, {"vlan"}, {"session_id", T::Text, false, true}};
constexpr Column kStpPort[] = {
    {"instance", T::Text, true}, {"interface", T::Interface, true}, {"role"}, {"state"}, {"cost", T::Integer},
    {"port_priority"}, {"link_type"}, {"protocol"}, {"root_bridge", T::Mac}, {"root_priority"},
    {"root_cost", T::Integer}, {"root_port", T::Interface}, {"bridge_id", T::Mac}, {"bridge_priority"}};
constexpr Column kNeighbor[] = {
    {"protocol", T::Text, true}, {"local_interface", T::Interface, true}, {"neighbor", T::Text, true},
    {"neighbor_interface"}, {"platform"}, {"mgmt_address"}, {"capabilities"}, {"software"}, {"chassis_id"}};
constexpr Column kPoePort[] = {
    {"interface", T::Interface, true}, {"admin"}, {"oper"}, {"power", T::Text, false, true}, {"max_power"},
    {"device"}, {"class"}};
constexpr Column kTransceiver[] = {
    {"interface", T::Interface, true}, {"type"}, {"temperature", T::Text, false, true},
    {"voltage", T::Text, false, true}, {"bias_current", T::Text, false, true}, {"tx_power", T::Text, false, true},
    {"rx_power", T::Text, false, true}};
constexpr Column kInventoryItem[] = {{"name", T::Text, true}, {"description"}, {"pid"}, {"vid"}, {"serial"}};
constexpr Column kInterfaceCounters[] = {
    {"interface", T::Interface, true}, {"link_status"}, {"protocol_status"}, {"description"}, {"hardware"},
    {"mac", T::Mac}, {"mtu", T::Integer}, {"bandwidth"}, {"duplex"}, {"speed"},
    {"input_packets", T::Integer, false, true}, {"input_errors", T::Integer, false, true},
    {"crc", T::Integer, false, true}, {"output_packets", T::Integer, false, true},
    {"output_errors", T::Integer, false, true}, {"interface_resets", T::Integer, false, true},
    {"last_input", T::Text, false, true}, {"last_output", T::Text, false, true},
    {"last_change", T::Text, false, true}};
constexpr Column kPowerSupply[] = {
    {"name", T::Text, true}, {"pid"}, {"serial"}, {"status"}, {"system_power"}, {"poe_power"},
    {"watts", T::Text, false, true}};
constexpr Column kStackMember[] = {
    {"switch", T::Text, true}, {"role"}, {"mac", T::Mac}, {"priority"}, {"state"}, {"model"}, {"serial"},
    {"version"}};
constexpr Column kInterfaceConfig[] = {
    {"interface", T::Interface, true}, {"description"}, {"mode"}, {"access_vlan"}, {"voice_vlan"},
    {"native_vlan"}, {"allowed_vlans"}, {"shutdown"}, {"auth_commands"}, {"stanza"}};

constexpr std::array kKinds{
    ObjectKind{"vlan", "vlans", "vlans", "VLANs: id, name, status and member ports", kVlan},
    ObjectKind{"mac", "mac_entries", "macs", "MAC address table entries", kMac},
    ObjectKind{"auth_session", "auth_sessions", "auth-sessions",
               "802.1X / MAB sessions: interface, MAC, method, domain, status", kAuthSession},
    ObjectKind{"stp_port", "stp_ports", "stp",
               "spanning tree per instance and port: role, state, root bridge and root port", kStpPort},
    ObjectKind{"neighbor", "neighbors", "neighbors", "CDP and LLDP neighbors", kNeighbor},
    ObjectKind{"poe_port", "poe_ports", "poe", "PoE per port: admin and oper state, power, device", kPoePort},
    ObjectKind{"transceiver", "transceivers", "transceivers", "optics readings per port", kTransceiver},
    ObjectKind{"inventory_item", "inventory_items", "inventory", "hardware inventory: PID, VID, serial",
               kInventoryItem},
    ObjectKind{"interface_counters", "interface_counters", "counters",
               "interface counters and link state from `show interfaces`", kInterfaceCounters},
    ObjectKind{"power_supply", "power_supplies", "power-supplies", "power supplies and their status",
               kPowerSupply},
    ObjectKind{"stack_member", "stack_members", "stack", "stack members: role, state, model, serial",
               kStackMember},
    ObjectKind{"interface_config", "interface_configs", "interface-config",
               "each interface's running-config stanza and what it sets", kInterfaceConfig},
};

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

}  // namespace

std::optional<std::size_t> ObjectKind::column_index(std::string_view column) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column) return i;
  }
  return std::nullopt;
}

std::span<const ObjectKind> object_kinds() { return kKinds; }

const ObjectKind* object_kind_by_table(std::string_view table) {
  for (const auto& k : kKinds) {
    if (k.table == table) return &k;
  }
  return nullptr;
}

const ObjectKind* object_kind_by_listing(std::string_view listing) {
  for (const auto& k : kKinds) {
    if (k.listing == listing) return &k;
  }
  return nullptr;
}

const ObjectKind* object_kind_by_name(std::string_view name) {
  for (const auto& k : kKinds) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

std::optional<std::string> normalize_mac(std::string_view printed) {
  std::string hex;
  hex.reserve(12);
  for (char c : parse::trim(printed)) {
    if (is_hex(c)) {
      hex.push_back(parse::to_lower(c));
    } else if (c != ':' && c != '-' && c != '.') {
      return std::nullopt;
    }
  }
  if (hex.size() != 12) return std::nullopt;
  return hex.substr(0, 4) + "." + hex.substr(4, 4) + "." + hex.substr(8, 4);
}

std::optional<std::string> normalize_value(ColumnType type, std::string_view printed) {
  std::string_view s = parse::trim(printed);
  if (s.empty()) return std::nullopt;
  switch (type) {
    case ColumnType::Text:
    case ColumnType::Integer:
      return std::string(s);
    case ColumnType::Interface:
      return parse::canonical_interface_name(s);
    case ColumnType::Mac:
      if (auto mac = normalize_mac(s)) return mac;
      return std::string(s);
    case ColumnType::InterfaceList:
    case ColumnType::List: {
      std::string out;
      std::size_t i = 0;
      while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == ',' || s[i] == '\n' || s[i] == '\r')) ++i;
        std::size_t j = i;
        while (j < s.size() && !(s[j] == ' ' || s[j] == '\t' || s[j] == ',' || s[j] == '\n' || s[j] == '\r')) ++j;
        if (j > i) {
          if (!out.empty()) out.push_back(' ');
          out += type == ColumnType::InterfaceList ? parse::canonical_interface_name(s.substr(i, j - i))
                                                   : std::string(s.substr(i, j - i));
        }
        i = j;
      }
      if (out.empty()) return std::nullopt;
      return out;
    }
  }
  return std::string(s);
}

}  // namespace st::model
