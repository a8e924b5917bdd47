#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "parse/cisco/cisco_parsers.h"
#include "parse/event_kind.h"

using namespace st::parse;

namespace {

std::string_view at(std::string_view output, st::ByteRange r) {
  return output.substr(r.offset, r.length);
}

st::Result<ParseResult> run(std::string_view output) {
  return cisco::parse_show_logging(SectionInput{output, "cisco_ios", "show logging"});
}

// 2023-06-19T12:00:00Z, the capture time used for year inference.
constexpr UnixSeconds kCaptured = 1687176000;

// C2960X on IOS 15.2: configuration preamble, then the buffer.
constexpr std::string_view kC2960X =
    "Syslog logging: enabled (0 messages dropped, 2 messages rate-limited, 0 flushes, 0 "
    "overruns, xml disabled, filtering disabled)\n"
    "\n"
    "No Active Message Discriminator.\n"
    "\n"
    "    Console logging: disabled\n"
    "    Buffer logging:  level debugging, 1287 messages logged, xml disabled,\n"
    "                    filtering disabled\n"
    "    Trap logging: level informational, 1290 message lines logged\n"
    "        Logging to 10.10.5.20  (udp port 514, audit disabled,\n"
    "              link up),\n"
    "        Logging Source-Interface:       VRF Name:\n"
    "\n"
    "Log Buffer (16384 bytes):\n"
    "d state to down\n"
    "00:00:41: %STACKMGR-4-SWITCH_ADDED: Switch 1 has been added to the stack.\n"
    "022701: Jun 19 03:02:31: %LINEPROTO-5-UPDOWN: Line protocol on Interface "
    "GigabitEthernet2/0/3, changed state to down\n"
    "022702: Jun 19 03:02:32: %LINK-3-UPDOWN: Interface GigabitEthernet2/0/3, changed state to "
    "down\n"
    "022703: Jun 19 03:02:35: %SYS-5-RESTART: System restarted --\n"
    "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8, RELEASE "
    "SOFTWARE (fc2)\n"
    "Technical Support: http://www.cisco.com/techsupport\n"
    "022704: Jun 19 03:02:36: %PM-4-ERR_DISABLE: bpduguard error detected on Gi1/0/3, putting "
    "Gi1/0/3 in err-disable state\n"
    "000024: Dec  2 12:09:21.207: CEF-HWIDB: EDSP0 LES switching vector set to Null\n"
    "022705: Jun 19 03:02:40: NTP Core (NOTICE): Clock is synchronized.\n";

}  // namespace

