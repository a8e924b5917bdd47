// Parser rules (src/rules/): the four kinds, schema validation with JSON pointers, samples
// checked at load time, and the sandbox stopping a runaway pattern.
#include <catch2/catch.hpp>

#include <chrono>
#include <set>

#include "rules/json_schema.h"
#include "rules/jsonpath.h"
#include "rules/rule_loader.h"
#include "rules/rule_output.h"
#include "rules/rule_set.h"

using namespace st;
using namespace st::rules;
using nlohmann::json;

namespace {

LoadedRule must_load(const json& doc) {
  auto loaded = load_rule(doc, "test.json", LoadOptions{});
  if (!loaded) FAIL(loaded.error().describe());
  return std::move(*loaded);
}

std::string load_error(const json& doc) {
  auto loaded = load_rule(doc, "bad.json", LoadOptions{});
  REQUIRE_FALSE(loaded);
  return loaded.error().describe();
}

const char* kCiscoStatus =
    "Port      Name               Status       Vlan       Duplex  Speed Type\n"
    "Gi1/0/1   uplink to core     connected    trunk      a-full a-1000 10/100/1000BaseTX\n"
    "Gi1/0/2                      notconnect   10           auto   auto 10/100/1000BaseTX\n"
    "Gi1/0/3   printer 3rd floor  err-disabled 20           auto   auto 10/100/1000BaseTX\n";

}  // namespace

TEST_CASE("rules: a regex rule per line maps named groups to the interfaces table", "[rules]") {
  auto loaded = must_load(json::parse(R"json({
    "id": "test/ip_int_brief", "kind": "regex", "version": 1,
    "applies_to": [{"platform": "cisco_ios", "command": "show ip interface brief"}],
    "output": {"table": "interfaces", "fields": {"name": "intf", "status": "status"}},
    "regex": {"patterns": ["^(?P<intf>\\S+)\\s+(?P<ip>\\d+\\.\\d+\\.\\d+\\.\\d+|unassigned)\\s+\\S+\\s+\\S+\\s+(?P<status>up|down|administratively down)\\s+(?P<proto>up|down)\\s*$"]},
    "samples": [{"name": "two", "input": [
      "Interface              IP-Address      OK? Method Status                Protocol",
      "GigabitEthernet0/0     10.0.0.1        YES NVRAM  up                    up",
      "Vlan10                 unassigned      YES unset  administratively down down"],
      "expected": [{"intf": "GigabitEthernet0/0", "ip": "10.0.0.1", "status": "up", "proto": "up"},
                   {"intf": "Vlan10", "ip": "unassigned", "status": "administratively down", "proto": "down"}]}]
  })json"));
  auto run = loaded.executor->run(loaded.rule.samples[0].input, true);
  REQUIRE(run.records.size() == 2);
  CHECK(run.records[0].lines == std::vector<std::uint32_t>{2});
  auto result = to_parse_result(loaded.rule, std::move(run), "cisco_ios");
  REQUIRE(result);
  REQUIRE(result->interfaces.size() == 2);
  CHECK(result->interfaces[0].name == "Gi0/0");
  CHECK(result->interfaces[0].name_raw == "GigabitEthernet0/0");
  CHECK(result->interfaces[1].status == "administratively down");
  CHECK(result->interfaces[0].source.offset == 81);
}

TEST_CASE("rules: events take a field chain ending in a literal and value_map's upper", "[rules]") {
  auto loaded = must_load(json::parse(R"json({
    "id": "test/log", "kind": "regex", "version": 1,
    "applies_to": [{"platform": "ruckus_fastiron", "command": "show logging"}],
    "output": {"table": "events",
               "fields": {"timestamp": "ts", "facility": "fac", "mnemonic": "state|=MSG", "message": "text"},
               "value_map": {"facility": {"*": "upper"}, "mnemonic": {"down": "LINK_DOWN"}}},
    "regex": {"patterns": ["^(?P<ts>\\w+ \\d+ [\\d:]+):(?P<fac>[^:]+): (?P<text>(?:.*state (?P<state>down))?.*)$",
                           "^(?P<text>-- .*)$"]}
  })json"));
  auto run = loaded.executor->run("Nov 20 08:41:27:System: Interface ethernet 1/1/32, state down\n"
                                  "Nov 20 08:44:46:Ntp: System clock synchronized\n"
                                  "-- no header --\n",
                                  false);
  auto result = to_parse_result(loaded.rule, std::move(run), "ruckus_fastiron");
  REQUIRE(result);
  REQUIRE(result->events.size() == 3);
  CHECK(result->events[0].facility == "SYSTEM");
  CHECK(result->events[0].mnemonic == "LINK_DOWN");
  CHECK(result->events[0].message_id == "SYSTEM-LINK_DOWN");
  CHECK(result->events[1].facility == "NTP");
  CHECK(result->events[1].mnemonic == "MSG");  // no `state`: the literal
  // No facility, no message id (as the built-in parsers), whatever the mnemonic.
  CHECK(result->events[2].facility.empty());
  CHECK(result->events[2].message_id.empty());
  // The loader still names a field no pattern gives, before the literal.
  auto bad = json::parse(R"json({
    "id": "test/log", "kind": "regex", "version": 1,
    "applies_to": [{"platform": "ruckus_fastiron", "command": "show logging"}],
    "output": {"table": "events", "fields": {"mnemonic": "stat|=MSG"}},
    "regex": {"patterns": ["^(?P<state>down)$"]}
  })json");
  CHECK(load_error(bad).find("/output/fields/mnemonic: the rule gives no field 'stat'") != std::string::npos);
}

