// Accuracy of the built-in arista_eos and ruckus_fastiron parsers on ntc-templates' test corpus
// (ntc/arista_eos, ntc/ruckus_fastiron, ntc/brocade_fastiron): every field we map is compared
// with ntc's expected value; each command's ratio has a floor (kFloor; the issue asked >= 95%).
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>

#include <fmt/format.h>

#include "corpus_scoring.h"
#include "parse/arista/arista_parsers.h"
#include "parse/brocade/brocade_parsers.h"

namespace {

using st::corpus::FieldMap;
using st::corpus::Score;
using st::corpus::json_field;
using st::corpus::opt;
using st::parse::ParseResult;

// Raise as the parsers improve; never lower.
constexpr double kFloor = 0.99;  // every command measured 100% when set (Foundation II)

using Mapper = std::function<std::vector<FieldMap>(const ParseResult&)>;
using Parse = st::Result<ParseResult> (*)(const st::parse::SectionInput&);

void run_command(const std::string& corpus_platform, const std::string& folder,
                 const std::string& command, const std::vector<std::string>& fields, Parse parse,
                 const Mapper& map) {
  const auto cases = st::corpus::corpus_cases(corpus_platform, folder);
  INFO("corpus folder ntc/" << corpus_platform << "/" << folder);
  REQUIRE_FALSE(cases.empty());
  Score overall;
  for (const auto& [raw_path, yml_path] : cases) {
    const std::string raw = st::corpus::read_file(raw_path);
    const auto expected = st::corpus::load_expected(yml_path);
    const auto parsed = parse(st::parse::SectionInput{raw, corpus_platform, command});
    Score score;
    if (parsed) {
      score = st::corpus::compare_records(expected, map(*parsed), fields);
    } else {
      score = st::corpus::compare_records(expected, {}, fields);
      score.mismatches.push_back("parser error: " + parsed.error().describe());
    }
    fmt::print("  {:<50} {:>4}/{:<4} {:6.2f}%\n", std::filesystem::path(raw_path).filename().string(),
               score.matched, score.total, 100.0 * score.ratio());
    for (const auto& m : score.mismatches) fmt::print("      {}\n", m);
    overall.add(score);
  }
  fmt::print("corpus: {} {}: {}/{} fields = {:.2f}% over {} cases (floor {:.0f}%)\n",
             corpus_platform, command, overall.matched, overall.total, 100.0 * overall.ratio(),
             cases.size(), 100.0 * kFloor);
  CHECK(overall.total > 0);
  REQUIRE(overall.ratio() >= kFloor);
}

std::vector<FieldMap> arista_version(const ParseResult& r) {
  if (r.records.empty()) return {};
  FieldMap m;
  for (const char* key : {"model", "hw_version", "serial_number", "sys_mac", "image", "uptime",
                          "total_memory", "free_memory"}) {
    m[key] = json_field(r.records.front().row, key);
  }
  // The facts must agree with the record.
  if (r.facts) {
    m["model"] = r.facts->model;
    m["image"] = r.facts->os_version;
    m["serial_number"] = r.facts->serial;
    m["uptime"] = r.facts->uptime;
  }
  return {m};
}

std::vector<FieldMap> arista_status(const ParseResult& r) {
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

std::string first_word(const std::string& s) { return s.substr(0, s.find(' ')); }

// Our status is the common vocabulary; ntc keeps FastIron's Link column as printed.
std::optional<std::string> link_column(const std::optional<std::string>& status) {
  if (!status) return std::nullopt;
  if (*status == "connected") return "Up";
  if (*status == "notconnect") return "Down";
  if (*status == "disabled") return "Disable";
  if (*status == "err-disabled") return "ERR-DIS";
  return status;
}

// ntc's templates read only the first word of Name (\S+); we keep the whole name.
std::vector<FieldMap> fastiron_brief(const ParseResult& r, bool brocade_names) {
  std::vector<FieldMap> out;
  for (const auto& i : r.interfaces) {
    FieldMap m;
    m[brocade_names ? "interface" : "port"] = i.name_raw;
    m[brocade_names ? "linkstate" : "link"] = link_column(i.status);
    m["duplex"] = i.duplex;
    m["speed"] = i.speed;
    m[brocade_names ? "pvid" : "vlan_id"] = i.vlan;
    m["name"] = i.description ? std::optional<std::string>(first_word(*i.description)) : std::nullopt;
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<FieldMap> ruckus_version(const ParseResult& r) {
  if (r.records.empty()) return {};
  const auto& row = r.records.front().row;
  FieldMap m;
  m["version"] = json_field(row, "version");
  m["bootcode"] = json_field(row, "bootcode");
  m["hardware"] = json_field(row, "hardware");
  m["serial"] = json_field(row, "serial");
  m["uptime"] = json_field(row, "uptime");
  return {m};
}

std::vector<FieldMap> brocade_version(const ParseResult& r) {
  if (r.records.empty()) return {};
  const auto& row = r.records.front().row;
  FieldMap m;
  m["sw_version"] = json_field(row, "version");
  m["hw"] = json_field(row, "hardware");
  m["serial"] = json_field(row, "serial");
  m["model"] = json_field(row, "model");
  return {m};
}

}  // namespace

TEST_CASE("arista_eos show version", "[corpus]") {
  run_command("arista_eos", "show_version", "show version",
              {"model", "hw_version", "serial_number", "sys_mac", "image", "uptime",
               "total_memory", "free_memory"},
              &st::parse::arista::parse_show_version, arista_version);
}

TEST_CASE("arista_eos show interfaces status", "[corpus]") {
  run_command("arista_eos", "show_interfaces_status", "show interfaces status",
              {"port", "name", "status", "vlan_id", "duplex", "speed", "type"},
              &st::parse::arista::parse_show_interfaces_status, arista_status);
}

TEST_CASE("ruckus_fastiron show version", "[corpus]") {
  run_command("ruckus_fastiron", "show_version", "show version",
              {"version", "bootcode", "hardware", "serial", "uptime"},
              &st::parse::brocade::parse_show_version, ruckus_version);
  run_command("brocade_fastiron", "show_version", "show version",
              {"sw_version", "hw", "serial", "model"}, &st::parse::brocade::parse_show_version,
              brocade_version);
}

TEST_CASE("ruckus_fastiron show interfaces brief", "[corpus]") {
  run_command("ruckus_fastiron", "show_interfaces_brief", "show interfaces brief",
              {"port", "link", "duplex", "speed", "vlan_id", "name"},
              &st::parse::brocade::parse_show_interfaces_brief,
              [](const ParseResult& r) { return fastiron_brief(r, false); });
  run_command("brocade_fastiron", "show_interfaces_brief", "show interfaces brief",
              {"interface", "linkstate", "duplex", "speed", "pvid", "name"},
              &st::parse::brocade::parse_show_interfaces_brief,
              [](const ParseResult& r) { return fastiron_brief(r, true); });
}
