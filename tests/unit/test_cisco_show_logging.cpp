#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "parse/cisco/cisco_parsers.h"

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
  CHECK_FALSE(result->events[1].interface);  // Virtual-PPP is not a known type
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
