// The shipped rule versions of the built-in parsers (rules/parsers/, kept disabled because
// they are slower: docs/parser-rules.md) give what the C++ parsers give on every matching
// section of the sample site: device facts, interfaces, clock readings and syslog events,
// and the same rows (byte ranges: see the two notes below). Cisco show version has no C++
// parser any more (its rule replaced it), so it is not compared here; its unit test
// (test_cisco_show_version.cpp) holds the C++ parser's assertions through the rule.
//
// What the `show logging` rules cannot do (docs/parser-rules.md, "show logging as rules"):
// a regex rule makes one record per line, so a continuation line (a line that does not start
// a message) is not joined to its message; the Cisco rule also takes message-like lines
// before "Log Buffer (N bytes):", which the C++ parser skips; the FastIron rule upper-cases a
// facility with a blank in it but keeps the blank ("LINK OAM", C++ "LINK_OAM") unless its
// value_map names it ("Port Security" -> "PORT_SECURITY").
// The sample site has none of these, so there the events are compared field by field with
// no allowance; the second test case pins each difference on a small input.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

#include "ingest/platform_detector.h"
#include "parse/command_catalog.h"
#include "parse/session_splitter.h"
#include "parse/text_cleaner.h"
#include "rules/rule_set.h"

using namespace st;

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream b;
  b << in.rdbuf();
  return b.str();
}

std::string describe(const parse::LogTime& t) {
  return fmt::format("{}-{}-{} {}:{}:{}.{} off={}", t.year.value_or(-1), t.month, t.day, t.hour, t.minute, t.second,
                     t.millis, t.utc_offset_minutes.value_or(9999));
}

std::string describe(const parse::EventRecord& e) {
  return fmt::format("{} | {} | seq={} | {} | sev={} | {} | {} | {} | if={} | {} | @{}+{}", e.timestamp_raw,
                     e.time.uptime_only ? std::string("uptime") : describe(e.time),
                     e.sequence ? std::to_string(*e.sequence) : "-", e.facility,
                     e.severity ? std::to_string(*e.severity) : "-", e.mnemonic, e.message_id, e.message,
                     e.interface.value_or("-"), e.kind, e.source.offset, e.source.length);
}

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

