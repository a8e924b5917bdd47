#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core_parsers.h"
#include "generate/fleet.h"
#include "generate/generator.h"
#include "generate/prng.h"
#include "generate/sim_time.h"
#include "ingest/ingest_pipeline.h"
#include "store/listings.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;
namespace fs = std::filesystem;

namespace {

generate::GenerateSummary run_generator(const fs::path& out, int devices, int runs, std::uint64_t seed,
                                        generate::Profile profile) {
  generate::GenerateOptions o;
  o.out_dir = out;
  o.devices = devices;
  o.runs = runs;
  o.seed = seed;
  o.profile = profile;
  auto summary = generate::generate(o);
  REQUIRE(summary);
  return *summary;
}

// Every file under `dir`, relative path -> bytes.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).string()] = test::read_file(e.path());
  }
  return files;
}

nlohmann::json manifest_of(const fs::path& dir) { return nlohmann::json::parse(test::read_file(dir / "manifest.json")); }

// True when the manifest says the device has no capture in `run`.
bool absent(const nlohmann::json& device, int run) {
  const auto& runs = device["absent_runs"];
  return std::find(runs.begin(), runs.end(), run) != runs.end();
}

std::string file_of(const nlohmann::json& manifest, const std::string& device) {
  for (const auto& d : manifest["devices"]) {
    if (d["hostname"] == device) return d["file"].get<std::string>();
  }
  FAIL("device not in manifest: " << device);
  return {};
}

// The lines of `text` (CR stripped) that lie in `host`'s `command` section.
std::vector<std::string> section_lines(const std::string& text, const std::string& host, const std::string& command) {
  std::vector<std::string> lines, out;
  std::string line;
  for (char c : text) {
    if (c == '\n') {
      lines.push_back(line);
      line.clear();
    } else if (c != '\r') {
      line += c;
    }
  }
  bool inside = false;
  const std::regex ansi("\x1b\\[[0-9;]*m");
  for (auto l : lines) {
    l = std::regex_replace(l, ansi, "");
    const bool prompt = l.starts_with(host + "#") || l.starts_with("SSH@" + host + "#");
    const bool other_prompt = std::regex_search(l, std::regex("^(SSH@)?[A-Za-z][A-Za-z0-9._-]*[#>]"));
    if (prompt) {
      const std::string typed = l.substr(l.find('#') + 1);
      inside = typed == command || (typed.starts_with("sh ") && command.starts_with("show ") &&
                                    command.find(typed.substr(3, 3)) == 5);
      continue;
    }
    if (other_prompt) inside = false;
    if (inside) out.push_back(l);
  }
  return out;
}

}  // namespace

TEST_CASE("generate: prng is the same everywhere", "[generate]") {
  generate::Prng a(42), b(42), c(43);
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next();
    CHECK(x == b.next());
    CHECK(x != c.next());
  }
  generate::Prng d(1);
  CHECK(d.next() == generate::Prng(1).next());
  const auto t = generate::from_civil(2026, 11, 20, 9, 14, 7);
  const auto c2 = generate::civil(t);
  CHECK(c2.year == 2026);
  CHECK(c2.month == 11);
  CHECK(c2.day == 20);
  CHECK(c2.weekday == 5);  // a Friday
  CHECK(generate::cisco_uptime(3 * generate::kDay + 4 * generate::kHour + 11 * generate::kMinute) ==
        "3 days, 4 hours, 11 minutes");
}

TEST_CASE("generate: same seed gives identical bytes, another seed does not", "[generate]") {
  test::TempDir dir;
  run_generator(dir / "a", 13, 2, 11, generate::Profile::Lean);
  run_generator(dir / "b", 13, 2, 11, generate::Profile::Lean);
  run_generator(dir / "c", 13, 2, 12, generate::Profile::Lean);
  const auto a = tree(dir / "a");
  // One hop file per run, device 3 missing from run 2 and device 4 from run 1, and the manifest.
  CHECK(a.size() == 2 * 11 + 1);
  const auto devices = manifest_of(dir / "a")["devices"];
  CHECK(devices[3]["absent_runs"] == nlohmann::json::array({2}));
  CHECK(devices[4]["absent_runs"] == nlohmann::json::array({1}));
  CHECK_FALSE(a.contains("run-2/" + devices[3]["file"].get<std::string>()));
  CHECK_FALSE(a.contains("run-1/" + devices[4]["file"].get<std::string>()));
  CHECK(a.contains("run-2/" + devices[4]["file"].get<std::string>()));
  CHECK(a == tree(dir / "b"));
  CHECK(a != tree(dir / "c"));
}

