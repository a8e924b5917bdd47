#include <catch2/catch.hpp>

#include "parse/interface_name.h"

using st::parse::canonical_interface_name;
using st::parse::interface_in_message;

TEST_CASE("canonical_interface_name shortens Cisco long names", "[interface_name]") {
  CHECK(canonical_interface_name("GigabitEthernet1/0/5") == "Gi1/0/5");
  CHECK(canonical_interface_name("TenGigabitEthernet1/1/1") == "Te1/1/1");
  CHECK(canonical_interface_name("FastEthernet0/1") == "Fa0/1");
  CHECK(canonical_interface_name("TwentyFiveGigE1/0/1") == "Twe1/0/1");
  CHECK(canonical_interface_name("TwoGigabitEthernet1/0/12") == "Tw1/0/12");
  CHECK(canonical_interface_name("FortyGigabitEthernet1/1/2") == "Fo1/1/2");
  CHECK(canonical_interface_name("HundredGigE1/0/49") == "Hu1/0/49");
  CHECK(canonical_interface_name("AppGigabitEthernet1/0/1") == "Ap1/0/1");
  CHECK(canonical_interface_name("Port-channel1") == "Po1");
  CHECK(canonical_interface_name("port-channel12") == "Po12");
  CHECK(canonical_interface_name("Vlan10") == "Vl10");
  CHECK(canonical_interface_name("Loopback0") == "Lo0");
  CHECK(canonical_interface_name("Tunnel100") == "Tu100");
  CHECK(canonical_interface_name("Management1") == "Ma1");
  CHECK(canonical_interface_name("GigabitEthernet0/0/1.100") == "Gi0/0/1.100");
}

TEST_CASE("canonical_interface_name maps short and mixed-case forms to the same name",
          "[interface_name]") {
  CHECK(canonical_interface_name("Gi1/0/5") == "Gi1/0/5");
  CHECK(canonical_interface_name("gi1/0/5") == "Gi1/0/5");
  CHECK(canonical_interface_name("Gig1/0/5") == "Gi1/0/5");
  CHECK(canonical_interface_name("GIGABITETHERNET1/0/5") == "Gi1/0/5");
  CHECK(canonical_interface_name("Te1/1/1") == "Te1/1/1");
  CHECK(canonical_interface_name("Ten1/1") == "Te1/1");
  CHECK(canonical_interface_name("Twe1/0/1") == "Twe1/0/1");
  CHECK(canonical_interface_name("Tw1/0/1") == "Tw1/0/1");
  CHECK(canonical_interface_name("Po1") == "Po1");
  CHECK(canonical_interface_name("Fa1/6") == "Fa1/6");
  CHECK(canonical_interface_name(" Gi1/0/5 ") == "Gi1/0/5");
  CHECK(canonical_interface_name("GigabitEthernet 1/0/5") == "Gi1/0/5");
}

TEST_CASE("canonical_interface_name handles Arista, Nexus and Brocade names", "[interface_name]") {
  CHECK(canonical_interface_name("Ethernet6") == "Et6");
  CHECK(canonical_interface_name("Et6") == "Et6");
  CHECK(canonical_interface_name("Eth1/1") == "Et1/1");
  CHECK(canonical_interface_name("mgmt0") == "mgmt0");
  CHECK(canonical_interface_name("1/1/1") == "1/1/1");
  CHECK(canonical_interface_name("ethe 1/1/1") == "1/1/1");
  CHECK(canonical_interface_name("ethernet 1/1/1") == "1/1/1");
}

TEST_CASE("canonical_interface_name leaves unknown text unchanged", "[interface_name]") {
  CHECK(canonical_interface_name("Embedded-Service-Engine0/0") == "Embedded-Service-Engine0/0");
  CHECK(canonical_interface_name("fc2/1") == "fc2/1");
  CHECK(canonical_interface_name("CPU") == "CPU");
  CHECK(canonical_interface_name("Gi") == "Gi");
  CHECK(canonical_interface_name("G1/0/1") == "G1/0/1");
  CHECK(canonical_interface_name("Gi1/0/1abc") == "Gi1/0/1abc");
  CHECK(canonical_interface_name("") == "");
}