TEST_CASE("show logging: IOS 15.2 buffer after the preamble", "[cisco][show_logging]") {
  const auto result = run(kC2960X);
  REQUIRE(result);
  REQUIRE(result->events.size() == 7);
  // The orphaned tail of an overwritten message is skipped, with a warning.
  CHECK(result->skipped_lines == 1);
  REQUIRE(result->warnings.size() == 1);
  CHECK(at(kC2960X, result->warnings[0].at) == "d state to down");

  const auto& up = result->events[0];
  CHECK(up.timestamp_raw == "00:00:41");
  CHECK(up.time.uptime_only);
  CHECK_FALSE(up.sequence);
  CHECK(up.message_id == "STACKMGR-4-SWITCH_ADDED");
  CHECK(resolve(up.time, kCaptured).quality == TimeQuality::UptimeOnly);

  const auto& lp = result->events[1];
  CHECK(lp.sequence == 22701);
  CHECK(lp.timestamp_raw == "Jun 19 03:02:31");
  CHECK(lp.facility == "LINEPROTO");
  CHECK(lp.severity == 5);
  CHECK(lp.mnemonic == "UPDOWN");
  CHECK(lp.message_id == "LINEPROTO-5-UPDOWN");
  CHECK(lp.message == "Line protocol on Interface GigabitEthernet2/0/3, changed state to down");
  CHECK(lp.interface == "Gi2/0/3");
  CHECK_FALSE(lp.time.year);
  CHECK_FALSE(lp.time.utc_offset_minutes);
  CHECK(at(kC2960X, lp.source) ==
        "022701: Jun 19 03:02:31: %LINEPROTO-5-UPDOWN: Line protocol on Interface "
        "GigabitEthernet2/0/3, changed state to down");
  const auto resolved = resolve(lp.time, kCaptured);
  CHECK(resolved.quality == TimeQuality::YearInferred);
  CHECK(resolved.utc_iso == "2023-06-19T03:02:31Z");

  // A multi-line message: continuation lines joined with '\n', range over all of them.
  const auto& restart = result->events[3];
  CHECK(restart.message_id == "SYS-5-RESTART");
  CHECK(restart.message ==
        "System restarted --\n"
        "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8, RELEASE "
        "SOFTWARE (fc2)\n"
        "Technical Support: http://www.cisco.com/techsupport");
  CHECK(at(kC2960X, restart.source) ==
        "022703: Jun 19 03:02:35: %SYS-5-RESTART: " + restart.message);

  CHECK(result->events[4].interface == "Gi1/0/3");
  CHECK(result->events[4].message_id == "PM-4-ERR_DISABLE");

  const auto& cef = result->events[5];
  CHECK(cef.facility == "CEF");
  CHECK_FALSE(cef.severity);
  CHECK(cef.mnemonic == "HWIDB");
  CHECK(cef.message_id == "CEF-HWIDB");
  CHECK(cef.message == "EDSP0 LES switching vector set to Null");
  CHECK(cef.timestamp_raw == "Dec  2 12:09:21.207");
  CHECK(cef.time.millis == 207);
  // December is after the June capture: it was last year's.
  CHECK(resolve(cef.time, kCaptured).utc_iso == "2022-12-02T12:09:21.207Z");

  const auto& ntp = result->events[6];
  CHECK(ntp.facility.empty());
  CHECK(ntp.message_id.empty());
  CHECK(ntp.message == "NTP Core (NOTICE): Clock is synchronized.");
}

TEST_CASE("show logging: timestamp forms", "[cisco][show_logging]") {
  const std::string output =
      "Log Buffer (102400 bytes):\r\n"
      "*Mar  1 00:00:43.123: %LINK-3-UPDOWN: Interface FastEthernet0/1, changed state to up\r\n"
      "Jun 19 2023 03:02:31.123 UTC: %SYS-5-CONFIG_I: Configured from console by admin on vty0 "
      "(10.1.1.5)\r\n"
      "000123: *Jun 19 03:02:31.123 EST: %ILPOWER-7-DETECT: Interface Gi4/3: Power Device "
      "detected: IEEE PD\r\n"
      "7:04: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet2/0/3, changed state "
      "to up\r\n"
      "1d02h: %DOT1X-5-FAIL: Authentication failed for client (0011.2233.4455) on Interface "
      "Gi1/0/5 AuditSessionID 0A0A0A0B\r\n"
      "2w3d: %CDP-4-NATIVE_VLAN_MISMATCH: Native VLAN mismatch discovered on "
      "GigabitEthernet1/0/47 (1), with sw2 GigabitEthernet0/1 (99).\r\n"
      ".Nov 20 09:47:31.402: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/7, changed state to "
      "down\r\n"
      "Jun 19 03:02:31.999 XYZ: %SYS-6-LOGOUT: User admin has exited tty session 2(10.1.1.5)\r\n";
  const auto result = run(output);
  REQUIRE(result);
  REQUIRE(result->events.size() == 8);
  CHECK(result->skipped_lines == 0);
  const auto& e = result->events;

  CHECK(e[0].timestamp_raw == "Mar  1 00:00:43.123");
  CHECK(e[0].time.month == 3);
  CHECK(e[0].time.day == 1);
  CHECK(e[0].time.millis == 123);
  CHECK(e[0].interface == "Fa0/1");
  CHECK(at(output, e[0].source) ==
        "*Mar  1 00:00:43.123: %LINK-3-UPDOWN: Interface FastEthernet0/1, changed state to up");

  CHECK(e[1].timestamp_raw == "Jun 19 2023 03:02:31.123 UTC");
  CHECK(e[1].time.year == 2023);
  CHECK(e[1].time.utc_offset_minutes == 0);
  CHECK(resolve(e[1].time, std::nullopt).quality == TimeQuality::Exact);
  CHECK(resolve(e[1].time, std::nullopt).utc_iso == "2023-06-19T03:02:31.123Z");
  CHECK(e[1].message == "Configured from console by admin on vty0 (10.1.1.5)");
  CHECK_FALSE(e[1].interface);

  CHECK(e[2].sequence == 123);
  CHECK(e[2].timestamp_raw == "Jun 19 03:02:31.123 EST");
  CHECK(e[2].time.utc_offset_minutes == -300);
  CHECK(resolve(e[2].time, kCaptured).utc_iso == "2023-06-19T08:02:31.123Z");
  CHECK(e[2].interface == "Gi4/3");

  CHECK(e[3].timestamp_raw == "7:04");
  CHECK(e[3].time.uptime_only);
  CHECK(e[3].message_id == "LINEPROTO-5-UPDOWN");
  CHECK(e[4].timestamp_raw == "1d02h");
  CHECK(e[4].time.uptime_only);
  CHECK(e[4].interface == "Gi1/0/5");
  CHECK(e[5].timestamp_raw == "2w3d");
  CHECK(e[5].interface == "Gi1/0/47");

  CHECK(e[6].timestamp_raw == "Nov 20 09:47:31.402");
  CHECK(e[6].time.month == 11);

  CHECK(e[7].timestamp_raw == "Jun 19 03:02:31.999 XYZ");
  CHECK_FALSE(e[7].time.utc_offset_minutes);
  CHECK(e[7].message_id == "SYS-6-LOGOUT");
  // The last line's range stops before "\r\n".
  CHECK(e[7].source.end() == output.size() - 2);
}

