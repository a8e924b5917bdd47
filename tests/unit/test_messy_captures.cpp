// Real captures are messy: PuTTY logs with CRLF, coloured prompts, pager residue, NULs, a runaway
// line, Latin-1 descriptions; bundles with UTF-16, binary and empty files. Parsers see cleaned
// text, while every stored range still points at the exact raw bytes of the file.
#include <catch2/catch.hpp>

#include <random>

#include "core_parsers.h"
#include "ingest/ingest_pipeline.h"
#include "store/listings.h"
#include "store/raw_reader.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;
using namespace st::store;
using namespace std::string_literals;

namespace {

const std::string kHost = "NYC-B2-ACC-09";
const std::string kPrompt = "\x1b[1;32m" + kHost + "#\x1b[0m ";
const std::string kIosMore = " --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b";
const std::string kBriefMore = "--More--\b\b\b\b\b\b\b\b        \b\b\b\b\b\b\b\b";

std::string putty_capture() {
  std::string s;
  auto line = [&s](std::string_view l) {
    s += l;
    s += "\r\n";
  };
  line("=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2026.11.20 09:14:01 =~=~=~=~=~=~=~=~=~=~=~=");
  line("\x1b]0;" + kHost + " - PuTTY\x07" + kPrompt + "terminal length 24");
  line(kPrompt + "show clock");
  line("*09:14:07.532 UTC Fri Nov 20 2026");
  line(kPrompt + "show version");
  line("Cisco IOS XE Software, Version 17.09.04a");
  line("Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, RELEASE SOFTWARE (fc3)");
  line("");
  line(kHost + " uptime is 3 weeks, 2 days, 4 hours, 11 minutes");
  line("System image file is \"flash:packages.conf\"");
  line("");
  line("cisco C9300-48P (X86) processor with 1338934K/6147K bytes of memory.");
  line(kIosMore + "Processor board ID FOC2248X0TQ");
  line("Configuration register is 0x102");
  line(kPrompt + "show interfaces status");
  line("");
  line("Port         Name               Status       Vlan       Duplex  Speed Type");
  line("Gi1/0/1      Printer 2nd floor  connected    20         a-full a-1000 10/100/1000BaseTX");
  line("Gi1/0/2      B\xFCro 3.OG         notconnect   20           auto   auto 10/100/1000BaseTX");
  line("Gi1/0/3      AP-2F-EAST         err-disabled 30           auto   auto 10/100/1000BaseTX");
  line("Gi1/0/4      Cam lobby          connected    40         a-full  a-100 10/100/1000BaseTX");
  line(kIosMore + "Gi1/0/5      Desk 5.12          connected    20         a-full a-1000 10/100/1000BaseTX");
  line("Gi1/0/6\0     Desk 5.13          notconnect   20           auto   auto 10/100/1000BaseTX"s);
  line(kBriefMore + "Te1/1/1      uplink to DST-01   connected    trunk        full    10G SFP-10GBase-SR");
  line(kPrompt + "show logging");
  line("Syslog logging: enabled (0 messages dropped, 0 messages rate-limited, 0 flushes, 0 overruns, xml disabled, filtering disabled)");
  line("");
  line("Log Buffer (102400 bytes):");
  line("");
  line("001231: Nov 20 08:51:12.345 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/3, changed state to down");
  line("001232: Nov 20 08:51:13.346 UTC: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet1/0/3, changed state to down");
  line(kBriefMore + "001233: Nov 20 08:52:40.010 UTC: %PM-4-ERR_DISABLE: bpduguard error detected on Gi1/0/3, putting Gi1/0/3 in err-disable state");
  line("001234: Nov 20 09:01:02.000 UTC: %SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.20.0.9)\0\0"s);
  line(" --More--          001235: Nov 20 09:02:03.000 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/5, changed state to up");
  line(kPrompt + "show running-config");
  line("banner motd ^" + std::string(200 * 1024, 'A') + "^");
  line(kPrompt + "exit");
  return s;
}

std::string utf16le(std::string_view ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

std::string garbage(std::size_t n) {
  std::mt19937 rng(1234);
  std::string out(n, '\0');
  for (auto& b : out) b = static_cast<char>(rng() & 0xFF);
  return out;
}

Database fresh_store(const test::TempDir& dir) {
  auto db = open_store(dir / "store.sqlite", OpenMode::ReadWrite);
  REQUIRE(db);
  return std::move(*db);
}

Result<ingest::IngestSummary> ingest_path(Database& db, const std::filesystem::path& bundle) {
  ingest::IngestOptions options;
  options.bundle = bundle;
  options.threads = 2;
  return ingest::ingest_bundle(db, test::core_parsers(), options);
}

// The stored raw bytes at a row's source equal the original file's bytes there.
std::string stored_raw(Database& db, RunId run, const std::string& original, const SourceRef& source) {
  REQUIRE(source.offset + source.length <= original.size());
  auto raw = read_raw(db, run, source.file, ByteRange{source.offset, source.length});
  REQUIRE(raw);
  REQUIRE(*raw == original.substr(source.offset, source.length));
  return *raw;
}

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

}  // namespace

TEST_CASE("messy captures: PuTTY capture with escapes, pager residue, NULs and a runaway line", "[ingest][messy]") {
  test::TempDir dir;
  const std::string capture = putty_capture();
  const std::string utf16 = utf16le(test::access_switch_capture("NYC-B2-ACC-10"));
  const std::string binary = garbage(100 * 1024);
  test::write_file(dir / "bundle/NYC-B2-ACC-09.log", capture);
  test::write_file(dir / "bundle/utf16.log", utf16);
  test::write_file(dir / "bundle/garbage.log", binary);
  test::write_file(dir / "bundle/empty.log", "");
  auto db = fresh_store(dir);

  auto summary = ingest_path(db, dir / "bundle");
  REQUIRE(summary);
  CHECK(summary->devices == 1);  // neither UTF-16 nor garbage is parsed into a device
  const RunId run = summary->run;

  auto devices = list_devices(db, {});
  REQUIRE(devices);
  REQUIRE(devices->size() == 1);
  const DeviceRow& d = devices->front();
  CHECK(d.hostname == kHost);
  CHECK(d.platform == "cisco_ios");
  CHECK(d.model == "C9300-48P");
  CHECK(d.serial == "FOC2248X0TQ");  // the board id line carried IOS --More-- erase residue
  REQUIRE(d.source);
  CHECK(contains(stored_raw(db, run, capture, *d.source), "FOC2248X0TQ"));

  auto interfaces = list_interfaces(db, {});
  REQUIRE(interfaces);
  std::map<std::string, InterfaceRow> by_name;
  for (const auto& i : *interfaces) by_name[i.name] = i;
  CHECK(by_name.size() == 7);
  for (const auto& [name, row] : by_name) {
    INFO(name);
    CHECK(row.source.file == "NYC-B2-ACC-09.log");
    CHECK(contains(stored_raw(db, run, capture, row.source), row.name_raw));
  }
  REQUIRE(by_name.contains("Gi1/0/5"));
  CHECK(by_name["Gi1/0/5"].description == "Desk 5.12");
  CHECK(by_name["Gi1/0/5"].status == "connected");
  const std::string gi5 = stored_raw(db, run, capture, by_name["Gi1/0/5"].source);
  CHECK(contains(gi5, "Gi1/0/5      Desk 5.12"));
  CHECK(contains(gi5, "--More--"));  // the residue inside that raw line is part of the row
  REQUIRE(by_name.contains("Gi1/0/2"));
  CHECK(by_name["Gi1/0/2"].description == "B\xEF\xBF\xBDro 3.OG");  // invalid UTF-8 -> U+FFFD
  CHECK(contains(stored_raw(db, run, capture, by_name["Gi1/0/2"].source), "B\xFCro 3.OG"));
  REQUIRE(by_name.contains("Gi1/0/6"));
  CHECK(by_name["Gi1/0/6"].status == "notconnect");
  REQUIRE(by_name.contains("Te1/1/1"));
  CHECK(by_name["Te1/1/1"].vlan == "trunk");

  auto events = list_events(db, {});
  REQUIRE(events);
  REQUIRE(events->size() == 5);
  const char* expected_ids[] = {"LINK-3-UPDOWN", "LINEPROTO-5-UPDOWN", "PM-4-ERR_DISABLE", "SYS-5-CONFIG_I",
                                "LINK-3-UPDOWN"};
  for (std::size_t k = 0; k < events->size(); ++k) {
    const EventRow& e = (*events)[k];
    INFO(k);
    CHECK(e.message_id == expected_ids[k]);
    const std::string raw = stored_raw(db, run, capture, e.source);
    CHECK(contains(raw, "%" + e.message_id));
    CHECK_FALSE(raw.ends_with("\r"));  // a row ends with its last byte, not the line end
  }
  // CRLF gives an exact event row, as with LF captures.
  CHECK(capture.substr((*events)[0].source.offset, (*events)[0].source.length) ==
        "001231: Nov 20 08:51:12.345 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/3, changed state to down");
  CHECK((*events)[3].message == "Configured from console by admin on vty0 (10.20.0.9)");
  CHECK((*events)[4].interface == "Gi1/0/5");

  // Sections start at the raw prompt line (colour escapes included) and name the typed command.
  auto sections = list_sections(db, {});
  REQUIRE(sections);
  bool saw_status = false, saw_utf16 = false, saw_binary = false;
  for (const auto& s : *sections) {
    if (s.source.file == "NYC-B2-ACC-09.log" && s.command == "show interfaces status") {
      saw_status = true;
      CHECK(s.status == "parsed");
      CHECK(stored_raw(db, run, capture, s.source).starts_with(kPrompt + "show interfaces status\r\n"));
    }
    if (s.source.file == "utf16.log") {
      saw_utf16 = true;
      CHECK(s.status == "unknown");
      CHECK(contains(s.reason.value_or(""), "unsupported encoding: UTF-16LE"));
      CHECK(s.source.length == utf16.size());
    }
    if (s.source.file == "garbage.log") {
      saw_binary = true;
      CHECK(s.status == "unknown");
      CHECK(s.reason.value_or("").starts_with("not a capture: binary content"));
    }
  }
  CHECK(saw_status);
  CHECK(saw_utf16);
  CHECK(saw_binary);

  // Clean-up notes are parse warnings at raw offsets: the runaway line, the NULs, invalid UTF-8.
  auto stmt = db.prepare(
      "SELECT w.message, w.offset, w.length FROM parse_warnings w JOIN files f ON f.id = w.file_id "
      "WHERE f.path = 'NYC-B2-ACC-09.log' ORDER BY w.offset");
  REQUIRE(stmt);
  bool saw_long = false, saw_nul = false, saw_utf8 = false;
  while (*stmt->step()) {
    const std::string message = stmt->text(0);
    const auto offset = static_cast<std::size_t>(stmt->int64(1));
    if (contains(message, "longer than 65536 bytes")) {
      saw_long = true;
      CHECK(offset == capture.find("banner motd ^") + 64 * 1024);
    }
    if (contains(message, "NUL byte(s) removed")) {
      saw_nul = true;
      CHECK(contains(message, "3 NUL"));
      CHECK(offset == capture.find('\0'));
    }
    if (contains(message, "invalid UTF-8")) {
      saw_utf8 = true;
      CHECK(offset == capture.find('\xFC'));
    }
  }
  CHECK(saw_long);
  CHECK(saw_nul);
  CHECK(saw_utf8);
}

TEST_CASE("messy captures: a CRLF capture gives the same rows as its LF original", "[ingest][messy]") {
  test::TempDir dir;
  std::string crlf;
  for (char c : test::access_switch_capture("NYC-B2-ACC-07")) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  test::write_file(dir / "bundle/NYC-B2-ACC-07.log", crlf);
  auto db = fresh_store(dir);
  auto summary = ingest_path(db, dir / "bundle");
  REQUIRE(summary);
  CHECK(summary->sections_by_status["parsed"] == 4);
  CHECK(summary->sections_by_status["unknown"] == 4);
  auto interfaces = list_interfaces(db, {});
  REQUIRE(interfaces);
  CHECK(interfaces->size() == 5);
  for (const auto& i : *interfaces) {
    const std::string raw = stored_raw(db, summary->run, crlf, i.source);
    CHECK(raw.starts_with(i.name_raw));
    CHECK_FALSE(contains(raw, "\r"));
  }
  auto events = list_events(db, {});
  REQUIRE(events);
  CHECK(events->size() == 3);
}

TEST_CASE("messy captures: a bundle with no capture is refused, naming the file", "[ingest][messy]") {
  test::TempDir dir;
  test::write_file(dir / "garbage.log", garbage(4096));
  auto db = fresh_store(dir);
  auto refused = ingest_path(db, dir / "garbage.log");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == ErrorKind::InputRefused);
  CHECK(contains(refused.error().describe(), "garbage.log"));