TEST_CASE("rules: a regex rule per block collects fields between start and end", "[rules]") {
  auto loaded = must_load(json::parse(R"json({
    "id": "test/cdp", "kind": "regex",
    "applies_to": [{"command_regex": "show cdp neighbors? detail"}],
    "output": {"table": "records"},
    "regex": {"block_start": "^Device ID: (?P<neighbor>\\S+)", "block_end": "^-{5,}",
              "patterns": ["IP address: (?P<ip>\\S+)", "^Platform: (?P<platform>[^,]+),", "^Interface: (?P<local>[^,]+),\\s+Port ID \\(outgoing port\\): (?P<remote>\\S+)"],
              "list_fields": ["ip"]},
    "samples": [{"input": [
      "-------------------------",
      "Device ID: core-sw1.example.net",
      "Entry address(es):",
      "  IP address: 10.1.1.1",
      "  IP address: 10.1.1.2",
      "Platform: cisco WS-C3850-48P,  Capabilities: Router Switch IGMP",
      "Interface: GigabitEthernet1/0/48,  Port ID (outgoing port): TenGigabitEthernet1/1/1",
      "-------------------------",
      "Device ID: ap-17",
      "Platform: cisco AIR-AP2802I-B-K9,  Capabilities: Trans-Bridge",
      "Interface: GigabitEthernet1/0/7,  Port ID (outgoing port): GigabitEthernet0"],
      "expected": [
        {"neighbor": "core-sw1.example.net", "ip": ["10.1.1.1", "10.1.1.2"], "platform": "cisco WS-C3850-48P",
         "local": "GigabitEthernet1/0/48", "remote": "TenGigabitEthernet1/1/1"},
        {"neighbor": "ap-17", "platform": "cisco AIR-AP2802I-B-K9", "local": "GigabitEthernet1/0/7", "remote": "GigabitEthernet0"}]}]
  })json"));
  auto run = loaded.executor->run(loaded.rule.samples[0].input, true);
  REQUIRE(run.records.size() == 2);
  CHECK(run.records[0].lines == std::vector<std::uint32_t>{2, 4, 5, 6, 7, 8});
  CHECK(run.records[1].row["ip"] == json::array());
}

TEST_CASE("rules: a fixed-width delimiter rule reads columns at the header's positions", "[rules]") {
  auto loaded = must_load(json::parse(R"json({
    "id": "test/status", "kind": "delimiter",
    "applies_to": [{"platform": "cisco_ios", "command": "show interfaces status"}],
    "output": {"table": "interfaces", "fields": {"name": "port", "description": "name", "status": "status",
               "vlan": "vlan", "duplex": "duplex", "speed": "speed", "type": "type"}},
    "delimiter": {"fixed_width": true, "header": "^Port\\s+Name\\s+Status",
                  "columns": [{"name": "port", "header": "Port"}, {"name": "name", "header": "Name"},
                              {"name": "status", "header": "Status"}, {"name": "vlan", "header": "Vlan"},
                              {"name": "duplex", "header": "Duplex"}, {"name": "speed", "header": "Speed"},
                              {"name": "type", "header": "Type"}]}
  })json"));
  auto run = loaded.executor->run(kCiscoStatus, true);
  REQUIRE(run.records.size() == 3);
  CHECK(run.records[0].row["name"] == "uplink to core");
  CHECK(run.records[1].row["name"] == "");
  CHECK(run.records[2].row["status"] == "err-disabled");
  CHECK(run.records[0].row["speed"] == "a-1000");
  auto result = to_parse_result(loaded.rule, std::move(run), "cisco_ios");
  REQUIRE(result);
  CHECK(result->interfaces[1].description == std::nullopt);
  CHECK(result->interfaces[2].name == "Gi1/0/3");
}

