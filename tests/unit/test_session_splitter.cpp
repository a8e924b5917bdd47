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

TEST_CASE("split: the header of show switch is not the prompt of a switch named Switch", "[split]") {
  const std::string capture =
      "ACC-01#show switch\n"
      "Switch/Stack Mac Address : 70b3.17c4.a200 - Local Mac Address\n"
      "Mac persistency wait time: Indefinite\n"
      "                                             H/W   Current\n"
      "Switch#   Role    Mac Address     Priority Version  State \n"
      "-------------------------------------------------------------\n"
      "*1       Active   70b3.17c4.a200     15     V02     Ready                \n"
      " 2       Standby  70b3.17c4.b400     14     V02     Ready                \n"
      "ACC-01#exit\n";
  auto sections = split_sessions(capture);
  REQUIRE(sections.size() == 2);
  CHECK(sections[0].command_raw == "show switch");
  CHECK(std::string_view(capture).substr(sections[0].output.offset, sections[0].output.length).find("Standby") !=
        std::string_view::npos);
  // A switch really named Switch keeps its prompts.
  auto named = split_sessions("Switch#show clock\n*09:14:07.532 UTC Fri Nov 20 2026\nSwitch#exit\n");
  REQUIRE(named.size() == 2);
  CHECK(named[0].host == "Switch");
}

TEST_CASE("split: a file with no prompt is one preamble section", "[split]") {
  auto sections = split_sessions("just some notes\nabout the outage\n");
  REQUIRE(sections.size() == 1);
  CHECK(sections[0].before_first_prompt);
  CHECK(split_sessions("\n\n  \n").empty());
}

TEST_CASE("split: FastIron prompts name the host after the '@'", "[split]") {
  const std::string capture =
      "SSH@ICX-ACC-01>enable\r\n"
      "SSH@ICX-ACC-01#show version\r\n"
      "  Copyright (c) Ruckus Networks, Inc. All rights reserved.\r\n"
      "SSH@ICX-ACC-01(config-if-e1000-1/1/1)#show interfaces brief\r\n"
      "Port       Link    State   Dupl Speed Trunk Tag Pvid Pri MAC             Name\r\n"
      "telnet@ICX-ACC-02#show logging\r\n"
      "Nov 20 08:51:12:I:System: Interface ethernet 1/1/5, state down\r\n";
  auto sections = split_sessions(capture);
  REQUIRE(sections.size() == 4);
  CHECK(sections[0].host == "ICX-ACC-01");
  CHECK(sections[0].prompt == "SSH@ICX-ACC-01>");
  CHECK(sections[0].command_raw == "enable");
  CHECK(sections[1].host == "ICX-ACC-01");
  CHECK(sections[1].command_raw == "show version");
  CHECK(slice(capture, sections[1].output) ==
        "  Copyright (c) Ruckus Networks, Inc. All rights reserved.\r\n");
  CHECK(sections[2].host == "ICX-ACC-01");
  CHECK(sections[2].prompt == "SSH@ICX-ACC-01(config-if-e1000-1/1/1)#");
  CHECK(sections[2].command_raw == "show interfaces brief");
  CHECK(sections[3].host == "ICX-ACC-02");
  CHECK(sections[3].prompt == "telnet@ICX-ACC-02#");
  CHECK(slice(capture, sections[3].output) ==
        "Nov 20 08:51:12:I:System: Interface ethernet 1/1/5, state down\r\n");
}

TEST_CASE("split: a FastIron without a hostname prompts with its model and image", "[split]") {
  const std::string capture =
      "ICX7150-48P Router>enable\n"
      "ICX7150-48P Router#show 802-1w\n"
      "--- VLAN 10 [ STP Instance owned by VLAN 10 ] ---\n"
      "SSH@FCX648S Switch(config)#show span\n"
      "STP instance owned by VLAN 1\n";
  auto sections = split_sessions(capture);
  REQUIRE(sections.size() == 3);
  CHECK(sections[0].host == "ICX7150-48P Router");
  CHECK(sections[0].command_raw == "enable");
  CHECK(sections[1].prompt == "ICX7150-48P Router#");
  CHECK(sections[1].command_raw == "show 802-1w");
  CHECK(slice(capture, sections[1].output) == "--- VLAN 10 [ STP Instance owned by VLAN 10 ] ---\n");
  CHECK(sections[2].host == "FCX648S Switch");
  CHECK(sections[2].prompt == "SSH@FCX648S Switch(config)#");
  st::parse::PromptMatch m;
  // Only the image words: other two-word lines stay output.
  CHECK_FALSE(st::parse::match_prompt("Core Uplink#1 is down", m));
  CHECK_FALSE(st::parse::match_prompt("ICX7150-48P Routers#", m));
  CHECK_FALSE(st::parse::match_prompt("ICX7150-48P Router", m));
}

TEST_CASE("split: Junos user@host> and Arista EOS prompts", "[split]") {
  st::parse::PromptMatch m;
  REQUIRE(st::parse::match_prompt("netops@mx-edge-01> show version", m));
  CHECK(m.host == "mx-edge-01");
  CHECK(m.prompt == "netops@mx-edge-01>");
  CHECK(m.command == "show version");
  REQUIRE(st::parse::match_prompt("leaf1(config-if-Et1)#show interfaces status", m));
  CHECK(m.host == "leaf1");
  CHECK(m.prompt == "leaf1(config-if-Et1)#");
  REQUIRE(st::parse::match_prompt("leaf1>", m));
  CHECK(m.host == "leaf1");
  CHECK(m.command.empty());
  // Not prompts: an address in output, an '@' with no host, a host with a blank before '#'.
  CHECK_FALSE(st::parse::match_prompt("Contact: noc@example.com", m));
  CHECK_FALSE(st::parse::match_prompt("SSH@#show", m));
  CHECK_FALSE(st::parse::match_prompt("SSH@ host#", m));
}

TEST_CASE("split: ANSI colour codes around a prompt are skipped", "[split]") {
  st::parse::PromptMatch m;
  REQUIRE(st::parse::match_prompt("\x1b[1;32mHQ-B2-ACC-02#\x1b[0mshow version", m));
  CHECK(m.host == "HQ-B2-ACC-02");
  CHECK(m.prompt == "HQ-B2-ACC-02#");
  CHECK(m.command == "show version");
  REQUIRE(st::parse::match_prompt("\x1b[0m\x1b[1;32mSW1#\x1b[0m", m));
  CHECK(m.command.empty());
}