  test::write_file(dir / "empty/empty.log", "");
  auto empty = ingest_path(db, dir / "empty");
  REQUIRE_FALSE(empty);
  CHECK(empty.error().kind == ErrorKind::InputRefused);

  test::write_file(dir / "wide/wide.log", utf16le(test::access_switch_capture()));
  auto wide = ingest_path(db, dir / "wide/wide.log");
  REQUIRE_FALSE(wide);
  CHECK(wide.error().kind == ErrorKind::InputRefused);
  CHECK(contains(wide.error().describe(), "wide.log"));
}

TEST_CASE("messy captures: a 50 MB line is bounded and reported; the capture around it still parses",
          "[ingest][messy][large]") {
  test::TempDir dir;
  // A terminal that lost its newlines while a device streamed a core dump: 50 MB on one line,
  // in the middle of an otherwise ordinary session.
  std::string capture = test::access_switch_capture("NYC-B2-ACC-11");
  const auto logging = capture.find("NYC-B2-ACC-11#show logging");
  REQUIRE(logging != std::string::npos);
  const std::string runaway = "NYC-B2-ACC-11#show tech-support\n" + std::string(50'000'000, 'x') + "\n";
  capture.insert(logging, runaway);
  test::write_file(dir / "b/NYC-B2-ACC-11.log", capture);

  auto db = open_store(dir / "store.sqlite", OpenMode::ReadWrite);
  REQUIRE(db);
  ingest::IngestOptions options;
  options.bundle = dir / "b";
  auto summary = ingest::ingest_bundle(*db, test::core_parsers(), options);
  REQUIRE(summary);
  CHECK(summary->bytes == capture.size());

  auto interfaces = list_interfaces(*db, {});
  REQUIRE(interfaces);
  CHECK(interfaces->size() == 5);
  auto events = list_events(*db, {});
  REQUIRE(events);
  REQUIRE(events->size() == 3);  // the show logging after the runaway line is intact
  CHECK(events->front().message_id == "LINK-3-UPDOWN");
  auto raw = read_raw(*db, events->front().run, events->front().source.file,
                      {events->front().source.offset, events->front().source.length});
  REQUIRE(raw);
  CHECK(*raw == capture.substr(events->front().source.offset, events->front().source.length));

  auto stmt = db->prepare("SELECT offset FROM parse_warnings WHERE message LIKE '%longer than%'");
  REQUIRE(stmt);
  REQUIRE(*stmt->step());
  CHECK(static_cast<std::size_t>(stmt->int64(0)) == logging + runaway.find('x') + 64 * 1024);
}

