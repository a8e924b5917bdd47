// Accuracy of the built-in cisco_ios parsers on ntc-templates' test corpus: every field we
// map is compared with ntc's expected value; the per-command ratio has a floor (kFloor, 99%; the issue asked for at least 95%).
// show version runs through its shipped rule, as ingest does.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <sstream>

#include <fmt/format.h>

#include "corpus_scoring.h"
#include "parse/cisco/cisco_parsers.h"
#include "rules/registry_setup.h"

namespace {

using st::corpus::FieldMap;
using st::corpus::Score;
using st::corpus::json_field;
using st::corpus::opt;

// Raise this floor as the parsers improve; never lower it.
constexpr double kFloor = 0.99;  // measured 100% on every command when set (Foundation I)

std::vector<std::string> split_blanks(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  std::string word;
  while (in >> word) out.push_back(word);
  return out;
}

using Mapper = std::function<std::vector<FieldMap>(const st::parse::ParseResult&)>;

std::vector<FieldMap> map_show_version(const st::parse::ParseResult& r) {
  if (!r.facts) return {};
  FieldMap m;
  m["version"] = r.facts->os_version;
  m["hostname"] = r.facts->hostname;
  m["uptime"] = r.facts->uptime;
  m["hardware[0]"] = r.facts->model;
  m["serial[0]"] = r.facts->serial;
  if (!r.records.empty()) {
    const auto& row = r.records.front().row;
    for (const char* key :
         {"software_image", "release", "rommon", "running_image", "reload_reason",
          "config_register", "restarted", "hardware", "serial", "mac_address", "uptime_years",
          "uptime_weeks", "uptime_days", "uptime_hours", "uptime_minutes"}) {
      m[key] = json_field(row, key);
    }
  }
  return {m};
}

// ntc's lists are joined with "\n" by the loader; derive the first element for the facts.
std::vector<FieldMap> expected_show_version(std::vector<FieldMap> expected) {
  for (auto& rec : expected) {
    for (const char* list : {"hardware", "serial"}) {
      const auto& joined = rec[list];
      std::optional<std::string> first;
      if (joined) first = joined->substr(0, joined->find('\n'));
      rec[std::string(list) + "[0]"] = first;
    }
  }
  return expected;
}

std::vector<FieldMap> map_show_interfaces_status(const st::parse::ParseResult& r) {
  std::vector<FieldMap> out;
  for (const auto& i : r.interfaces) {
    FieldMap m;
    m["port"] = i.name_raw;
    m["name"] = i.description;
    m["status"] = i.status;
    m["vlan_id"] = i.vlan;
    m["duplex"] = i.duplex;
    m["speed"] = i.speed;
    m["type"] = i.type;
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<FieldMap> map_show_logging(const st::parse::ParseResult& r) {
  std::vector<FieldMap> out;
  for (const auto& e : r.events) {
    FieldMap m;
    if (e.sequence) m["number"] = std::to_string(*e.sequence);
    // month/day/time as printed, from the raw timestamp: "Jun 19 [2023] 03:02:31 [UTC]".
    const auto words = split_blanks(e.timestamp_raw);
    if (e.time.uptime_only) {
      m["time"] = e.timestamp_raw;
    } else if (words.size() >= 3) {
      m["month"] = words[0];
      m["day"] = words[1];
      m["time"] = words[e.time.year ? 3 : 2];
    }
    m["facility"] = opt(e.facility);
    if (e.severity) m["severity"] = std::to_string(*e.severity);
    m["mnemonic"] = opt(e.mnemonic);
    m["message"] = opt(e.message);
    out.push_back(std::move(m));
  }
  return out;
}

// ntc keeps the sequence number as printed ("022701"); we store the number.
std::vector<FieldMap> expected_show_logging(std::vector<FieldMap> expected) {
  for (auto& rec : expected) {
    if (auto& number = rec["number"]; number) number = std::to_string(std::stoll(*number));
  }
  return expected;
}

std::vector<FieldMap> map_show_clock(const st::parse::ParseResult& r) {
  if (!r.clock) return {};
  FieldMap m;
  std::string_view raw = r.clock->raw;
  if (!raw.empty() && (raw.front() == '*' || raw.front() == '.')) raw.remove_prefix(1);
  const auto words = split_blanks(raw);
  if (words.size() >= 6) {
    m["time"] = words[0];
    m["timezone"] = words[1];
    m["dayweek"] = words[words.size() - 4];
  }
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto& t = r.clock->time;
  if (t.month >= 1 && t.month <= 12) m["month"] = kMonths[t.month - 1];
  m["day"] = std::to_string(t.day);
  if (t.year) m["year"] = std::to_string(*t.year);
  return {m};
}

void run_command(const std::string& folder, const std::string& command,
                 const std::vector<std::string>& fields,
                 const std::function<st::Result<st::parse::ParseResult>(const st::parse::SectionInput&)>& parse,
                 const Mapper& map,
                 const std::function<std::vector<FieldMap>(std::vector<FieldMap>)>& adjust) {
  const auto cases = st::corpus::corpus_cases("cisco_ios", folder);
  INFO("corpus folder ntc/cisco_ios/" << folder << " under " << st::corpus::corpus_dir());
  REQUIRE_FALSE(cases.empty());

  Score overall;
  for (const auto& [raw_path, yml_path] : cases) {
    const std::string raw = st::corpus::read_file(raw_path);
    const auto expected = adjust(st::corpus::load_expected(yml_path));
    const st::parse::SectionInput input{raw, "cisco_ios", command};
    const auto parsed = parse(input);
    Score score;
    if (parsed) {
      score = st::corpus::compare_records(expected, map(*parsed), fields);
    } else {
      score = st::corpus::compare_records(expected, {}, fields);
      score.mismatches.push_back("parser error: " + parsed.error().describe());
    }
    const auto name = std::filesystem::path(raw_path).filename().string();
    fmt::print("  {:<50} {:>4}/{:<4} {:6.2f}%\n", name, score.matched, score.total,
               100.0 * score.ratio());
    for (const auto& m : score.mismatches) fmt::print("      {}\n", m);
    overall.add(score);
  }
  fmt::print("corpus: cisco_ios {}: {}/{} fields = {:.2f}% over {} cases (floor {:.0f}%)\n",
             command, overall.matched, overall.total, 100.0 * overall.ratio(), cases.size(),
             100.0 * kFloor);
  CHECK(overall.total > 0);
  REQUIRE(overall.ratio() >= kFloor);
}

std::vector<FieldMap> identity(std::vector<FieldMap> v) { return v; }

// show version is a shipped rule (it replaced the C++ parser): run it as an ingest does.
st::Result<st::parse::ParseResult> shipped_show_version(const st::parse::SectionInput& input) {
  static const auto registry = st::rules::build_registry(st::rules::RegistrySources{});
  if (!registry) return st::fail(registry.error());
  const auto* entry = registry->find("cisco_ios", "show version");
  if (entry == nullptr) return st::fail(st::ErrorKind::Parse, "no parser for cisco_ios show version");
  return entry->parse(input);
}

}  // namespace

TEST_CASE("cisco_ios show version", "[corpus]") {
  run_command("show_version", "show version",
              {"version", "hostname", "uptime", "hardware[0]", "serial[0]", "software_image",
               "release", "rommon", "running_image", "reload_reason", "config_register",
               "restarted", "hardware", "serial", "mac_address", "uptime_years", "uptime_weeks",
               "uptime_days", "uptime_hours", "uptime_minutes"},
              shipped_show_version, map_show_version, expected_show_version);
}

TEST_CASE("cisco_ios show interfaces status", "[corpus]") {
  run_command("show_interfaces_status", "show interfaces status",
              {"port", "name", "status", "vlan_id", "duplex", "speed", "type"},
              &st::parse::cisco::parse_show_interfaces_status, map_show_interfaces_status,
              identity);
}

TEST_CASE("cisco_ios show logging", "[corpus]") {
  run_command("show_logging", "show logging",
              {"number", "month", "day", "time", "facility", "severity", "mnemonic", "message"},
              &st::parse::cisco::parse_show_logging, map_show_logging, expected_show_logging);
}

TEST_CASE("cisco_ios show clock", "[corpus]") {
  run_command("show_clock", "show clock", {"time", "timezone", "dayweek", "month", "day", "year"},
              &st::parse::cisco::parse_show_clock, map_show_clock, identity);
}