TEST_CASE("show logging: continuation lines and blank lines", "[cisco][show_logging]") {
  const std::string_view output =
      "Log Buffer (100000 bytes):\n"
      "*Sep 14 06:00:45.693: %CRYPTO-4-PKT_REPLAY_ERR: decrypt: replay check failed\n"
      "        connection id=29, sequence number=219\n"
      "\n"
      "*Sep 14 06:07:26.245: %LINEPROTO-5-UPDOWN: Line protocol on Interface Virtual-PPP2, "
      "changed state to down\n";
  const auto result = run(output);
  REQUIRE(result);
  REQUIRE(result->events.size() == 2);
  CHECK(result->events[0].message ==
        "decrypt: replay check failed\n        connection id=29, sequence number=219");
  CHECK(at(output, result->events[0].source) ==
        "*Sep 14 06:00:45.693: %CRYPTO-4-PKT_REPLAY_ERR: decrypt: replay check failed\n"
        "        connection id=29, sequence number=219");
  CHECK(result->events[1].interface == "Virtual-PPP2");  // an unknown type, kept as printed
}

TEST_CASE("show logging: without a Log Buffer header", "[cisco][show_logging]") {
  const std::string_view output =
      "Syslog logging: enabled (0 messages dropped)\n"
      "    Console logging: disabled\n"
      "Jan 30 14:11:11.354: %ILPOWER-7-DETECT: Interface Gi4/3: Power Device detected: IEEE PD\n"
      "Jan 30 14:11:55.762: %SYS-5-CONFIG_I: Configured from console by cisco on vty0\n";
  const auto result = run(output);
  REQUIRE(result);
  REQUIRE(result->events.size() == 2);
  CHECK(result->skipped_lines == 0);
  CHECK(result->events[0].message_id == "ILPOWER-7-DETECT");
  CHECK(at(output, result->events[1].source).starts_with("Jan 30 14:11:55.762:"));
}

TEST_CASE("show logging: an empty buffer is not an error", "[cisco][show_logging]") {
  const auto result = run(
      "Syslog logging: enabled (0 messages dropped)\n"
      "\n"
      "Log Buffer (4096 bytes):\n"
      "\n");
  REQUIRE(result);
  CHECK(result->events.empty());
}

TEST_CASE("show logging: CLI error and foreign output fail", "[cisco][show_logging]") {
  const auto invalid = run("% Invalid input detected at '^' marker.\n");
  REQUIRE_FALSE(invalid);
  CHECK(invalid.error().kind == st::ErrorKind::Parse);

  const auto foreign = run("Port      Name               Status       Vlan\n");
  REQUIRE_FALSE(foreign);
}

