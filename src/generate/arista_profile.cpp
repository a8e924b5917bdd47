// Arista EOS (DCS-7050SX3 leaves): session text and syslog.
#include <iterator>

#include <fmt/format.h>

#include "generate/port_facts.h"
#include "generate/session_writer.h"

namespace st::generate {
namespace {

template <class... Args>
void put(std::string& out, fmt::format_string<Args...> f, Args&&... args) {
  fmt::format_to(std::back_inserter(out), f, std::forward<Args>(args)...);
}

constexpr std::string_view kStatusWord[] = {"connected", "notconnect", "disabled", "errdisabled"};

std::string speed_text(int mbps) { return mbps >= 1000 ? fmt::format("{}G", mbps / 1000) : fmt::format("{}M", mbps); }

void show_version(const SessionInput& in, std::string& out) {
  const Device& d = in.device;
  put(out,
      "Arista {}\nHardware version: 11.02\nSerial number: {}\nHardware MAC address: {}\nSystem MAC address: {}\n\n"
      "Software image version: {}\nArchitecture: x86_64\nInternal build version: {}-2{:07}.{}\n"
      "Internal build ID: 6b2e0c1d-{:04x}-4b6f-9a3e-2f1c5d7e8a90\nImage format version: 3.0\n"
      "Image optimization: Strata-4GB\n\nUptime: {}\nTotal memory: 8099880 kB\nFree memory: {} kB\n\n",
      d.model, d.serial, d.base_mac, d.base_mac, d.os_version, d.os_version, d.index * 7919 % 10000000,
      d.os_version.substr(0, 4), d.index & 0xffff, arista_uptime(in.capture.ms + 900 - d.boot.ms),
      5000000 + (d.index * 7717) % 1000000);
}

void interfaces_status(const Device& d, std::string& out) {
  out += "Port       Name                         Status       Vlan     Duplex Speed  Type            Flags Encapsulation\n";
  for (const auto& p : d.ports) {
    const bool up = p.status == PortStatus::Connected;
    put(out, "{:<11}{:<29.28}{:<13}{:<9}{:<7}{:<7}{}\n", p.name, p.description, kStatusWord[static_cast<int>(p.status)],
        p.vlan == 0 ? "trunk" : std::to_string(p.vlan), up ? "full" : "full", speed_text(p.speed_mbps), p.type);
  }
}

void vlan_brief(const Device& d, std::string& out) {
  out += "VLAN  Name                             Status    Ports\n"
         "----- -------------------------------- --------- -------------------------------\n";
  for (const auto& v : d.vlans) {
    put(out, "{:<5} {:<32} active    ", v.id, v.name);
    int n = 0;
    for (const auto& p : d.ports) {
      if (p.vlan != v.id && !(p.vlan == 0 && v.id != 1)) continue;
      if (n > 0) out += n % 6 == 0 ? "\n                                                 " : ", ";
      out += p.name;
      ++n;
    }
    out += '\n';
  }
}

std::string running_config(const Device& d) {
  std::string cfg;
  put(cfg, "! Command: show running-config\n! device: {} ({}, EOS-{})\n!\n! boot system flash:/EOS-{}.swi\n!\n",
      d.hostname, d.model, d.os_version, d.os_version);
  put(cfg, "transceiver qsfp default-mode 4x10G\n!\nhostname {}\n!\nsnmp-server location {}\n!\nspanning-tree mode mstp\n!\n",
      d.hostname, d.location);
  for (const auto& v : d.vlans) {
    if (v.id != 1) put(cfg, "vlan {}\n   name {}\n!\n", v.id, v.name);
  }
  for (const auto& p : d.ports) {
    put(cfg, "interface {}\n", p.long_name);
    if (!p.description.empty()) put(cfg, "   description {}\n", p.description);
    if (p.uplink) cfg += "   switchport trunk allowed vlan 100,110,120,130\n   switchport mode trunk\n";
    else if (p.vlan > 1) put(cfg, "   switchport access vlan {}\n   spanning-tree portfast\n   spanning-tree bpduguard enable\n", p.vlan);
    if (p.status == PortStatus::Disabled) cfg += "   shutdown\n";
    if (!p.extra_config.empty()) cfg += "   " + p.extra_config + "\n";
    cfg += "!\n";
  }
  put(cfg, "interface Management1\n   ip address {}/24\n!\nip routing\n!\nend\n", d.mgmt_ip);
  return cfg;
}

std::string mac_table(const Device& d) {
  std::string t = "          Mac Address Table\n------------------------------------------------------------------\n\n"
                  "Vlan    Mac Address       Type        Ports      Moves   Last Move\n"
                  "----    -----------       ----        -----      -----   ---------\n";
  int n = 0;
  for (const auto& p : d.ports) {
    if (p.mac.empty() || p.status != PortStatus::Connected) continue;
    put(t, "{:>4}    {}    DYNAMIC     {:<10} 1       {} days, {}:{:02}:{:02} ago\n", p.vlan, p.mac, p.name, n % 30,
        n % 24, n * 7 % 60, n * 13 % 60);
    ++n;
  }
  put(t, "Total Mac Addresses for this criterion: {}\n\n          Multicast Mac Address Table\n"
         "------------------------------------------------------------------\n\nVlan    Mac Address       Type        Ports\n"
         "----    -----------       ----        -----\nTotal Mac Addresses for this criterion: 0\n", n);
  return t;
}


int eos_cost(int mbps) { return mbps >= 100000 ? 200 : mbps >= 25000 ? 800 : mbps >= 10000 ? 2000 : 20000; }

// MST0 towards the spine: the first uplink is the root port, the second an alternate.
std::string spanning_tree(const Device& d) {
  std::string rows;
  int root_port = 0, root_cost = 0;
  bool seen_root = false;
  for (std::size_t i = 0; i < d.ports.size(); ++i) {
    const Port& p = d.ports[i];
    if (p.status != PortStatus::Connected) continue;
    std::string_view role = "designated", state = "forwarding";
    if (p.uplink) {
      role = seen_root ? "alternate" : "root";
      state = seen_root ? "discarding" : "forwarding";
      if (!seen_root) {
        root_port = static_cast<int>(i) + 1;
        root_cost = eos_cost(p.speed_mbps);
      }
      seen_root = true;
    }
    put(rows, "{:<16} {:<10} {:<10} {:<9} 128.{:<4} {}\n", p.name, role, state, eos_cost(p.speed_mbps), i + 1,
        p.uplink ? "P2p" : "P2p Edge");
  }
  std::string t;
  put(t, "MST0\n  Spanning tree enabled protocol mstp\n  Root ID    Priority    4096\n             Address     {}\n"
         "             Cost        0 (Ext) {} (Int)\n             Port        {} (Ethernet{}/1)\n"
         "             Hello Time  2.000 sec  Max Age 20 sec  Forward Delay 15 sec\n\n"
         "  Bridge ID  Priority    32768  (priority 32768 sys-id-ext 0)\n             Address     {}\n"
         "             Hello Time  2.000 sec  Max Age 20 sec  Forward Delay 15 sec\n\n"
         "Interface        Role       State      Cost      Prio.Nbr Type\n"
         "---------------- ---------- ---------- --------- -------- --------------------\n",
      d.core_mac, root_cost, root_port, root_port, d.base_mac);
  return t + rows + "\n";
}

std::string lldp_detail(const Device& d) {
  std::string t;
  for (const auto& p : d.ports) {
    if (!p.uplink || p.status != PortStatus::Connected) continue;
    const std::string spine = p.description.substr(0, p.description.find(' '));
    const std::string chassis = offset_mac(d.core_mac, p.name == "Et49/1" ? 0 : 0x100);
    put(t,
        "Interface {} detected 1 LLDP neighbors:\n\n  Neighbor {}/\"Ethernet{}/1\", age {} seconds\n"
        "  Discovered 12 days, 3:41:07 ago; Last changed 12 days, 3:41:07 ago\n"
        "  - Chassis ID type: MAC address (4)\n    Chassis ID     : {}\n"
        "  - Port ID type: Interface name (5)\n    Port ID     : \"Ethernet{}/1\"\n  - Time To Live: 120 seconds\n"
        "  - System Name: \"{}\"\n"
        "  - System Description: \"Arista Networks EOS version 4.30.2F running on an Arista Networks DCS-7280CR3-32P4\"\n"
        "  - System Capabilities : Bridge, Router\n    Enabled Capabilities: Bridge, Router\n"
        "  - Management Address Subtype: IPv4 (1)\n    Management Address        : {}\n"
        "    Interface Number Subtype  : ifIndex (2)\n    Interface Number          : 999999\n    OID String                : \n"
        "  - IEEE802.1 Port VLAN ID: 1\n  - IEEE802.1/IEEE802.3 Link Aggregation\n"
        "    Link Aggregation Status: Capable, Disabled (0x01)\n    Port ID                : 0\n"
        "  - IEEE802.3 Maximum Frame Size: 9236 bytes\n\n",
        p.long_name, chassis, p.remote_port, 5 + d.index % 25, chassis, p.remote_port,
        spine.empty() ? d.core_hostname : spine, p.name == "Et49/1" ? d.core_ip : d.core_ip.substr(0, d.core_ip.rfind('.')) + ".4");
  }
  for (const auto& p : d.ports) {
    if (p.uplink || p.status != PortStatus::Connected) continue;
    put(t, "Interface {} detected 0 LLDP neighbors:\n\n", p.long_name);
  }
  return t;
}

}  // namespace

void format_arista_log(const Device& d, const LogEvent& e, std::string& out) {
  const CivilTime c = civil(e.time);
  put(out, "{} {:>2} {:02}:{:02}:{:02} {} ", month_abbrev(c.month), c.day, c.hour, c.minute, c.second, d.hostname);
  const Port* p = e.port >= 0 ? &d.ports[static_cast<std::size_t>(e.port)] : nullptr;
  const std::string net = d.mgmt_ip.substr(0, d.mgmt_ip.rfind('.'));
  switch (e.kind) {
    case LogKind::LinkDown: put(out, "Ebra: %LINK-3-UPDOWN: Interface {}, changed state to down\n", p->long_name); break;
    case LogKind::LinkUp: put(out, "Ebra: %LINK-3-UPDOWN: Interface {}, changed state to up\n", p->long_name); break;
    case LogKind::LineProtoDown:
      put(out, "Ebra: %LINEPROTO-5-UPDOWN: Line protocol on Interface {}, changed state to down\n", p->long_name);
      break;
    case LogKind::LineProtoUp:
      put(out, "Ebra: %LINEPROTO-5-UPDOWN: Line protocol on Interface {}, changed state to up\n", p->long_name);
      break;
    case LogKind::AdminDown:
      put(out, "Ebra: %LINK-5-CHANGED: Interface {}, changed state to administratively down\n", p->long_name);
      break;
    case LogKind::Dot1xFail:
    case LogKind::MabFail:
      put(out, "Dot1x: %DOT1X-5-AUTH_FAILED: Authentication failed for client {} on Interface {}\n", client_mac(e.client),
          p->long_name);
      break;
    case LogKind::AuthSuccess: put(out, "Ebra: %BRIDGE-6-MAC_LEARN: Learned {} on Interface {}\n", p->mac, p->long_name); break;
    case LogKind::BpduGuard:
      put(out, "Stp: %SPANTREE-4-BPDUGUARD_BLOCK: Received BPDU on Interface {} with BPDU guard enabled\n", p->long_name);
      break;
    case LogKind::PsecureViolation:
      put(out, "Ebra: %ETH-4-PORTSEC_VIOLATION: Port security violation on Interface {} by {}\n", p->long_name,
          client_mac(e.client));
      break;
    case LogKind::ErrDisable:
      put(out, "Ebra: %ETH-4-ERRDISABLE: {} error detected on {}.\n", e.aux == 0 ? "bpduguard" : "portsec", p->long_name);
      break;
    case LogKind::StpRootChange:
      put(out, "Stp: %SPANTREE-6-ROOTCHANGE: Root changed for instance MST0: new root port is {}\n", p->long_name);
      break;
    case LogKind::StpTopologyChange:
      put(out, "Stp: %SPANTREE-6-INTERFACE_STATE: Interface {} instance MST0 moving from learning to forwarding\n",
          p->long_name);
      break;
    case LogKind::PoeDetect:
    case LogKind::PoeGranted:
    case LogKind::PoeFault:
    case LogKind::PoeDisconnect: put(out, "PoeAgent: %POE-4-NOT_SUPPORTED: Interface {}\n", p->long_name); break;
    case LogKind::PsuFail:
      put(out, "PowerManager: %ENVMON-4-POWER_SUPPLY_FAILED: Power supply {} has failed\n", e.aux);
      break;
    case LogKind::ConfigChanged:
      put(out, "ConfigAgent: %SYS-5-CONFIG_I: Configured from console by netops on vty3 ({}.25)\n", net);
      break;
    case LogKind::LoginSuccess:
      put(out, "Aaa: %AAA-6-EXEC_LOGIN: User netops logged in from {}.25 on vty3\n", net);
      break;
    case LogKind::Logout: put(out, "Aaa: %AAA-6-EXEC_LOGOUT: User netops logged out from vty3\n"); break;
    case LogKind::NtpSync: put(out, "ntpd[1987]: %NTP-5-PEER_SYNC: Synchronized to NTP peer {}.1\n", net); break;
  }
}

void render_arista_session(const SessionInput& in, Prng& rng, std::string& out) {
  const Device& d = in.device;
  SessionWriter w(out, session_prompt(d), in.style, rng, true);
  const bool full = in.profile == Profile::Full;
  w.command("terminal length 0", "term len 0");
  out += "Pagination disabled.\n";
  w.bare_prompts();
  w.command("show clock", "sh clock");
  const CivilTime c = civil(in.capture);
  put(out, "{} {} {:>2} {:02}:{:02}:{:02} {}\nTimezone: UTC\nClock source: NTP server ({}.1)\n",
      weekday_abbrev(c.weekday), month_abbrev(c.month), c.day, c.hour, c.minute, c.second, c.year,
      d.mgmt_ip.substr(0, d.mgmt_ip.rfind('.')));
  w.command("show version", "sh ver");
  show_version(in, out);
  w.command("show interfaces status", "sh int status");
  interfaces_status(d, out);
  w.command("show vlan", "sh vlan");
  vlan_brief(d, out);
  w.command("show logging", "sh log");
  put(out, "Syslog logging: enabled\n    Buffer logging: level debugging\n    Console logging: level errors\n"
           "    Persistent logging: disabled\n    Monitor logging: level errors\n"
           "    Synchronous logging: disabled\n    Trap logging: level informational\n"
           "    Sequence numbers: Disabled\n    Syslog facility: local4\n    Hostname format: Hostname only\n"
           "    Repeat logging interval: disabled\n\n    Repeat messages: disabled\n    Root login logging: disabled\n\n"
           "Facility                   Severity            Effective Severity\n"
           "--------------------       -------------       ------------------\n"
           "aaa                        debugging           debugging\n\nLog Buffer:\n");
  for (const auto& e : in.events) format_arista_log(d, e, out);
  w.bare_prompts();
  w.command("show running-config", "sh run");
  w.paged(running_config(d));
  w.command("show mac address-table", "sh mac add");
  w.paged(mac_table(d));
  w.command("show spanning-tree", "sh span");
  w.paged(spanning_tree(d));
  if (full) {
    w.command("show lldp neighbors detail", "sh lldp nei det");
    w.paged(lldp_detail(d));
  }
}

}  // namespace st::generate
