// Ruckus / Brocade FastIron (ICX7150): session text and syslog. `show logging` lists the
// newest message first, as FastIron does.
#include <iterator>
#include <string>

#include <fmt/format.h>

#include "generate/port_facts.h"
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

// "ethe 1/1/1 to 1/1/12 ethe 1/1/15": runs of consecutive ports on one module, as FastIron
// prints them in `show vlan` and the running-config.
std::string port_ranges(const std::vector<const Port*>& ports) {
  std::string s;
  auto split = [](const std::string& name) {
    const auto slash = name.rfind('/');
    return std::pair{name.substr(0, slash), std::stoi(name.substr(slash + 1))};
  };
  for (std::size_t i = 0; i < ports.size();) {
    const auto [module, first] = split(ports[i]->name);
    std::size_t j = i;
    while (j + 1 < ports.size()) {
      const auto [m2, n2] = split(ports[j + 1]->name);
      if (m2 != module || n2 != first + static_cast<int>(j + 1 - i)) break;
      ++j;
    }
    if (!s.empty()) s += ' ';
    s += "ethe " + ports[i]->name;
    if (j > i) s += " to " + ports[j]->name;
    i = j + 1;
  }
  return s;
}

// Untagged members of `vlan`: its access ports; VLAN 1 also holds uplinks that carry no VLAN tagged.
std::vector<const Port*> untagged(const Device& d, int vlan) {
  std::vector<const Port*> out;
  for (const auto& p : d.ports) {
    if (p.vlan == vlan || (vlan == 1 && p.vlan == 0 && p.status != PortStatus::Connected)) out.push_back(&p);
  }
  return out;
}

std::vector<const Port*> tagged(const Device& d, int vlan) {
  std::vector<const Port*> out;
  for (const auto& p : d.ports) {
    if (vlan != 1 && p.vlan == 0 && p.status == PortStatus::Connected) out.push_back(&p);
  }
  return out;
}

void show_vlan(const Device& d, std::string& out) {
  put(out, "Total PORT-VLAN entries: {}\nMaximum PORT-VLAN entries: 1024\n\nLegend: [Stk=Stack-Id, S=Slot]\n\n",
      d.vlans.size());
  for (const auto& v : d.vlans) {
    const auto u = untagged(d, v.id), t = tagged(d, v.id);
    put(out, "PORT-VLAN {}, Name {}, Priority level0, Spanning tree On\n Untagged Ports: {}\n   Tagged Ports: {}\n"
             "   Uplink Ports: None\n DualMode Ports: None\n Mac-Vlan Ports: None\n     Monitoring: None\n",
        v.id, v.id == 1 ? "DEFAULT-VLAN" : v.name, u.empty() ? "None" : port_ranges(u), t.empty() ? "None" : port_ranges(t));
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
    put(cfg, "vlan {} name {} by port\n", v.id, v.name);
    if (const auto t = tagged(d, v.id); !t.empty()) put(cfg, " tagged {}\n", port_ranges(t));
    if (const auto u = untagged(d, v.id); !u.empty()) put(cfg, " untagged {}\n", port_ranges(u));
    cfg += " spanning-tree\n!\n";
  }
  put(cfg, "hostname {}\nip address {} 255.255.255.0\nip default-gateway {}.1\n!\nsnmp-server location {}\n!\n",
      d.hostname, d.mgmt_ip, d.mgmt_ip.substr(0, d.mgmt_ip.rfind('.')), d.location);
  cfg += "authentication\n auth-default-vlan 10\n dot1x enable\n mac-authentication enable\n!\n";
  for (const auto& p : d.ports) {
    put(cfg, "interface {}\n", p.long_name);
    if (!p.description.empty()) put(cfg, " port-name {}\n", p.description);
    if (p.poe) cfg += " inline power\n";
    if (p.auth && p.auth_missing != "dot1x port-control auto") cfg += " dot1x port-control auto\n";
    if (p.auth && p.auth_missing != "mac-authentication enable") cfg += " mac-authentication enable\n";
    if (p.access) cfg += " stp-bpdu-guard\n";
    if (p.status == PortStatus::Disabled) cfg += " disable\n";
    if (!p.extra_config.empty()) cfg += " " + p.extra_config + "\n";
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
    put(rows, "{:<16}{:<21}{:<13}{:<5}\n", p.mac, p.name, "Dynamic", p.vlan);
    ++n;
  }
  for (const auto& p : d.ports) {
    if (p.uplink && p.status == PortStatus::Connected) {
      put(rows, "{:<16}{:<21}{:<13}{:<5}\n", d.core_mac, p.name, "Dynamic", 99);
      ++n;
      break;
    }
  }
  return fmt::format("\nTotal active entries from all ports = {}\nMAC-Address     Port                 Type         VLAN \n",
                     n) + rows;
}

