// TextFSM engine semantics, case by case, on small real-looking templates (Python
// TextFSM 1.1 is the reference: each expectation here is what it prints).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "textfsm/fsm.h"
#include "textfsm/records_json.h"

using json = nlohmann::ordered_json;

namespace {

// The records as Python's ParseTextToDicts would give them, as JSON text.
std::string run(std::string_view tpl_text, std::string_view input) {
  auto tpl = st::textfsm::Template::compile(tpl_text, "test.textfsm");
  REQUIRE(tpl);
  auto parsed = st::textfsm::parse_text(*tpl, input);
  REQUIRE(parsed);
  json out = json::array();
  for (std::size_t r = 0; r < parsed->records.size(); ++r) {
    out.push_back(st::textfsm::record_to_json(*tpl, parsed->records, r));
  }
  return out.dump();
}

}  // namespace

TEST_CASE("textfsm: values, Record and the implicit record at EOF", "[textfsm]") {
  const char* tpl =
      "Value INTERFACE (\\S+)\n"
      "Value STATUS (up|down|administratively down)\n"
      "\n"
      "Start\n"
      "  ^${INTERFACE} is ${STATUS}, -> Record\n";
  CHECK(run(tpl, "Gi0/1 is up, line protocol is up\nGi0/2 is administratively down, line protocol is down\n") ==
        R"([{"INTERFACE":"Gi0/1","STATUS":"up"},{"INTERFACE":"Gi0/2","STATUS":"administratively down"}])");
  // Without Record the last record is still written at the end of input.
  const char* no_record =
      "Value HOSTNAME (\\S+)\n"
      "Value UPTIME (.+)\n"
      "\n"
      "Start\n"
      "  ^${HOSTNAME} uptime is ${UPTIME}\n";
  CHECK(run(no_record, "sw1 uptime is 1 week, 2 days\n") == R"([{"HOSTNAME":"sw1","UPTIME":"1 week, 2 days"}])");
  // An input with no match gives no record at all (an all-empty record is dropped).
  CHECK(run(no_record, "nothing here\n") == "[]");
}

TEST_CASE("textfsm: Filldown keeps a value across records until Clearall", "[textfsm]") {
  const char* tpl =
      "Value Filldown VLAN (\\d+)\n"
      "Value PORT (\\S+)\n"
      "\n"
      "Start\n"
      "  ^VLAN ${VLAN}\n"
      "  ^\\s+${PORT} -> Record\n"
      "  ^-- -> Clearall\n";
  CHECK(run(tpl, "VLAN 10\n  Gi0/1\n  Gi0/2\n--\n  Gi0/3\n") ==
        R"([{"VLAN":"10","PORT":"Gi0/1"},{"VLAN":"10","PORT":"Gi0/2"},{"VLAN":"","PORT":"Gi0/3"}])");
  // The Filldown value alone makes the implicit EOF record non-empty (Python does the same).
  CHECK(run(tpl, "VLAN 10\n  Gi0/1\n") == R"([{"VLAN":"10","PORT":"Gi0/1"},{"VLAN":"10","PORT":""}])");
}

TEST_CASE("textfsm: Fillup writes upwards until a filled record", "[textfsm]") {
  const char* tpl =
      "Value PORT (\\S+)\n"
      "Value Fillup CHASSIS (\\S+)\n"
      "\n"
      "Start\n"
      "  ^port ${PORT} -> Record\n"
      "  ^chassis ${CHASSIS} -> Record\n";
  CHECK(run(tpl, "port 1\nport 2\nchassis A\nport 3\nchassis B\n") ==
        R"([{"PORT":"1","CHASSIS":"A"},{"PORT":"2","CHASSIS":"A"},{"PORT":"","CHASSIS":"A"},)"
        R"({"PORT":"3","CHASSIS":"B"},{"PORT":"","CHASSIS":"B"}])");
}

TEST_CASE("textfsm: Required drops records without the value", "[textfsm]") {
  const char* tpl =
      "Value Required NEIGHBOR (\\S+)\n"
      "Value PORT (\\S+)\n"
      "\n"
      "Start\n"
      "  ^Device ID: ${NEIGHBOR}\n"
      "  ^Interface: ${PORT} -> Record\n";
  CHECK(run(tpl, "Interface: Gi0/9\nDevice ID: sw2\nInterface: Gi0/1\n") ==
        R"([{"NEIGHBOR":"sw2","PORT":"Gi0/1"}])");
}

