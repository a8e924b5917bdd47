// The diff engine (src/diff/) on real captures ingested into a real store: what a change in
// the capture makes the diff say, and nothing else; volatile fields only on request; devices
// and commands missing from one run reported as not captured; stored diffs, on-demand diffs and
// the no-shortcut comparison agreeing; one object's history.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "diff/object_history.h"
#include "diff/stored_diff.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;
using Json = nlohmann::json;

namespace {

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

Json diff_json(const test::TempDir& dir, const std::string& args) {
  auto r = test::run_cli(dir, "diff --json " + args);
  INFO(r.err);
  REQUIRE(r.status == 0);
  return Json::parse(r.out);
}

// "device kind key change field:old>new ..." lines, sorted, for whole-diff comparisons.
std::multiset<std::string> lines_of(const Json& doc) {
  std::multiset<std::string> out;
  for (const auto& c : doc.at("changes")) {
    std::string line = c.at("device").get<std::string>() + " " + c.at("key").get<std::string>() + " " +
                       c.at("change").get<std::string>();
    for (const auto& f : c.at("fields")) line += " " + f.at("name").get<std::string>() + ":" + f.at("old").dump() + ">" + f.at("new").dump();
    out.insert(line);
  }
  return out;
}

void ingest(const test::TempDir& dir, const std::string& folder) {
  auto r = test::run_cli(dir, "ingest '" + (dir / folder).string() + "' --site NYC");
  INFO(r.err);
  REQUIRE(r.status == 0);
}

// Run 2 of the access switch a day later: one port came up, one description was edited, a
// VLAN was added; the uptime moved on (volatile).
std::string next_day(std::string capture) {
  capture = replaced(capture, "UTC Fri Nov 20 2026", "UTC Sat Nov 21 2026");
  capture = replaced(capture, "3 weeks, 2 days, 4 hours, 11 minutes", "3 weeks, 3 days, 4 hours, 11 minutes");
  capture = replaced(capture, "Gi1/0/1      Printer 2nd floor  connected", "Gi1/0/1      Printer 3rd floor  connected");
  capture = replaced(capture, "Gi1/0/2                         notconnect ", "Gi1/0/2                         connected  ");
  capture = replaced(capture, "20   USERS                            active    Gi1/0/1, Gi1/0/2\n",
                     "20   USERS                            active    Gi1/0/1, Gi1/0/2\n"
                     "30   ACCESS-POINTS                    active    Gi1/0/3\n");
  return capture;
}

}  // namespace

TEST_CASE("diff: what changed in the capture, and nothing else", "[diff]") {
  test::TempDir dir;
  test::write_file(dir / "run-1/ACC-07.log", test::access_switch_capture("NYC-B2-ACC-07"));
  test::write_file(dir / "run-2/ACC-07.log", next_day(test::access_switch_capture("NYC-B2-ACC-07")));
  ingest(dir, "run-1");
  ingest(dir, "run-2");

  const Json doc = diff_json(dir, "");
  CHECK(doc.at("from_run") == 1);
  CHECK(doc.at("to_run") == 2);
  const std::multiset<std::string> expected{
      "NYC-B2-ACC-07 interface:Gi1/0/1 changed description:\"Printer 2nd floor\">\"Printer 3rd floor\"",
      "NYC-B2-ACC-07 interface:Gi1/0/2 changed status:\"notconnect\">\"connected\"",
      "NYC-B2-ACC-07 vlan:30 added",
  };
  CHECK(lines_of(doc) == expected);
  CHECK(doc.at("summary").at("added") == 1);
  CHECK(doc.at("summary").at("changed") == 2);

  // Each side's bytes: the changed row in run 1's file and in run 2's.
  for (const auto& c : doc.at("changes")) {
    if (c.at("key") != "interface:Gi1/0/2") continue;
    const auto& from = c.at("source").at("from");
    const auto& to = c.at("source").at("to");
    auto raw1 = test::run_cli(dir, "raw --run 1 --file ACC-07.log --offset " + from.at("offset").dump() + " --length " +
                                       from.at("length").dump());
    auto raw2 = test::run_cli(dir, "raw --run 2 --file ACC-07.log --offset " + to.at("offset").dump() + " --length " +
                                       to.at("length").dump());
    CHECK(raw1.out.starts_with("Gi1/0/2 "));
    CHECK(raw1.out.find("notconnect") != std::string::npos);
    CHECK(raw2.out.find("connected") != std::string::npos);
    CHECK(raw2.out.find("notconnect") == std::string::npos);
  }

  SECTION("volatile fields only on request") {
    const Json all = diff_json(dir, "--include-volatile");
    bool uptime = false;
    for (const auto& c : all.at("changes")) {
      for (const auto& f : c.at("fields")) {
        if (f.at("name") == "uptime" && c.at("kind") == "device") {
          uptime = true;
          CHECK(f.at("volatile") == true);
          CHECK(f.at("new") == "3 weeks, 3 days, 4 hours, 11 minutes");
        }
      }
    }
    CHECK(uptime);
    CHECK(lines_of(all).size() > expected.size());
  }
  SECTION("filters: --kind and --device") {
    CHECK(lines_of(diff_json(dir, "--kind vlan")) ==
          std::multiset<std::string>{"NYC-B2-ACC-07 vlan:30 added"});
    CHECK(lines_of(diff_json(dir, "--kind vlans")) == lines_of(diff_json(dir, "--kind vlan")));
    CHECK(diff_json(dir, "--kind stp").at("changes").empty());
    CHECK(lines_of(diff_json(dir, "--device NYC-B2-ACC-07")) == expected);
    auto bad = test::run_cli(dir, "diff --kind colour");
    CHECK(bad.status == 2);
    CHECK(bad.err.find("interface") != std::string::npos);  // the error lists the kinds
  }
  SECTION("the same runs the other way round") {
    const Json back = diff_json(dir, "--from 2 --to 1");
    const std::multiset<std::string> reversed{
        "NYC-B2-ACC-07 interface:Gi1/0/1 changed description:\"Printer 3rd floor\">\"Printer 2nd floor\"",
        "NYC-B2-ACC-07 interface:Gi1/0/2 changed status:\"connected\">\"notconnect\"",
        "NYC-B2-ACC-07 vlan:30 removed",
    };
    CHECK(lines_of(back) == reversed);
  }
}

