#include <catch2/catch.hpp>

#include "parse/event_kind.h"
#include "parse/parser_registry.h"

using namespace st::parse;

TEST_CASE("event kinds: the shipped rules load and their samples pass", "[event_kind]") {
  const auto& classifier = EventKindClassifier::builtin();
  CHECK(classifier.rule_count() > 10);
  CHECK(classifier.classify("cisco", "LINK-3-UPDOWN", "Interface Gi1/0/3, changed state to down") ==
        "link_down");
  CHECK(classifier.classify("arista", "LINEPROTO-5-UPDOWN",
                            "Line protocol on Interface Ethernet6, changed state to up") == "lineproto_up");
  CHECK(classifier.classify("ruckus", "SYSTEM-6-LINK_UP", "Interface ethernet 1/1/5, state up") == "link_up");
  CHECK(classifier.classify("cisco", "SYS-5-RESTART", "System restarted --") == "other");
}

TEST_CASE("event kinds: vendor-specific rules apply to their vendor only", "[event_kind]") {
  auto c = EventKindClassifier::from_json(
      R"({"rules": [{"vendors": ["ruckus"], "message_id": "*-LINK_DOWN", "kind": "link_down"}]})", "t");
  REQUIRE(c);
  CHECK(c->classify("ruckus", "PORT-5-LINK_DOWN", "") == "link_down");
  CHECK(c->classify("cisco", "PORT-5-LINK_DOWN", "") == "other");
  CHECK(c->classify("", "PORT-5-LINK_DOWN", "") == "other");
}

TEST_CASE("event kinds: broken rule files are refused with the rule named", "[event_kind]") {
  auto bad_kind = EventKindClassifier::from_json(
      R"({"rules": [{"id": "x", "message_id": "A-1-B", "kind": "meltdown"}]})", "rules.json");
  REQUIRE_FALSE(bad_kind);
  CHECK(bad_kind.error().message.find("unknown kind 'meltdown'") != std::string::npos);
  CHECK(bad_kind.error().file == "rules.json");

  auto bad_regex = EventKindClassifier::from_json(
      R"({"rules": [{"id": "y", "text": "(unclosed", "kind": "other"}]})", "rules.json");
  REQUIRE_FALSE(bad_regex);
  CHECK(bad_regex.error().message.find("rules[0] (y)") != std::string::npos);

  auto catch_all = EventKindClassifier::from_json(R"({"rules": [{"kind": "other"}]})", "r");
  REQUIRE_FALSE(catch_all);

  auto bad_sample = EventKindClassifier::from_json(
      R"({"rules": [{"message_id": "LINK-*", "kind": "link_down"}],
          "samples": [{"message_id": "LINK-3-UPDOWN", "message": "", "kind": "link_up"}]})", "r");
  REQUIRE_FALSE(bad_sample);
  CHECK(bad_sample.error().message.find("samples[0]") != std::string::npos);

  CHECK_FALSE(EventKindClassifier::from_json("not json", "r"));
}

TEST_CASE("event kinds: glob and platform helpers", "[event_kind]") {
  CHECK(glob_match("LINK-?-UPDOWN", "link-3-updown"));
  CHECK(glob_match("*LINEPROTO*", "PKT_INFRA-LINEPROTO-5-UPDOWN"));
  CHECK_FALSE(glob_match("LINK-?-UPDOWN", "LINK-33-UPDOWN"));
  CHECK(glob_match("*", ""));
  CHECK(vendor_of_platform("cisco_ios") == "cisco");
  CHECK(vendor_of_platform("arista_eos") == "arista");
  CHECK(vendor_of_platform("ruckus_fastiron") == "ruckus");
  CHECK(vendor_of_platform("juniper_junos").empty());
}

TEST_CASE("event kinds: Cisco logging parser output is classified through the registry", "[event_kind]") {
  const auto registry = ParserRegistry::with_builtins();
  const auto* entry = registry.find("cisco_ios", "show logging");
  REQUIRE(entry);
  auto r = entry->parse(SectionInput{
      "Log Buffer (4096 bytes):\n"
      "001231: Nov 20 08:51:12.345 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/3, changed state to down\n"
      "001233: Nov 20 08:52:40.010 UTC: %PM-4-ERR_DISABLE: bpduguard error detected on Gi1/0/3, putting Gi1/0/3 in err-disable state\n",
      "cisco_ios", "show logging"});
  REQUIRE(r);
  REQUIRE(r->events.size() == 2);
  CHECK(r->events[0].kind == "link_down");
  CHECK(r->events[1].kind == "err_disable");
}
