// Captures built at run time from the real log lines of the shared syslog corpus
// (STATETRACE_CORPUS, default ../shared/corpus: syslog/<theme>.log, one theme per file, many
// vendors). Each line becomes the `show logging` of one small Cisco-, Arista- or
// FastIron-looking capture (prompt, `show clock`, `show version` where the platform needs it),
// so every finding belongs to exactly one line and the line's byte range tells whether a card
// used it as evidence. Lines are copied byte for byte, except link flap lines and, on request,
// lines without a timestamp (below).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace st::accuracy {

struct ByteRange {
  std::uint64_t offset = 0, length = 0;
};

struct CorpusCapture {
  std::string host, vendor, theme;  // theme "" for a clean capture (a negative control)
  std::string file_name, text;
  std::string line;                 // the corpus line it carries (empty for clean captures)
  std::vector<ByteRange> line_ranges;  // where that line (or its replayed copies) sits in text
};

// The corpus folder, or nullopt when it is absent (the caller says so and skips).
inline std::optional<std::filesystem::path> corpus_dir(const std::string& fallback) {
  const char* env = std::getenv("STATETRACE_CORPUS");
  std::filesystem::path dir = env && *env ? std::filesystem::path(env) : std::filesystem::path(fallback);
  std::error_code ec;
  if (!std::filesystem::is_directory(dir / "syslog", ec)) return std::nullopt;
  return dir;
}

// The rules each theme's lines are positives for. A theme without rules is reported as such.
inline const std::map<std::string, std::vector<std::string>>& theme_rules() {
  static const std::map<std::string, std::vector<std::string>> themes = {
      // Most of the theme is management logins (SSH, Telnet, SNMP), not 802.1X clients.
      // Faults reported cleared (a server alive again, a fan back) are lines of their theme too.
      {"auth_failures", {"auth-failures", "auth-server-dead", "login-failures", "fault-cleared"}},
      {"environment", {"environment-alarm", "fault-cleared"}},
      {"err_disable", {"err-disable-events"}},
      // Half-duplex alarms sit among the link lines: a link problem of its own rule.
      {"link_flaps", {"port-flapping", "duplex-mismatch-events"}},
      // Most of the theme is duplicate addresses (ARP, DUPADDR), the rest MAC flaps.
      {"mac_l2", {"mac-flapping", "duplicate-ip-address"}},
      // Supply and voltage lines are environment alarms as much as power faults.
      {"power_poe", {"power-supply-failure", "poe-fault", "environment-alarm", "fault-cleared"}},
      // BPDU guard and loop guard lines that disable a port are err-disable events.
      {"stp_changes", {"stp-topology-change", "stp-root-change", "err-disable-events", "fault-cleared"}},
  };
  return themes;
}

// Rules about the capture itself (commands missing, no parser): every one-command corpus
// capture trips them, so the corpus does not score them.
inline bool capture_completeness_rule(const std::string& rule) {
  return rule == "missing-show-commands" || rule == "missing-parser-template";
}

// Which platform a corpus line most looks like: FastIron/Brocade syslog ("System: Interface
// ethernet", "Security: SSH access"), Arista ("Ebra:"), else Cisco.
inline std::string vendor_of_line(const std::string& line) {
  static const std::regex fastiron(R"((^|\s|,\s)(System|Security|SNMP|DOT1X|PoE): )");
  static const std::regex arista(R"(\s(Ebra|Stp|Lldp|ConfigAgent)(\[\d+\])?: %)");
  if (std::regex_search(line, arista)) return "arista";
  if (std::regex_search(line, fastiron)) return "fastiron";
  return "cisco";
}

// Timestamp layouts seen in the corpus: Cisco/FastIron "Mmm dd [yyyy] hh:mm:ss[.mmm]", NX-OS
// "yyyy Mmm dd hh:mm:ss", ISO "yyyy-mm-ddThh:mm:ss", and numeric "mm/dd/yyyy hh:mm:ss".
inline const std::regex& nxos_time() {
  static const std::regex r(R"(\b\d{4} [A-Z][a-z]{2} +\d{1,2} \d{1,2}:\d{2}:\d{2})");
  return r;
}
inline const std::regex& bsd_time() {
  static const std::regex r(R"(\b[A-Z][a-z]{2} +\d{1,2}( \d{4})? \d{1,2}:\d{2}:\d{2}(\.\d+)?)");
  return r;
}
inline const std::regex& iso_time() {
  static const std::regex r(R"(\b\d{4}-\d{1,2}-\d{1,2}[T ]\d{2}:\d{2}:\d{2})");
  return r;
}
inline bool has_timestamp(const std::string& line) {
  static const std::regex numeric(R"(\b\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2})");
  return std::regex_search(line, nxos_time()) || std::regex_search(line, bsd_time()) ||
         std::regex_search(line, iso_time()) || std::regex_search(line, numeric);
}