TEST_CASE("rules: shipped rule versions match the built-in parsers on the sample site", "[rules]") {
  auto rules = rules::shipped_rules(true);
  REQUIRE(rules);
  const auto builtins = parse::ParserRegistry::with_builtins();
  std::size_t compared = 0;
  std::size_t events = 0;
  for (const char* run : {"run-1", "run-2"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(STATETRACE_SAMPLES_DIR) / "campus-hq" / run)) {
      const std::string raw = read(entry.path());
      auto clean = parse::clean_text(raw);
      const std::string text(clean.text());
      auto sections = parse::split_sessions(text);
      std::map<std::string, std::string> platform;
      for (const auto& s : sections) {
        auto c = parse::canonical_command(s.command_raw);
        if (!s.before_first_prompt && c && c->canonical == "show version" && !platform.contains(s.host)) {
          platform[s.host] = ingest::detect_platform(text.substr(s.output.offset, s.output.length), s.prompt).platform;
        }
      }
      for (const auto& s : sections) {
        auto c = parse::canonical_command(s.command_raw);
        if (s.before_first_prompt || !c) continue;
        const std::string p = platform.contains(s.host) ? platform[s.host] : ingest::detect_platform(std::nullopt, s.prompt).platform;
        const auto* builtin = builtins.find(p, c->canonical);
        if (!builtin) continue;
        for (const auto& active : rules->rules()) {
          bool applies = false;
          for (const auto& a : active->rule().applies_to) applies = applies || (a.platform == p && a.command == c->canonical);
          if (!applies) continue;
          const std::string_view output = std::string_view(text).substr(s.output.offset, s.output.length);
          const parse::SectionInput input{output, p, c->canonical};
          auto want = builtin->parse(input);
          auto got = rules::run_rule_on_section(*active, input);
          INFO(entry.path().filename().string() << " " << s.host << " " << c->canonical << " rule " << active->rule().id);
          REQUIRE(want.has_value() == got.has_value());
          if (!want) continue;
          ++compared;
          CHECK(want->facts.has_value() == got->facts.has_value());
          if (want->facts && got->facts) {
            CHECK(want->facts->vendor == got->facts->vendor);
            CHECK(want->facts->platform == got->facts->platform);
            CHECK(want->facts->model == got->facts->model);
            CHECK(want->facts->os_version == got->facts->os_version);
            CHECK(want->facts->serial == got->facts->serial);
            CHECK(want->facts->uptime == got->facts->uptime);
            // The rule's range covers the lines that gave values; the C++ one also lines it only recognised.
            CHECK(want->facts->source.offset <= got->facts->source.offset);
            CHECK(got->facts->source.end() <= want->facts->source.end());
          }
          CHECK(want->clock.has_value() == got->clock.has_value());
          if (want->clock && got->clock) {
            CHECK(want->clock->raw == got->clock->raw);
            CHECK(describe(want->clock->time) == describe(got->clock->time));
          }
          // Events: every field, and the same line. (No continuation lines on the sample site:
          // the rules' one-record-per-line would otherwise differ, see the second test.)
          REQUIRE(want->events.size() == got->events.size());
          for (std::size_t i = 0; i < want->events.size(); ++i) {
            const auto& w = want->events[i];
            INFO("event " << i << ": " << w.message);
            REQUIRE(w.message.find('\n') == std::string::npos);
            CHECK(describe(w) == describe(got->events[i]));
          }
          events += want->events.size();
          REQUIRE(want->interfaces.size() == got->interfaces.size());
          for (std::size_t i = 0; i < want->interfaces.size(); ++i) {
            const auto& w = want->interfaces[i];
            const auto& g = got->interfaces[i];
            INFO("interface " << w.name_raw);
            CHECK(w.name == g.name);
            CHECK(w.name_raw == g.name_raw);
            CHECK(w.status == g.status);
            CHECK(w.vlan == g.vlan);
            CHECK(w.duplex == g.duplex);
            CHECK(w.speed == g.speed);
            CHECK(w.type == g.type);
            CHECK(w.description == g.description);
            // Same row; the Cisco parser counts a row's trailing blanks, rules never do.
            CHECK(w.source.offset == g.source.offset);
            CHECK(trim_end(output.substr(w.source.offset, w.source.length)) == output.substr(g.source.offset, g.source.length));
          }
        }
      }
    }
  }
  CHECK(compared >= 40);
  // 8 devices x 2 runs, 205-235 messages each (resources/samples/README.md).
  CHECK(events >= 16 * 200);
}

namespace {

struct Both {
  parse::ParseResult cpp, rule;
};

Both parse_both(const rules::RuleSet& set, std::string_view id, std::string_view platform, std::string_view output) {
  const auto builtins = parse::ParserRegistry::with_builtins();
  const parse::SectionInput input{output, platform, "show logging"};
  auto want = builtins.find(platform, "show logging")->parse(input);
  auto rule = set.find(id);
  REQUIRE(rule);
  auto got = rules::run_rule_on_section(*rule, input);
  REQUIRE(want);
  REQUIRE(got);
  return {std::move(*want), std::move(*got)};
}

}  // namespace

