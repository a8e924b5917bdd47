#include <catch2/catch.hpp>

#include "parse/session_splitter.h"

using st::parse::split_sessions;

namespace {
std::string_view slice(std::string_view text, st::ByteRange r) { return text.substr(r.offset, r.length); }
}  // namespace

TEST_CASE("split: sections start at prompts and keep exact byte ranges", "[split]") {
  const std::string capture =
      "Last login: Fri Nov 20 09:14:01 2026 from 10.20.0.9\n"
      "SW1#terminal length 0\n"
      "SW1#\n"
      "SW1#show clock\n"
      "*09:14:07.532 UTC Fri Nov 20 2026\n"
      "SW1#sh ver\n"
      "Cisco IOS XE Software, Version 17.09.04\n"
      "SW1 uptime is 3 weeks, 2 days\n"
      "SW1#";
  auto sections = split_sessions(capture);
  REQUIRE(sections.size() == 4);

  CHECK(sections[0].before_first_prompt);
  CHECK(sections[0].host.empty());
  CHECK(slice(capture, sections[0].range) == "Last login: Fri Nov 20 09:14:01 2026 from 10.20.0.9\n");

  CHECK(sections[1].host == "SW1");
  CHECK(sections[1].command_raw == "terminal length 0");
  CHECK(sections[1].output.length == 0);

  // The bare prompt "SW1#" in between carries nothing and is dropped.
  CHECK(sections[2].command_raw == "show clock");
  CHECK(slice(capture, sections[2].output) == "*09:14:07.532 UTC Fri Nov 20 2026\n");
  CHECK(slice(capture, sections[2].range) == "SW1#show clock\n*09:14:07.532 UTC Fri Nov 20 2026\n");

  CHECK(sections[3].command_raw == "sh ver");
  CHECK(slice(capture, sections[3].output) ==
        "Cisco IOS XE Software, Version 17.09.04\nSW1 uptime is 3 weeks, 2 days\n");
}

TEST_CASE("split: several hosts in one file, config mode and user EXEC prompts", "[split]") {
  const std::string capture =
      "lab-sw1>enable\r\n"
      "Password:\r\n"
      "lab-sw1#conf t\r\n"
      "Enter configuration commands, one per line.  End with CNTL/Z.\r\n"
      "lab-sw1(config-if)#do show interfaces status\r\n"
      "Port      Name   Status       Vlan\r\n"
      "lab-sw1#ssh -l netops 10.20.0.5\r\n"
      "lab-sw2#show clock\r\n"
      "10:00:00.000 UTC Fri Nov 20 2026\r\n";
  auto sections = split_sessions(capture);
  REQUIRE(sections.size() == 5);
  CHECK(sections[0].prompt == "lab-sw1>");
  CHECK(sections[0].command_raw == "enable");
  CHECK(sections[2].prompt == "lab-sw1(config-if)#");
  CHECK(sections[2].host == "lab-sw1");
  CHECK(sections[2].command_raw == "do show interfaces status");
  CHECK(sections[3].command_raw == "ssh -l netops 10.20.0.5");
  CHECK(sections[4].host == "lab-sw2");
  CHECK(slice(capture, sections[4].output) == "10:00:00.000 UTC Fri Nov 20 2026\r\n");
  // Ranges tile the file without gaps after the first prompt.
  for (std::size_t i = 1; i < sections.size(); ++i) {
    CHECK(sections[i].range.offset == sections[i - 1].range.end());
  }
  CHECK(sections.back().range.end() == capture.size());
}

TEST_CASE("split: output lines that are not prompts stay inside the section", "[split]") {
  const std::string capture =
      "SW1#show logging\n"
      "Log Buffer (102400 bytes):\n"
      "001: Nov 20 08:51:12.345 UTC: %SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.1.1.1)\n"
      "  2960X-Gi1/0/1 <== Disabled ==> \n"
      "1/1/1 is up\n"
      "SW1 #not a prompt either\n";
  auto sections = split_sessions(capture);
  REQUIRE(sections.size() == 1);
  CHECK(sections[0].range.length == capture.size());
}

TEST_CASE("split: a file with no prompt is one preamble section", "[split]") {
  auto sections = split_sessions("just some notes\nabout the outage\n");
  REQUIRE(sections.size() == 1);
  CHECK(sections[0].before_first_prompt);
  CHECK(split_sessions("\n\n  \n").empty());
}
