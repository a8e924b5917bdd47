// Python `re` translation, ntc-templates index files and clitable's merge of several
// templates, each against what Python's textfsm.clitable does.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "textfsm/clitable.h"
#include "textfsm/index.h"
#include "textfsm/prefilter.h"
#include "textfsm/py_regex.h"
#include "textfsm/py_text.h"

namespace tfsm = st::textfsm;

TEST_CASE("textfsm regex: Python spellings become PCRE2 ones", "[textfsm][regex]") {
  auto t = tfsm::translate_python_regex(R"(^(?P<name>\w+) (?P=name)\Z)");
  REQUIRE(t);
  CHECK(t->pattern == R"(^(\w+) \g{1}\z)");
  REQUIRE(t->groups.size() == 1);
  CHECK(t->groups[0].name == "name");
  CHECK(t->groups[0].number == 1);
  CHECK(t->capture_count == 1);

  CHECK(tfsm::translate_python_regex("a{,3}b{2,}c{1}d{x}")->pattern == R"(a{0,3}b{2,}c{1}d\{x})");
  CHECK(tfsm::translate_python_regex(R"(\u00e9\s\S)")->pattern == R"(\x{00e9}[\s\x1f][^\s\x1f])");
  // '[' inside a class is literal in Python; PCRE2 would read a POSIX class.
  CHECK(tfsm::translate_python_regex("[[:alpha:]]")->pattern == R"([\[:alpha:]])");
  CHECK(tfsm::translate_python_regex("(?i)up(?#comment)(?(1)a|b)")->caseless);
  CHECK(tfsm::translate_python_regex("(?i)up(?#comment)")->pattern == "(?i)up");

  CHECK_FALSE(tfsm::translate_python_regex("(?P<a>x)(?P<a>y)"));
  CHECK_FALSE(tfsm::translate_python_regex("(?P=missing)"));
  CHECK_FALSE(tfsm::translate_python_regex("(?P<bad-name>x)"));
}

TEST_CASE("textfsm regex: literals every match must contain", "[textfsm][regex]") {
  using V = std::vector<std::string>;
  CHECK(tfsm::required_literals(R"(^\s+Hardware\s+is\s+(?P<X>.+?),\s+address)") == V{"Hardware", "is", ",", "address"});
  CHECK(tfsm::required_literals(R"(^ab?c(?:de)?f(?:gh)+)") == V{"a", "c", "f", "gh"});
  CHECK(tfsm::required_literals(R"(^x|y)").empty());
  CHECK(tfsm::required_literals(R"(^(?:ab|cd)e\.f)") == V{"e.f"});
  CHECK(tfsm::required_literals(R"(^\x41BC\d{2}DE)") == V{"BC", "DE"});
}

TEST_CASE("textfsm text: Python str semantics", "[textfsm]") {
  CHECK(tfsm::py::rstrip("abc \t\xc2\xa0\x1f") == "abc");
  CHECK(tfsm::py::repr("it's") == "\"it's\"");
  CHECK(tfsm::py::repr("a'\"b\\\n") == "'a\\'\"b\\\\\\n'");
  CHECK(tfsm::py::repr("\xc2\xa0x\xc3\xa9") == "'\\xa0x\xc3\xa9'");
  std::vector<std::string> lines;
  tfsm::py::LineSplitter split("a\r\nb\n\nc");
  for (std::string_view line; split.next(line);) lines.emplace_back(line);
  CHECK(lines == std::vector<std::string>{"a", "b", "", "c"});
}

TEST_CASE("textfsm index: completion syntax and clitable's row matching", "[textfsm][index]") {
  CHECK(tfsm::expand_completion("sh[[ow]] ver[[sion]]") == "sh(o(w)?)? ver(s(i(o(n)?)?)?)?");
  CHECK(tfsm::expand_completion("a[[]]]b") == "a(])?b");

  st::test::TempDir dir;
  st::test::write_file(dir / "index",
                       "# comment before the header\n"
                       "Template, Hostname, Platform, Command\n"
                       "\n"
                       "# rows with a comma in a regex have too many fields and are dropped, as in Python\n"
                       "dropped.textfsm, .*, cisco_ios, sh[[ow]] ve{1,2}r\n"
                       "version.textfsm, .*, cisco_ios, sh[[ow]] ver[[sion]]\n"
                       "interfaces.textfsm, sw.*, cisco_ios, sh[[ow]] int[[erfaces]]\n"
                       "any.textfsm, .*, cisco_.*, sh[[ow]] int[[erfaces]]\n");
  auto index = tfsm::TemplateIndex::load(dir.path());
  REQUIRE(index);
  CHECK(index->header() == std::vector<std::string>{"Template", "Hostname", "Platform", "Command"});
  CHECK(index->rows().size() == 3);
  auto pick = [&](std::string platform, std::string command) -> std::string {
    const auto* row = index->match({{"Command", command}, {"Platform", platform}});
    return row ? index->templates(*row).front() : "-";
  };
  CHECK(pick("cisco_ios", "show version") == "version.textfsm");
  CHECK(pick("cisco_ios", "sh ver") == "version.textfsm");
  // re.match: anchored at the start only, so a longer command still matches.
  CHECK(pick("cisco_ios", "show version | include uptime") == "version.textfsm");
  CHECK(pick("cisco_ios_xe", "show ver") == "version.textfsm");
  CHECK(pick("cisco_nxos", "show ver") == "-");
  // Hostname is not among the attributes given, so its column is not checked.
  CHECK(pick("cisco_ios", "sh int") == "interfaces.textfsm");
  CHECK(pick("cisco_nxos", "show interfaces") == "any.textfsm");
  const auto* row = index->match({{"Command", "sh int"}, {"Platform", "cisco_ios"}, {"Hostname", "rtr1"}});
  REQUIRE(row);
  CHECK(index->templates(*row).front() == "any.textfsm");
}