TEST_CASE("generate: refuses a non-empty output folder", "[generate]") {
  test::TempDir dir;
  test::write_file(dir / "out/keep.txt", "x");
  generate::GenerateOptions o;
  o.out_dir = dir / "out";
  auto r = generate::generate(o);
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::InputRefused);
}

TEST_CASE("generate: lean is much smaller than full", "[generate]") {
  test::TempDir dir;
  const auto lean = run_generator(dir / "lean", 3, 1, 5, generate::Profile::Lean);
  const auto full = run_generator(dir / "full", 3, 1, 5, generate::Profile::Full);
  CHECK(lean.bytes * 20 < full.bytes);
  CHECK(full.bytes > 3 * 500'000);  // roughly 1-2 MB per device
}

TEST_CASE("generate: the manifest lists what the captures contain", "[generate]") {
  test::TempDir dir;
  run_generator(dir / "g", 13, 3, 21, generate::Profile::Lean);
  const auto manifest = manifest_of(dir / "g");
  CHECK(manifest["schema_version"] == 2);
  std::map<std::string, int> kinds;
  std::map<std::string, int> vendors;
  for (const auto& item : manifest["items"]) {
    const std::string kind = item["kind"], device = item["device"], vendor = item["vendor"], object = item["object"];
    const int run = item["run"];
    ++kinds[kind];
    ++vendors[vendor];
    if (kind == "not_captured") {
      CHECK_FALSE(fs::exists(dir / "g" / fmt::format("run-{}", run) / file_of(manifest, device)));
      continue;
    }
    const std::string text =
        test::read_file(dir / "g" / fmt::format("run-{}", run) / file_of(manifest, device));
    INFO(kind << " " << device << " " << object << " run " << run);
    if (kind == "flap") {
      // >= 5 link transitions of that interface within 10 minutes.
      std::vector<generate::SimTime> times;
      std::regex line_re(vendor == "fastiron"
                             ? std::string("^(\\w{3}) +(\\d+) (\\d\\d):(\\d\\d):(\\d\\d):I:System: Interface ethernet ") +
                                   object + ", state (up|down)\\r?$"
                             : std::string("(\\w{3}) +(\\d+) (\\d\\d):(\\d\\d):(\\d\\d)[^%]*%LINK-3-UPDOWN: Interface [A-Za-z]+") +
                                   std::regex_replace(object, std::regex("^[A-Za-z]+"), "") + ", changed state to");
      std::size_t pos = 0;
      while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) nl = text.size();
        const std::string line = text.substr(pos, nl - pos);
        std::smatch m;
        if (std::regex_search(line, m, line_re)) {
          times.push_back(generate::from_civil(2026, 11, std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4]),
                                               std::stoi(m[5])));
        }
        pos = nl + 1;
      }
      std::sort(times.begin(), times.end());
      bool found = false;
      for (std::size_t i = 0; i + 4 < times.size(); ++i) {
        if (times[i + 4].ms - times[i].ms <= 10 * generate::kMinute) found = true;
      }
      CHECK(found);
    } else if (kind == "err_disable") {
      const std::string command = vendor == "fastiron" ? "show interfaces brief" : "show interfaces status";
      const std::string word = vendor == "cisco" ? "err-disabled" : vendor == "arista" ? "errdisabled" : "ERR-DIS";
      bool shown = false;
      for (const auto& l : section_lines(text, device, command)) {
        if (l.starts_with(object + " ") && l.find(word) != std::string::npos) shown = true;
      }
      CHECK(shown);
    } else if (kind == "auth_fail") {
      CHECK(text.find(item["details"]["client"].get<std::string>()) != std::string::npos);
    } else if (kind == "vlan_moved") {
      CHECK(run >= 2);
    }
  }
  for (const char* k : {"flap", "auth_fail", "err_disable", "stp_change", "poe_fault", "power_fault",
                        "interface_changed", "vlan_moved"}) {
    INFO(k);
    CHECK(kinds[k] > 0);
  }
  CHECK(vendors.size() == 3);
}