TEST_CASE("show logging: messages without a time are kept, with no timestamp", "[cisco][show_logging]") {
  // A buffer kept without `service timestamps`: only the header starts a message.
  const std::string_view output =
      "Log Buffer (8192 bytes):\n"
      "%PM-4-ERR_DISABLE: psecure-violation error detected on Gi1/0/14, putting Gi1/0/14 in err-disable state\n"
      "%SYS-0-SYS_TEMPMAJORFAIL:Chassis major temperature threshold exceeded\n"
      "SYS-2-PS_OK: Power supply 1 okay\n"
      "-Traceback= 1A2B3C 4D5E6F\n"
      "%PKT_INFRA-LINK-3-UPDOWN : Interface TenGigE0/1/0/2, changed state to Down\n";
  const auto result = run(output);
  REQUIRE(result);
  REQUIRE(result->events.size() == 4);
  const auto& e = result->events;
  CHECK(e[0].message_id == "PM-4-ERR_DISABLE");
  CHECK(e[0].interface == "Gi1/0/14");
  CHECK(e[0].timestamp_raw.empty());
  CHECK_FALSE(e[0].sequence);
  CHECK(resolve(e[0].time, kCaptured).quality == TimeQuality::UptimeOnly);
  CHECK_FALSE(resolve(e[0].time, kCaptured).utc_iso);
  // The text glued to the colon is the message.
  CHECK(e[1].message_id == "SYS-0-SYS_TEMPMAJORFAIL");
  CHECK(e[1].message == "Chassis major temperature threshold exceeded");
  CHECK(e[2].message_id == "SYS-2-PS_OK");
  // A line with no header continues the message before it.
  CHECK(e[2].message == "Power supply 1 okay\n-Traceback= 1A2B3C 4D5E6F");
  // IOS-XR closes the header with " : ".
  CHECK(e[3].facility == "PKT_INFRA-LINK");
  CHECK(e[3].severity == 3);
  CHECK(e[3].message_id == "PKT_INFRA-LINK-3-UPDOWN");
  CHECK(e[3].message == "Interface TenGigE0/1/0/2, changed state to Down");
  CHECK(e[3].interface == "Te0/1/0/2");
  CHECK(at(output, e[3].source) == "%PKT_INFRA-LINK-3-UPDOWN : Interface TenGigE0/1/0/2, changed state to Down");
}