// Many corpus lines come from buffers kept without `service timestamps`; the second corpus pass
// gives those a Cisco-style time in front ("Nov 28 09:12:01.000: ") to tell apart what the rules
// miss from what the parsers drop for lack of a time.
inline std::string with_timestamp(const std::string& line, const std::string& hms = "09:12:01") {
  return has_timestamp(line) ? line : "Nov 28 " + hms + ".000: " + line;
}

// A flap needs five link events within ten minutes (port-flapping): the line is replayed six
// times, 40 s apart, ending 20 minutes before `show clock` (Sat Nov 28 2026 10:30 UTC), with its
// timestamp rewritten to each replay time in the line's own layout; a line without one gets a
// Cisco-style time in front (a replay needs times to fall in the window).
inline std::vector<std::string> replay_flap_line(const std::string& line, int copies = 6) {
  std::vector<std::string> out;
  for (int i = 0; i < copies; ++i) {
    const int seconds = 10 * 3600 + 10 * 60 - (copies - i) * 40;  // before 10:10
    const auto hms = fmt::format("{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
    std::smatch m;
    std::string rewritten;
    if (std::regex_search(line, m, nxos_time())) rewritten = m.prefix().str() + "2026 Nov 28 " + hms + m.suffix().str();
    else if (std::regex_search(line, m, bsd_time()))
      rewritten = m.prefix().str() + "Nov 28" + (m[1].matched ? " 2026" : "") + " " + hms +
                  (m[2].matched ? ".000" : "") + m.suffix().str();
    else if (std::regex_search(line, m, iso_time()))
      rewritten = m.prefix().str() + "2026-11-28T" + hms + m.suffix().str();
    else rewritten = with_timestamp(line, hms);
    out.push_back(rewritten);
  }
  return out;
}

// One capture of `vendor` whose log buffer holds `lines`; records each line's byte range.
inline CorpusCapture make_capture(const std::string& host, const std::string& vendor,
                                  const std::vector<std::string>& lines) {
  CorpusCapture c;
  c.host = host;
  c.vendor = vendor;
  c.file_name = host + ".log";
  std::string& t = c.text;
  auto add_lines = [&] {
    for (const auto& l : lines) {
      c.line_ranges.push_back({t.size(), l.size()});
      t += l + "\n";
    }
  };
  if (vendor == "cisco") {
    t += host + "#terminal length 0\n" + host + "#show clock\n*10:30:00.000 UTC Sat Nov 28 2026\n";
    t += host + "#show logging\n"
                "Syslog logging: enabled (0 messages dropped, 0 messages rate-limited, 0 flushes, 0 overruns, xml "
                "disabled, filtering disabled)\n\nLog Buffer (102400 bytes):\n\n";
    add_lines();
    t += host + "#exit\n";
  } else if (vendor == "arista") {
    t += host + "#show clock\nSat Nov 28 10:30:00 2026\nTimezone: UTC\nClock source: NTP server (10.10.99.1)\n";
    t += host + "#show version\nArista DCS-7050SX3-48YC12\nHardware version: 11.02\nSerial number: JPE02444103\n"
                "Hardware MAC address: 444c.a8ce.3358\nSystem MAC address: 444c.a8ce.3358\n\n"
                "Software image version: 4.30.2F\nArchitecture: x86_64\n\n"
                "Uptime: 9 weeks, 4 days, 1 hour and 37 minutes\n";
    t += host + "#show logging\nSyslog logging: enabled\n    Buffer logging: level debugging\n"
                "    Trap logging: level informational\n    Sequence numbers: Disabled\n\nLog Buffer:\n";
    add_lines();
    t += host + "#exit\n";
  } else {
    const auto p = "SSH@" + host;
    t += p + "#skip-page-display\nDisable page display mode\n" + p + "#show clock\n10:30:00.000 GMT+00 Sat Nov 28 2026\n";
    t += p + "#show version\n  Copyright (c) Ruckus Networks, Inc. All rights reserved.\n"
             "    UNIT 1: compiled on Nov 12 2020 at 03:20:16 labeled as SPR08095d\n"
             "      (33554432 bytes) from Primary SPR08095d.bin (UFI)\n        SW: Version 08.0.95dT213\n\n"
             "  HW: Stackable ICX7150-48P-4X1G\n"
             "STACKID 1  system uptime is 65 day(s) 18 hour(s) 22 minute(s) 3 second(s)\n\n";
    t += p + "#show logging\nSyslog logging: enabled ( 0 messages dropped, 0 flushes, 0 overruns)\n"
             "    Buffer logging: level ACDMEINW, 8 messages logged\n\nDynamic Log Buffer (50 lines):\n";
    add_lines();
    t += p + "#exit\n";
  }
  return c;
}

// Every corpus line as its own capture (theme = the file it came from), plus clean captures.
// `add_timestamps`: lines without a time get one (with_timestamp); flap lines always do.
inline std::vector<CorpusCapture> build_corpus_captures(const std::filesystem::path& corpus, bool add_timestamps) {
  static const std::map<std::string, std::string> code = {
      {"auth_failures", "AUTH"}, {"environment", "ENV"}, {"err_disable", "ERRD"}, {"link_flaps", "FLAP"},
      {"mac_l2", "MAC"},         {"power_poe", "POWER"}, {"stp_changes", "STP"}};
  std::vector<CorpusCapture> captures;
  for (const auto& [theme, prefix] : code) {
    std::ifstream in(corpus / "syslog" / (theme + ".log"), std::ios::binary);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      ++n;
      const auto lines = theme == "link_flaps" ? replay_flap_line(line)
                                              : std::vector<std::string>{add_timestamps ? with_timestamp(line) : line};
      auto c = make_capture(fmt::format("CRP-{}-{:03}", prefix, n), vendor_of_line(line), lines);
      c.theme = theme;
      c.line = line;
      captures.push_back(std::move(c));
    }
  }
  // Negative controls: everyday messages only (logins, config saves, one unplug and replug).
  captures.push_back(make_capture(
      "CRP-CLEAN-001", "cisco",
      {"004101: Nov 28 09:12:01.123 UTC: %SYS-5-CONFIG_I: Configured from console by netops on vty0 (10.10.99.25)",
       "004102: Nov 28 09:14:07.532 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/12, changed state to down",
       "004103: Nov 28 09:44:09.400 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/12, changed state to up",
       "004104: Nov 28 10:01:00.000 UTC: %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: netops] [Source: "
       "10.10.99.25] [localport: 22] at 10:01:00 UTC Sat Nov 28 2026"}));
  captures.push_back(make_capture(
      "CRP-CLEAN-002", "arista",
      {"Nov 28 09:12:01 CRP-CLEAN-002 ConfigAgent: %SYS-5-CONFIG_I: Configured from console by netops on vty3 "
       "(10.10.99.25)",
       "Nov 28 09:20:11 CRP-CLEAN-002 Ebra: %LINK-3-UPDOWN: Interface Ethernet12, changed state to down",
       "Nov 28 09:52:40 CRP-CLEAN-002 Ebra: %LINK-3-UPDOWN: Interface Ethernet12, changed state to up"}));
  captures.push_back(make_capture(
      "CRP-CLEAN-003", "fastiron",
      {"Nov 28 10:01:00:I:Security: SSH login by netops from src IP 10.10.99.25 from src MAC 0050.56ab.10c2 to "
       "PRIVILEGED EXEC mode",
       "Nov 28 09:45:05:I:DOT1X: Port 1/1/5 Mac d4be.d9ab.082b User d4be.d9ab.082b - authentication succeeded",
       "Nov 28 09:14:53:I:System: Interface ethernet 1/1/22, state up",
       "Nov 28 08:40:51:I:System: Interface ethernet 1/1/22, state down"}));
  return captures;
}

}  // namespace st::accuracy