#ifdef STATETRACE_CLI_PATH
// The table-level mess operators meet: text before the first prompt, a bare prompt, a
// description dressed as a status ("<== Disabled ==>") or holding status words and numbers,
// a tab-separated row, two rows glued by a lost newline, a truncated last row, and in
// `show vlan brief` a port list wrapped onto a second line.
TEST_CASE("messy captures: table rows survive decorations, tabs, glued and truncated lines", "[ingest][messy]") {
  test::TempDir dir;
  test::write_file(
      dir / "bundle/SW1.log",
      "Some banner text\r\nbefore the prompt\n"
      "SW1#\n"
      "SW1#show interfaces status\n"
      "\n"
      "Port         Name               Status       Vlan       Duplex  Speed Type\n"
      "Gi1/0/1      <== Disabled ==>   disabled     10           auto   auto 10/100/1000BaseTX\n"
      "Gi1/0/2      Desk 2 connected   connected    10         a-full a-1000 10/100/1000BaseTX\n"
      "Gi1/0/3\tPrinter 3\tnotconnect\t20\tauto\tauto\t10/100/1000BaseTX\n"
      "Gi1/0/4      Room 4.10 (40)     notconnect   20           auto   auto 10/100/1000BaseTX"
      "Gi1/0/5      Desk 5             connected    20         a-full a-1000 10/100/1000BaseTX\n"
      "Gi1/0/6      Desk 6             connected    20         a-full a-1000 10/100/1000Bas\n"
      "SW1#show vlan brief\n"
      "\n"
      "VLAN Name                             Status    Ports\n"
      "---- -------------------------------- --------- -------------------------------\n"
      "10   USERS                            active    Gi1/0/1, Gi1/0/2\n"
      "20   PRINTERS                         active    Gi1/0/3, Gi1/0/4, Gi1/0/5, Gi1/0/6, Gi1/0/7, Gi1/0/8\n"
      "                                                Gi1/0/10\n"
      "SW1#exit\n");
  auto ingest = test::run_cli(dir, "ingest '" + (dir / "bundle").string() + "' --json");
  REQUIRE(ingest.status == 0);
  auto interfaces = nlohmann::json::parse(test::run_cli(dir, "interfaces --json").out);
  REQUIRE(interfaces.size() == 6);
  auto port = [&](std::size_t i, const char* field) { return interfaces[i][field]; };
  CHECK(port(0, "description") == "<== Disabled ==>");
  CHECK(port(0, "status") == "disabled");
  CHECK(port(1, "description") == "Desk 2 connected");
  CHECK(port(1, "status") == "connected");
  CHECK(port(2, "description") == "Printer 3");
  CHECK(port(2, "vlan") == "20");
  CHECK(port(3, "description") == "Room 4.10 (40)");
  CHECK(port(3, "type") == "10/100/1000BaseTX");  // not the glued second row
  CHECK(port(4, "name") == "Gi1/0/5");
  CHECK(port(4, "status") == "connected");
  CHECK(port(4, "source")["offset"].get<int>() == port(3, "source")["offset"].get<int>() + 87);
  CHECK(port(5, "type") == "10/100/1000Bas");  // truncated, kept as printed
  auto sections = nlohmann::json::parse(test::run_cli(dir, "sections --json").out);
  CHECK(sections[0]["reason"] == "text before the first prompt");
  auto vlans = nlohmann::json::parse(test::run_cli(dir, "vlans --json").out);
  REQUIRE(vlans.size() == 2);
  CHECK(vlans[1]["ports"] == nlohmann::json::array({"Gi1/0/3", "Gi1/0/4", "Gi1/0/5", "Gi1/0/6", "Gi1/0/7", "Gi1/0/8",
                                                    "Gi1/0/10"}));
}
#endif