TEST_CASE("textfsm: Key marks values for clitable; it does not change parsing", "[textfsm]") {
  auto tpl = st::textfsm::Template::compile(
      "Value Key PORT (\\S+)\nValue Key,Filldown SLOT (\\d)\nValue DESC (.*)\n\nStart\n  ^${SLOT}/${PORT} ${DESC} -> Record\n",
      "key.textfsm");
  REQUIRE(tpl);
  CHECK(tpl->values_with(st::textfsm::ValueOption::Key) == std::vector<std::string>{"PORT", "SLOT"});
  CHECK(run("Value Key PORT (\\S+)\n\nStart\n  ^${PORT} -> Record\n", "a\nb\n") == R"([{"PORT":"a"},{"PORT":"b"}])");
}

TEST_CASE("textfsm: List values, plain and with nested named groups", "[textfsm]") {
  const char* plain =
      "Value NAME (\\S+)\n"
      "Value List MEMBERS (\\S+)\n"
      "\n"
      "Start\n"
      "  ^group -> Continue.Record\n"
      "  ^group ${NAME}\n"
      "  ^\\s+member ${MEMBERS}\n";
  CHECK(run(plain, "group a\n  member x\n  member y\ngroup b\n") ==
        R"([{"NAME":"a","MEMBERS":["x","y"]},{"NAME":"b","MEMBERS":[]}])");
  // Python: a List whose regex has more than one group adds a dict of its named groups.
  const char* nested =
      "Value List PEERS ((?P<ip>\\d+\\.\\d+\\.\\d+\\.\\d+)\\s+(?P<asn>\\d+))\n"
      "\n"
      "Start\n"
      "  ^peer ${PEERS}\n";
  CHECK(run(nested, "peer 10.0.0.1 65001\npeer 10.0.0.2 65002\n") ==
        R"([{"PEERS":[{"ip":"10.0.0.1","asn":"65001"},{"ip":"10.0.0.2","asn":"65002"}]}])");
  // A group that took no part in the match is None; in a List it stays null.
  const char* optional =
      "Value List TAGS (\\S+)\n"
      "\n"
      "Start\n"
      "  ^tag(?: ${TAGS})?$$\n";
  CHECK(run(optional, "tag a\ntag\n") == R"([{"TAGS":["a",null]}])");
}

TEST_CASE("textfsm: Required before List tests the last string, after List the list", "[textfsm]") {
  const char* required_first = "Value Required,List ITEMS (\\w*)\n\nStart\n  ^item ${ITEMS}$$\n  ^end -> Record\n";
  const char* list_first = "Value List,Required ITEMS (\\w*)\n\nStart\n  ^item ${ITEMS}$$\n  ^end -> Record\n";
  // The item is the empty string: "" is false, [""] is true.
  CHECK(run(required_first, "item \nend\n") == "[]");
  CHECK(run(list_first, "item \nend\n") == R"([{"ITEMS":[""]}])");
  CHECK(run(required_first, "item x\nend\n") == R"([{"ITEMS":["x"]}])");
}

TEST_CASE("textfsm: Continue, Clear, Clearall, NoRecord and state changes", "[textfsm]") {
  const char* tpl =
      "Value Filldown SECTION (\\S+)\n"
      "Value KEY (\\w+)\n"
      "Value VAL (\\w+)\n"
      "\n"
      "Start\n"
      "  ^\\[${SECTION}\\] -> Body\n"
      "\n"
      "Body\n"
      "  # a comment inside a state\n"
      "  ^${KEY}= -> Continue\n"
      "  ^\\w+=${VAL} -> Record\n"
      "  ^drop -> Clear\n"
      "  ^reset -> Clearall\n"
      "  ^keep -> NoRecord\n"
      "  ^\\[${SECTION}\\]\n";
  // "keep" matches and does nothing; "drop" clears KEY=z, so no record is left at the end.
  CHECK(run(tpl, "[one]\na=1\nb=2\nkeep\n[two]\nc=3\nreset\nd=4\nz=\ndrop\n") ==
        R"([{"SECTION":"one","KEY":"a","VAL":"1"},{"SECTION":"one","KEY":"b","VAL":"2"},)"
        R"({"SECTION":"two","KEY":"c","VAL":"3"},{"SECTION":"","KEY":"d","VAL":"4"}])");
}

TEST_CASE("textfsm: End stops without the EOF record; an empty EOF state suppresses it", "[textfsm]") {
  const char* to_end = "Value A (\\d+)\n\nStart\n  ^a ${A}\n  ^stop -> End\n";
  CHECK(run(to_end, "a 1\nstop\na 2\n") == "[]");
  const char* to_eof = "Value A (\\d+)\n\nStart\n  ^a ${A}\n  ^stop -> EOF\n";
  CHECK(run(to_eof, "a 1\nstop\na 2\n") == R"([{"A":"1"}])");
  const char* eof_state = "Value A (\\d+)\n\nStart\n  ^a ${A}\n\nEOF\n";
  CHECK(run(eof_state, "a 1\n") == "[]");
}