TEST_CASE("rules: a delimiter rule splits on a separator with header names", "[rules]") {
  auto loaded = must_load(json::parse(R"json({
    "id": "test/csv", "kind": "delimiter", "applies_to": [{"command": "show mac csv"}],
    "output": {"table": "records"},
    "delimiter": {"separator": ",", "header": "^vlan,mac", "skip": "^#"},
    "samples": [{"input": "vlan,mac,port\n# comment\n10,0011.2233.4455,Gi1/0/1\n20,aabb.ccdd.eeff,Po1\n",
                 "expected": [{"vlan": "10", "mac": "0011.2233.4455", "port": "Gi1/0/1"},
                              {"vlan": "20", "mac": "aabb.ccdd.eeff", "port": "Po1"}]}]
  })json"));
  CHECK(loaded.executor->fields().empty());  // names come from the header at run time
}

TEST_CASE("rules: JSONPath subset over nlohmann::json", "[rules]") {
  json doc = json::parse(R"json({"interfaceStatuses": {"Ethernet1": {"linkStatus": "connected", "vlanInformation": {"vlanId": 10}},
                                                   "Ethernet2": {"linkStatus": "notconnect", "vlanInformation": {"vlanId": 20}}},
                             "list": [{"a": 1}, {"a": 2}, {"a": 3, "b": "x"}]})json");
  auto select = [&](const char* path) {
    auto p = JsonPath::compile(path);
    REQUIRE(p);
    return p->select(doc);
  };
  CHECK(select("$.interfaceStatuses.*").size() == 2);
  CHECK(select("$['interfaceStatuses']['Ethernet2'].linkStatus").front().value->get<std::string>() == "notconnect");
  CHECK(select("$.list[-1].b").front().value->get<std::string>() == "x");
  CHECK(select("$.list[*].a").size() == 3);
  CHECK(select("$..vlanId").size() == 2);
  CHECK(select("$.list[?(@.a >= 2)]").size() == 2);
  CHECK(select("$.list[?(@.b)]").front().pointer == "/list/2");
  CHECK(select("$.interfaceStatuses[?(@.linkStatus == 'connected')]").front().key == "Ethernet1");
  auto bad = JsonPath::compile("$.list[?(@.a ==)]");
  REQUIRE_FALSE(bad);
  CHECK_THAT(bad.error().message, Catch::Contains("column"));
}

TEST_CASE("rules: a jsonpath rule reads `| json` output into interfaces", "[rules]") {
  auto loaded = must_load(json::parse(R"json({
    "id": "test/eos_status_json", "kind": "jsonpath",
    "applies_to": [{"platform": "arista_eos", "command_regex": "show interfaces status( \\| json)?"}],
    "output": {"table": "interfaces", "fields": {"name": "port", "status": "status", "vlan": "vlan"}},
    "jsonpath": {"records": "$.interfaceStatuses.*",
                 "fields": {"port": "@key", "status": "@.linkStatus", "vlan": "@.vlanInformation.vlanId"}},
    "samples": [{"input": "{\"interfaceStatuses\": {\"Ethernet1\": {\"linkStatus\": \"connected\", \"vlanInformation\": {\"vlanId\": 10}}}}",
                 "expected": [{"port": "Ethernet1", "status": "connected", "vlan": 10}]}]
  })json"));
  auto run = loaded.executor->run("{\"interfaceStatuses\": {\"Ethernet7\": {\"linkStatus\": \"errdisabled\", "
                                  "\"vlanInformation\": {\"vlanId\": 30}}}}", false);
  auto result = to_parse_result(loaded.rule, std::move(run), "arista_eos");
  REQUIRE(result);
  REQUIRE(result->interfaces.size() == 1);
  CHECK(result->interfaces[0].name == "Et7");
  CHECK(result->interfaces[0].vlan == "30");
  auto broken = loaded.executor->run("{\"interfaceStatuses\": {\n\"Ethernet7\": }", false);
  REQUIRE(broken.errors.size() == 1);
  CHECK(broken.errors[0].line == 2);
}