TEST_CASE("textfsm clitable: templates merged on Key values, or row by row", "[textfsm][clitable]") {
  st::test::TempDir dir;
  st::test::write_file(dir / "index",
                       "Template, Platform, Command\n"
                       "ports.textfsm:speeds.textfsm, test_os, show ports\n"
                       "nokeys.textfsm:speeds_nokey.textfsm, test_os, show plain\n"
                       "ports.textfsm:clash.textfsm, test_os, show clash\n");
  st::test::write_file(dir / "ports.textfsm",
                       "Value Key PORT (\\S+)\nValue STATE (up|down)\n\nStart\n  ^port ${PORT} ${STATE} -> Record\n");
  st::test::write_file(dir / "speeds.textfsm",
                       "Value Key PORT (\\S+)\nValue SPEED (\\d+)\nValue List PEERS ((?P<ip>[\\d.]+)(/(?P<len>\\d+))?)\n\n"
                       "Start\n  ^speed ${PORT} ${SPEED} -> Record\n  ^peer ${PEERS}\n");
  st::test::write_file(dir / "nokeys.textfsm", "Value PORT (\\S+)\n\nStart\n  ^port ${PORT} -> Record\n");
  st::test::write_file(dir / "speeds_nokey.textfsm", "Value SPEED (\\d+)\n\nStart\n  ^speed \\S+ ${SPEED} -> Record\n");
  st::test::write_file(dir / "clash.textfsm", "Value Key PORT (\\S+)\nValue TAT (\\S+)\n\nStart\n  ^tag ${PORT} ${TAT} -> Record\n");
  auto lib = tfsm::TemplateLibrary::open(dir.path());
  REQUIRE(lib);

  const std::string output =
      "port e1 up\nport e2 down\nport e3 up\n"
      "peer 10.0.0.1\npeer 10.0.0.2/31\nspeed e3 100\nspeed e1 10\nspeed e9 1\n";
  auto merged = lib->parse(output, {{"Command", "show ports"}, {"Platform", "test_os"}});
  REQUIRE(merged);
  const auto& t = merged->table;
  CHECK(t.header == std::vector<std::string>{"PORT", "STATE", "SPEED", "PEERS"});
  REQUIRE(t.rows.size() == 3);
  // e1 takes the first speed record whose PORT equals; e2 has none and keeps "".
  CHECK(t.rows[0][2].text == "10");
  CHECK(t.rows[1][2].text == "");
  CHECK_FALSE(t.rows[1][3].is_list);  // AddColumn's default is "", even for a List column
  CHECK(t.rows[1][3].text == "");
  CHECK(t.rows[2][2].text == "100");
  // Nested-group List items are stored as Python's str(dict), None included.
  CHECK(t.rows[2][3].items ==
        std::vector<std::string>{"{'ip': '10.0.0.1', 'len': None}", "{'ip': '10.0.0.2', 'len': '31'}"});

  auto plain = lib->parse(output, {{"Command", "show plain"}, {"Platform", "test_os"}});
  REQUIRE(plain);
  REQUIRE(plain->table.rows.size() == 3);  // the first table's rows; the extra speed is dropped
  CHECK(plain->table.rows[0][1].text == "100");
  CHECK(plain->table.rows[2][1].text == "1");

  // TextTable.AddColumn refuses a column name found anywhere in the printed table.
  auto clash = lib->parse(output, {{"Command", "show clash"}, {"Platform", "test_os"}});
  REQUIRE_FALSE(clash);
  CHECK(clash.error().message == "Column 'TAT' already in table.");

  auto none = lib->parse(output, {{"Command", "show nothing"}, {"Platform", "test_os"}});
  REQUIRE_FALSE(none);
  CHECK(none.error().kind == st::ErrorKind::NotFound);
}