TEST_CASE("interface_in_message finds the interface a syslog message names",
          "[interface_name]") {
  CHECK(interface_in_message("Interface GigabitEthernet2/0/3, changed state to down") ==
        "Gi2/0/3");
  CHECK(interface_in_message("Line protocol on Interface Gi1/0/1, changed state to up") ==
        "Gi1/0/1");
  CHECK(interface_in_message("Interface Gi4/3: Power Device detected: IEEE PD") == "Gi4/3");
  CHECK(interface_in_message("Interface Ten1/1: Power Device detected: IEEE PD") == "Te1/1");
  CHECK(interface_in_message("Host 0011.2233.4455 in vlan 10 is flapping on port Gi1/0/5") ==
        "Gi1/0/5");
  CHECK(interface_in_message(
            "bpduguard error detected on Gi1/0/3, putting Gi1/0/3 in err-disable state") ==
        "Gi1/0/3");
  CHECK(interface_in_message("Interface Port-channel12, changed state to up") == "Po12");
  CHECK(interface_in_message("Interface Vlan20, changed state to down") == "Vl20");
  CHECK(interface_in_message("Interface TenGigabitEthernet 1/1, changed state to down.") ==
        "Te1/1");
  CHECK(interface_in_message("Changed interface state to down: Gi 0/19") == "Gi0/19");
  CHECK(interface_in_message("System: Interface ethernet 1/1/36, state down") == "1/1/36");
  CHECK(interface_in_message("Authentication failed for client (0011.2233.4455) on Interface "
                             "TwentyFiveGigE1/0/7 AuditSessionID 0A0A0A0B") == "Twe1/0/7");
  // Junos names reach relayed buffers; they stay as printed.
  CHECK(interface_in_message("ge-0/0/12.0: bpdu-block disabled port") == "ge-0/0/12.0");
  CHECK(interface_in_message("ifIndex 613, ifAdminStatus up(1), ifOperStatus down(2), ifName xe-1/0/4") ==
        "xe-1/0/4");
  CHECK(interface_in_message("Interface marked down due to lacp timeout on member et-0/0/30:1") == "et-0/0/30:1");
  CHECK(interface_in_message("ae12: Interface marked down") == "ae12");
}

TEST_CASE("interface_in_message reads ports in other vendors' words", "[interface_name]") {
  CHECK(interface_in_message("Line protocol on Interface Embedded-Service-Engine0/0") == "Embedded-Service-Engine0/0");
  CHECK(interface_in_message("Port 17 link down") == "17");
  CHECK(interface_in_message("Unit 1, Port 25 link-down notification.") == "25");
  CHECK(interface_in_message("Port Security Violation (MAC: B4-82-FE-C2-A3-6A, Port: 8)") == "8");
  CHECK(interface_in_message("gi37") == "Gi37");
  CHECK(interface_in_message("1:24") == "1:24");
  CHECK(interface_in_message("e0/1 LinkUp.") == "e0/1");
  CHECK(interface_in_message("Data: 1/3: link DOWN") == "1/3");
  CHECK(interface_in_message("LBD detects loopback on port 8, VLAN 1.") == "8");
  CHECK(interface_in_message("Port g5 added to ch2") == "g5");
  CHECK(interface_in_message("Trap 1.3.6.1.6.3.1.1.5.3: Interface 9437190 is Down, ifAdminStatus is 1") == "9437190");
  CHECK(interface_in_message("interface,info ether3-TRANSIT link up (speed 100M, full duplex)") == "ether3-TRANSIT");
  // Typed names win over the fallbacks.
  CHECK(interface_in_message("Port 7 is now Gi1/0/7") == "Gi1/0/7");
}

TEST_CASE("interface_in_message ignores text that only looks like a name", "[interface_name]") {
  CHECK_FALSE(interface_in_message("Failed password for andy from 213.42.62.191 port 56871 ssh2"));  // TCP
  CHECK_FALSE(interface_in_message("Login failed [user: admin] [Source: 10.1.1.1] [localport: 22]"));
  CHECK_FALSE(interface_in_message("OBFL FAN PRESENT at 05/16/2015 21:39:57"));
  CHECK_FALSE(interface_in_message("Port-channel members changed"));
  CHECK_FALSE(interface_in_message("SSH2 Session request from 10.10.99.60 (tty = 0) Succeeded"));
  CHECK_FALSE(interface_in_message("Configured from console by cisco on vty0 (172.16.5.22)"));
  CHECK_FALSE(interface_in_message("SNMP agent on host EDGE-2901-Router is undergoing a cold start"));
  CHECK_FALSE(interface_in_message("Power Device detected: IEEE PD"));
  CHECK_FALSE(interface_in_message("Topology Change received on VLAN0010 from 0011.2233.4455"));
  CHECK_FALSE(interface_in_message("Aug 9 09:22:59 FI800-16mkr System: Interface up"));
  CHECK_FALSE(interface_in_message("Process 10 on Gi 5 is down"));  // no slot: not a port
  CHECK_FALSE(interface_in_message("free-0/0 pages, age-3 minutes"));  // not a Junos type
  CHECK_FALSE(interface_in_message(""));
}