TEST_CASE("rules: an inline textfsm rule keys records by Value names, List as arrays", "[rules]") {
  auto loaded = must_load(json::parse(R"json({
    "id": "test/vlans", "kind": "textfsm",
    "applies_to": [{"platform": "cisco_ios", "command": "show vlan brief"}],
    "output": {"table": "records"},
    "textfsm": {"inline": [
      "Value Required VLAN_ID (\\d+)",
      "Value NAME (\\S+)",
      "Value STATUS (\\S+)",
      "Value List INTERFACES ([\\w\\/\\.-]+)",
      "",
      "Start",
      "  ^\\d+ -> Continue.Record",
      "  ^${VLAN_ID}\\s+${NAME}\\s+${STATUS}\\s+${INTERFACES},? -> Continue",
      "  ^\\d+\\s+\\S+\\s+\\S+\\s+\\S+,\\s+${INTERFACES},? -> Continue",
      "  ^\\s+${INTERFACES},? -> Continue",
      "  ^\\s+\\S+,\\s+${INTERFACES},? -> Continue"]},
    "samples": [{"input": [
      "VLAN Name                             Status    Ports",
      "---- -------------------------------- --------- -------------------------------",
      "1    default                          active    Gi1/0/1, Gi1/0/2",
      "                                                Gi1/0/3",
      "10   users                            active    Gi1/0/4"],
      "expected": [{"VLAN_ID": "1", "NAME": "default", "STATUS": "active", "INTERFACES": ["Gi1/0/1", "Gi1/0/2", "Gi1/0/3"]},
                   {"VLAN_ID": "10", "NAME": "users", "STATUS": "active", "INTERFACES": ["Gi1/0/4"]}]}]
  })json"));
  auto run = loaded.executor->run(loaded.rule.samples[0].input, true);
  REQUIRE(run.records.size() == 2);
  CHECK(run.records[0].lines == std::vector<std::uint32_t>{3, 4});
}

TEST_CASE("rules: schema errors name the file, the rule and the JSON pointer", "[rules]") {
  auto missing = load_error(json::parse(R"json({"id": "x/y", "kind": "regex", "applies_to": [{"command": "show x"}],
                                            "regex": {"patterns": ["(?P<a>.)"]}})json"));
  CHECK_THAT(missing, Catch::Contains("bad.json"));
  CHECK_THAT(missing, Catch::Contains("rule 'x/y'"));
  CHECK_THAT(missing, Catch::Contains("missing required property 'output'"));

  auto typo = load_error(json::parse(R"json({"id": "x/y", "kind": "regex", "applies_to": [{"command": "show x"}],
      "output": {"table": "interfaces"}, "regex": {"paterns": ["(?P<a>.)"]}})json"));
  CHECK_THAT(typo, Catch::Contains("/regex/paterns: unknown property 'paterns'"));

  auto table = load_error(json::parse(R"json({"id": "x/y", "kind": "regex", "applies_to": [{"command": "show x"}],
      "output": {"table": "interface"}, "regex": {"patterns": ["(?P<a>.)"]}})json"));
  CHECK_THAT(table, Catch::Contains("/output/table"));

  auto both = load_error(json::parse(R"json({"id": "x/y", "kind": "regex", "applies_to": [{"command": "a", "command_regex": "b"}],
      "output": {"table": "records"}, "regex": {"patterns": ["(?P<a>.)"]}})json"));
  CHECK_THAT(both, Catch::Contains("/applies_to/0"));

  auto bad_pattern = load_error(json::parse(R"json({"id": "x/y", "kind": "regex", "applies_to": [{"command": "show x"}],
      "output": {"table": "records"}, "regex": {"patterns": ["(?P<a>.)", "(?P<b>[a-"]}})json"));
  CHECK_THAT(bad_pattern, Catch::Contains("/regex/patterns/1: bad pattern at column"));

  auto bad_field = load_error(json::parse(R"json({"id": "x/y", "kind": "regex", "applies_to": [{"command": "show x"}],
      "output": {"table": "interfaces", "fields": {"nmae": "a"}}, "regex": {"patterns": ["(?P<a>.)"]}})json"));
  CHECK_THAT(bad_field, Catch::Contains("/output/fields/nmae: the interfaces table has no field 'nmae'"));

  auto bad_template = load_error(json::parse(R"json({"id": "x/y", "kind": "textfsm", "applies_to": [{"command": "show x"}],
      "output": {"table": "records"}, "textfsm": {"inline": ["Value A (\\S+)", "", "Start", "  ^${B} -> Record"]}})json"));
  CHECK_THAT(bad_template, Catch::Contains("/textfsm: template line 4"));
}

TEST_CASE("rules: a sample whose records differ fails the load with the pointer", "[rules]") {
  auto text = load_error(json::parse(R"json({"id": "x/clock", "kind": "regex", "applies_to": [{"command": "show clock"}],
      "output": {"table": "records"}, "regex": {"patterns": ["^\\*?(?P<time>\\d+:\\d+:\\d+)"]},
      "samples": [{"name": "ios", "input": "*09:14:07.532 UTC Fri Nov 20 2026\n", "expected": [{"time": "09:14:08"}]}]})json"));
  CHECK_THAT(text, Catch::Contains("/samples/0/expected/0/time"));
  CHECK_THAT(text, Catch::Contains("expected \"09:14:08\", the rule gave \"09:14:07\""));
}

