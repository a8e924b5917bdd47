// Arista EOS (DCS-7050SX3 leaves): session text and syslog.
#include <iterator>

#include <fmt/format.h>

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
      if (n > 0) out += n % 6 == 0 ? ",\n                                                 " : ", ";
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
  put(cfg, "transceiver qsfp default-mode 4x10G\n!\nhostname {}\n!\nspanning-tree mode mstp\n!\n", d.hostname);
  for (const auto& v : d.vlans) {
    if (v.id != 1) put(cfg, "vlan {}\n   name {}\n!\n", v.id, v.name);
  }
  for (const auto& p : d.ports) {
    put(cfg, "interface {}\n", p.long_name);
    if (!p.description.empty()) put(cfg, "   description {}\n", p.description);
    if (p.uplink) cfg += "   switchport mode trunk\n";
    else if (p.vlan > 1) put(cfg, "   switchport access vlan {}\n   spanning-tree portfast\n   spanning-tree bpduguard enable\n", p.vlan);
    if (p.status == PortStatus::Disabled) cfg += "   shutdown\n";
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

void lldp_neighbors(const Device& d, std::string& out) {
  int n = 0;
  std::string rows;
  for (const auto& p : d.ports) {
    if (p.status != PortStatus::Connected) continue;
    if (p.uplink) {
      put(rows, "{:<13} {:<24} {:<22} 120\n", p.name, p.description.substr(0, p.description.find(' ')),
          "Ethernet" + std::to_string(d.index % 32 + 1) + "/1");
    } else if (!p.description.empty()) {
      put(rows, "{:<13} {:<24} {:<22} 120\n", p.name, p.description.substr(0, p.description.find(' ')),
          p.mac.substr(0, 4) + "." + p.mac.substr(5, 4) + "." + p.mac.substr(10, 4));
    } else {
      continue;
    }
    ++n;
  }
  put(out, "Last table change time   : 0:{:02}:{:02} ago\nNumber of table inserts  : {}\n"
           "Number of table deletes  : 0\nNumber of table drops    : 0\nNumber of table age-outs : 0\n\n"
           "Port          Neighbor Device ID       Neighbor Port ID       TTL\n"
           "------------- ------------------------ ---------------------- ---\n",
      n % 60, n * 7 % 60, n);
  out += rows;
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
  if (full) {
    w.command("show vlan brief", "sh vlan br");
    vlan_brief(d, out);
  }
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
  if (full) {
    w.command("show running-config", "sh run");
    w.paged(running_config(d));
    w.command("show mac address-table", "sh mac add");
    w.paged(mac_table(d));
    w.command("show lldp neighbors", "sh lldp nei");
    lldp_neighbors(d, out);
  }
}

}  // namespace st::generate