TEST_CASE("diff: a device or a command missing from a run is not captured, not removed", "[diff]") {
  test::TempDir dir;
  test::write_file(dir / "run-1/ACC-07.log", test::access_switch_capture("NYC-B2-ACC-07"));
  test::write_file(dir / "run-1/ACC-08.log", test::access_switch_capture("NYC-B2-ACC-08"));
  // Run 2: ACC-08 was not reached, ACC-09 is new, and ACC-07's capture lacks `show vlan brief`.
  std::string acc07 = test::access_switch_capture("NYC-B2-ACC-07");
  const auto vlan_at = acc07.find("NYC-B2-ACC-07#show vlan brief");
  const auto exit_at = acc07.find("NYC-B2-ACC-07#exit");
  acc07.erase(vlan_at, exit_at - vlan_at);
  test::write_file(dir / "run-2/ACC-07.log", acc07);
  test::write_file(dir / "run-2/ACC-09.log", test::access_switch_capture("NYC-B2-ACC-09"));
  ingest(dir, "run-1");
  ingest(dir, "run-2");

  const Json doc = diff_json(dir, "");
  CHECK(lines_of(doc) == std::multiset<std::string>{"NYC-B2-ACC-07 vlan not_captured",
                                                    "NYC-B2-ACC-08 device:NYC-B2-ACC-08 not_captured",
                                                    "NYC-B2-ACC-09 device:NYC-B2-ACC-09 added"});
  for (const auto& c : doc.at("changes")) {
    if (c.at("change") == "not_captured") CHECK(c.at("missing_in") == "to");
  }
  CHECK(doc.at("summary").at("not_captured") == 2);
  CHECK(doc.at("summary").at("removed") == 0);
}

TEST_CASE("diff: an emptied table is a removal, not a missing command", "[diff]") {
  test::TempDir dir;
  test::write_file(dir / "run-1/ACC-07.log", test::access_switch_capture("NYC-B2-ACC-07"));
  // The same command captured, with only the default VLAN left: VLAN 20 was removed.
  std::string emptied = replaced(test::access_switch_capture("NYC-B2-ACC-07"),
                                 "20   USERS                            active    Gi1/0/1, Gi1/0/2\n", "");
  test::write_file(dir / "run-2/ACC-07.log", emptied);
  ingest(dir, "run-1");
  ingest(dir, "run-2");
  CHECK(lines_of(diff_json(dir, "--kind vlan")) == std::multiset<std::string>{"NYC-B2-ACC-07 vlan:20 removed"});
}

