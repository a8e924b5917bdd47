// Ruckus / Brocade FastIron (ICX7150): session text and syslog. `show logging` lists the
// newest message first, as FastIron does.
#include <iterator>

#include <fmt/format.h>

#include "generate/session_writer.h"

namespace st::generate {
namespace {

template <class... Args>
void put(std::string& out, fmt::format_string<Args...> f, Args&&... args) {
  fmt::format_to(std::back_inserter(out), f, std::forward<Args>(args)...);
}

std::string port_mac(const Device& d, std::size_t i) {
  return fmt::format("{}{:04x}", d.base_mac.substr(0, 10), (std::stoi(d.base_mac.substr(10, 4), nullptr, 16) + i) & 0xffff);
}

void show_version(const SessionInput& in, std::string& out) {
  const Device& d = in.device;
  const CivilTime b = civil(d.boot);
  const bool poe48 = d.model.find("-48") != std::string::npos;
  put(out,
      "  Copyright (c) Ruckus Networks, Inc. All rights reserved.\n"
      "    UNIT 1: compiled on Nov 12 2020 at 03:20:16 labeled as SPR08095d\n"
      "      (33554432 bytes) from Primary SPR08095d.bin (UFI)\n"
      "        SW: Version {}\n"
      "      Compressed Primary Boot Code size = 786944, Version:10.1.18T225 (spz10118)\n"
      "       Compiled on Mon Aug 10 08:11:29 2020\n\n"
      "  HW: Stackable {}-4X1G\n"
      "==========================================================================\n"
      "UNIT 1: SL 1: {} POE {}-port Management Module\n"
      "      Serial  #:{}\n"
      "      Software Package: ICX7150_L3_SOFT_PACKAGE   (LID: fwmINJOpFkk)\n"
      "      Current License: l3-prem-8X10G\n"
      "      P-ASIC  0: type B160, rev 11  Chip BCM56160_B0\n"
      "==========================================================================\n"
      "UNIT 1: SL 2: ICX7150-2X1GC 2-port 2G Module\n"
      "==========================================================================\n"
      "UNIT 1: SL 3: ICX7150-4X10GF 4-port 40G Module\n"
      "==========================================================================\n"
      " 1000 MHz ARM processor ARMv7 88 MHz bus\n 8192 KB boot flash memory\n 2048 MB code flash memory\n"
      " 1024 MB DRAM\nSTACKID 1  system uptime is {}\n"
      "The system started at {:02}:{:02}:{:02} GMT+00 {} {} {:02} {}\n\n"
      "The system : started=warm start   reloaded=by \"reload\"\n\n",
      d.os_version, d.model, d.model, poe48 ? 48 : 24, d.serial, fastiron_uptime(in.capture.ms + 800 - d.boot.ms),
      b.hour, b.minute, b.second, weekday_abbrev(b.weekday), month_abbrev(b.month), b.day, b.year);
}

void interfaces_brief(const Device& d, std::string& out) {
  out += "\nPort       Link    State   Dupl Speed Trunk Tag Pvid Pri MAC             Name\n";
  for (std::size_t i = 0; i < d.ports.size(); ++i) {
    const Port& p = d.ports[i];
    const bool up = p.status == PortStatus::Connected;
    std::string_view link = up ? "Up" : p.status == PortStatus::Disabled ? "Disable" : p.status == PortStatus::ErrDisabled ? "ERR-DIS" : "Down";
    put(out, "{:<11}{:<8}{:<8}{:<5}{:<6}None  {:<4}{:<5}0   {}  {}\n", p.name, link, up ? "Forward" : "None",
        up ? "Full" : "None", up ? (p.speed_mbps >= 10000 ? "10G" : p.speed_mbps == 100 ? "100M" : "1G") : "None",
        p.vlan == 0 ? "Yes" : "No", p.vlan == 0 ? "N/A" : std::to_string(p.vlan), port_mac(d, i), p.description);
  }
  put(out, "mgmt1      Up      None    Full 1G    None  No  None 0   {}\n", port_mac(d, 200));
}

std::string port_list(const Device& d, int vlan) {
  std::string s;
  for (const auto& p : d.ports) {
    if (p.vlan == vlan) s += (s.empty() ? "ethe " : " ethe ") + p.name;
  }
  return s;
}

void vlan_brief(const Device& d, std::string& out) {
  put(out, "\nSystem-default-vlan: 1\n\nVLAN     Name       Encap ESI                              Ports\n"
           "----     ----       ----- ---                              -----\n");
  for (const auto& v : d.vlans) {
    std::string ports;
    for (const auto& p : d.ports) {
      if (p.vlan == v.id || (p.vlan == 0 && v.id != 1)) ports += (ports.empty() ? "" : " ") + p.name;
    }
    put(out, "{:<9}{:<11}                                        {}\n", v.id, v.id == 1 ? "DEFAULT-VL" : v.name, ports);
  }
}

std::string running_config(const Device& d) {
  std::string cfg = "Current configuration:\n!\n";
  put(cfg, "ver {}\n!\nstack unit 1\n  module 1 {}-poe-port-management-module\n  module 2 icx7150-2-copper-port-2g-module\n"
           "  module 3 icx7150-4-sfp-plus-port-40g-module\n!\n", d.os_version,
      d.model.find("-48") != std::string::npos ? "icx7150-48p" : "icx7150-24p");
  for (const auto& v : d.vlans) {
    if (v.id == 1) {
      cfg += "vlan 1 name DEFAULT-VLAN by port\n!\n";
      continue;
    }
    put(cfg, "vlan {} name {} by port\n tagged ethe 1/3/1\n", v.id, v.name);
    if (auto ports = port_list(d, v.id); !ports.empty()) put(cfg, " untagged {}\n", ports);
    cfg += " spanning-tree 802-1w\n!\n";
  }
  put(cfg, "hostname {}\nip address {} 255.255.255.0\nip default-gateway {}.1\n!\n", d.hostname, d.mgmt_ip,
      d.mgmt_ip.substr(0, d.mgmt_ip.rfind('.')));
  cfg += "authentication\n auth-default-vlan 10\n dot1x enable\n mac-authentication enable\n!\n";
  for (const auto& p : d.ports) {
    put(cfg, "interface {}\n", p.long_name);
    if (!p.description.empty()) put(cfg, " port-name {}\n", p.description);
    if (p.poe) cfg += " inline power\n";
    if (p.auth) cfg += " dot1x port-control auto\n mac-authentication enable\n";
    if (p.access) cfg += " stp-bpdu-guard\n";
    if (p.status == PortStatus::Disabled) cfg += " disable\n";
    cfg += "!\n";
  }
  cfg += "!\nend\n\n";
  return cfg;
}

std::string mac_table(const Device& d) {
  std::string rows;
  int n = 0;
  for (const auto& p : d.ports) {
    if (p.mac.empty() || p.status != PortStatus::Connected) continue;
    put(rows, "{}  {:<14} Dynamic   {:<6} {}\n", p.mac, p.name, 1000 + n * 37 % 4000, p.vlan);
    ++n;
  }
  return fmt::format("\nTotal active entries from all ports = {}\nMAC-Address     Port           Type      Index  VLAN\n",
                     n) + rows;
}

void lldp_neighbors(const Device& d, std::string& out) {
  out += "Lcl Port Chassis ID      Port ID         Port Description            System Name\n";
  for (const auto& p : d.ports) {
    if (p.status != PortStatus::Connected) continue;
    if (p.uplink) {
      put(out, "{:<9}70b3.17a1.{:04x}  Twe1/0/{:<8} TwentyFiveGigE1/0/{:<10} {}-CORE-DST~\n", p.name, d.index & 0xffff,
          1 + d.index % 24, 1 + d.index % 24, d.site);
    } else if (p.description.starts_with("AP-") || p.description.starts_with("Phone")) {
      put(out, "{:<9}{}  {}  {:<27} {}\n", p.name, p.mac, p.mac, "eth0", p.description.substr(0, 14));
    }
  }
}

char level_of(LogKind k) {
  switch (k) {
    case LogKind::PsuFail: return 'A';
    case LogKind::BpduGuard:
    case LogKind::PsecureViolation:
    case LogKind::ErrDisable:
    case LogKind::PoeFault: return 'W';
    case LogKind::Dot1xFail:
    case LogKind::MabFail: return 'N';
    default: return 'I';
  }
}

}  // namespace

void format_fastiron_log(const Device& d, const LogEvent& e, std::string& out) {
  const Port* p = e.port >= 0 ? &d.ports[static_cast<std::size_t>(e.port)] : nullptr;
  // FastIron prints one "state" message per transition and nothing for line protocol.
  if (e.kind == LogKind::LineProtoDown || e.kind == LogKind::LineProtoUp || e.kind == LogKind::PoeGranted) return;
  const CivilTime c = civil(e.time);
  put(out, "{} {:>2} {:02}:{:02}:{:02}:{}:", month_abbrev(c.month), c.day, c.hour, c.minute, c.second, level_of(e.kind));
  const std::string net = d.mgmt_ip.substr(0, d.mgmt_ip.rfind('.'));
  switch (e.kind) {
    case LogKind::LinkDown: put(out, "System: Interface {}, state down\n", p->long_name); break;
    case LogKind::LinkUp: put(out, "System: Interface {}, state up\n", p->long_name); break;
    case LogKind::AdminDown: put(out, "System: Interface {}, state down - disabled\n", p->long_name); break;
    case LogKind::Dot1xFail:
      put(out, "DOT1X: Port {} Mac {} - authentication failed\n", p->name, client_mac(e.client));
      break;
    case LogKind::MabFail:
      put(out, "MAC Authentication failed for {} on port {} (Invalid User)\n", client_mac(e.client), p->name);
      break;
    case LogKind::AuthSuccess:
      put(out, "DOT1X: Port {} Mac {} User {} - authentication succeeded\n", p->name,
          p->mac.empty() ? client_mac(e.client) : p->mac, p->mac.empty() ? client_mac(e.client) : p->mac);
      break;
    case LogKind::BpduGuard: put(out, "STP: Port {} BPDU guard violation, port err-disabled\n", p->name); break;
    case LogKind::PsecureViolation:
      put(out, "Port Security: violation on port {} by MAC {}, port err-disabled\n", p->name, client_mac(e.client));
      break;
    case LogKind::ErrDisable:
      put(out, "System: Interface {}, state down - ERR-DISABLED ({})\n", p->long_name,
          e.aux == 0 ? "bpduguard" : "port-security");
      break;
    case LogKind::StpRootChange:
      put(out, "STP: VLAN {} Port {} STP State -> FORWARDING (DOT1wTransition)\n", e.aux, p->name);
      break;
    case LogKind::StpTopologyChange: put(out, "STP: VLAN {} Bridge TC Event (DOT1wTransition)\n", e.aux); break;
    case LogKind::PoeDetect: put(out, "PoE: Power enabled on port {}.\n", p->name); break;
    case LogKind::PoeFault:
      put(out, "PoE: Power disabled on port {} because of detection of overload.\n", p->name);
      break;
    case LogKind::PoeDisconnect: put(out, "PoE: Power disabled on port {}.\n", p->name); break;
    case LogKind::PsuFail: put(out, "System: Stack unit 1 Power supply {} is down\n", e.aux); break;
    case LogKind::ConfigChanged:
      put(out, "Security: running-config was changed by netops from ssh client {}.25\n", net);
      break;
    case LogKind::LoginSuccess:
      put(out, "Security: SSH login by netops from src IP {}.25 from src MAC 0050.56ab.10c2 to PRIVILEGED EXEC mode\n", net);
      break;
    case LogKind::Logout:
      put(out, "Security: SSH logout by netops from src IP {}.25 from src MAC 0050.56ab.10c2 from PRIVILEGED EXEC mode\n",
          net);
      break;
    case LogKind::NtpSync: put(out, "NTP: System clock synchronized to {}.1\n", net); break;
    default: break;
  }
}

void render_fastiron_session(const SessionInput& in, Prng& rng, std::string& out) {
  const Device& d = in.device;
  SessionWriter w(out, session_prompt(d), in.style, rng, true);
  const bool full = in.profile == Profile::Full;
  w.command("skip-page-display", "skip");
  out += "Disable page display mode\n";
  w.bare_prompts();
  w.command("show clock", "sh clock");
  const CivilTime c = civil(in.capture);
  put(out, "{:02}:{:02}:{:02}.{:03} GMT+00 {} {} {:02} {}\n", c.hour, c.minute, c.second, c.millis,
      weekday_abbrev(c.weekday), month_abbrev(c.month), c.day, c.year);
  w.command("show version", "sh ver");
  show_version(in, out);
  w.command("show interfaces brief", "sh int br");
  interfaces_brief(d, out);
  if (full) {
    w.command("show vlan brief", "sh vlan br");
    vlan_brief(d, out);
  }
  w.command("show logging", "sh log");
  put(out, "Syslog logging: enabled ( 0 messages dropped, 0 flushes, 0 overruns)\n"
           "    Buffer logging: level ACDMEINW, {} messages logged\n"
           "    level code: A=alert C=critical D=debugging M=emergency E=error\n"
           "                I=informational N=notification W=warning\n\n"
           "Dynamic Log Buffer ({} lines):\n",
      in.events.size(), full ? 20000 : 50);
  for (auto it = in.events.rbegin(); it != in.events.rend(); ++it) format_fastiron_log(d, *it, out);
  out += '\n';
  w.bare_prompts();
  if (full) {
    w.command("show running-config", "sh run");
    w.paged(running_config(d), "--More--, next page: Space, next line: Return key, quit: Control-c");
    w.command("show mac-address", "sh mac");
    w.paged(mac_table(d), "--More--, next page: Space, next line: Return key, quit: Control-c");
    w.command("show lldp neighbors", "sh lldp nei");
    lldp_neighbors(d, out);
  }
}

}  // namespace st::generate
