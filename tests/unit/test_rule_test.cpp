// The rule test harness (rules/rule_test.h) and JSON pointer locations (rules/json_locate.h):
// what `parsers test` and the GUI rule editor's preview report, and where.
#include <catch2/catch.hpp>

#include <string>

#include "rules/json_locate.h"
#include "rules/rule_test.h"

using namespace st::rules;

namespace {

const std::string kRule = R"json({
  "id": "lab/x", "kind": "regex", "applies_to": [{"command": "show x"}],
  "output": {"table": "records"},
  "regex": {"patterns": ["^(?P<a>\\d+) \"(?P<b>\\w+)\""]},
  "samples": [{"name": "s", "input": ["1 \"x\""], "expected": [{"a": "1", "b": "x"}]}]
})json";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("json_locate finds a pointer's value in the text as written", "[rules][locate]") {
  const std::string text = "{\n  \"a\": [1, {\"b~1c\": \"x\\\"y\"}],\n  \"d\": true\n}";
  auto whole = locate_json_pointer(text, "");
  REQUIRE(whole);
  CHECK(whole->offset == 0);
  CHECK(whole->length == text.size());
  auto one = locate_json_pointer(text, "/a/0");
  REQUIRE(one);
  CHECK(text.substr(one->offset, one->length) == "1");
  auto escaped = locate_json_pointer(text, "/a/1/b~01c");  // "~0" is "~": the member "b~1c"
  REQUIRE(escaped);
  CHECK(text.substr(escaped->offset, escaped->length) == "\"x\\\"y\"");
  auto slash = locate_json_pointer(text, "/a/1/b~1c");  // "~1" is "/": member "b/c" is not there either
  REQUIRE(slash);
  CHECK(text[slash->offset] == '{');
  auto d = locate_json_pointer(text, "/d");
  REQUIRE(d);
  CHECK(text.substr(d->offset, d->length) == "true");
  CHECK(position_of(text, d->offset).line == 3);
  CHECK(position_of(text, d->offset).column == 8);
  // Inside a string literal: the decoded index 2 ('"' after the escape) is written at +3.
  const std::string literal = R"("x\"y")";
  CHECK(offset_in_string_literal(literal, 0, 0) == 1);
  CHECK(offset_in_string_literal(literal, 0, 1) == 2);
  CHECK(offset_in_string_literal(literal, 0, 2) == 4);
  CHECK_FALSE(locate_json_pointer("{\"a\": ", "/a"));
}

TEST_CASE("rule test harness: records, lines and problems at their place", "[rules][harness]") {
  RuleTestInput input;
  input.rule_text = kRule;
  input.sample = "junk\n12 \"ab\"\n7 \"c\"\n";
  auto report = test_rule_text(input);
  REQUIRE(report.loaded);
  CHECK(report.clean());
  CHECK(report.fields == std::vector<std::string>{"a", "b"});
  REQUIRE(report.run.records.size() == 2);
  CHECK(report.run.records[0].row["b"] == "ab");
  CHECK(report.run.records[1].lines == std::vector<std::uint32_t>{3});

  // Without a sample text, the rule's own sample runs.
  input.sample.reset();
  report = test_rule_text(input);
  CHECK(report.sample == "1 \"x\"\n");
  CHECK(report.run.records.size() == 1);

  // A bad pattern: its pointer, its column in the pattern, and the character in the text.
  input.rule_text = replaced(kRule, R"(\\d+) \")", R"(\\d+) [\")");
  report = test_rule_text(input);
  CHECK_FALSE(report.loaded);
  REQUIRE(report.problems.size() == 1);
  const auto& p = report.problems[0];
  CHECK(p.kind == ProblemKind::Load);
  CHECK(p.pointer == "/regex/patterns/0");
  REQUIRE(p.pattern_column);
  REQUIRE(p.at);
  const auto literal = input.rule_text.find(R"("^(?P<a>)");
  // The pattern as decoded is ^(?P<a>\d+) ["(?P<b>\w+)" ; the escapes (\\ and \") are two
  // bytes each in the text, so the place is after the literal's start by more than the column.
  CHECK(p.at->offset == offset_in_string_literal(input.rule_text, literal, *p.pattern_column - 1));
  CHECK(p.at->offset > literal + *p.pattern_column);

  // Not JSON: the byte where parsing stopped.
  input.rule_text = "{\"id\": \"x\",\n \"kind\" \"regex\"}";
  report = test_rule_text(input);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].kind == ProblemKind::Json);
  REQUIRE(report.problems[0].at);
  CHECK(position_of(input.rule_text, report.problems[0].at->offset).line == 2);

  // A sample that no longer matches: reported with its pointer, not enforced.
  input.rule_text = replaced(kRule, R"("b": "x")", R"("b": "y")");
  input.sample = "5 \"z\"\n";
  report = test_rule_text(input);
  REQUIRE(report.loaded);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].kind == ProblemKind::Sample);
  CHECK(report.problems[0].pointer == "/samples/0/expected/0/b");
  REQUIRE(report.problems[0].at);
  CHECK(input.rule_text.substr(report.problems[0].at->offset, 3) == "\"y\"");
  CHECK(report.run.records.size() == 1);

  // A runaway pattern is stopped by the sandbox and says so.
  input.rule_text = R"json({"id": "lab/evil", "kind": "regex", "applies_to": [{"command": "show x"}],
    "output": {"table": "records"}, "regex": {"patterns": ["^(?P<a>(a+)+$)"]}})json";
  std::string runaway(30, 'a');
  runaway.append("b\n");
  input.sample = runaway;
  report = test_rule_text(input);
  REQUIRE(report.loaded);
  CHECK(report.run.stopped == StopReason::MatchLimit);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].kind == ProblemKind::Sandbox);
  CHECK_THAT(report.problems[0].message, Catch::Contains("match limit"));
}

TEST_CASE("rule test harness: a template's error names its line", "[rules][harness]") {
  RuleTestInput input;
  input.rule_text = R"json({"id": "lab/t", "kind": "textfsm", "applies_to": [{"command": "show t"}],
    "output": {"table": "records"},
    "textfsm": {"inline": ["Value A (\\S+)", "", "Start", "  ^${A} -> Recrd"]}})json";
  input.sample = "x\n";
  auto report = test_rule_text(input);
  CHECK_FALSE(report.loaded);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].pointer == "/textfsm");
  REQUIRE(report.problems[0].template_line);
  CHECK(*report.problems[0].template_line == 4);
  CHECK_THAT(report.problems[0].message, Catch::Contains("Recrd"));
}