TEST_CASE("diff: stored, on-demand and no-shortcut diffs agree on the sample site", "[diff]") {
  test::TempDir dir;
  for (const char* run : {"run-1", "run-2"}) {
    auto r = test::run_cli(dir, std::string("ingest '") + STATETRACE_SAMPLES_DIR + "/campus-hq/" + run + "'");
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadWrite);
  REQUIRE(db);
  auto as_lines = [](const std::vector<diff::ObjectChange>& changes) {
    std::vector<std::string> out;
    for (const auto& c : changes) out.push_back(diff::to_json(c).dump());
    return out;
  };
  diff::DiffOptions options;
  auto on_demand = diff::diff_runs(*db, RunId{1}, RunId{2}, options);
  REQUIRE(on_demand);
  auto stored = diff::diff_between(*db, RunId{1}, RunId{2}, options);
  REQUIRE(stored);
  auto since = diff::diff_since_previous(*db, RunId{2}, options);
  REQUIRE(since);
  options.trust_hashes = false;
  auto thorough = diff::diff_runs(*db, RunId{1}, RunId{2}, options);
  REQUIRE(thorough);
  CHECK(!on_demand->empty());
  CHECK(as_lines(*stored) == as_lines(*on_demand));
  CHECK(as_lines(*since) == as_lines(*on_demand));
  CHECK(as_lines(*thorough) == as_lines(*on_demand));

  // Every change of run 2 is in the stored table, counted in the summaries.
  auto count = db->prepare("SELECT SUM(added + removed + changed + not_captured) FROM diff_summaries WHERE run_id = 2");
  REQUIRE(count);
  REQUIRE(*count->step());
  CHECK(count->int64(0) == static_cast<std::int64_t>(on_demand->size()));
  // Run 1 has no previous run: its devices are summarised with none.
  auto first = db->prepare("SELECT COUNT(*) FROM diff_summaries WHERE run_id = 1 AND from_run_id IS NULL");
  REQUIRE(first);
  REQUIRE(*first->step());
  CHECK(first->int64(0) > 0);
}

TEST_CASE("history: the runs in which one interface changed", "[diff]") {
  test::TempDir dir;
  const std::string day1 = test::access_switch_capture("NYC-B2-ACC-07");
  const std::string day2 = next_day(day1);
  // Nothing happened on day 3 (a new capture: an identical bundle is not ingested twice).
  const std::string day3 = replaced(day2, "UTC Sat Nov 21 2026", "UTC Sun Nov 22 2026");
  const std::string day4 = replaced(replaced(day2, "UTC Sat Nov 21 2026", "UTC Mon Nov 23 2026"),
                                    "Gi1/0/2                         connected  ", "Gi1/0/2                         notconnect ");
  test::write_file(dir / "run-1/ACC-07.log", day1);
  test::write_file(dir / "run-2/ACC-07.log", day2);
  test::write_file(dir / "run-3/ACC-07.log", day3);
  test::write_file(dir / "run-4/ACC-07.log", day4);
  for (const char* run : {"run-1", "run-2", "run-3", "run-4"}) ingest(dir, run);

  auto r = test::run_cli(dir, "history --json --device NYC-B2-ACC-07 --kind interface --key GigabitEthernet1/0/2");
  INFO(r.err);
  REQUIRE(r.status == 0);
  const Json h = Json::parse(r.out);
  REQUIRE(h.size() == 3);  // first seen, up on run 2, down again on run 4; run 3 unchanged
  CHECK(h[0].at("run") == 1);
  CHECK(h[0].at("change") == "first");
  CHECK(h[0].at("values").at("status") == "notconnect");
  CHECK(h[1].at("run") == 2);
  CHECK(h[1].at("fields") == Json::parse(R"([{"name":"status","old":"notconnect","new":"connected"}])"));
  CHECK(h[2].at("run") == 4);
  CHECK(h[2].at("values").at("status") == "notconnect");

  auto last2 = test::run_cli(dir, "history --json --device NYC-B2-ACC-07 --kind interface --key Gi1/0/2 --last 2");
  REQUIRE(last2.status == 0);
  CHECK(Json::parse(last2.out).size() == 2);  // run 3 as the first shown, run 4's change

  auto missing = test::run_cli(dir, "history --device NYC-B2-ACC-07 --kind vlan --key 99");
  CHECK(missing.status == 1);
  CHECK(missing.err.find("vlan") != std::string::npos);
}

