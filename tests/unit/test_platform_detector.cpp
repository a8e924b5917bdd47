#include <catch2/catch.hpp>

#include "ingest/platform_detector.h"

using st::ingest::detect_platform;

TEST_CASE("platform: from show version first", "[platform]") {
  auto cisco = detect_platform("Cisco IOS XE Software, Version 17.09.04a\n", "SW1#");
  CHECK(cisco.vendor == "cisco");
  CHECK(cisco.platform == "cisco_ios");
  CHECK(cisco.from_show_version);

  auto arista = detect_platform("Arista DCS-7050SX3-48YC12\nSoftware image version: 4.28.3M\n", "leaf1#");
  CHECK(arista.vendor == "arista");
  CHECK(arista.platform == "arista_eos");
  CHECK(arista.from_show_version);
  CHECK(detect_platform("Arista vEOS\nSoftware image version: 4.14.7M\n", "leaf1#").platform ==
        "arista_eos");

  auto icx = detect_platform("  Copyright (c) Ruckus Networks, Inc. All rights reserved.\n"
                             "        SW: Version 08.0.95dT213\n  HW: Stackable ICX7150-48P\n",
                             "ICX1#");
  CHECK(icx.vendor == "ruckus");
  CHECK(icx.platform == "ruckus_fastiron");
  CHECK(icx.from_show_version);
  CHECK(detect_platform("  HW: Stackable ICX6450-48-HPOE\n", "x#").platform == "ruckus_fastiron");
  CHECK(detect_platform("Copyright (c) 1996-2016 Brocade Communications Systems\n", "x#").platform ==
        "ruckus_fastiron");
}

TEST_CASE("platform: then from the prompt style", "[platform]") {
  auto ssh = detect_platform(std::nullopt, "SSH@ICX-ACC-01#");
  CHECK(ssh.platform == "ruckus_fastiron");
  CHECK(ssh.vendor == "ruckus");
  CHECK_FALSE(ssh.from_show_version);
  CHECK(detect_platform(std::nullopt, "telnet@ICX-ACC-01>").platform == "ruckus_fastiron");
  CHECK(detect_platform(std::nullopt, "SW1#").platform == "cisco_ios");
  // Output that names no vendor falls back to the prompt.
  CHECK(detect_platform("nothing useful\n", "SSH@x#").platform == "ruckus_fastiron");
}
