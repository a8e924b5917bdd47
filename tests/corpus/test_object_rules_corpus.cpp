// Accuracy of the device model's object tables (VLANs, MAC entries, sessions, STP, ...) on
// ntc-templates' corpus, through the same registry an ingest uses: each case names our
// table's columns and the ntc field each is compared with. Both sides are normalized by the
// column's type (interface names canonical, MACs dotted), so a case scores what we store.
// One ctest entry per case ("objects: cisco_ios show vlan"); floors only go up.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "corpus_scoring.h"
#include "model/object_kind.h"
#include "rules/registry_setup.h"

namespace {

using st::corpus::FieldMap;
using st::corpus::Score;

struct ObjectCase {
  std::string name;             // the ctest selector after "objects: "
  std::string corpus_platform;  // ntc/<corpus_platform>/<folder>
  std::string folder;
  std::string platform;         // ours, for the registry lookup
  std::string command;          // canonical
  std::string table;
  std::vector<std::pair<std::string, std::string>> fields;  // our column -> ntc field ("a|b": first with a value)
  double floor = 0.95;          // raise as the rules improve; never lower
  // Where ntc keeps a printed value that our rule normalizes through its value_map: ntc's
  // value rewritten per our column before comparing, with value_map's semantics (exact, then
  // ignoring case; "*": "lower" / "upper" / a literal for the rest; unmapped values kept).
  std::map<std::string, std::map<std::string, std::string>> ntc_values = {};
  // ntc records left out of the comparison: rows of things our table does not hold (an ntc
  // field, and an ECMAScript regex its whole value matches; an absent field counts as "").
  std::vector<std::pair<std::string, std::string>> skip_expected = {};
  // ntc's records -> one per our record, where ntc cuts them otherwise (optional).
  std::function<std::vector<FieldMap>(const std::vector<FieldMap>&)> reshape = {};
  // Our records compared (optional): where ntc's template leaves out records we read.
  std::function<bool(const FieldMap&)> keep_ours = {};
  // Our records reduced to the first of each value of this column (optional): where ntc
  // keeps one record per instance of what we repeat on every row (FastIron show span).
  std::string one_per = {};
};

using ValueMaps = std::map<std::string, std::map<std::string, std::string>>;

const std::vector<std::pair<std::string, std::string>> kAuthSessionFields{
    {"interface", "interface"}, {"mac", "mac_address"}, {"method", "method"},
    {"domain", "domain"},       {"status", "status"},   {"session_id", "session"}};
const ValueMaps kAuthSessionValues{
    {"method", {{"*", "lower"}}},
    {"domain", {{"*", "lower"}}},
    {"status", {{"Auth", "authorized"}, {"Authz Success", "authorized"}, {"Unauth", "unauthorized"},
                {"Authz Failed", "failed"}, {"Authc Failed", "failed"}, {"Running", "running"}, {"*", "lower"}}}};

std::string text_of(const FieldMap& record, const std::string& field) {
  auto it = record.find(field);
  return it == record.end() || !it->second ? std::string() : *it->second;
}

// ntc keeps FastIron's printed Ethernet names ("GigabitEthernet1/1/5", "10GigabitEthernet
// 2/2/2"); our FastIron rules store the port number, FastIron's own name for the port
// ("1/1/5", as in show vlan, show mac-address, show span) and lowercase enumerations.
std::function<std::vector<FieldMap>(const std::vector<FieldMap>&)> fastiron_ntc(std::vector<std::string> port_fields,
                                                                                std::vector<std::string> lower_fields) {
  return [port_fields, lower_fields](const std::vector<FieldMap>& ntc) {
    std::vector<FieldMap> out = ntc;
    for (auto& r : out) {
      for (const auto& f : port_fields) {
        auto it = r.find(f);
        if (it == r.end() || !it->second) continue;
        std::string& name = *it->second;
        std::size_t i = 0;
        while (i < name.size() && std::isdigit(static_cast<unsigned char>(name[i]))) ++i;
        while (i < name.size() && std::isalpha(static_cast<unsigned char>(name[i]))) ++i;
        std::size_t j = i;
        while (j < name.size() && name[j] == ' ') ++j;
        if (i >= 8 && name.compare(i - 8, 8, "Ethernet") == 0 && j < name.size() &&
            std::isdigit(static_cast<unsigned char>(name[j])))
          name = name.substr(j);
      }
      for (const auto& f : lower_fields) {
        auto it = r.find(f);
        if (it == r.end() || !it->second) continue;
        for (char& c : *it->second) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    return out;
  };
}

// ntc's FastIron `show vlan` gives one record per port and VLAN (stack_id, slot, port or
// lag, status Tagged/Untagged); ours one per VLAN with its untagged ports. Consecutive
// records of a VLAN become one: vlan_id, vlan_name ("[None]", FastIron's "no name", is
// empty as our rule stores it) and interfaces = the untagged ports, "1/1/4" or "lag7".
std::vector<FieldMap> fastiron_vlans(const std::vector<FieldMap>& ntc) {
  std::vector<FieldMap> out;
  for (const auto& r : ntc) {
    const std::string id = text_of(r, "vlan_id");
    if (out.empty() || text_of(out.back(), "vlan_id") != id) {
      const std::string name = text_of(r, "vlan_name");
      out.push_back({{"vlan_id", id},
                     {"vlan_name", name.empty() || name == "[None]" ? std::nullopt : std::optional(name)},
                     {"interfaces", std::nullopt}});
    }
    if (text_of(r, "status") != "Untagged") continue;
    // ntc's template reads every "(U1/M1) 4 5" port twice, the second time with lag "U1/M1":
    // only lag "LAG" names a LAG.
    const std::string lag = text_of(r, "lag");
    if (!lag.empty() && lag != "LAG") continue;
    const std::string port = lag.empty() ? text_of(r, "stack_id") + "/" + text_of(r, "slot") + "/" + text_of(r, "port")
                                         : "lag" + text_of(r, "port");
    auto& ports = out.back()["interfaces"];
    ports = ports ? *ports + " " + port : port;
  }
  return out;
}

// FastIron's hex bridge priorities, as the rule's value_map prints them ("8000" -> "32768").
std::map<std::string, std::string> fastiron_priorities() {
  std::map<std::string, std::string> out;
  for (int step = 0; step < 16; ++step) out[fmt::format("{:x}000", step)] = std::to_string(step * 4096);
  return out;
}

// ntc's FastIron show span: one record per VLAN instance, the root bridge id as printed
// (priority and MAC in one: "1000000cdbf3d001"); split like our root_priority / root_bridge.
std::vector<FieldMap> fastiron_span_ntc(const std::vector<FieldMap>& ntc) {
  std::vector<FieldMap> out = ntc;
  for (auto& r : out) {
    auto it = r.find("rootbridgeid");
    if (it == r.end() || !it->second || it->second->size() != 16) continue;
    r["root_prio"] = it->second->substr(0, 4);
    r["root_mac"] = it->second->substr(4);
  }
  return out;
}

// Add a case per (platform, command) the shipped rules cover.
const std::vector<ObjectCase>& cases() {
  static const std::vector<ObjectCase> all{
      {"cisco_ios show vlan", "cisco_ios", "show_vlan", "cisco_ios", "show vlan", "vlans",
       {{"vlan_id", "vlan_id"}, {"name", "vlan_name"}, {"status", "status"}, {"ports", "interfaces"}}, 1.00},
      // ntc keeps the printed type ("DYNAMIC", "Dynamic"); the rule lowercases it. CPU entries
      // print vlan "All" on both sides; the 6500 multicast section is skipped on both sides. One
      // 6500 entry prints no port (show_mac-address-table9, the last row): ntc keeps it; a record
      // without its key column cannot be stored, so it is not expected (see expected_of).
      {"cisco_ios show mac address-table", "cisco_ios", "show_mac-address-table", "cisco_ios",
       "show mac address-table", "mac_entries",
       {{"vlan", "vlan_id"}, {"mac", "destination_address"}, {"interface", "destination_port"}, {"type", "type"}},
       1.00, {{"type", {{"*", "lower"}}}}},
      // ntc keeps Cisco's words for method / domain / status; the rule maps them as below.
      {"cisco_ios show authentication sessions", "cisco_ios", "show_authentication_sessions", "cisco_ios",
       "show authentication sessions", "auth_sessions", kAuthSessionFields, 1.00, kAuthSessionValues},
      {"cisco_ios show access-session", "cisco_ios", "show_access-session", "cisco_ios", "show access-session",
       "auth_sessions", kAuthSessionFields, 1.00, kAuthSessionValues},
      // The details blocks: ntc lists every method and its state (no single method) and names no
      // session id, so those two columns are not compared; vlan is the server policy's VLAN group.
      {"cisco_ios show authentication sessions method mab details", "cisco_ios",
       "show_authentication_sessions_method_details", "cisco_ios", "show authentication sessions method mab details",
       "auth_sessions",
       {{"interface", "interface"}, {"mac", "mac_address"}, {"ip", "ipv4_address"}, {"user", "username"},
        {"domain", "domain"}, {"status", "status"}, {"vlan", "server_policy_vlan_group"}},
       1.00, {{"domain", {{"*", "lower"}}}, {"status", {{"Authorized", "authorized"}, {"*", "lower"}}}}},
      // ntc keeps Cisco's abbreviations ("Desg", "FWD", "Shr") and prints the VLAN number as we do.
      {"cisco_ios show spanning-tree", "cisco_ios", "show_spanning-tree", "cisco_ios", "show spanning-tree",
       "stp_ports",
       {{"instance", "vlan_id"}, {"interface", "interface"}, {"role", "role"}, {"state", "status"},
        {"cost", "cost"}, {"port_priority", "port_priority"}, {"link_type", "type"}},
       1.00,
       {{"role", {{"Desg", "designated"}, {"Root", "root"}, {"Altn", "alternate"}, {"Back", "backup"},
                  {"Mstr", "master"}, {"Disb", "disabled"}, {"*", "lower"}}},
        {"state", {{"FWD", "forwarding"}, {"BLK", "blocking"}, {"LRN", "learning"}, {"LIS", "listening"},
                   {"DIS", "discarding"}, {"BKN", "broken"}, {"BKN*", "broken"}, {"*", "lower"}}},
        {"link_type", {{"*", "lower"}}}}},
      {"cisco_ios show power inline", "cisco_ios", "show_power_inline", "cisco_ios", "show power inline",
       "poe_ports",
       {{"interface", "interface"}, {"admin", "admin_status"}, {"oper", "operational_status"}, {"power", "power"},
        {"max_power", "max"}, {"device", "device"}, {"class", "class"}},
       1.00, {{"admin", {{"*", "lower"}}}, {"oper", {{"*", "lower"}}}}},
      {"arista_eos show vlan", "arista_eos", "show_vlan", "arista_eos", "show vlan", "vlans",
       {{"vlan_id", "vlan_id"}, {"name", "vlan_name"}, {"status", "status"}, {"ports", "interfaces"}}, 1.0},
      // type is not compared: ntc keeps the printed "DYNAMIC"/"STATIC", we store it lowercased.
      // A multicast row lists several ports; our entry's interface is the first of them.
      {"arista_eos show mac address-table", "arista_eos", "show_mac_address-table", "arista_eos",
       "show mac address-table", "mac_entries",
       {{"vlan", "vlan_id"}, {"mac", "mac_address"}, {"interface", "destination_port"}}, 0.95},
      // platform is the LLDP system description. ntc keeps the last management address of a
      // neighbor that sends two (IPv4 and IPv6); we keep the first.
      {"arista_eos show lldp neighbors detail", "arista_eos", "show_lldp_neighbors_detail", "arista_eos",
       "show lldp neighbors detail", "neighbors",
       {{"local_interface", "local_interface"}, {"neighbor", "neighbor_name"},
        {"neighbor_interface", "neighbor_interface"}, {"platform", "neighbor_description"},
        {"mgmt_address", "mgmt_address"}, {"chassis_id", "chassis_id"}}, 0.98},
      // protocol_status is not compared: ntc keeps "up (connected)", we store "up". ntc has no
      // packet or error counters.
      {"arista_eos show interfaces", "arista_eos", "show_interfaces", "arista_eos", "show interfaces",
       "interface_counters",
       {{"interface", "interface"}, {"link_status", "link_status"}, {"description", "description"},
        {"hardware", "hardware_type"}, {"mac", "mac_address"}, {"mtu", "mtu"}, {"bandwidth", "bandwidth"},
        {"last_change", "last_link_flapped"}}, 1.0},
      {"arista_eos show interfaces transceiver", "arista_eos", "show_interfaces_transceiver", "arista_eos",
       "show interfaces transceiver", "transceivers",
       {{"interface", "port"}, {"temperature", "temp"}, {"voltage", "voltage"}, {"bias_current", "bias_current"},
        {"tx_power", "tx_power"}, {"rx_power", "rx_power"}}, 1.0},
      // Our names ("Chassis", a power supply's serial, a transceiver's port) are not ntc's slot
      // column, so name is not compared. ntc also lists fan modules (FAN-...) and the port
      // counts (no model): we keep neither, so those rows are skipped.
      // Status lowercased by the rule; ntc keeps "Ok". watts is the supply's capacity.
      // ntc keeps one record per VLAN instance with its global parameters, which our rule
      // fills down onto every port row: the first port row of each instance is compared.
      // Priorities print in decimal (the rule's value_map), and "Root" as root port (this
      // bridge is root) is no port.
      {"ruckus_fastiron show span (brocade)", "brocade_fastiron", "show_span", "ruckus_fastiron",
       "show spanning-tree", "stp_ports",
       {{"instance", "vlan_id"}, {"root_bridge", "root_mac"}, {"root_priority", "root_prio"},
        {"root_cost", "rootpathcost"}, {"root_port", "rootport"}, {"bridge_id", "bridgeaddress"},
        {"bridge_priority", "priorityhex"}},
       1.0,
       {{"root_priority", fastiron_priorities()}, {"bridge_priority", fastiron_priorities()}, {"root_port", {{"Root", ""}}}},
       {}, fastiron_span_ntc, {}, "instance"},
      {"arista_eos show environment power", "arista_eos", "show_environment_power", "arista_eos",
       "show environment power", "power_supplies",
       {{"name", "power_supply_location"}, {"pid", "power_supply_pid"}, {"status", "power_supply_status"},
        {"watts", "power_supply_watts"}},
       1.0,
       {{"status", {{"*", "lower"}}}}},
      {"arista_eos show inventory", "arista_eos", "show_inventory", "arista_eos", "show inventory",
       "inventory_items",
       {{"description", "descr"}, {"pid", "pid"}, {"vid", "vid"}, {"serial", "sn"}}, 1.0, {},
       {{"pid", "|FAN-.*"}}},
      // ntc keeps the protocol state's reason ("down (notconnect)") and the printed duplex
      // ("Full-duplex", "Auto Duplex"); we store "down" and "full". ntc misses the packet count
      // of a "packets input, N bytes" line without "no buffer" and the output errors of a line
      // without "collisions" (7 fields); we read them. ntc has no interface resets.
      {"cisco_ios show interfaces", "cisco_ios", "show_interfaces", "cisco_ios", "show interfaces",
       "interface_counters",
       {{"interface", "interface"}, {"link_status", "link_status"}, {"protocol_status", "protocol_status"},
        {"description", "description"}, {"hardware", "hardware_type"}, {"mac", "mac_address"}, {"mtu", "mtu"},
        {"bandwidth", "bandwidth"}, {"duplex", "duplex"}, {"speed", "speed"}, {"input_packets", "input_packets"},
        {"input_errors", "input_errors"}, {"crc", "crc"}, {"output_packets", "output_packets"},
        {"output_errors", "output_errors"}, {"last_input", "last_input"}, {"last_output", "last_output"}},
       0.99,
       {{"link_status", {{"*", "lower"}}},
        {"protocol_status",
         {{"up (connected)", "up"}, {"down (notconnect)", "down"}, {"down (disabled)", "down"}, {"*", "lower"}}},
        {"duplex",
         {{"Full-duplex", "full"}, {"Full Duplex", "full"}, {"Half-duplex", "half"}, {"Half Duplex", "half"},
          {"Auto-duplex", "auto"}, {"Auto Duplex", "auto"}, {"*", "lower"}}}}},
      {"cisco_ios show cdp neighbors detail", "cisco_ios", "show_cdp_neighbors_detail", "cisco_ios",
       "show cdp neighbors detail", "neighbors",
       {{"local_interface", "local_interface"}, {"neighbor", "neighbor_name"},
        {"neighbor_interface", "neighbor_interface"}, {"platform", "platform"}, {"mgmt_address", "mgmt_address"},
        {"capabilities", "capabilities"}, {"software", "neighbor_description"}},
       1.0},
      // Our neighbor_interface is the port id (ntc's neighbor_port_id; its neighbor_interface is
      // the port description). A neighbor without a system name is named by its chassis id, as
      // the rule does. ntc's records from IOS versions that print no "Local Intf" have no key
      // and are not expected (the rule skips them too).
      {"cisco_ios show lldp neighbors detail", "cisco_ios", "show_lldp_neighbors_detail", "cisco_ios",
       "show lldp neighbors detail", "neighbors",
       {{"local_interface", "local_interface"}, {"neighbor", "neighbor_name|chassis_id"},
        {"neighbor_interface", "neighbor_port_id"}, {"platform", "neighbor_description"},
        {"mgmt_address", "mgmt_address"}, {"capabilities", "capabilities"}, {"chassis_id", "chassis_id"}},
       1.0},
      {"cisco_ios show inventory", "cisco_ios", "show_inventory", "cisco_ios", "show inventory", "inventory_items",
       {{"name", "name"}, {"description", "descr"}, {"pid", "pid"}, {"vid", "vid"}, {"serial", "sn"}},
       1.0},
      {"cisco_ios show interfaces transceiver", "cisco_ios", "show_interface_transceiver", "cisco_ios",
       "show interfaces transceiver", "transceivers",
       {{"interface", "interface"}, {"temperature", "temperature"}, {"voltage", "voltage"},
        {"bias_current", "current"}, {"tx_power", "tx_pwr"}, {"rx_power", "rx_pwr"}},
       1.0},
      // Status and power states are lowercased by the rule; ntc keeps "OK", "Good".
      {"cisco_ios show environment power", "cisco_ios", "show_environment_power_all", "cisco_ios",
       "show environment power", "power_supplies",
       {{"name", "ps_module"}, {"pid", "pid"}, {"serial", "serial"}, {"status", "status"},
        {"system_power", "sys_pwr"}, {"poe_power", "poe_pwr"}, {"watts", "watts"}},
       1.0,
       {{"status", {{"*", "lower"}}}, {"system_power", {{"*", "lower"}}}, {"poe_power", {{"*", "lower"}}}}},
      // Role and state lowercased, the old "Master" is "active"; ntc's version is the H/W
      // version, not our (software) version, and is not compared.
      {"cisco_ios show switch detail", "cisco_ios", "show_switch_detail", "cisco_ios", "show switch detail",
       "stack_members",
       {{"switch", "switch"}, {"role", "role"}, {"mac", "mac_address"}, {"priority", "priority"},
        {"state", "state"}},
       1.0,
       {{"role", {{"Master", "active"}, {"*", "lower"}}}, {"state", {{"*", "lower"}}}}},
      // FastIron: ntc's ruckus_fastiron and brocade_fastiron folders, both our ruckus_fastiron.
      {"ruckus_fastiron show vlan", "ruckus_fastiron", "show_vlan", "ruckus_fastiron", "show vlan", "vlans",
       {{"vlan_id", "vlan_id"}, {"name", "vlan_name"}, {"ports", "interfaces"}}, 1.00, {}, {}, fastiron_vlans},
      {"ruckus_fastiron show mac address-table", "ruckus_fastiron", "show_mac-address", "ruckus_fastiron",
       "show mac address-table", "mac_entries",
       {{"vlan", "vlan_id"}, {"mac", "mac_address"}, {"interface", "port"}, {"type", "type"}}, 1.00, {}, {},
       fastiron_ntc({}, {"type"})},
      {"ruckus_fastiron show mac address-table (brocade)", "brocade_fastiron", "show_mac-address", "ruckus_fastiron",
       "show mac address-table", "mac_entries",
       {{"vlan", "vlan_id"}, {"mac", "mac_address"}, {"interface", "destination_port"}, {"type", "type"}}, 1.00, {}, {},
       fastiron_ntc({}, {"type"})},
      // ntc's template reads no "Lag lgN" block; ours does, and only ntc's records are compared.
      // The one miss: the mgmt port's MTU, printed on its "Internet address is ..., MTU 1500
      // bytes" line, which we read and ntc leaves empty.
      {"ruckus_fastiron show interfaces", "ruckus_fastiron", "show_interfaces", "ruckus_fastiron", "show interfaces",
       "interface_counters",
       {{"interface", "interface"}, {"link_status", "link_status"}, {"protocol_status", "protocol_status"},
        {"description", "description"}, {"hardware", "hardware_type"}, {"mac", "mac_address"}, {"mtu", "mtu"},
        {"last_change", "interface_up_time"}},
       0.95, {}, {}, fastiron_ntc({"interface"}, {"link_status", "protocol_status"}),
       [](const FieldMap& r) { return !text_of(r, "interface").starts_with("Lag "); }},
      // The one miss: ntc cuts the port name "Boyce&Bynum INET Fiber ..." at the "&".
      {"ruckus_fastiron show interfaces (brocade)", "brocade_fastiron", "show_interfaces", "ruckus_fastiron",
       "show interfaces", "interface_counters",
       {{"interface", "interface"}, {"link_status", "intstate"}, {"protocol_status", "protostate"},
        {"description", "portname"}, {"hardware", "hardwaretype"}, {"mac", "mac"}, {"mtu", "l2mtubytes"},
        {"speed", "actualspeed"}, {"duplex", "actualduplex"}, {"input_packets", "inputpacketstotal"},
        {"input_errors", "inputerrors"}, {"crc", "inputcrcerrors"}, {"output_packets", "outputpacketstotal"},
        {"output_errors", "outputerrors"}},
       0.99, {}, {}, fastiron_ntc({"interface"}, {"intstate", "protostate"})},
      // Where the port ID is an interface name ("locally assigned") we store it as the
      // neighbor's interface; ntc takes only the port description.
      {"ruckus_fastiron show lldp neighbors detail", "brocade_fastiron", "show_lldp_neighbors_detail",
       "ruckus_fastiron", "show lldp neighbors detail", "neighbors",
       {{"local_interface", "local_interface"}, {"neighbor", "neighbor_name"},
        {"neighbor_interface", "neighbor_interface"}, {"mgmt_address", "mgmt_address"},
        {"capabilities", "capabilities"}},
       0.98},
  };
  return all;
}

const st::parse::ParserRegistry& registry() {
  static const auto built = [] {
    auto r = st::rules::build_registry(st::rules::RegistrySources{});
    if (!r) FAIL("the shipped rules do not load: " << r.error().describe());
    return std::move(*r);
  }();
  return built;
}

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string upper(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

std::string ntc_value(const ObjectCase& c, const std::string& column, const std::string& printed) {
  const auto map = c.ntc_values.find(column);
  if (map == c.ntc_values.end()) return printed;
  if (auto it = map->second.find(printed); it != map->second.end()) return it->second;
  for (const auto& [from, to] : map->second) {
    if (from != "*" && lower(from) == lower(printed)) return to;
  }
  const auto rest = map->second.find("*");
  if (rest == map->second.end()) return printed;
  if (rest->second == "lower") return lower(printed);
  if (rest->second == "upper") return upper(printed);
  return rest->second;
}

bool skipped(const ObjectCase& c, const FieldMap& record) {
  for (const auto& [field, pattern] : c.skip_expected) {
    const auto it = record.find(field);
    const std::string value = it == record.end() || !it->second ? std::string() : *it->second;
    if (std::regex_match(value, std::regex(pattern))) return true;
  }
  return false;
}

// A record with an empty key column is skipped by the rule output (and so by an ingest), so
// ntc's records without one are not expected either.
std::vector<FieldMap> expected_of(const ObjectCase& c, const st::model::ObjectKind& kind,
                                  const std::vector<FieldMap>& ntc) {
  std::vector<FieldMap> out;
  for (const auto& record : ntc) {
    if (skipped(c, record)) continue;
    FieldMap m;
    bool keyless = false;
    for (const auto& [ours, theirs] : c.fields) {
      std::optional<std::string> printed;
      for (std::size_t start = 0; !printed && start <= theirs.size();) {
        const auto bar = std::min(theirs.find('|', start), theirs.size());
        auto it = record.find(theirs.substr(start, bar - start));
        if (it != record.end() && it->second) printed = *it->second;
        start = bar + 1;
      }
      const auto column = kind.columns[*kind.column_index(ours)];
      m[ours] = !printed ? std::nullopt : st::model::normalize_value(column.type, ntc_value(c, ours, *printed));
      if (column.key && !m[ours]) keyless = true;
    }
    if (!keyless) out.push_back(std::move(m));
  }
  return out;
}

std::vector<FieldMap> actual_of(const ObjectCase& c, const st::parse::ParseResult& r) {
  std::vector<FieldMap> out;
  std::set<std::string> seen;  // one_per values
  for (const auto& o : r.objects) {
    FieldMap m;
    for (const auto& [ours, theirs] : c.fields) m[ours] = o.value(ours);
    if (c.keep_ours && !c.keep_ours(m)) continue;
    if (!c.one_per.empty() && !seen.insert(m[c.one_per].value_or("")).second) continue;
    out.push_back(std::move(m));
  }
  return out;
}

void run_case(const ObjectCase& c) {
  const auto* kind = st::model::object_kind_by_table(c.table);
  REQUIRE(kind != nullptr);
  for (const auto& [ours, theirs] : c.fields) REQUIRE(kind->column_index(ours));
  const auto* parser = registry().find(c.platform, c.command);
  INFO("parser for " << c.platform << " / " << c.command);
  REQUIRE(parser != nullptr);
  const auto files = st::corpus::corpus_cases(c.corpus_platform, c.folder);
  INFO("corpus folder ntc/" << c.corpus_platform << "/" << c.folder << " under " << st::corpus::corpus_dir());
  REQUIRE_FALSE(files.empty());
  std::vector<std::string> columns;
  for (const auto& f : c.fields) columns.push_back(f.first);

  Score overall;
  std::size_t passed = 0;
  for (const auto& [raw_path, yml_path] : files) {
    const std::string raw = st::corpus::read_file(raw_path);
    auto ntc = st::corpus::load_expected(yml_path);
    if (c.reshape) ntc = c.reshape(ntc);
    const auto expected = expected_of(c, *kind, ntc);
    const auto parsed = parser->parse(st::parse::SectionInput{raw, c.platform, c.command});
    Score score;
    if (parsed) {
      score = st::corpus::compare_records(expected, actual_of(c, *parsed), columns);
    } else {
      score = st::corpus::compare_records(expected, {}, columns);
      score.mismatches.push_back("parser error: " + parsed.error().describe());
    }
    fmt::print("  {:<50} {:>4}/{:<4} {:6.2f}%\n", std::filesystem::path(raw_path).filename().string(),
               score.matched, score.total, 100.0 * score.ratio());
    for (const auto& m : score.mismatches) fmt::print("      {}\n", m);
    if (score.matched == score.total) ++passed;
    overall.add(score);
  }
  fmt::print("corpus: {} {} ({} via {}): {}/{} cases match on every field, {}/{} fields = {:.2f}% (floor {:.0f}%)\n",
             c.platform, c.command, c.table, parser->id, passed, files.size(), overall.matched, overall.total,
             100.0 * overall.ratio(), 100.0 * c.floor);
  CHECK(overall.total > 0);
  REQUIRE(overall.ratio() >= c.floor);
}

}  // namespace

TEST_CASE("objects", "[objects]") {
  // corpus_main passes the case name through STATETRACE_OBJECT_CASE (see CMakeLists.txt).
  const char* only = std::getenv("STATETRACE_OBJECT_CASE");
  bool ran = false;
  for (const auto& c : cases()) {
    if (only && c.name != only) continue;
    DYNAMIC_SECTION(c.name) { run_case(c); }
    ran = true;
  }
  REQUIRE(ran);
}
