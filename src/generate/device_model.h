// What the generator knows about one simulated device and its ports, vendor-neutral.
// Vendor profiles turn this into CLI text; the incident planner changes it between runs.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "generate/sim_time.h"

namespace st::generate {

enum class Vendor { Cisco, Arista, FastIron };
std::string_view vendor_name(Vendor v);  // "cisco", "arista", "fastiron"

enum class PortStatus { Connected, NotConnect, Disabled, ErrDisabled };

struct Port {
  std::string name;       // canonical short form: Gi1/0/5, Et6, 1/1/5
  std::string long_name;  // as syslog prints it: GigabitEthernet1/0/5, Ethernet6, ethernet 1/1/5
  std::string description;
  int vlan = 1;           // access vlan; 0 = trunk
  PortStatus status = PortStatus::NotConnect;
  bool uplink = false;    // trunk toward the core / spine
  bool access = false;    // an edge port users plug into (auth, PoE, flaps happen here)
  bool poe = false;       // a powered device (AP, phone, camera) is attached
  bool auth = false;      // 802.1X/MAB configured
  int speed_mbps = 1000;
  std::string type;       // "10/100/1000BaseTX", "SFP-10GBase-SR", "10GBASE-SR"
  std::string mac;        // the attached client's MAC (dotted Cisco form), empty if none
  std::string auth_missing;  // auth ports only: the one required auth command its config lacks (compliance gap)
  int remote_port = 0;    // uplinks: the port number on the core / spine this uplink lands on
  std::string extra_config;  // one more config line in the port's stanza (a run-to-run change), empty if none
  int optic_revision = 0;    // bumped when the port's SFP is swapped: the optic's serial follows it
};

struct Vlan {
  int id = 1;
  std::string name;
};

struct Device {
  int index = 0;
  std::string hostname;  // SITE-ZONE-ROLE-NN
  std::string site;
  Vendor vendor = Vendor::Cisco;
  std::string model;       // C9300-48P, WS-C2960X-48FPD-L, C9500-24Y4C, DCS-7050SX3-48YC12, ICX7150-48P
  std::string os_version;  // 17.09.04a, 15.2(7)E4, 4.28.3M, 08.0.95dT213
  std::string serial;
  std::string base_mac;    // dotted: 701f.53a4.6c00
  std::string mgmt_ip;
  int stack_members = 1;
  bool has_poe = false;
  bool is_core = false;
  std::string location;    // snmp-server location: "bldg=B1;floor=2;room=2.14;rack=R3"
  std::string core_hostname;  // the site's core (root bridge, CDP/LLDP neighbor of the uplinks)
  std::string core_mac;       // dotted base MAC of that core
  std::string core_ip;
  SimTime boot;            // uptime at capture = capture time - boot
  std::string reload_reason = "Reload Command";  // Cisco `show version`: why it last booted
  int stack_priority = 0;  // FastIron `show stack`: the unit's priority
  std::int64_t log_sequence_base = 0;  // IOS message sequence numbers continue across runs
  std::vector<Vlan> vlans;
  std::set<int> failed_psus;  // Catalyst 9300: stack members whose power supply (bay A) failed
  std::map<int, std::string> stp_roots;  // VLAN id -> its spanning-tree root's MAC, when it moved off the site core
  std::vector<Port> ports;
};

}  // namespace st::generate