TEST_CASE("retention: each device keeps its last N runs in full", "[diff]") {
  test::TempDir dir;
  std::string capture = test::access_switch_capture("NYC-B2-ACC-07");
  const char* days[] = {"Fri Nov 20", "Sat Nov 21", "Sun Nov 22", "Mon Nov 23"};
  for (int day = 0; day < 4; ++day) {
    std::string c = replaced(capture, "UTC Fri Nov 20 2026", std::string("UTC ") + days[day] + " 2026");
    if (day == 3) c = replaced(c, "Gi1/0/2                         notconnect ", "Gi1/0/2                         connected  ");
    test::write_file(dir / fmt::format("run-{}/ACC-07.log", day + 1), c);
    auto r = test::run_cli(dir, fmt::format("ingest '{}' --keep-runs 2", (dir / fmt::format("run-{}", day + 1)).string()));
    INFO(r.err);
    REQUIRE(r.status == 0);
    if (day >= 2) CHECK(r.out.find("pruned 1 older device snapshot(s)") != std::string::npos);
  }
  auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadWrite);
  REQUIRE(db);
  auto count = [&](const std::string& sql) {
    auto s = db->prepare(sql);
    REQUIRE(s);
    REQUIRE(*s->step());
    return s->int64(0);
  };
  // Runs 1 and 2 lost their rows, runs 3 and 4 kept them; every run's facts row and counts stay.
  CHECK(count("SELECT COUNT(*) FROM interfaces WHERE run_id IN (1, 2)") == 0);
  CHECK(count("SELECT COUNT(*) FROM vlans WHERE run_id IN (1, 2)") == 0);
  CHECK(count("SELECT COUNT(*) FROM interfaces WHERE run_id = 3") == 5);
  CHECK(count("SELECT COUNT(*) FROM interfaces WHERE run_id = 4") == 5);
  CHECK(count("SELECT COUNT(*) FROM device_snapshots WHERE pruned = 1") == 2);
  CHECK(count("SELECT COUNT(*) FROM device_snapshots") == 4);
  CHECK(count("SELECT COUNT(*) FROM diff_summaries") == 4);
  CHECK(count("SELECT COUNT(*) FROM sections WHERE run_id = 1") > 0);
  // The latest change is still there; a pruned run is no longer a snapshot to diff against.
  CHECK(lines_of(diff_json(dir, "")) ==
        std::multiset<std::string>{"NYC-B2-ACC-07 interface:Gi1/0/2 changed status:\"notconnect\">\"connected\""});
  CHECK(lines_of(diff_json(dir, "--from 1 --to 4")) ==
        std::multiset<std::string>{"NYC-B2-ACC-07 device:NYC-B2-ACC-07 added"});
}

TEST_CASE("diff: generic records are matched by their template's Key values", "[diff]") {
  test::TempDir dir;
  // A user rule for a command with no normalized table: one record per NTP peer, keyed by the peer.
  test::write_file(dir / "ntp.json", R"json({
    "id": "lab/ntp_associations", "kind": "textfsm", "version": 1,
    "applies_to": [{"platform": "cisco_ios", "command_regex": "show ntp associations"}],
    "output": {"table": "records"},
    "textfsm": {"inline": ["Value Key PEER (\\d+\\.\\d+\\.\\d+\\.\\d+)", "Value STRATUM (\\d+)", "Value REACH (\\d+)", "",
                           "Start", "  ^\\s*[*~+#xo.-]*${PEER}\\s+\\S+\\s+${STRATUM}\\s+\\d+\\s+\\d+\\s+${REACH} -> Record"]}
  })json");
  auto saved = test::run_cli(dir, "parsers save '" + (dir / "ntp.json").string() + "'");
  INFO(saved.err);
  REQUIRE(saved.status == 0);
  const std::string header =
      "  address         ref clock       st   when   poll reach  delay  offset   disp\n";
  auto capture = [&](const std::string& day, const std::string& peers) {
    std::string c = test::access_switch_capture("NYC-B2-ACC-07");
    c = replaced(c, "UTC Fri Nov 20 2026", "UTC " + day + " 2026");
    return replaced(c, "NYC-B2-ACC-07#exit\n", "NYC-B2-ACC-07#show ntp associations\n\n" + header + peers + "NYC-B2-ACC-07#exit\n");
  };
  const std::string a = "*~10.20.0.1      .GPS.            1     33     64   377  0.912  -0.121  0.998\n";
  const std::string b = " ~10.20.0.2      10.20.0.1        2     12     64   377  1.201   0.305  1.102\n";
  const std::string b_worse = " ~10.20.0.2      10.20.0.1        2     12     64    17  1.201   0.305  1.102\n";
  const std::string c = " ~10.30.0.9      10.20.0.1        2     40     64   377  2.003   0.411  1.300\n";
  test::write_file(dir / "run-1/ACC-07.log", capture("Fri Nov 20", a + b));
  // Run 2: a new first peer shifts every row down; only it is new, and peer .2's reach changed.
  test::write_file(dir / "run-2/ACC-07.log", capture("Sat Nov 21", c + a + b_worse));
  ingest(dir, "run-1");
  ingest(dir, "run-2");
  INFO(test::run_cli(dir, "records --command 'show ntp associations'").out);
  CHECK(lines_of(diff_json(dir, "--kind record")) ==
        std::multiset<std::string>{"NYC-B2-ACC-07 record:show ntp associations:10.20.0.2 changed REACH:\"377\">\"17\"",
                                   "NYC-B2-ACC-07 record:show ntp associations:10.30.0.9 added"});
}