TEST_CASE("rules: the schema validator covers the keywords our schemas use", "[rules]") {
  json schema = json::parse(R"json({
    "$defs": {"port": {"type": "integer", "minimum": 1, "maximum": 65535}},
    "type": "object", "required": ["name"], "additionalProperties": false,
    "properties": {
      "name": {"type": "string", "pattern": "^[a-z]+$", "minLength": 2},
      "port": {"$ref": "#/$defs/port"},
      "mode": {"enum": ["a", "b"]},
      "tags": {"type": "array", "minItems": 1, "items": {"type": "string"}},
      "value": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
      "any": {"anyOf": [{"type": "boolean"}, {"type": "null"}]}
    }})json");
  CHECK(validate_schema(schema, json::parse(R"json({"name": "ok", "port": 22, "mode": "a", "tags": ["x"], "value": 3})json")).empty());
  auto errors = validate_schema(schema, json::parse(
      R"json({"name": "A", "port": 0, "mode": "c", "tags": [1], "value": 1.5, "any": 3, "extra": 1})json"));
  std::set<std::string> pointers;
  for (const auto& e : errors) pointers.insert(e.pointer);
  CHECK(pointers == std::set<std::string>{"/name", "/port", "/mode", "/tags/0", "/value", "/any", "/extra"});
  CHECK(validate_schema(schema, json::parse("{}")).front().message == "missing required property 'name'");
  CHECK(pointer_append("/a", "b/c~d") == "/a/b~1c~0d");
}

TEST_CASE("rules: the sandbox stops a catastrophic pattern and disables the rule", "[rules][sandbox]") {
  const std::string input = std::string(30, 'a') + "b\n";
  for (const char* kind : {"regex", "textfsm"}) {
    DYNAMIC_SECTION("kind " << kind) {
      json doc = json::parse(R"json({"id": "evil/backtrack", "applies_to": [{"platform": "cisco_ios", "command": "show evil"}],
                                 "output": {"table": "records"}})json");
      doc["kind"] = kind;
      if (std::string(kind) == "regex") doc["regex"] = {{"patterns", {"^(?P<a>(a+)+$)"}}};
      else doc["textfsm"] = {{"inline", {"Value A ((a+)+)", "", "Start", "  ^${A}$$ -> Record"}}};
      auto loaded = must_load(doc);
      RuleSet set;
      set.add(std::move(loaded));
      parse::ParserRegistry registry;
      set.register_into(registry);
      const auto* entry = registry.find("cisco_ios", "show evil");
      REQUIRE(entry);
      const auto started = std::chrono::steady_clock::now();
      auto result = entry->parse(parse::SectionInput{input, "cisco_ios", "show evil"});
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      REQUIRE_FALSE(result);
      CHECK_THAT(result.error().message, Catch::Contains("rule evil/backtrack stopped"));
      CHECK_THAT(result.error().message, Catch::Contains("show evil"));
      CHECK_THAT(result.error().message, Catch::Contains("match limit"));
      CHECK(seconds < 5.0);  // generous: the limit stops it in milliseconds
      CHECK(registry.find("cisco_ios", "show evil") == nullptr);  // disabled: nothing else parses it
    }
  }
}

TEST_CASE("rules: the time budget stops a slow rule", "[rules][sandbox]") {
  LoadOptions options;
  options.budget.time = std::chrono::milliseconds(1);
  options.budget.per_megabyte = std::chrono::milliseconds(0);
  auto loaded = load_rule(json::parse(R"json({"id": "slow/one", "kind": "regex", "applies_to": [{"command": "show x"}],
      "output": {"table": "records"}, "regex": {"patterns": ["^(?P<w>(\\w+\\s?)*)\\d$"]}})json"), "slow.json", options);
  REQUIRE(loaded);
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "word another word and more words here x\n";
  auto run = loaded->executor->run(text, false);
  CHECK(run.stopped != StopReason::None);
}

TEST_CASE("rules: printed times parse in the forms devices use", "[rules]") {
  auto t = parse_printed_time("*Jun 19 03:02:31.123 UTC");
  REQUIRE(t);
  CHECK(t->month == 6);
  CHECK(t->millis == 123);
  CHECK(t->utc_offset_minutes == 0);
  CHECK_FALSE(t->year);
  auto clock = parse_printed_time("*09:14:07.532 UTC Fri Nov 20 2026");
  REQUIRE(clock);
  CHECK(clock->year == 2026);
  CHECK(clock->day == 20);
  auto iso = parse_printed_time("2024-06-19T03:02:31Z");
  REQUIRE(iso);
  CHECK(iso->hour == 3);
  CHECK(parse_printed_time("2024 Jun 19 03:02:31")->year == 2024);
  CHECK_FALSE(parse_printed_time("uptime 7:04"));
}