TEST_CASE("show logging: relayed, NX-OS, IOS-XR and numeric-date layouts", "[cisco][show_logging]") {
  const std::string output =
      "Log Buffer (65536 bytes):\n"
      "<189>2231: acc-sw4: *Oct  3 11:20:05.418: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/9, changed state to down\n"
      "<190>2024 Mar 12 06:41:55 n9k-leaf2 %ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1/12 is down (Link failure)\n"
      "2024 Mar 12 06:42:10 CET: %ETHPORT-5-IF_UP: Interface Ethernet1/12 is up in mode access\n"
      "48213: RP/0/RSP1/CPU0:Feb 27 17:03:44.120 : ifmgr[231]: %PKT_INFRA-LINK-3-UPDOWN : Interface GigabitEthernet0/0/0/3, changed state to Up\n"
      "03/14/2022 08:15:09 %NYQ-2-PLATFORM_FAN_NOT_PRESENT : OBFL FAN NOT PRESENT : operational fan 2\n"
      "<28>Sep  9 02:10:33 mx-edge1 mib2d[1720]: SNMP_TRAP_LINK_DOWN: ifIndex 611, ifAdminStatus up(1), ifOperStatus down(2), ifName ge-0/0/4\n"
      "<165>2023-05-02T21:07:12.004+02:00 qfx-a chassisd[2301]: Major alarm set, FPC 1 fan tray failed\n"
      "Apr 30 10:11:12 snmpd[2206]: SNMPD_AUTH_FAILURE: nsa_log_community: unauthorized SNMP community from 10.9.8.7\n"
      "<187>5120: pe3.lab LC/0/1/CPU0:Jan 11 04:12:40.551 : ifmgr[219]: %PKT_INFRA-LINK-3-UPDOWN : Interface TenGigE0/1/0/7, changed state to Down\n";
  const auto result = run(output);
  REQUIRE(result);
  REQUIRE(result->events.size() == 9);
  CHECK(result->skipped_lines == 0);
  const auto& e = result->events;

  CHECK(e[0].sequence == 2231);
  CHECK(e[0].timestamp_raw == "Oct  3 11:20:05.418");
  CHECK(e[0].message_id == "LINK-3-UPDOWN");
  CHECK(e[0].interface == "Gi1/0/9");
  CHECK(at(output, e[0].source).starts_with("<189>2231: acc-sw4:"));

  CHECK(e[1].timestamp_raw == "2024 Mar 12 06:41:55");
  CHECK(e[1].time.year == 2024);
  CHECK(resolve(e[1].time, kCaptured).utc_iso == "2024-03-12T06:41:55Z");
  CHECK(e[1].message_id == "ETHPORT-5-IF_DOWN_LINK_FAILURE");
  CHECK(e[1].interface == "Et1/12");

  CHECK(e[2].timestamp_raw == "2024 Mar 12 06:42:10 CET");
  CHECK(e[2].time.utc_offset_minutes == 60);
  CHECK(e[2].message_id == "ETHPORT-5-IF_UP");

  CHECK(e[3].sequence == 48213);
  CHECK(e[3].timestamp_raw == "Feb 27 17:03:44.120");
  CHECK(e[3].time.millis == 120);
  CHECK(e[3].message_id == "PKT_INFRA-LINK-3-UPDOWN");
  CHECK(e[3].message == "Interface GigabitEthernet0/0/0/3, changed state to Up");

  CHECK(e[4].time.year == 2022);
  CHECK(e[4].time.month == 3);
  CHECK(e[4].time.day == 14);
  CHECK(e[4].message_id == "NYQ-2-PLATFORM_FAN_NOT_PRESENT");
  CHECK(e[4].message == "OBFL FAN NOT PRESENT : operational fan 2");

  // A Junos tag is the whole message id.
  CHECK(e[5].message_id == "SNMP_TRAP_LINK_DOWN");
  CHECK(e[5].timestamp_raw == "Sep  9 02:10:33");
  CHECK(e[5].message.starts_with("ifIndex 611,"));

  // A relayed line without a header keeps its text after host and process, with no id.
  CHECK(e[6].message_id.empty());
  CHECK(e[6].message == "Major alarm set, FPC 1 fan tray failed");
  CHECK(e[6].time.utc_offset_minutes == 120);
  CHECK(resolve(e[6].time, kCaptured).utc_iso == "2023-05-02T19:07:12.004Z");

  // "snmpd[2206]:" is not a time zone: the relay layout wins over an IOS reading of the time.
  CHECK(e[7].message_id == "SNMPD_AUTH_FAILURE");
  CHECK(e[7].timestamp_raw == "Apr 30 10:11:12");

  // A relay's host before an IOS-XR node.
  CHECK(e[8].sequence == 5120);
  CHECK(e[8].timestamp_raw == "Jan 11 04:12:40.551");
  CHECK(e[8].message_id == "PKT_INFRA-LINK-3-UPDOWN");
  CHECK(e[8].interface == "Te0/1/0/7");
}

TEST_CASE("show logging: a dated line without a header starts a message; undated text continues one",
          "[cisco][show_logging]") {
  // Relays and collectors put other vendors' lines in buffers: a date, a host, then text
  // ("Sep 19 13:36:03 Karavaev-28 snmp Authentication failure notification."). Wrapped text
  // never begins with a date.
  const std::string_view output =
      "Log Buffer (4096 bytes):\n"
      "*Sep 14 06:00:45.693: %CRYPTO-4-PKT_REPLAY_ERR: decrypt: replay check failed\n"
      "Sep 19 13:36:03 Karavaev-28 snmp Authentication failure notification.\n"
      "Note: see %CRYPTO-4-RECVD_PKT_INV_SPI for details\n";
  const auto result = run(output);
  REQUIRE(result);
  REQUIRE(result->events.size() == 2);
  CHECK(result->events[0].message == "decrypt: replay check failed");
  CHECK(result->events[1].message_id.empty());
  CHECK(result->events[1].time.month == 9);
  CHECK(result->events[1].time.day == 19);
  CHECK(result->events[1].message ==
        "snmp Authentication failure notification.\nNote: see %CRYPTO-4-RECVD_PKT_INV_SPI for details");
}