TEST_CASE("diff: counters are volatile, and on request a delta and a rate", "[diff]") {
  test::TempDir dir;
  auto show_interfaces = [](const std::string& crc, const std::string& input_errors, const std::string& packets) {
    return "NYC-B2-ACC-07#show interfaces\n"
           "GigabitEthernet1/0/1 is up, line protocol is up (connected) \n"
           "  Hardware is Gigabit Ethernet, address is 70b3.17c4.a281 (bia 70b3.17c4.a281)\n"
           "  Description: Printer 2nd floor\n"
           "  MTU 1500 bytes, BW 1000000 Kbit/sec, DLY 10 usec, \n"
           "     reliability 255/255, txload 1/255, rxload 1/255\n"
           "  Encapsulation ARPA, loopback not set\n"
           "  Keepalive set (10 sec)\n"
           "  Full-duplex, 1000Mb/s, media type is 10/100/1000BaseTX\n"
           "  Last input 00:00:12, output 00:00:00, output hang never\n"
           "  Last clearing of \"show interface\" counters never\n"
           "  Input queue: 0/2000/0/0 (size/max/drops/flushes); Total output drops: 0\n"
           "  5 minute input rate 2000 bits/sec, 3 packets/sec\n"
           "  5 minute output rate 1000 bits/sec, 1 packets/sec\n"
           "     " + packets + " packets input, 184220471 bytes, 0 no buffer\n"
           "     Received 0 broadcasts (0 IP multicasts)\n"
           "     0 runts, 0 giants, 0 throttles \n"
           "     " + input_errors + " input errors, " + crc + " CRC, 0 frame, 0 overrun, 0 ignored\n"
           "     402117 packets output, 51209337 bytes, 0 underruns\n"
           "     0 output errors, 2 interface resets\n";
  };
  auto capture = [&](const std::string& clock, const std::string& counters) {
    std::string c = replaced(test::access_switch_capture("NYC-B2-ACC-07"), "*09:14:07.532 UTC Fri Nov 20 2026", clock);
    return replaced(c, "NYC-B2-ACC-07#exit\n", counters + "NYC-B2-ACC-07#exit\n");
  };
  test::write_file(dir / "run-1/ACC-07.log", capture("*09:14:07.532 UTC Fri Nov 20 2026", show_interfaces("12", "14", "1893112")));
  // 100 minutes later: 4,012 more CRC errors.
  test::write_file(dir / "run-2/ACC-07.log", capture("*10:54:07.532 UTC Fri Nov 20 2026", show_interfaces("4024", "4030", "1993112")));
  ingest(dir, "run-1");
  ingest(dir, "run-2");

  // By default counters moving is not a change.
  CHECK(diff_json(dir, "--kind counters").at("changes").empty());
  // On request: each counter with its delta and its rate over the 100 minutes between captures.
  const Json all = diff_json(dir, "--kind counters --include-volatile");
  REQUIRE(all.at("changes").size() == 1);
  const Json& change = all.at("changes")[0];
  CHECK(change.at("key") == "interface_counters:Gi1/0/1");
  std::map<std::string, Json> fields;
  for (const auto& f : change.at("fields")) fields[f.at("name").get<std::string>()] = f;
  REQUIRE(fields.contains("crc"));
  CHECK(fields["crc"].at("old") == 12);
  CHECK(fields["crc"].at("new") == 4024);
  CHECK(fields["crc"].at("delta") == 4012);
  CHECK(fields["crc"].at("per_minute").get<double>() == Approx(40.12));
  CHECK(fields["crc"].at("volatile") == true);
  CHECK(fields["input_errors"].at("delta") == 4016);
  CHECK(fields["input_packets"].at("delta") == 100000);
  CHECK_FALSE(fields.contains("output_packets"));  // unchanged
  // The text output says it as operators do.
  auto text = test::run_cli(dir, "diff --kind counters --include-volatile");
  CHECK(text.out.find("crc: 12 -> 4024 (+4012) 40.1/min") != std::string::npos);
}
