#include <catch2/catch.hpp>

#include <algorithm>

#include "core_parsers.h"
#include "ingest/ingest_pipeline.h"
#include "parse/command_catalog.h"
#include "rules/command_coverage.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;
using namespace st::rules;

namespace {

bool lists(const std::vector<RecommendedCommand>& commands, std::string_view canonical) {
  return std::any_of(commands.begin(), commands.end(), [&](const auto& c) { return c.canonical == canonical; });
}

}  // namespace

TEST_CASE("command inventories: the three shipped platforms load, and what they say to type is what they mean",
          "[coverage]") {
  auto inventories = shipped_command_inventories();
  REQUIRE(inventories);
  std::vector<std::string> platforms;
  for (const auto& i : *inventories) {
    platforms.push_back(i.platform);
    CHECK(i.commands.size() >= 12);
    for (const auto& c : i.commands) {
      auto typed = parse::canonical_command(c.syntax);
      REQUIRE(typed);
      CHECK(c.satisfied_by(typed->canonical));
    }
    // The core of every capture is required on every platform.
    for (std::string_view core : {"show version", "show clock", "show running-config", "show logging"}) {
      auto it = std::find_if(i.commands.begin(), i.commands.end(), [&](const auto& c) { return c.canonical == core; });
      REQUIRE(it != i.commands.end());
      CHECK(it->required);
    }
  }
  std::sort(platforms.begin(), platforms.end());
  CHECK(platforms == std::vector<std::string>{"arista_eos", "cisco_ios", "ruckus_fastiron"});
  // FastIron's own spellings land on the shared canonical commands.
  CHECK(parse::canonical_command("show inline power")->canonical == "show power inline");
  CHECK(parse::canonical_command("sh mac-address")->canonical == "show mac address-table");
  CHECK(parse::canonical_command("show span")->canonical == "show spanning-tree");
}

TEST_CASE("command inventories: a bad file is refused naming the file, the field and why", "[coverage]") {
  const std::string head = R"({"platform": "lab_os", "vendor": "Lab", "commands": [)";
  auto unknown = load_command_inventory(
      "lab.json", head + R"({"canonical": "show warp drive", "syntax": "show warp drive", "priority": "required", "why": "x"}]})");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().file == "lab.json");
  CHECK_THAT(unknown.error().message, Catch::Contains("/commands/0") && Catch::Contains("show warp drive"));

  auto mistyped = load_command_inventory(
      "lab.json", head + R"({"canonical": "show version", "syntax": "show vlan", "priority": "required", "why": "x"}]})");
  REQUIRE_FALSE(mistyped);
  CHECK_THAT(mistyped.error().message, Catch::Contains("/commands/0/syntax"));

  auto no_reason = load_command_inventory(
      "lab.json", head + R"({"canonical": "show version", "syntax": "show version", "priority": "required"}]})");
  REQUIRE_FALSE(no_reason);
  CHECK_THAT(no_reason.error().message, Catch::Contains("/commands/0") && Catch::Contains("why"));

  CHECK_FALSE(load_command_inventory("lab.json", "{not json"));
}

TEST_CASE("coverage: per device, what the capture lacks, with filtered outputs counted as partial", "[coverage]") {
  test::TempDir dir;
  // A Cisco capture with show logging only through a filter, and a FastIron one whose
  // `show inline power` counts for the recommended PoE command.
  std::string cisco = test::access_switch_capture("NYC-B2-ACC-07");
  const auto at = cisco.find("NYC-B2-ACC-07#show logging");
  REQUIRE(at != std::string::npos);
  cisco.replace(at, std::string("NYC-B2-ACC-07#show logging").size(), "NYC-B2-ACC-07#show logging | include UPDOWN");
  test::write_file(dir / "bundle/NYC-B2-ACC-07.log", cisco);
  test::write_file(dir / "bundle/NYC-F1-ACC-01.log",
                   "SSH@NYC-F1-ACC-01#show version\n"
                   "  Copyright (c) Ruckus Networks, Inc. All rights reserved.\n"
                   "    UNIT 1: compiled on Jun 10 2024 at 13:14:43 labeled as SPR08095m\n"
                   "      (33554432 bytes) from Primary SPR08095m.bin (UFI)\n"
                   "        SW: Version 08.0.95mT213\n"
                   "  HW: Stackable ICX7150-48P-4X1G\n"
                   "SSH@NYC-F1-ACC-01#show inline power\n"
                   " Power Capacity: Total is 740000 mWatts. Current Free is 694000 mWatts.\n"
                   "SSH@NYC-F1-ACC-01#\n");
  auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadWrite);
  REQUIRE(db);
  ingest::IngestOptions options;
  options.bundle = dir / "bundle";
  REQUIRE(ingest::ingest_bundle(*db, test::core_parsers(), options));

  auto rows = command_coverage(*db, {});
  REQUIRE(rows);
  REQUIRE(rows->size() == 2);
  const auto& cisco_row = rows->at(0).hostname == "NYC-B2-ACC-07" ? rows->at(0) : rows->at(1);
  const auto& fastiron_row = rows->at(0).hostname == "NYC-B2-ACC-07" ? rows->at(1) : rows->at(0);

  CHECK(cisco_row.platform == "cisco_ios");
  CHECK(cisco_row.recommended == 17);
  CHECK(lists(cisco_row.partial, "show logging"));  // only `| include UPDOWN` was captured
  CHECK_FALSE(lists(cisco_row.missing, "show logging"));
  CHECK(lists(cisco_row.missing, "show running-config"));
  CHECK(lists(cisco_row.missing, "show cdp neighbors detail"));
  CHECK_FALSE(lists(cisco_row.missing, "show version"));
  CHECK_FALSE(lists(cisco_row.missing, "show interfaces status"));
  auto logging = std::find_if(cisco_row.captured.begin(), cisco_row.captured.end(),
                              [](const auto& c) { return c.canonical == "show logging"; });
  REQUIRE(logging != cisco_row.captured.end());
  CHECK(logging->partial);
  // Missing commands come as the platform's list orders them, with the syntax to type.
  REQUIRE_FALSE(cisco_row.missing.empty());
  CHECK(cisco_row.missing.front().canonical == "show running-config");
  CHECK(cisco_row.missing.front().required);

  CHECK(fastiron_row.platform == "ruckus_fastiron");
  CHECK_FALSE(lists(fastiron_row.missing, "show power inline"));
  CHECK_FALSE(lists(fastiron_row.missing, "show version"));
  CHECK(lists(fastiron_row.missing, "show logging"));
  auto media = std::find_if(fastiron_row.missing.begin(), fastiron_row.missing.end(),
                            [](const auto& c) { return c.canonical == "show media"; });
  REQUIRE(media != fastiron_row.missing.end());
  CHECK(media->syntax == "show media");
  CHECK_FALSE(media->required);
}