TEST_CASE("rules: a textfsm rule gives the same table from the engine's records as from JSON rows", "[rules]") {
  // Every mapping form: a List joined, one List item, an item past the end then a literal,
  // a literal, value_map exact / case-insensitive / "*", and a missing interface name.
  auto loaded = must_load(json::parse(R"json({
    "id": "test/status_lists", "kind": "textfsm",
    "applies_to": [{"platform": "cisco_ios", "command": "show interfaces status"}],
    "output": {"table": "interfaces",
               "fields": {"name": "PORT", "status": "STATUS", "vlan": "VLANS[0]", "description": "VLANS",
                          "duplex": "DUPLEX", "speed": "=auto", "type": "VLANS[2]|=copper"},
               "value_map": {"status": {"connected": "up", "NOTCONNECT": "down", "*": "upper"}}},
    "textfsm": {"inline": [
      "Value PORT ((?:Gi\\S+)?)",
      "Value STATUS (\\S+)",
      "Value DUPLEX (\\S+)",
      "Value List VLANS (\\d+)",
      "",
      "Start",
      "  ^[#G] -> Continue.Record",
      "  ^#?${PORT}\\s*${STATUS}\\s+${DUPLEX}\\s+${VLANS}\\s*$$",
      "  ^\\s+${VLANS}\\s*$$"]},
    "enabled": true
  })json"));
  const std::string text =
      "Gi1/0/1 connected a-full 10\n"
      "   20\n"
      "   30\n"
      "Gi1/0/2 NotConnect auto 40\n"
      "# err-disabled full 50\n"
      "   60\n"
      "Gi1/0/4 disabled full 70\n";
  auto json_path = to_parse_result(loaded.rule, loaded.executor->run(text, false), "cisco_ios");
  REQUIRE(loaded.executor->has_engine_records());
  REQUIRE(fast_path_applies(loaded.rule));
  EngineRecords engine;
  const RuleRun run = loaded.executor->run_engine(text, engine);
  CHECK(run.records.empty());  // no JSON rows were built
  auto engine_path = to_parse_result(loaded.rule, run, engine, "cisco_ios");
  REQUIRE(json_path);
  REQUIRE(engine_path);
  REQUIRE(json_path->interfaces.size() == 3);  // the third line has no port name: skipped with a warning
  REQUIRE(engine_path->interfaces.size() == 3);
  CHECK(json_path->warnings.size() == 1);
  CHECK(engine_path->warnings.size() == 1);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& a = json_path->interfaces[i];
    const auto& b = engine_path->interfaces[i];
    CHECK(a.name == b.name);
    CHECK(a.status == b.status);
    CHECK(a.vlan == b.vlan);
    CHECK(a.description == b.description);
    CHECK(a.duplex == b.duplex);
    CHECK(a.speed == b.speed);
    CHECK(a.type == b.type);
    CHECK(a.source == b.source);
  }
  const auto& first = engine_path->interfaces[0];
  CHECK(first.status == "up");
  CHECK(first.vlan == "10");
  CHECK(first.description == "10 20 30");
  CHECK(first.duplex == "a-full");
  CHECK(first.speed == "auto");
  CHECK(first.type == "30");
  CHECK(engine_path->interfaces[1].type == "copper");
  CHECK(engine_path->interfaces[1].status == "down");
  CHECK(engine_path->interfaces[2].status == "DISABLED");
  CHECK(engine_path->interfaces[2].source.offset == text.find("Gi1/0/4"));
  CHECK(engine_path->interfaces[0].source.offset == 0);
  CHECK(engine_path->interfaces[0].source.end() >= text.find("   30") + 5);  // the List's last line
}