std::string dot1x_sessions(const Device& d) {
  std::string t =
      "\nPort      MAC             IP(v4/v6)       User            VLAN  Auth    ACL   Session  Age  PAE\n"
      "                                          Name                  State         Time          State\n"
      "--------------------------------------------------------------------------------------------------------\n";
  for (const auto& p : d.ports) {
    const auto s = auth_session(p);
    if (!s || s->method != "dot1x") continue;
    put(t, "{:<10}{:<16}{:<16}{:<16}{:<6}{:<8}{:<6}{:<9}{:<5}{}\n", p.name, p.mac, "N/A",
        fmt::format("emp{:05}", fnv(p.mac) % 100000), p.vlan, "permit", "none", 600 + fnv(p.mac) % 3000, "Ena",
        "AUTHENTICATED");
  }
  return t;
}

std::string mac_auth_sessions(const Device& d) {
  std::string t =
      "\nPort    MAC Address     IP(v4/v6)       VLAN  Auth    ACL   Session  Age  Dot1x\n"
      "                                              State         Time\n"
      "------------------------------------------------------------------------------\n";
  for (const auto& p : d.ports) {
    const auto s = auth_session(p);
    if (!s || s->method != "mab") continue;
    put(t, "{:<8}{:<16}{:<16}{:<6}{:<8}{:<6}{:<9}{:<5}{}\n", p.name, p.mac, "N/A", p.vlan, "permit", "none",
        600 + fnv(p.mac) % 3000, "Ena", "No");
  }
  return t;
}

// 08.0.90+ flexible authentication: both methods in one table (the 08.0.95 command reference's
// layout), the same sessions as the two per-method commands.
std::string authentication_sessions(const Device& d) {
  std::string t =
      "Port    MAC             IP(v4/v6)           User            VLAN Auth    Auth   ACL   Session  Age  PAE\n"
      "        Addr            Addr                Name                 Method  State        Time          State\n";
  for (const auto& p : d.ports) {
    const auto s = auth_session(p);
    if (!s) continue;
    const bool dot1x = s->method == "dot1x";
    std::string mac_user = p.mac;  // MAC authentication's user name is the bare MAC
    std::erase(mac_user, '.');
    put(t, "{:<8}{:<16}{:<20}{:<16}{:<5}{:<8}{:<7}{:<6}{:<9}{:<5}{}\n", p.name, p.mac, "N/A",
        dot1x ? fmt::format("emp{:05}", fnv(p.mac) % 100000) : mac_user, p.vlan, dot1x ? "8021.X" : "MAUTH", "permit",
        "None", 600 + fnv(p.mac) % 3000, "Ena", dot1x ? "AUTHENTICATED" : "N/A");
  }
  return t;
}

// IEEE 802.1D per VLAN, the site core as root over the 10G uplink.
std::string show_span(const Device& d) {
  std::string t;
  const Port* up = nullptr;
  for (const auto& p : d.ports) {
    if (p.uplink && p.status == PortStatus::Connected) {
      up = &p;
      break;
    }
  }
  std::string core = d.core_mac, mine = d.base_mac;
  std::erase(core, '.');
  std::erase(mine, '.');
  for (const auto& v : d.vlans) {
    std::vector<const Port*> ports;
    for (const auto& p : d.ports) {
      if (p.vlan == v.id || (p.vlan == 0 && v.id != 1 && &p == up)) ports.push_back(&p);
    }
    if (ports.empty()) continue;
    const bool rooted = up && v.id != 1;
    put(t, "\nSTP instance owned by VLAN {}\n\nGlobal STP (IEEE 802.1D) Parameters:\n\n"
           "VLAN Root             Root Root   Prio Max He- Ho- Fwd Last    Chg Bridge      \n"
           " ID   ID              Cost Port   rity Age llo ld  dly Chang   cnt Address     \n"
           "                                  Hex  sec sec sec sec sec                     \n",
        v.id);
    const std::string root_id = rooted ? "6000" + core : "8000" + mine;
    put(t, "{:>4} {} {:<4} {:<6} 8000 20  2   1   15  {:<7} {:<3} {}\n\n", v.id, root_id, rooted ? 2 : 0,
        rooted ? up->name : "Root", 3600 + (d.index * 97 + v.id) % 80000, 1 + (d.index + v.id) % 9, mine);
    t += "Port STP Parameters:\n\nPort   Prio Path  State       Fwd    Design  Designated       Designated       \n"
         "Num    rity Cost              Trans  Cost    Root             Bridge           \n"
         "       Hex                                                                     \n";
    for (const Port* p : ports) {
      if (p->status != PortStatus::Connected) {
        put(t, "{:<7}80   0     DISABLED    0      0       0000000000000000 0000000000000000 \n", p->name);
        continue;
      }
      const int cost = stp_cost(p->speed_mbps);
      const bool is_up = p == up;
      put(t, "{:<7}80   {:<6}FORWARDING  {:<7}{:<8}{} {} \n", p->name, cost, 1 + fnv(p->name) % 9, is_up ? 0 : 2,
          root_id, is_up ? "6000" + core : "8000" + mine);
    }
  }
  return t;
}

