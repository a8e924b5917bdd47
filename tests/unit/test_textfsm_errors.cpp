// TextFSM template errors: each names the file, the line and the reason (and the column
// for patterns), following Python TextFSM's checks.
#include <catch2/catch.hpp>

#include <string>

#include "textfsm/template.h"

namespace {

st::Error compile_error(std::string_view text) {
  auto tpl = st::textfsm::Template::compile(text, "bad.textfsm");
  REQUIRE_FALSE(tpl);
  CHECK(tpl.error().file == "bad.textfsm");
  CHECK(tpl.error().kind == st::ErrorKind::InputRefused);
  return tpl.error();
}

}  // namespace

TEST_CASE("textfsm errors: Value lines", "[textfsm][errors]") {
  auto e = compile_error("Value Filldown,Sticky A (\\d+)\n\nStart\n  ^${A}\n");
  CHECK(e.line == 1u);
  CHECK_THAT(e.message, Catch::Contains("Unknown option \"Sticky\""));
  CHECK(e.describe().rfind("bad.textfsm:1:", 0) == 0);

  e = compile_error("Value A (\\d+\n\nStart\n  ^${A}\n");
  CHECK(e.line == 1u);
  CHECK_THAT(e.message, Catch::Contains("must be contained within a '()' pair"));

  e = compile_error("Value A (\\d+)\nValue A (\\w+)\n\nStart\n  ^${A}\n");
  CHECK(e.line == 2u);
  CHECK(e.message == "Duplicate declarations for Value 'A'.");

  e = compile_error("Value Key,Key A (\\d+)\n\nStart\n");
  CHECK(e.message == "Duplicate option \"Key\".");

  e = compile_error("Value A (\\d+)\nStart\n  ^${A}\n");
  CHECK(e.line == 2u);
  CHECK(e.message == "Expected blank line after last Value entry.");

  e = compile_error("Value A\n\nStart\n");
  CHECK(e.message == "Expect at least 3 tokens on line.");

  e = compile_error("Value List A ((?P<x>\\d+)(?P<x>\\d+))\n\nStart\n  ^${A}\n");
  CHECK(e.line == 1u);
  CHECK_THAT(e.message, Catch::Contains("redefinition of group name 'x'"));
}

TEST_CASE("textfsm errors: rules", "[textfsm][errors]") {
  // A Value that does not exist, with its column.
  auto e = compile_error("Value A (\\d+)\n\nStart\n  ^${A} ${B} -> Record\n");
  CHECK(e.line == 4u);
  CHECK(e.message == "unknown value 'B' at column 9");
  CHECK(e.offset == std::optional<std::uint64_t>(29));

  // PCRE2's own message and the column in the template line.
  e = compile_error("Value A (\\d+)\n\nStart\n  ^${A} (unclosed -> Record\n");
  CHECK(e.line == 4u);
  CHECK_THAT(e.message, Catch::StartsWith("invalid regular expression '^(?P<A>\\d+) (unclosed': missing closing parenthesis"));
  CHECK_THAT(e.message, Catch::EndsWith("at column 18"));
  e = compile_error("Value A (\\d+)\n\nStart\n  ^${A} x{2,1}\n");
  CHECK_THAT(e.message, Catch::Contains("numbers out of order in {} quantifier at column 1"));

  e = compile_error("Value A (\\d+)\n\nStart\n  ^price: 5$ -> Record\n");
  CHECK(e.line == 4u);
  CHECK_THAT(e.message, Catch::StartsWith("invalid '$' at column 12"));

  e = compile_error("Value A (\\d+)\n\nStart\n   ^${A}\n");
  CHECK(e.line == 4u);
  CHECK(e.message == "Missing white space or carat ('^') before rule.");

  e = compile_error("Value A (\\d+)\n\nStart\n  ^${A} -> Continue Other\n\nOther\n");
  CHECK(e.message == "Action 'Continue' with new state Other specified.");

  e = compile_error("Value A (\\d+)\n\nStart\n  ^${A} -> Next.Sometimes\n");
  CHECK(e.message == "Badly formatted rule '^${A} -> Next.Sometimes'.");

  e = compile_error("Value A (\\d+)\n\nStart\n  ^${A} -> Record \"quoted\"\n");
  CHECK(e.message == "Alphanumeric characters only in state names.");
}

TEST_CASE("textfsm errors: states", "[textfsm][errors]") {
  auto e = compile_error("Value A (\\d+)\n\nStart\n  ^${A} -> Nowhere\n");
  CHECK(e.line == 4u);
  CHECK(e.message == "State 'Nowhere' not found, referenced in state 'Start'.");

  e = compile_error("Value A (\\d+)\n\nBegin\n  ^${A}\n");
  CHECK_FALSE(e.line);
  CHECK(e.message == "Missing state 'Start'.");

  e = compile_error("Value A (\\d+)\n\nStart\n  ^${A}\n\nStart-2\n  ^x\n");
  CHECK(e.line == 6u);
  CHECK(e.message == "Invalid state name: 'Start-2'.");

  e = compile_error("Value A (\\d+)\n\nStart\n  ^${A}\n\nStart\n");
  CHECK(e.message == "Duplicate state name: 'Start'.");

  e = compile_error("Value A (\\d+)\n\nStart\n  ^${A}\n\nEnd\n  ^x\n");
  CHECK(e.message == "Non-Empty 'End' state.");

  e = compile_error("Value A (\\d+)\n\nStart\n  ^${A}\n\nRecord\n");
  CHECK(e.message == "Invalid state name: 'Record'.");
}

TEST_CASE("textfsm errors: a template file that does not exist", "[textfsm][errors]") {
  auto tpl = st::textfsm::Template::load("/nonexistent/x.textfsm");
  REQUIRE_FALSE(tpl);
  CHECK(tpl.error().file == "/nonexistent/x.textfsm");
}

TEST_CASE("textfsm: comments and blank lines where Python allows them", "[textfsm]") {
  auto tpl = st::textfsm::Template::compile(
      "# header comment\nValue A (\\d+)\n  # indented comment\n\n# between\n\nStart\n  ^${A} -> Record\n  # c\n\nEOF\n",
      "ok.textfsm");
  REQUIRE(tpl);
  CHECK(tpl->states().size() == 2);
  CHECK(tpl->has_eof_state());
}