TEST_CASE("show logging: other vendors' headers start messages with their ids", "[cisco][show_logging]") {
  const std::string_view output =
      "Log Buffer (4096 bytes):\n"
      "<29>2018-7-23 01:00:34 my-huawei-switch %%01IFNET/4/IF_STATE(l)[4997]:Interface Ethernet0/0/8 has turned "
      "into DOWN state.\n"
      "Feb 11 12:39:18 2013 Teh %%10IFNET/3/LINK_UPDOWN(l): GigabitEthernet1/0/7 link status is DOWN.\n"
      "Jul 19 2012 18:12:13 kie-asw0 MSTP/4/PFWD:OID 1.3.6.1.4.1.2011.5.25.42.4.2.1 The port has been set to "
      "forwarding state. (PortName=GigabitEthernet0/0/1)\n"
      "Dec 25 14:22:45 2012 Office [PHY]/5/PORT LINK STATUS CHANGE: Ethernet0/22 turns into UP state\n"
      "Jul 20 15:57:35 Alcatel6850 INTERFACE(6) Data: 1/3: link DOWN\n"
      "10/15/2019 14:11:03.82 <Info:vlan.msgs.portLinkStateDown> Port 11 link down\n"
      "WARN(4) Port 22 Broadcast storm is occurring\n"
      "INFO: Port 17 link down\n"
      "%LINK-W-Not Present:  ch2\n";
  auto result = run(output);
  REQUIRE(result);
  classify_events(*result, "cisco_ios");
  const auto& e = result->events;
  REQUIRE(e.size() == 9);
  CHECK(e[0].message_id == "IFNET-4-IF_STATE");
  CHECK(e[0].interface == "Et0/0/8");
  CHECK(e[0].kind == "link_down");
  CHECK(e[1].message_id == "IFNET-3-LINK_UPDOWN");
  CHECK(e[1].time.year == 2013);  // Comware prints the year after the time
  CHECK(e[1].interface == "Gi1/0/7");
  CHECK(e[2].message_id == "MSTP-4-PFWD");
  CHECK(e[2].kind == "stp_change");
  CHECK(e[3].message_id == "PHY-5-PORT LINK STATUS CHANGE");
  CHECK(e[3].kind == "link_up");
  CHECK(e[4].message_id == "INTERFACE-6");
  CHECK(e[4].message == "Data: 1/3: link DOWN");
  CHECK(e[4].interface == "1/3");
  CHECK(e[5].message_id == "vlan-6-msgs.portLinkStateDown");
  CHECK(e[5].interface == "11");
  CHECK(e[6].message_id.empty());
  CHECK(e[6].severity == 4);
  CHECK(e[6].kind == "err_disable");
  CHECK(e[7].message == "Port 17 link down");
  CHECK(e[7].kind == "link_down");
  CHECK(e[7].interface == "17");
  CHECK(e[8].message_id == "LINK-W-Not Present");  // words in a small-business mnemonic
  CHECK(e[8].kind == "link_down");
  CHECK(e[8].interface == "ch2");
}

TEST_CASE("show logging: lines of an unknown layout are messages when they name a known kind",
          "[cisco][show_logging]") {
  // A buffer kept by a device whose lines carry no header and no time: each line that names a
  // fault is its own message; text that names nothing cannot continue them and is reported.
  const std::string_view output =
      "Log Buffer (4096 bytes):\n"
      "System detected SYS PS 1 fan fail condition.\n"
      "link 0/0/0 SFP receive power low  alarm set\n"
      "checksum 0x1f2e ok\n"
      "  indented detail of the alarm\n";
  auto result = run(output);
  REQUIRE(result);
  classify_events(*result, "cisco_ios");
  const auto& e = result->events;
  REQUIRE(e.size() == 2);
  CHECK(e[0].message == "System detected SYS PS 1 fan fail condition.");
  CHECK(e[0].time.uptime_only);
  CHECK(e[0].kind == "env_alarm");
  CHECK(e[1].kind == "env_alarm");
  CHECK(e[1].message == "link 0/0/0 SFP receive power low  alarm set\n  indented detail of the alarm");
  CHECK(result->skipped_lines == 1);
  REQUIRE(result->warnings.size() == 1);
  CHECK(at(output, result->warnings[0].at) == "checksum 0x1f2e ok");
}