TEST_CASE("rules: expand ranges turns a printed port list into its ports", "[rules]") {
  CHECK(expand_ranges("ethe 1/1/1 to 1/1/4 ethe 1/1/26") == "1/1/1 1/1/2 1/1/3 1/1/4 1/1/26");
  CHECK(expand_ranges("ethernet 1/2/1 to 1/2/2") == "1/2/1 1/2/2");
  CHECK(expand_ranges("ethe 1 to 3 ethe 11") == "1 2 3 11");
  CHECK(expand_ranges("None").empty());
  CHECK(expand_ranges("Gi1/0/1, Gi1/0/2") == "Gi1/0/1 Gi1/0/2");
  CHECK(expand_ranges("Gi1/0/1 to Gi1/0/3") == "Gi1/0/1 Gi1/0/2 Gi1/0/3");
  // Different names before the last number, or a backwards range: kept as printed.
  CHECK(expand_ranges("ethe 1/1/5 to 1/2/7") == "1/1/5 1/2/7");
  CHECK(expand_ranges("ethe 1/1/9 to 1/1/2") == "1/1/9 1/1/2");
  CHECK(expand_ranges("1/1/1 to 1/1/99999") == "1/1/1 1/1/99999");
  // A group header prefixes the bare numbers after it.
  CHECK(expand_ranges("(U1/M1)   4   5 (U2/M2) 1 (LAG) 3 7") == "1/1/4 1/1/5 2/2/1 lag3 lag7");
  CHECK(expand_ranges("to 1/1/1") == "1/1/1");
}

TEST_CASE("rules: output.expand ranges fills an interface list column with every port", "[rules]") {
  auto loaded = must_load(json::parse(R"json({
    "id": "test/fastiron_vlan", "kind": "textfsm",
    "applies_to": [{"platform": "ruckus_fastiron", "command": "show vlan"}],
    "output": {"table": "vlans", "fields": {"vlan_id": "VLAN_ID", "ports": "PORTS"}, "expand": {"ports": "ranges"}},
    "textfsm": {"inline": [
      "Value Required VLAN_ID (\\d+)",
      "Value List PORTS (.+?)",
      "",
      "Start",
      "  ^PORT-VLAN -> Continue.Record",
      "  ^PORT-VLAN\\s+${VLAN_ID},",
      "  ^\\s*Untagged Ports:\\s+${PORTS}\\s*$$"]},
    "enabled": true
  })json"));
  const std::string text =
      "PORT-VLAN 10, Name Data\n"
      " Untagged Ports: ethe 1/1/1 to 1/1/3 ethe 1/1/26\n"
      "PORT-VLAN 20, Name Voice\n"
      " Untagged Ports: None\n";
  auto result = to_parse_result(loaded.rule, loaded.executor->run(text, false), "ruckus_fastiron");
  REQUIRE(result);
  REQUIRE(result->objects.size() == 2);
  CHECK(result->objects[0].value("ports") == "1/1/1 1/1/2 1/1/3 1/1/26");
  CHECK_FALSE(result->objects[1].value("ports"));
  EngineRecords engine;
  const RuleRun run = loaded.executor->run_engine(text, engine);
  auto engine_path = to_parse_result(loaded.rule, run, engine, "ruckus_fastiron");
  REQUIRE(engine_path);
  REQUIRE(engine_path->objects.size() == 2);
  CHECK(engine_path->objects[0].value("ports") == "1/1/1 1/1/2 1/1/3 1/1/26");
}

