// Accuracy of the device model's object tables (VLANs, MAC entries, sessions, STP, ...) on
// ntc-templates' corpus, through the same registry an ingest uses: each case names our
// table's columns and the ntc field each is compared with. Both sides are normalized by the
// column's type (interface names canonical, MACs dotted), so a case scores what we store.
// One ctest entry per case ("objects: cisco_ios show vlan"); floors only go up.
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <functional>
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
  std::vector<std::pair<std::string, std::string>> fields;  // our column -> ntc field
  double floor = 0.95;          // raise as the rules improve; never lower
  // ntc's records -> one per our record, where ntc cuts them otherwise (optional).
  std::function<std::vector<FieldMap>(const std::vector<FieldMap>&)> reshape = {};
  // Our records compared (optional): where ntc's template leaves out records we read.
  std::function<bool(const FieldMap&)> keep_ours = {};
};

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

// Add a case per (platform, command) the shipped rules cover.
const std::vector<ObjectCase>& cases() {
  static const std::vector<ObjectCase> all{
      {"cisco_ios show vlan", "cisco_ios", "show_vlan", "cisco_ios", "show vlan", "vlans",
       {{"vlan_id", "vlan_id"}, {"name", "vlan_name"}, {"status", "status"}, {"ports", "interfaces"}}, 0.99},
      // FastIron: ntc's ruckus_fastiron and brocade_fastiron folders, both our ruckus_fastiron.
      {"ruckus_fastiron show vlan", "ruckus_fastiron", "show_vlan", "ruckus_fastiron", "show vlan", "vlans",
       {{"vlan_id", "vlan_id"}, {"name", "vlan_name"}, {"ports", "interfaces"}}, 1.00, fastiron_vlans},
      {"ruckus_fastiron show mac address-table", "ruckus_fastiron", "show_mac-address", "ruckus_fastiron",
       "show mac address-table", "mac_entries",
       {{"vlan", "vlan_id"}, {"mac", "mac_address"}, {"interface", "port"}, {"type", "type"}}, 1.00,
       fastiron_ntc({}, {"type"})},
      {"ruckus_fastiron show mac address-table (brocade)", "brocade_fastiron", "show_mac-address", "ruckus_fastiron",
       "show mac address-table", "mac_entries",
       {{"vlan", "vlan_id"}, {"mac", "mac_address"}, {"interface", "destination_port"}, {"type", "type"}}, 1.00,
       fastiron_ntc({}, {"type"})},
      // ntc's template reads no "Lag lgN" block; ours does, and only ntc's records are compared.
      // The one miss: the mgmt port's MTU, printed on its "Internet address is ..., MTU 1500
      // bytes" line, which we read and ntc leaves empty.
      {"ruckus_fastiron show interfaces", "ruckus_fastiron", "show_interfaces", "ruckus_fastiron", "show interfaces",
       "interface_counters",
       {{"interface", "interface"}, {"link_status", "link_status"}, {"protocol_status", "protocol_status"},
        {"description", "description"}, {"hardware", "hardware_type"}, {"mac", "mac_address"}, {"mtu", "mtu"},
        {"last_change", "interface_up_time"}},
       0.95, fastiron_ntc({"interface"}, {"link_status", "protocol_status"}),
       [](const FieldMap& r) { return !text_of(r, "interface").starts_with("Lag "); }},
      // The one miss: ntc cuts the port name "Boyce&Bynum INET Fiber ..." at the "&".
      {"ruckus_fastiron show interfaces (brocade)", "brocade_fastiron", "show_interfaces", "ruckus_fastiron",
       "show interfaces", "interface_counters",
       {{"interface", "interface"}, {"link_status", "intstate"}, {"protocol_status", "protostate"},
        {"description", "portname"}, {"hardware", "hardwaretype"}, {"mac", "mac"}, {"mtu", "l2mtubytes"},
        {"speed", "actualspeed"}, {"duplex", "actualduplex"}, {"input_packets", "inputpacketstotal"},
        {"input_errors", "inputerrors"}, {"crc", "inputcrcerrors"}, {"output_packets", "outputpacketstotal"},
        {"output_errors", "outputerrors"}},
       0.99, fastiron_ntc({"interface"}, {"intstate", "protostate"})},
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

std::vector<FieldMap> expected_of(const ObjectCase& c, const st::model::ObjectKind& kind,
                                  const std::vector<FieldMap>& ntc) {
  std::vector<FieldMap> out;
  for (const auto& record : ntc) {
    FieldMap m;
    for (const auto& [ours, theirs] : c.fields) {
      auto it = record.find(theirs);
      const auto column = kind.columns[*kind.column_index(ours)];
      m[ours] = it == record.end() || !it->second ? std::nullopt
                                                  : st::model::normalize_value(column.type, *it->second);
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<FieldMap> actual_of(const ObjectCase& c, const st::parse::ParseResult& r) {
  std::vector<FieldMap> out;
  for (const auto& o : r.objects) {
    FieldMap m;
    for (const auto& [ours, theirs] : c.fields) m[ours] = o.value(ours);
    if (c.keep_ours && !c.keep_ours(m)) continue;
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
    overall.add(score);
  }
  fmt::print("corpus: {} {} ({} via {}): {}/{} fields = {:.2f}% over {} cases (floor {:.0f}%)\n", c.platform,
             c.command, c.table, parser->id, overall.matched, overall.total, 100.0 * overall.ratio(), files.size(),
             100.0 * c.floor);
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