TEST_CASE("textfsm: the Error action stops with the rule and input line", "[textfsm]") {
  auto tpl = st::textfsm::Template::compile(
      "Value A (\\d+)\n\nStart\n  ^a ${A}\n  ^. -> Error \"unexpected line\"\n", "err.textfsm");
  REQUIRE(tpl);
  auto parsed = st::textfsm::parse_text(*tpl, "a 1\nb 2\n");
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error().kind == st::ErrorKind::Parse);
  CHECK(parsed.error().file == "err.textfsm");
  CHECK(parsed.error().line == 5u);
  CHECK(parsed.error().message == "Error: \"unexpected line\". Rule Line: 5. Input Line: b 2.");
  auto bare = st::textfsm::Template::compile("Value A (\\d+)\n\nStart\n  ^x -> Error\n", "err.textfsm");
  REQUIRE(bare);
  auto parsed2 = st::textfsm::parse_text(*bare, "x\n");
  REQUIRE_FALSE(parsed2);
  CHECK(parsed2.error().message == "State Error raised. Rule Line: 4. Input Line: x");
}

TEST_CASE("textfsm: $VALUE, ${VALUE} and $$", "[textfsm]") {
  const char* tpl =
      "Value PRICE (\\d+)\n"
      "Value ITEM (\\w+)\n"
      "\n"
      "Start\n"
      "  ^$ITEM costs \\$$$PRICE$$ -> Record\n";
  CHECK(run(tpl, "tea costs $3\ncoffee costs $4 each\n") == R"([{"PRICE":"3","ITEM":"tea"}])");
}

TEST_CASE("textfsm: Python re syntax through PCRE2", "[textfsm]") {
  // (?P=name) back-reference, lookahead/lookbehind, \Z, {,n}, and a value name longer
  // than PCRE2's 32-character group name limit.
  const char* tpl =
      "Value A_VERY_LONG_VALUE_NAME_BEYOND_THIRTY_TWO (\\w+)\n"
      "Value DUP (\\w+)\n"
      "Value NUM (\\d{,3})\n"
      "\n"
      "Start\n"
      "  ^${A_VERY_LONG_VALUE_NAME_BEYOND_THIRTY_TWO}=(?P=A_VERY_LONG_VALUE_NAME_BEYOND_THIRTY_TWO)\\Z -> Record\n"
      "  ^dup (?=\\w)${DUP}(?<!x)$$ -> Record\n"
      "  ^n ${NUM}\\Z -> Record\n";
  CHECK(run(tpl, "ab=ab\nab=ac\ndup word\ndup wordx\nn 1234\nn 123\n") ==
        R"([{"A_VERY_LONG_VALUE_NAME_BEYOND_THIRTY_TWO":"ab","DUP":"","NUM":""},)"
        R"({"A_VERY_LONG_VALUE_NAME_BEYOND_THIRTY_TWO":"","DUP":"word","NUM":""},)"
        R"({"A_VERY_LONG_VALUE_NAME_BEYOND_THIRTY_TWO":"","DUP":"","NUM":"123"}])");
}

TEST_CASE("textfsm: input lines split as Python's str.splitlines", "[textfsm]") {
  const char* tpl = "Value Required V (\\S+)\n\nStart\n  ^v=${V} -> Record\n";
  // \r\n, \r, \v, \f, \x1c, U+2028 all end a line; a trailing newline adds no line.
  CHECK(run(tpl, "v=1\r\nv=2\rv=3\vv=4\fv=5\x1cv=6\xe2\x80\xa8v=7\n") ==
        R"([{"V":"1"},{"V":"2"},{"V":"3"},{"V":"4"},{"V":"5"},{"V":"6"},{"V":"7"}])");
  // Non-ASCII lines go through the UTF-8 patterns: \w and \s are Unicode.
  const char* words = "Value Required W (\\w+)\n\nStart\n  ^\\s*${W}\\s*$$ -> Record\n";
  CHECK(run(words, "  Zürich\xc2\xa0\nnaïve\n") == R"([{"W":"Zürich"},{"W":"naïve"}])");
}

TEST_CASE("textfsm: a template is compiled once and run many times", "[textfsm]") {
  auto tpl = st::textfsm::Template::compile("Value X (\\d+)\n\nStart\n  ^x ${X} -> Record\n", "once.textfsm");
  REQUIRE(tpl);
  st::textfsm::Runner runner(*tpl);
  for (int i = 0; i < 3; ++i) {
    auto parsed = runner.parse("x 1\nx 2\n");
    REQUIRE(parsed);
    CHECK(parsed->records.size() == 2);
  }
  auto traced = runner.parse("x 1\ny\nx 2\n", true);
  REQUIRE(traced);
  CHECK(traced->trace.record_lines == std::vector<std::vector<std::uint32_t>>{{1}, {3}});
  CHECK(traced->trace.rule_lines[0] == std::vector<std::uint32_t>{1, 3});
}