std::string show_stack(const Device& d) {
  std::string t;
  put(t, "alone: standalone, D: dynamic config, S: static config\nID   Type          Role    Mac Address    Pri State   Comment\n"
         "1  S {:<13} alone   {} {:>3} local   Ready\n",
      d.model, d.base_mac, d.stack_priority);
  return t;
}

std::string lldp_detail(const Device& d) {
  std::string t;
  for (const auto& p : d.ports) {
    if (p.status != PortStatus::Connected) continue;
    if (p.uplink) {
      const std::string peer = offset_mac(d.core_mac, static_cast<std::size_t>(p.remote_port));
      put(t,
          "Local port: {}\n  Neighbor: {}, TTL {} seconds\n    + Chassis ID (MAC address): {}\n"
          "    + Port ID (interface name): Twe1/0/{}\n    + Time to live: 120 seconds\n"
          "    + System name         : \"{}.example.net\"\n    + Port description    : \"TwentyFiveGigE1/0/{}\"\n"
          "    + System capabilities : bridge, router\n      Enabled capabilities: bridge, router\n"
          "    + Management address (IPv4): {}\n\n",
          p.name, peer, 91 + d.index % 29, d.core_mac, p.remote_port, d.core_hostname, p.remote_port, d.core_ip);
    } else if (p.description.starts_with("AP-") || p.description.starts_with("Phone")) {
      const bool ap = p.description.starts_with("AP-");
      put(t,
          "Local port: {}\n  Neighbor: {}, TTL {} seconds\n    + Chassis ID (MAC address): {}\n"
          "    + Port ID (MAC address): {}\n    + Time to live: {} seconds\n    + System name         : \"{}\"\n"
          "    + Port description    : \"{}\"\n    + System capabilities : {}\n      Enabled capabilities: {}\n\n",
          p.name, p.mac, 100 + fnv(p.mac) % 20, p.mac, p.mac, ap ? 120 : 180, p.description, ap ? "eth0" : "SW PORT",
          ap ? "bridge, WLAN access point" : "bridge, telephone", ap ? "WLAN access point" : "bridge, telephone");
    }
  }
  return t;
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
      // FastIron's own wording (Brocade syslog reference: "Bridge root changed, vlan <id>, new root
      // ID <id>, root interface <port>").
      put(out, "STP: Bridge root changed, vlan {}, new root ID 8000748ef8a1b2c3, root interface {}\n", e.aux, p->name);
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
  w.command("show vlan", "sh vlan");
  show_vlan(d, out);
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
  constexpr std::string_view more = "--More--, next page: Space, next line: Return key, quit: Control-c";
  w.command("show running-config", "sh run");
  w.paged(running_config(d), more);
  w.command("show mac-address", "sh mac-addr");  // "sh mac" is ambiguous on FastIron (mac-authentication)
  w.paged(mac_table(d), more);
  w.command("show dot1x sessions all", "sh dot1x sess all");
  w.paged(dot1x_sessions(d), more);
  w.command("show mac-authentication sessions all", "sh mac-auth sess all");
  w.paged(mac_auth_sessions(d), more);
  w.command("show span", "sh span");
  w.paged(show_span(d), more);
  if (full) {
    w.command("show stack", "sh stack");
    out += show_stack(d);
    w.command("show lldp neighbors detail", "sh lldp nei det");
    w.paged(lldp_detail(d), more);
    w.command("show authentication sessions all", "sh auth sess all");
    w.paged(authentication_sessions(d), more);
  }
}

}  // namespace st::generate
