// Per device per run metrics and tags (metrics/, store/metrics_writer, `statetrace-cli
// metrics`): the pure rules on their own, then generated bundles checked against their
// manifest and the interfaces table, and a hand-made capture pair for the syslog overlap,
// counter deltas with a reset, and a reload.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "generate/generator.h"
#include "metrics/device_tags.h"
#include "metrics/event_counts.h"
#include "metrics/link_state.h"
#include "metrics/metric_names.h"
#include "metrics/run_deltas.h"
#include "metrics/thresholds.h"
#include "metrics/uptime.h"
#include "store/metric_listing.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;
using metrics::CountedKind;
using metrics::LinkState;

namespace {

// A device's events as the parser threads list them.
struct Events {
  metrics::CountedEvents list;
  void add(parse::UnixSeconds t, CountedKind kind, std::optional<std::string> port = "Gi1/0/5", int millis = 0) {
    list.add(t, millis, kind, port);
  }
};

test::CliRun cli(const test::TempDir& dir, const std::string& args) { return test::run_cli(dir, args); }

nlohmann::json cli_json(const test::TempDir& dir, const std::string& args) {
  auto r = cli(dir, args + " --json");
  INFO(args << "\n" << r.err);
  REQUIRE(r.status == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("metrics: one status mapping for every vendor's words", "[metrics]") {
  // Cisco IOS / IOS-XE `show interfaces status`.
  CHECK(metrics::link_state("connected") == LinkState::Up);
  CHECK(metrics::link_state("notconnect") == LinkState::Down);
  CHECK(metrics::link_state("notconnec") == LinkState::Down);  // truncated by the column width
  CHECK(metrics::link_state("sfpAbsent") == LinkState::Down);
  CHECK(metrics::link_state("disabled") == LinkState::AdminDown);
  CHECK(metrics::link_state("err-disabled") == LinkState::ErrDisabled);
  CHECK(metrics::link_state("monitoring") == LinkState::Up);
  // Arista EOS.
  CHECK(metrics::link_state("errdisabled") == LinkState::ErrDisabled);
  CHECK(metrics::link_state("adminDown") == LinkState::AdminDown);
  CHECK(metrics::link_state("noOperMem") == LinkState::Down);
  CHECK(metrics::link_state("inactive") == LinkState::Down);
  // FastIron `show interfaces brief` Link column, as printed (a user rule may keep it).
  CHECK(metrics::link_state("Up") == LinkState::Up);
  CHECK(metrics::link_state("Down") == LinkState::Down);
  CHECK(metrics::link_state("Disable") == LinkState::AdminDown);
  CHECK(metrics::link_state("Disabled") == LinkState::AdminDown);
  CHECK(metrics::link_state("ERR-DIS") == LinkState::ErrDisabled);
  // Words that say nothing about the link are counted nowhere.
  CHECK(metrics::link_state("") == LinkState::Unknown);
  CHECK(metrics::link_state("trunk") == LinkState::Unknown);
  CHECK(metrics::link_state("connectedX") == LinkState::Unknown);
}

TEST_CASE("metrics: uptimes as each vendor prints them", "[metrics]") {
  constexpr std::int64_t day = 86400;
  CHECK(metrics::uptime_seconds("1 year, 31 weeks, 6 days, 9 hours, 55 minutes") ==
        365 * day + 31 * 7 * day + 6 * day + 9 * 3600 + 55 * 60);
  CHECK(metrics::uptime_seconds("3 weeks, 2 days, 4 hours, 11 minutes") == 23 * day + 4 * 3600 + 11 * 60);
  CHECK(metrics::uptime_seconds("2 weeks, 3 days, 4 hours and 5 minutes") == 17 * day + 4 * 3600 + 5 * 60);  // EOS
  CHECK(metrics::uptime_seconds("10 day(s) 4 hour(s) 3 minute(s) 2 second(s)") ==
        10 * day + 4 * 3600 + 3 * 60 + 2);  // FastIron
  CHECK(metrics::uptime_seconds("1d02h") == day + 2 * 3600);
  CHECK(metrics::uptime_seconds("3w2d") == 23 * day);
  CHECK(metrics::uptime_seconds("00:41:12") == 41 * 60 + 12);
  CHECK(metrics::uptime_seconds("7 minutes") == 7 * 60);
  CHECK_FALSE(metrics::uptime_seconds("unknown").has_value());
  CHECK_FALSE(metrics::uptime_seconds("").has_value());
}

TEST_CASE("metrics: a flap is a link transition reversed within the window", "[metrics]") {
  const parse::UnixSeconds t0 = 1'795'000'000;
  Events events;
  // Three down/up cycles a few seconds apart, a minute between them: six transitions.
  for (int c = 0; c < 3; ++c) {
    events.add(t0 + c * 60, CountedKind::LinkDown);
    events.add(t0 + c * 60 + 3, CountedKind::LinkUp, "Gi1/0/5", 900);
  }
  // A client unplugged for 20 minutes on another port, and a port that only went down: no flap.
  events.add(t0, CountedKind::LinkDown, "Gi1/0/9");
  events.add(t0 + 20 * 60, CountedKind::LinkUp, "Gi1/0/9");
  events.add(t0 + 30, CountedKind::LinkDown, "Gi1/0/11");
  // Same kind twice in a row is not a reversal; a link event naming no port pairs with nothing.
  events.add(t0 + 5, CountedKind::LinkDown, "Gi1/0/12");
  events.add(t0 + 6, CountedKind::LinkDown, "Gi1/0/12");
  events.add(t0 + 7, CountedKind::LinkUp, std::nullopt);
  events.add(t0 + 100, CountedKind::AuthFail, std::nullopt);
  events.add(t0 + 2001, CountedKind::AuthFail, std::nullopt);
  events.add(t0 + 2002, CountedKind::ErrDisable);
  events.add(t0 + 2003, CountedKind::StpChange);
  events.add(t0 + 2004, CountedKind::PowerFault, std::nullopt);
  events.add(t0 + 2005, CountedKind::PoeFault);
  events.add(t0 + 2006, CountedKind::PoeFault);
  auto copy = events.list;
  const auto counts = metrics::count_events(copy, std::nullopt);
  CHECK(counts.port_flaps == 6);
  CHECK(counts.auth_failures == 2);
  CHECK(counts.err_disables == 1);
  CHECK(counts.stp_changes == 1);
  CHECK(counts.power_events == 1);
  CHECK(counts.poe_faults == 2);

  SECTION("another file's events of the same host join by port name") {
    Events other;
    other.add(t0 + 20 * 60 + 30, CountedKind::LinkDown, "Gi1/0/9");  // reverses Gi1/0/9's up 30 s later
    other.add(t0 + 3000, CountedKind::LinkUp, "Gi1/0/40");
    auto joined = events.list;
    joined.append(other.list);
    CHECK(joined.size() == events.list.size() + 2);
    CHECK(metrics::count_events(joined, std::nullopt).port_flaps == 8);
  }
  SECTION("only events newer than the previous run's newest are counted") {
    auto later = events.list;
    const auto after = metrics::count_events(later, t0 + 130);  // the flaps and one auth failure were seen
    CHECK(after.port_flaps == 0);
    CHECK(after.auth_failures == 1);
    CHECK(after.err_disables == 1);
    CHECK(after.poe_faults == 2);
    auto all_seen = events.list;
    CHECK(metrics::count_events(all_seen, t0 + 2006).poe_faults == 0);
    auto second_cycle_on = events.list;
    CHECK(metrics::count_events(second_cycle_on, t0 + 59).port_flaps == 4);
    auto same_second = events.list;  // 2005 is not newer than 2005
    CHECK(metrics::count_events(same_second, t0 + 2005).poe_faults == 1);
  }
  SECTION("events with no time count only when there is no previous run") {
    metrics::CountedEvents uptime_only;
    uptime_only.add(std::nullopt, 0, CountedKind::AuthFail, std::nullopt);
    auto a = uptime_only;
    CHECK(metrics::count_events(a, std::nullopt).auth_failures == 1);
    auto b = uptime_only;
    CHECK(metrics::count_events(b, t0).auth_failures == 0);
  }
}

TEST_CASE("metrics: counter deltas count a reset from zero; reloads from uptime", "[metrics]") {
  CHECK(metrics::counter_delta(150, 100) == 50);
  CHECK(metrics::counter_delta(100, 100) == 0);
  CHECK(metrics::counter_delta(30, 100) == 30);  // cleared, then 30 more
  CHECK(metrics::counter_delta(30, std::nullopt) == 30);

  const std::int64_t day = 86400;
  CHECK(metrics::reloaded(10 * day + 3600, 9 * day + 3600, day) == false);
  CHECK(metrics::reloaded(10 * day + 3600 - 120, 9 * day + 3600, day) == false);  // printed to the minute
  CHECK(metrics::reloaded(2 * 3600, 9 * day, day) == true);
  CHECK(metrics::reloaded(20 * 3600, 9 * day, day) == true);  // up for less than the time between captures
  CHECK(metrics::reloaded(2 * 3600, 9 * day, std::nullopt) == true);
  CHECK(metrics::reloaded(10 * day, 9 * day, std::nullopt) == false);
  CHECK_FALSE(metrics::reloaded(std::nullopt, 9 * day, day).has_value());
}

TEST_CASE("metrics: tags at their thresholds", "[metrics]") {
  namespace n = metrics::names;
  using Tags = std::vector<std::string_view>;
  CHECK(metrics::device_tags({}) == Tags{});
  CHECK(metrics::device_tags({{n::kPortFlapEvents, metrics::kFlappingMinTransitions}}) == Tags{n::kTagFlapping});
  CHECK(metrics::device_tags({{n::kPortFlapEvents, metrics::kFlappingMinTransitions - 1}}) == Tags{});
  CHECK(metrics::device_tags({{n::kAuthFailureCount, 3}, {n::kInterfacesErrDisabled, 1}, {n::kReloads, 1},
                              {n::kCrcErrorsPerMinute, 2.5}}) ==
        Tags{n::kTagAuthFailing, n::kTagErrDisabled, n::kTagReloaded, n::kTagCrcGrowing});
  CHECK(metrics::device_tags({{n::kReloads, 0}, {n::kCrcErrorsPerMinute, 0.2}, {n::kErrDisableCount, 1}}) ==
        Tags{n::kTagErrDisabled});
}

namespace {

// Per (run, device): the manifest's items of each kind.
using ItemsByRunDevice = std::map<std::pair<int, std::string>, std::vector<nlohmann::json>>;

ItemsByRunDevice items_of(const nlohmann::json& manifest) {
  ItemsByRunDevice out;
  for (const auto& item : manifest["items"]) {
    out[{item["run"].get<int>(), item["device"].get<std::string>()}].push_back(item);
  }
  return out;
}

std::int64_t sum_detail(const std::vector<nlohmann::json>& items, const std::string& kind, const std::string& detail) {
  std::int64_t sum = 0;
  for (const auto& i : items) {
    if (i["kind"] == kind) sum += i["details"][detail].get<std::int64_t>();
  }
  return sum;
}

std::size_t count_kind(const std::vector<nlohmann::json>& items, const std::string& kind) {
  std::size_t n = 0;
  for (const auto& i : items) n += i["kind"] == kind ? 1 : 0;
  return n;
}

// `metrics --metric NAME --json` as (run, device) -> value.
std::map<std::pair<int, std::string>, double> metric_values(const test::TempDir& dir, const std::string& metric) {
  std::map<std::pair<int, std::string>, double> out;
  for (const auto& row : cli_json(dir, "metrics --metric " + metric)) {
    out[{row["run"].get<int>(), row["device"].get<std::string>()}] = row["value"].get<double>();
  }
  return out;
}

}  // namespace

TEST_CASE("metrics: generated runs give the manifest's incidents and the interfaces table's states", "[metrics][cli]") {
  test::TempDir dir;
  generate::GenerateOptions options;
  options.out_dir = dir / "fleet";
  options.devices = 12;
  options.runs = 3;
  options.seed = 11;
  options.profile = generate::Profile::Lean;
  REQUIRE(generate::generate(options));
  for (int run = 1; run <= 3; ++run) {
    auto r = cli(dir, fmt::format("ingest '{}' --threads 2", (dir / "fleet" / fmt::format("run-{}", run)).string()));
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  const auto manifest = nlohmann::json::parse(test::read_file(dir / "fleet/manifest.json"));
  const auto items = items_of(manifest);

  const auto flaps = metric_values(dir, "PortFlapEvents");
  const auto auth = metric_values(dir, "AuthFailureCount");
  const auto err_disables = metric_values(dir, "ErrDisableCount");
  const auto stp = metric_values(dir, "StpTopologyChanges");
  const auto power = metric_values(dir, "PowerEvents");
  const auto poe = metric_values(dir, "PoEFaults");
  const auto up = metric_values(dir, "InterfacesUp");
  const auto down = metric_values(dir, "InterfacesDown");
  const auto admin_down = metric_values(dir, "InterfacesAdminDown");
  const auto err_disabled = metric_values(dir, "InterfacesErrDisabled");
  const auto reloads = metric_values(dir, "Reloads");

  std::map<std::pair<int, std::string>, std::set<std::string>> tags;
  for (const auto& row : cli_json(dir, "metrics --tags")) {
    tags[{row["run"].get<int>(), row["device"].get<std::string>()}].insert(row["tag"].get<std::string>());
  }

  std::set<std::string> vendors_with_err_disabled;
  std::size_t checked = 0;
  for (int run = 1; run <= 3; ++run) {
    // The interfaces table of that run, by device: what the interface-state metrics count.
    std::map<std::string, std::map<std::string, int>> statuses;
    for (const auto& row : cli_json(dir, fmt::format("interfaces --run {}", run))) {
      if (!row["status"].is_null()) ++statuses[row["device"].get<std::string>()][row["status"].get<std::string>()];
    }
    for (const auto& device : manifest["devices"]) {
      const std::string host = device["hostname"];
      const std::pair<int, std::string> key{run, host};
      const auto it = items.find(key);
      const std::vector<nlohmann::json> none;
      const auto& mine = it == items.end() ? none : it->second;
      INFO("run " << run << " device " << host << " (" << device["vendor"].get<std::string>() << ")");
      // A device the generator left out of this run has no metrics for it.
      const auto absent = device.value("absent_runs", nlohmann::json::array());
      if (std::find(absent.begin(), absent.end(), run) != absent.end()) {
        CHECK_FALSE(flaps.contains(key));
        continue;
      }
      REQUIRE(flaps.contains(key));

      CHECK(flaps.at(key) == sum_detail(mine, "flap", "transitions"));
      CHECK(auth.at(key) == sum_detail(mine, "auth_fail", "attempts"));
      CHECK((err_disables.at(key) > 0) == (count_kind(mine, "err_disable") > 0));
      CHECK((power.at(key) > 0) == (count_kind(mine, "power_fault") > 0));
      CHECK((poe.at(key) > 0) == (count_kind(mine, "poe_fault") > 0));
      if (count_kind(mine, "stp_change") > 0) CHECK(stp.at(key) >= 2);  // a root change and a topology change
      if (count_kind(mine, "stp_change") + count_kind(mine, "err_disable") + count_kind(mine, "stp_root_moved") == 0) {
        CHECK(stp.at(key) == 0);
      }

      const auto& status = statuses[host];
      const auto count_of = [&](std::initializer_list<const char*> words) {
        int n = 0;
        for (const char* w : words) n += status.contains(w) ? status.at(w) : 0;
        return n;
      };
      int rows = 0;
      for (const auto& [word, n] : status) rows += n;
      CHECK(err_disabled.at(key) == count_of({"err-disabled", "errdisabled"}));
      CHECK(err_disabled.at(key) == static_cast<double>(count_kind(mine, "err_disable")));
      CHECK(up.at(key) == count_of({"connected"}));
      CHECK(admin_down.at(key) == count_of({"disabled"}));
      CHECK(up.at(key) + down.at(key) + admin_down.at(key) + err_disabled.at(key) == rows);
      if (err_disabled.at(key) > 0) vendors_with_err_disabled.insert(device["vendor"].get<std::string>());

      CHECK(tags[key].contains("flapping") == (count_kind(mine, "flap") > 0));  // 3-6 cycles: >= 6 transitions
      CHECK(tags[key].contains("err-disabled") == (count_kind(mine, "err_disable") > 0));
      CHECK(tags[key].contains("auth-failing") == (auth.at(key) >= metrics::kAuthFailingMinFailures));
      // A device reloads only for an OS upgrade (os_upgrade); a run with no previous capture of
      // the device (run 1, or the run it first appears in) measures none.
      const bool had_previous = run > 1 && std::find(absent.begin(), absent.end(), run - 1) == absent.end();
      CHECK(reloads.contains(key) == had_previous);
      if (had_previous) CHECK(reloads.at(key) == (count_kind(mine, "os_upgrade") > 0 ? 1 : 0));
      ++checked;
    }
  }
  std::size_t present = 0;
  for (const auto& device : manifest["devices"]) present += 3 - device.value("absent_runs", nlohmann::json::array()).size();
  CHECK(checked == present);
  CHECK(present >= 34);
  // Every vendor's err-disabled word was seen and counted (Cisco err-disabled, EOS errdisabled, FastIron ERR-DIS).
  CHECK(vendors_with_err_disabled == std::set<std::string>{"arista", "cisco", "fastiron"});

  SECTION("names, site and time filters") {
    const auto names = cli_json(dir, "metrics");
    for (const char* name : {"InterfacesUp", "InterfacesDown", "InterfacesAdminDown", "InterfacesErrDisabled",
                             "PortFlapEvents", "AuthFailureCount", "ErrDisableCount", "StpTopologyChanges",
                             "PowerEvents", "PoEFaults", "Reloads"}) {
      CHECK(std::find(names.begin(), names.end(), name) != names.end());
    }
    const std::string site = manifest["devices"][0]["site"];
    const auto site_rows = cli_json(dir, "metrics --site " + site + " --metric InterfacesUp");
    std::size_t site_device_runs = 0;  // devices are left out of some runs (absent_runs)
    for (const auto& d : manifest["devices"]) {
      if (d["site"] == site) site_device_runs += 3 - d.value("absent_runs", nlohmann::json::array()).size();
    }
    CHECK(site_rows.size() == site_device_runs);
    for (const auto& row : site_rows) CHECK(row["site"] == site);

    const std::string since = manifest["runs"][1]["first_capture"];
    const auto recent = cli_json(dir, "metrics --metric InterfacesUp --since " + since);
    std::size_t recent_device_runs = 0;
    for (const auto& d : manifest["devices"]) {
      for (int r = 2; r <= 3; ++r) {
        const auto absent = d.value("absent_runs", nlohmann::json::array());
        recent_device_runs += std::find(absent.begin(), absent.end(), r) == absent.end() ? 1 : 0;
      }
    }
    CHECK(recent.size() == recent_device_runs);
    for (const auto& row : recent) CHECK(row["run"].get<int>() >= 2);

    const std::string host = manifest["devices"][2]["hostname"];  // captured in every run
    REQUIRE(manifest["devices"][2].value("absent_runs", nlohmann::json::array()).empty());
    const auto one = cli_json(dir, "metrics --device " + host + " --metric PortFlapEvents");
    REQUIRE(one.size() == 3);
    for (const auto& row : one) {
      CHECK(row["device"] == host);
      CHECK(row["value"] == flaps.at({row["run"].get<int>(), host}));
    }
    auto text = cli(dir, "metrics --device " + host + " --metric PortFlapEvents");
    CHECK(text.status == 0);
    CHECK(text.out.find("PortFlapEvents") != std::string::npos);
    CHECK(cli(dir, "metrics --device A --site B --metric X").status == 2);
  }

  SECTION("metrics outlive the run's snapshot rows and go with the run") {
    auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadWrite);
    REQUIRE(db);
    const auto count = [&](const std::string& sql) {
      auto stmt = db->prepare(sql);
      REQUIRE(stmt);
      REQUIRE(*stmt->step());
      return stmt->int64(0);
    };
    const auto before = count("SELECT COUNT(*) FROM metrics WHERE run_id = 1");
    REQUIRE(before > 0);
    for (const char* table : {"interfaces", "event_blocks", "device_snapshots", "vlans", "mac_entries"}) {
      REQUIRE(db->exec(std::string("DELETE FROM ") + table + " WHERE run_id = 1"));
    }
    CHECK(count("SELECT COUNT(*) FROM metrics WHERE run_id = 1") == before);
    store::MetricQuery q;
    q.metric = "InterfacesUp";
    auto rows = store::list_metrics(*db, q);
    REQUIRE(rows);
    CHECK(rows->size() == present);
    REQUIRE(db->exec("DELETE FROM runs WHERE id = 1"));
    CHECK(count("SELECT COUNT(*) FROM metrics WHERE run_id = 1") == 0);
    CHECK(count("SELECT COUNT(*) FROM device_tags WHERE run_id = 1") == 0);
    CHECK(count("SELECT COUNT(*) FROM metrics WHERE run_id = 2") > 0);
  }
}

namespace {

// One Cisco access switch captured at `clock` (HH:MM on 2026-11-20): its uptime, its log
// buffer and `show interfaces` counters (CRC and input errors on Gi1/0/1 and Gi1/0/2).
std::string cisco_capture(const std::string& clock, const std::string& uptime, const std::string& logs,
                          std::array<int, 2> crc, std::array<int, 2> input_errors) {
  const std::string h = "LAB-B1-ACC-01";
  std::string out = h + "#show clock\n*" + clock + ":07.532 UTC Fri Nov 20 2026\n" + h +
                    "#show version\n"
                    "Cisco IOS XE Software, Version 17.09.04a\n"
                    "Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, "
                    "RELEASE SOFTWARE (fc3)\n\n" +
                    h + " uptime is " + uptime +
                    "\n"
                    "System returned to ROM by Reload Command\n\n"
                    "cisco C9300-48P (X86) processor with 1338934K/6147K bytes of memory.\n"
                    "Processor board ID FOC2248X0TQ\n\n" +
                    h +
                    "#show interfaces status\n\n"
                    "Port         Name               Status       Vlan       Duplex  Speed Type\n"
                    "Gi1/0/1      Printer            connected    20         a-full a-1000 10/100/1000BaseTX\n"
                    "Gi1/0/2                         notconnect   20           auto   auto 10/100/1000BaseTX\n"
                    "Gi1/0/3                         disabled     20           auto   auto 10/100/1000BaseTX\n" +
                    h +
                    "#show logging\n"
                    "Syslog logging: enabled (0 messages dropped, 0 messages rate-limited, 0 flushes, 0 overruns)\n\n"
                    "Log Buffer (102400 bytes):\n\n" +
                    logs + h + "#show interfaces\n";
  for (int i = 0; i < 2; ++i) {
    out += fmt::format(
        "GigabitEthernet1/0/{0} is up, line protocol is up (connected) \n"
        "  Hardware is Gigabit Ethernet, address is 70b3.17c4.a28{0} (bia 70b3.17c4.a28{0})\n"
        "  MTU 1500 bytes, BW 1000000 Kbit/sec, DLY 10 usec, \n"
        "     reliability 255/255, txload 1/255, rxload 1/255\n"
        "  Encapsulation ARPA, loopback not set\n"
        "  Keepalive set (10 sec)\n"
        "  Full-duplex, 1000Mb/s, media type is 10/100/1000BaseTX\n"
        "  Last input 00:00:12, output 00:00:00, output hang never\n"
        "  Last clearing of \"show interface\" counters never\n"
        "  Input queue: 0/2000/0/0 (size/max/drops/flushes); Total output drops: 0\n"
        "  Queueing strategy: fifo\n"
        "  Output queue: 0/40 (size/max)\n"
        "  5 minute input rate 412000 bits/sec, 97 packets/sec\n"
        "  5 minute output rate 1180000 bits/sec, 163 packets/sec\n"
        "     77014425 packets input, 39102118873 bytes, 0 no buffer\n"
        "     Received 210337 broadcasts (188214 multicasts)\n"
        "     0 runts, 0 giants, 0 throttles \n"
        "     {1} input errors, {2} CRC, 0 frame, 0 overrun, 0 ignored\n"
        "     141190832 packets output, 120559301766 bytes, 0 underruns\n"
        "     0 output errors, 0 collisions, 1 interface resets\n"
        "     0 output buffer failures, 0 output buffers swapped out\n",
        i + 1, input_errors[static_cast<std::size_t>(i)], crc[static_cast<std::size_t>(i)]);
  }
  return out + h + "#exit\n";
}

std::string link(const std::string& at, const std::string& port, bool up) {
  return fmt::format("Nov 20 {} UTC: %LINK-3-UPDOWN: Interface GigabitEthernet{}, changed state to {}\n", at, port,
                     up ? "up" : "down");
}
std::string auth_failure(const std::string& at) {
  return "Nov 20 " + at +
         " UTC: %DOT1X-5-FAIL: Authentication failed for client (0080.92c4.1e07) on Interface Gi1/0/2 "
         "AuditSessionID 0A0A0B0C000000208B3A2D04\n";
}

}  // namespace

TEST_CASE("metrics: overlapping log buffers, counter deltas with a reset, and a reload", "[metrics][cli]") {
  test::TempDir dir;
  // Run A at 09:00: three flaps on Gi1/0/1 and one 802.1X failure.
  std::string logs_a;
  for (int c = 0; c < 3; ++c) {
    logs_a += link(fmt::format("08:0{}:01.000", c), "1/0/1", false) + link(fmt::format("08:0{}:04.500", c), "1/0/1", true);
  }
  logs_a += auth_failure("08:30:00.000");
  // Run B at 10:00: its buffer still holds all of A's lines, then three new failures and one
  // bounce on Gi1/0/2. The device reloaded (uptime 5 minutes); Gi1/0/2's counters were reset.
  const std::string logs_b = logs_a + auth_failure("09:30:00.000") + auth_failure("09:31:00.000") +
                             auth_failure("09:32:00.000") + link("09:40:00.000", "1/0/2", false) +
                             link("09:40:03.000", "1/0/2", true);
  test::write_file(dir / "a/LAB-B1-ACC-01.log",
                   cisco_capture("09:00", "3 weeks, 2 days, 4 hours, 11 minutes", logs_a, {100, 50}, {150, 60}));
  test::write_file(dir / "b/LAB-B1-ACC-01.log", cisco_capture("10:00", "5 minutes", logs_b, {400, 10}, {500, 20}));
  for (const char* bundle : {"a", "b"}) {
    auto r = cli(dir, fmt::format("ingest '{}'", (dir / bundle).string()));
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  // What the interfaces table and the counters listing say, the metrics say.
  REQUIRE(cli_json(dir, "counters --run 2").size() == 2);

  std::map<std::pair<int, std::string>, double> value;
  for (const auto& name : cli_json(dir, "metrics")) {
    for (const auto& row : cli_json(dir, "metrics --device LAB-B1-ACC-01 --metric " + name.get<std::string>())) {
      CHECK(row["site"] == "LAB");
      value[{row["run"].get<int>(), row["metric"].get<std::string>()}] = row["value"].get<double>();
    }
  }
  CHECK(value[{1, "InterfacesUp"}] == 1);
  CHECK(value[{1, "InterfacesDown"}] == 1);
  CHECK(value[{1, "InterfacesAdminDown"}] == 1);
  CHECK(value[{1, "InterfacesErrDisabled"}] == 0);
  CHECK(value[{1, "PortFlapEvents"}] == 6);
  CHECK(value[{1, "AuthFailureCount"}] == 1);
  CHECK_FALSE(value.contains({1, "CrcErrorsDelta"}));  // nothing to compare with
  CHECK_FALSE(value.contains({1, "Reloads"}));

  CHECK(value[{2, "PortFlapEvents"}] == 2);    // A's flaps are not counted again
  CHECK(value[{2, "AuthFailureCount"}] == 3);  // nor A's failure
  CHECK(value[{2, "CrcErrorsDelta"}] == 300 + 10);
  CHECK(value[{2, "InputErrorsDelta"}] == 350 + 20);
  CHECK(value[{2, "CrcErrorsPerMinute"}] == Approx(310.0 / 60.0));
  CHECK(value[{2, "Reloads"}] == 1);

  std::map<int, std::set<std::string>> tags;
  for (const auto& row : cli_json(dir, "metrics --tags --device LAB-B1-ACC-01")) {
    tags[row["run"].get<int>()].insert(row["tag"].get<std::string>());
  }
  CHECK(tags[1] == std::set<std::string>{"flapping"});
  CHECK(tags[2] == std::set<std::string>{"auth-failing", "crc-growing", "reloaded"});

  auto text = cli(dir, "metrics --device LAB-B1-ACC-01 --metric CrcErrorsPerMinute");
  CHECK(text.out.find("5.17") != std::string::npos);
}