TEST_CASE("generate: stack flap storms and upstream outages log what their manifest items say", "[generate]") {
  // Seed 3 (14 devices, 3 runs) holds both: an outage at HQ in run 1, a storm on its stack in run 3.
  test::TempDir dir;
  run_generator(dir / "g", 14, 3, 3, generate::Profile::Lean);
  const auto manifest = manifest_of(dir / "g");
  auto capture = [&](int run, const std::string& device) {
    return test::read_file(dir / "g" / fmt::format("run-{}", run) / file_of(manifest, device));
  };
  int storms = 0, outages = 0;
  for (const auto& item : manifest["items"]) {
    const std::string kind = item["kind"], device = item["device"];
    const int run = item["run"];
    INFO(kind << " " << device << " run " << run);
    if (kind == "stack_flap_storm") {
      ++storms;
      const auto& ports = item["details"]["ports"];
      CHECK(ports.size() >= 10);
      std::set<std::string> members;
      const std::string text = capture(run, device);
      for (const auto& p : ports) {
        const std::string name = p;  // Gi2/0/7
        members.insert(name.substr(2, name.find('/') - 2));
        CHECK(text.find("Interface GigabitEthernet" + name.substr(2) + ", changed state to down") != std::string::npos);
      }
      CHECK(members == std::set<std::string>{"1", "2"});
    } else if (kind == "upstream_outage") {
      ++outages;
      const auto& devices = item["details"]["devices"];
      CHECK(devices.size() >= 3);
      CHECK(devices.front() == device);  // the lead lists the outage
      for (const auto& d : devices) {
        const std::string text = capture(run, d.get<std::string>());
        const bool uplink_down = text.find("Interface TenGigabitEthernet") != std::string::npos
                                     ? std::regex_search(text, std::regex("Interface TenGigabitEthernet\\d/\\d/1, changed state to down"))
                                     : text.find("Interface ethernet 1/3/1, state down") != std::string::npos;
        CHECK(uplink_down);
      }
    }
  }
  CHECK(storms > 0);
  CHECK(outages > 0);
}

TEST_CASE("generate: Cisco captures ingest with no failed sections", "[generate][ingest]") {
  test::TempDir dir;
  run_generator(dir / "g", 13, 1, 3, generate::Profile::Lean);
  run_generator(dir / "f", 2, 1, 4, generate::Profile::Full);
  for (const char* name : {"g", "f"}) {
    const auto manifest = manifest_of(dir / name);
    std::set<std::string> cisco;
    for (const auto& d : manifest["devices"]) {
      if (d["vendor"] == "cisco") cisco.insert(d["hostname"].get<std::string>());
    }
    auto db = store::open_store(dir / (std::string(name) + ".sqlite"), store::OpenMode::ReadWrite);
    REQUIRE(db);
    ingest::IngestOptions options;
    options.bundle = dir / name / "run-1";
    auto summary = ingest::ingest_bundle(*db, test::core_parsers(), options);
    REQUIRE(summary);
    auto sections = store::list_sections(*db, {});
    REQUIRE(sections);
    std::set<std::string> seen;
    for (const auto& s : *sections) {
      if (!s.device || !cisco.contains(*s.device)) continue;
      seen.insert(*s.device);
      INFO(*s.device << " " << s.command << ": " << s.reason.value_or(""));
      CHECK(s.status != "failed");
    }
    CHECK(seen == cisco);
    auto devices = store::list_devices(*db, {});
    REQUIRE(devices);
    for (const auto& d : *devices) {
      if (cisco.contains(d.hostname)) {
        INFO(d.hostname);
        CHECK(d.model.has_value());
        CHECK(d.uptime.has_value());
      }
    }
  }
}

namespace {

// Drops pager residue ("--More--" and the backspaces that erase it) from a line.
std::string unpage(const std::string& l) {
  const auto b = l.rfind('\b');
  return b == std::string::npos ? l : l.substr(b + 1);
}

std::string trim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  return s;
}