TEST_CASE("rules: what the show logging rules do differently from the C++ parsers", "[rules]") {
  auto set = rules::shipped_rules(true);
  REQUIRE(set);

  SECTION("continuation lines are not joined to their message (all three)") {
    const std::string ios =
        "Log Buffer (4096 bytes):\n"
        "000101: Nov 20 03:04:34.343 UTC: %SYS-2-MALLOCFAIL: Memory allocation of 65536 bytes failed\n"
        " -Traceback= 1A2B3C4D 5E6F7A8B\n";
    auto ios_both = parse_both(*set, "cisco_ios/show_logging", "cisco_ios", ios);
    REQUIRE(ios_both.cpp.events.size() == 1);
    REQUIRE(ios_both.rule.events.size() == 1);
    CHECK(ios_both.cpp.events[0].message == "Memory allocation of 65536 bytes failed\n -Traceback= 1A2B3C4D 5E6F7A8B");
    CHECK(ios_both.rule.events[0].message == "Memory allocation of 65536 bytes failed");
    CHECK(ios_both.rule.events[0].source.length < ios_both.cpp.events[0].source.length);

    const std::string eos =
        "Nov 20 03:00:25 HQ-DC1-LEAF-01 Ebra: %LINK-3-UPDOWN: Interface Ethernet36, changed state to down\n"
        "    (second line)\n";
    auto eos_both = parse_both(*set, "arista_eos/show_logging", "arista_eos", eos);
    REQUIRE(eos_both.rule.events.size() == 1);
    CHECK(eos_both.cpp.events[0].message.ends_with("\n    (second line)"));
    CHECK(eos_both.rule.events[0].message == "Interface Ethernet36, changed state to down");

    const std::string fi =
        "Dynamic Log Buffer (1000 lines):\n"
        "Nov 20 08:41:25:W:System: Interface ethernet 1/1/32, state down\n"
        "  - ERR-DISABLED (bpduguard)\n";
    auto fi_both = parse_both(*set, "ruckus_fastiron/show_logging", "ruckus_fastiron", fi);
    REQUIRE(fi_both.rule.events.size() == 1);
    CHECK(fi_both.cpp.events[0].message.ends_with("\n  - ERR-DISABLED (bpduguard)"));
    CHECK(fi_both.rule.events[0].message == "Interface ethernet 1/1/32, state down");
  }

  SECTION("the Cisco rule takes message-like lines before 'Log Buffer (N bytes):'") {
    const std::string ios =
        "Syslog logging: enabled\n"
        "000099: Nov 20 03:00:00.000 UTC: %SYS-5-CONFIG_I: Configured from console\n"
        "Log Buffer (4096 bytes):\n"
        "000100: Nov 20 03:04:34.343 UTC: %LINK-3-UPDOWN: Interface Gi1/0/1, changed state to down\n";
    auto both = parse_both(*set, "cisco_ios/show_logging", "cisco_ios", ios);
    REQUIRE(both.cpp.events.size() == 1);
    REQUIRE(both.rule.events.size() == 2);
    CHECK(both.rule.events[1].sequence == both.cpp.events[0].sequence);
    CHECK(both.rule.events[0].sequence == 99);
  }

  SECTION("the FastIron rule keeps a blank in a facility it has no value_map entry for") {
    const std::string fi =
        "Nov 19 13:01:08:W:Port Security: violation on port 1/1/22 by MAC d4be.a76f.bc0c, port err-disabled\n"
        "Nov 19 13:01:09:I:Link OAM: port 1/1/3 discovery done\n";
    auto both = parse_both(*set, "ruckus_fastiron/show_logging", "ruckus_fastiron", fi);
    REQUIRE(both.rule.events.size() == 2);
    CHECK(describe(both.cpp.events[0]) == describe(both.rule.events[0]));  // mapped: PORT_SECURITY
    CHECK(both.cpp.events[1].facility == "LINK_OAM");
    CHECK(both.rule.events[1].facility == "LINK OAM");
    CHECK(both.cpp.events[1].mnemonic == both.rule.events[1].mnemonic);
  }

  SECTION("FastIron's derived message ids match on every branch") {
    const std::string fi =
        "Nov 21 06:12:40:A:System: Stack unit 1 Power supply 1 is down\n"
        "Nov 21 06:12:41:A:System: Stack unit 1 power supply 2 failed\n"
        "Nov 21 06:20:02:I:System: Stack unit 1 Power supply 1 is ok\n"
        "Nov 21 06:20:03:I:System: Stack unit 1 Power supply 1 is up, state down\n"
        "0d02h11m33s:C:System: Stack unit 1 fan 2 failed\n"
        "0d02h11m34s:C:System: Stack unit 1 fan 2 IS DOWN\n"
        "0d02h12m01s:I:System: Stack unit 1 Fan 2 is up\n"
        "Nov 20 08:45:57:I:System: Interface ethernet 1/1/21, state up\n"
        "Nov 20 08:45:58:I:System: Port 1/1/21 is up but state down\n"
        "Nov 20 08:45:59:I:System: link is  down (two blanks: no pair)\n"
        "Nov 20 08:46:00:I:System: this downlink is updated\n"
        "Nov 20 08:46:01:N:DOT1X: Port 1/1/9 Mac d4be.6dad.995a - authentication failed\n";
    auto both = parse_both(*set, "ruckus_fastiron/show_logging", "ruckus_fastiron", fi);
    REQUIRE(both.cpp.events.size() == 12);
    REQUIRE(both.rule.events.size() == 12);
    for (std::size_t i = 0; i < both.cpp.events.size(); ++i) {
      INFO(both.cpp.events[i].message);
      CHECK(describe(both.cpp.events[i]) == describe(both.rule.events[i]));
    }
    CHECK(both.rule.events[0].message_id == "SYSTEM-1-POWER_SUPPLY_DOWN");
    CHECK(both.rule.events[6].message_id == "SYSTEM-6-FAN_UP");
  }
}