TEST_CASE("rules: also_objects adds objects of another table, one per list item with each", "[rules]") {
  // Facts into device_facts, a generic record with its own keys (also_records.fields), and
  // stack members from two lists (each) plus one object from plain values; the same switch
  // from two entries is one object with the columns of both.
  auto loaded = must_load(json::parse(R"json({
    "id": "test/version_stack", "kind": "textfsm",
    "applies_to": [{"platform": "cisco_ios", "command": "show version"}],
    "output": {"table": "device_facts",
               "fields": {"hostname": "HOST", "model": "MODELS[0]", "reload_reason": "REASON"},
               "also_records": {"fields": {"kind": "=lab/version", "host": "HOST", "reason": "REASON", "models": "MODELS"}},
               "also_objects": [
                 {"table": "stack_members", "each": "SWITCHES",
                  "fields": {"switch": "SWITCHES", "model": "MODELS", "state": "STATES", "version": "=17.9"},
                  "value_map": {"state": {"*": "lower"}}},
                 {"table": "stack_members", "fields": {"switch": "ACTIVE", "role": "=active", "serial": "SERIAL"}}]},
    "textfsm": {"inline": [
      "Value HOST (\\S+)",
      "Value REASON (.+?)",
      "Value ACTIVE (\\d+)",
      "Value SERIAL (\\w+)",
      "Value List SWITCHES (\\d+)",
      "Value List MODELS (\\S+)",
      "Value List STATES (\\S+)",
      "",
      "Start",
      "  ^${HOST} uptime is",
      "  ^Last reload reason: ${REASON}\\s*$$",
      "  ^Processor board ID ${SERIAL}",
      "  ^\\*\\s*${ACTIVE}\\s -> Continue",
      "  ^\\*?\\s*${SWITCHES}\\s+${MODELS}\\s+${STATES}"]},
    "enabled": true
  })json"));
  const std::string text =
      "sw1 uptime is 2 days\n"
      "Last reload reason: power-on\n"
      "Processor board ID FOC123\n"
      "* 1 C9300-48P Ready\n"
      "  2 C9300-24T Removed\n";
  auto result = to_parse_result(loaded.rule, loaded.executor->run(text, false), "cisco_ios");
  REQUIRE(result);
  REQUIRE(result->facts);
  CHECK(result->facts->hostname == "sw1");
  CHECK(result->facts->model == "C9300-48P");
  CHECK(result->facts->reload_reason == "power-on");
  REQUIRE(result->records.size() == 1);
  CHECK(result->records[0].row == json{{"kind", "lab/version"}, {"host", "sw1"}, {"reason", "power-on"},
                                       {"models", {"C9300-48P", "C9300-24T"}}});
  REQUIRE(result->objects.size() == 2);
  const auto& one = result->objects[0];
  const auto& two = result->objects[1];
  CHECK(one.kind->name == "stack_member");
  CHECK(one.value("switch") == "1");
  CHECK(one.value("model") == "C9300-48P");
  CHECK(one.value("state") == "ready");
  CHECK(one.value("version") == "17.9");
  CHECK(one.value("role") == "active");  // from the second entry, merged
  CHECK(one.value("serial") == "FOC123");
  CHECK(two.value("switch") == "2");
  CHECK(two.value("model") == "C9300-24T");
  CHECK(two.value("state") == "removed");
  CHECK_FALSE(two.value("role"));
  CHECK_FALSE(two.value("serial"));

  // The engine path (also_records with keys of its own takes it) gives the same record and
  // objects; without also_records, no record.
  REQUIRE(fast_path_applies(loaded.rule));
  EngineRecords engine;
  const RuleRun run = loaded.executor->run_engine(text, engine);
  auto engine_path = to_parse_result(loaded.rule, run, engine, "cisco_ios");
  REQUIRE(engine_path);
  REQUIRE(engine_path->records.size() == 1);
  CHECK(engine_path->records[0].row == result->records[0].row);
  CHECK(engine_path->records[0].source == result->records[0].source);
  CHECK(engine_path->facts->reload_reason == "power-on");
  REQUIRE(engine_path->objects.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) CHECK(engine_path->objects[i].values == result->objects[i].values);
  json doc = json::parse(loaded.rule.json.dump());
  doc["output"].erase("also_records");
  auto bare = must_load(doc);
  EngineRecords bare_engine;
  const RuleRun bare_run = bare.executor->run_engine(text, bare_engine);
  auto no_records = to_parse_result(bare.rule, bare_run, bare_engine, "cisco_ios");
  REQUIRE(no_records);
  CHECK(no_records->records.empty());
  CHECK(no_records->objects.size() == 2);

  // Without a starred row the second entry has no key: no object, no warning.
  auto standalone = to_parse_result(loaded.rule, loaded.executor->run("sw2 uptime is 1 day\n  3 C9200L Ready\n", false), "cisco_ios");
  REQUIRE(standalone);
  REQUIRE(standalone->objects.size() == 1);
  CHECK(standalone->objects[0].value("switch") == "3");
  CHECK_FALSE(standalone->objects[0].value("role"));
  CHECK(standalone->warnings.empty());
}

TEST_CASE("rules: also_objects is checked at load: its table, its columns, the rule's fields", "[rules]") {
  auto rule = json::parse(R"json({
    "id": "test/bad_also", "kind": "textfsm",
    "applies_to": [{"platform": "cisco_ios", "command": "show version"}],
    "output": {"table": "device_facts", "fields": {"hostname": "HOST"},
               "also_objects": [{"table": "stack_members", "fields": {"switch": "NUMBER", "colour": "HOST"}}]},
    "textfsm": {"inline": ["Value HOST (\\S+)", "", "Start", "  ^${HOST} uptime is"]}
  })json");
  const auto error = load_error(rule);
  CHECK(error.find("/output/also_objects/0/fields/colour") != std::string::npos);
  CHECK(error.find("the rule gives no field 'NUMBER'") != std::string::npos);
  rule["output"]["also_objects"][0]["table"] = "device_facts";
  CHECK(load_error(rule).find("/output/also_objects/0/table") != std::string::npos);
  rule["output"].erase("also_objects");
  rule["output"]["also_records"] = json{{"fields", {{"host", "HOSTNAME"}}}};
  CHECK(load_error(rule).find("/output/also_records/fields/host: the rule gives no field 'HOSTNAME'") != std::string::npos);
}