std::string cisco_long_name(const std::string& name) {
  for (const auto& [s, l] : std::vector<std::pair<std::string, std::string>>{
           {"Twe", "TwentyFiveGigE"}, {"Gi", "GigabitEthernet"}, {"Te", "TenGigabitEthernet"}, {"Hu", "HundredGigE"}}) {
    if (name.starts_with(s)) return l + name.substr(s.size());
  }
  return name;
}

// "interface X" -> its stanza lines, from a `show running-config` section.
std::map<std::string, std::vector<std::string>> stanzas(const std::vector<std::string>& config) {
  std::map<std::string, std::vector<std::string>> out;
  std::string current;
  for (const auto& raw : config) {
    const std::string l = unpage(raw);
    if (l.starts_with("interface ")) {
      current = l.substr(10);
      out[current];
    } else if (l == "!" || l.empty() || l[0] != ' ') {
      current.clear();
    } else if (!current.empty()) {
      out[current].push_back(l);
    }
  }
  return out;
}

bool has_line(const std::vector<std::string>& lines, const std::string& want) {
  return std::find(lines.begin(), lines.end(), want) != lines.end();
}

}  // namespace

TEST_CASE("generate: Cisco running-config, vlan, mac and auth sessions agree with the port table", "[generate]") {
  test::TempDir dir;
  run_generator(dir / "g", 13, 2, 31, generate::Profile::Lean);
  const auto manifest = manifest_of(dir / "g");
  std::map<std::pair<int, std::string>, std::vector<std::pair<std::string, std::string>>> gaps;  // (run, host) -> port, cmd
  for (const auto& item : manifest["items"]) {
    if (item["kind"] == "auth_config_missing") {
      gaps[{item["run"].get<int>(), item["device"].get<std::string>()}].emplace_back(
          item["object"].get<std::string>(), item["details"]["missing"].get<std::string>());
    }
  }
  CHECK(!gaps.empty());
  int checked_ports = 0, sessions = 0, checked_gaps = 0;
  for (int run = 1; run <= 2; ++run) {
    for (const auto& d : manifest["devices"]) {
      const std::string host = d["hostname"], vendor = d["vendor"];
      if (absent(d, run)) continue;
      const std::string text = test::read_file(dir / "g" / fmt::format("run-{}", run) / d["file"].get<std::string>());
      INFO(host << " run " << run);
      if (vendor == "fastiron") {
        bool ranges = false;
        for (const auto& raw : section_lines(text, host, "show vlan")) {
          const std::string l = unpage(raw);
          if (l.starts_with(" Untagged Ports: ethe 1/1/") && l.find(" to ") != std::string::npos) ranges = true;
        }
        CHECK(ranges);
        const auto config = section_lines(text, host, "show running-config");
        CHECK(std::any_of(config.begin(), config.end(),
                          [](const std::string& l) { return unpage(l).starts_with(" untagged ethe "); }));
        CHECK(std::any_of(config.begin(), config.end(),
                          [](const std::string& l) { return unpage(l).starts_with("interface ethernet 1/1/"); }));
        continue;
      }
      if (vendor != "cisco") continue;
      const auto config = stanzas(section_lines(text, host, "show running-config"));
      REQUIRE(!config.empty());
      // `show vlan brief`: VLAN -> ports (continuation lines start in column 48).
      std::map<std::string, std::set<std::string>> vlan_ports;
      std::string current_vlan;
      for (const auto& raw : section_lines(text, host, "show vlan brief")) {
        const std::string l = unpage(raw);
        if (l.size() <= 48 || l.starts_with("----")) continue;
        if (l[0] != ' ') current_vlan = trim(l.substr(0, 4));
        std::stringstream ports(l.substr(48));
        for (std::string item; std::getline(ports, item, ',');) vlan_ports[current_vlan].insert(trim(item));
      }
      for (const auto& l : section_lines(text, host, "show interfaces status")) {
        if (l.size() < 56 || !std::regex_search(l, std::regex("^(Gi|Te|Twe|Hu)\\d"))) continue;
        const std::string name = trim(l.substr(0, 13)), status = trim(l.substr(32, 13)), vlan = trim(l.substr(45, 11));
        INFO(name << " " << status << " " << vlan);
        REQUIRE(config.contains(cisco_long_name(name)));
        const auto& st = config.at(cisco_long_name(name));
        if (vlan == "trunk") {
          CHECK(has_line(st, " switchport mode trunk"));
        } else {
          CHECK(has_line(st, " switchport access vlan " + vlan));
          CHECK(has_line(st, " switchport mode access"));
          CHECK(vlan_ports[vlan].contains(name));
        }
        CHECK(has_line(st, " shutdown") == (status == "disabled"));
        ++checked_ports;
      }
      for (const auto& [port, missing] : gaps[{run, host}]) {
        INFO(port << " lacks " << missing);
        const auto& st = config.at(cisco_long_name(port));
        CHECK(has_line(st, " authentication host-mode multi-domain"));
        CHECK_FALSE(has_line(st, " " + missing));
        ++checked_gaps;
      }
      // Every authenticated client is in the MAC table, on the same port.
      const auto macs = section_lines(text, host, "show mac address-table");
      auto auth = section_lines(text, host, "show authentication sessions");
      if (auth.empty()) auth = section_lines(text, host, "show access-session");
      for (const auto& raw : auth) {
        const std::string l = unpage(raw);
        std::smatch m;
        if (!std::regex_search(l, m, std::regex("^(Gi\\S+) +([0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4}) +(dot1x|mab) "))) continue;
        const std::string port = m[1], mac = m[2];
        CHECK(std::any_of(macs.begin(), macs.end(), [&](const std::string& x) {
          return x.find(mac) != std::string::npos && unpage(x).ends_with(" " + port);
        }));
        CHECK(config.at(cisco_long_name(port)).size() > 3);
        ++sessions;
      }
    }
  }
  CHECK(checked_ports > 200);
  CHECK(sessions > 20);
  CHECK(checked_gaps > 0);
}

TEST_CASE("generate: the manifest's expect and affects are exactly the changes the store shows", "[generate][ingest]") {
  // The independent checker (src/generate/tools/check_change_manifest.py): generates 18 devices x
  // 3 runs, ingests them with the CLI and compares every device's tables between runs over SQL.
  test::TempDir dir;
  const std::string script = std::string(STATETRACE_TEST_DATA_DIR) + "/../src/generate/tools/check_change_manifest.py";
  const std::string log = (dir / "check.log").string();
  const std::string command = fmt::format("/usr/bin/python3 '{}' --cli '{}' --work '{}' > '{}' 2>&1", script,
                                          STATETRACE_CLI_PATH, (dir / "work").string(), log);
  const int status = std::system(command.c_str());
  INFO(test::read_file(log));
  CHECK(status == 0);
  CHECK(test::read_file(log).find("device-run pairs compared") != std::string::npos);
}

TEST_CASE("generate: the change rate changes that share of access ports and nothing in run 1", "[generate]") {
  test::TempDir dir;
  generate::GenerateOptions o;
  o.out_dir = dir / "calm";
  o.devices = 20;
  o.runs = 2;
  o.seed = 3;
  o.profile = generate::Profile::Lean;
  REQUIRE(generate::generate(o));
  o.out_dir = dir / "busy";
  o.change_rate = 10;
  REQUIRE(generate::generate(o));
  CHECK(tree(dir / "calm" / "run-1") == tree(dir / "busy" / "run-1"));
  auto described = [&](const char* name) {
    int n = 0;
    const auto manifest = manifest_of(dir / name);
    for (const auto& item : manifest["items"]) {
      if (item["kind"] == "interface_changed" && item["details"]["field"] == "description") ++n;
    }
    return n;
  };
  int access = 0;  // access ports of the devices with a run 1 and a run 2 (3 is missing, 4 new in run 2)
  for (const auto& d : generate::build_fleet(3, 20, generate::from_civil(2026, 11, 20, 9, 0, 0))) {
    if (d.index == 3 || d.index == 4) continue;
    access += static_cast<int>(std::count_if(d.ports.begin(), d.ports.end(), [](const auto& p) { return p.access; }));
  }
  REQUIRE(access > 500);
  const int extra = described("busy") - described("calm");
  CHECK(extra > access * 6 / 100);
  CHECK(extra < access * 14 / 100);
}
