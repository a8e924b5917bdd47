// Cisco IOS / IOS-XE (Catalyst 9300 stacks, 2960-X, 9500 core): session text and syslog.
#include <iterator>

#include <fmt/format.h>

#include "generate/session_writer.h"

namespace st::generate {
namespace {

constexpr std::string_view kStatusWord[] = {"connected", "notconnect", "disabled", "err-disabled"};

bool is_xe(const Device& d) { return !d.model.starts_with("WS-C2960X"); }

template <class... Args>
void put(std::string& out, fmt::format_string<Args...> f, Args&&... args) {
  fmt::format_to(std::back_inserter(out), f, std::forward<Args>(args)...);
}

void clock_line(std::string& out, SimTime t, bool star) {
  const CivilTime c = civil(t);
  put(out, "{}{:02}:{:02}:{:02}.{:03} UTC {} {} {} {}\n", star ? "*" : "", c.hour, c.minute, c.second, c.millis,
      weekday_abbrev(c.weekday), month_abbrev(c.month), c.day, c.year);
}

std::string at_text(SimTime t) {
  const CivilTime c = civil(t);
  return fmt::format("{:02}:{:02}:{:02} UTC {} {} {} {}", c.hour, c.minute, c.second, weekday_abbrev(c.weekday),
                     month_abbrev(c.month), c.day, c.year);
}

void show_version(const SessionInput& in, std::string& out) {
  const Device& d = in.device;
  const SimTime now{in.capture.ms + 1200};
  const std::string uptime = cisco_uptime(now.ms - d.boot.ms);
  const bool lean = in.profile == Profile::Lean;
  if (is_xe(d)) {
    const std::string v = d.os_version;  // 17.09.04a
    std::string dotted;  // "17.09.04a" -> "17.9.4a"
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i] == '0' && (i == 0 || v[i - 1] == '.') && i + 1 < v.size() && v[i + 1] != '.') continue;
      dotted += v[i];
    }
    put(out,
        "Cisco IOS XE Software, Version {0}\n"
        "Cisco IOS Software [{1}], Catalyst L3 Switch Software (CAT9K_IOSXE), Version {2}, RELEASE SOFTWARE (fc3)\n"
        "Technical Support: http://www.cisco.com/techsupport\n"
        "Copyright (c) 1986-2023 by Cisco Systems, Inc.\n"
        "Compiled Wed 26-Jul-23 10:43 by mcpre\n\n\n",
        v, v.starts_with("17.09") ? "Cupertino" : "Bengaluru", dotted);
    if (!lean) {
      out +=
          "This software version supports only Smart Licensing as the software licensing mechanism.\n\n\n"
          "Cisco IOS-XE software, Copyright (c) 2005-2023 by cisco Systems, Inc.\n"
          "All rights reserved.  Certain components of Cisco IOS-XE software are\n"
          "licensed under the GNU General Public License (\"GPL\") Version 2.0.  The\n"
          "software code licensed under GPL Version 2.0 is free software that comes\n"
          "with ABSOLUTELY NO WARRANTY.  You can redistribute and/or modify such\n"
          "GPL code under the terms of GPL Version 2.0.  For more details, see the\n"
          "documentation or \"License Notice\" file accompanying the IOS-XE software,\n"
          "or the applicable URL provided on the flyer accompanying the IOS-XE\n"
          "software.\n\n\n";
    }
    out += "ROM: IOS-XE ROMMON\nBOOTLDR: System Bootstrap, Version 17.9.1r[FC2], RELEASE SOFTWARE (P)\n\n";
  } else {
    put(out,
        "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version {}, RELEASE SOFTWARE (fc2)\n"
        "Technical Support: http://www.cisco.com/techsupport\n"
        "Copyright (c) 1986-2021 by Cisco Systems, Inc.\n"
        "Compiled Fri 12-Mar-21 11:53 by prod_rel_team\n\n"
        "ROM: Bootstrap program is C2960X boot loader\n"
        "BOOTLDR: C2960X Boot Loader (C2960X-HBOOT-M) Version 15.2(7r)E2, RELEASE SOFTWARE (fc1)\n\n",
        d.os_version);
  }
  const CivilTime boot = civil(d.boot);
  put(out, "{} uptime is {}\n", d.hostname, uptime);
  if (is_xe(d)) put(out, "Uptime for this control processor is {}\n", cisco_uptime(now.ms - d.boot.ms + 3 * kMinute));
  put(out, "System returned to ROM by Reload Command at {}\n", at_text(SimTime{d.boot.ms - 7 * kMinute}));
  put(out, "System restarted at {:02}:{:02}:{:02} UTC {} {} {} {}\n", boot.hour, boot.minute, boot.second,
      weekday_abbrev(boot.weekday), month_abbrev(boot.month), boot.day, boot.year);
  put(out, "System image file is \"{}\"\nLast reload reason: Reload Command\n\n\n",
      is_xe(d) ? "flash:packages.conf" : "flash:c2960x-universalk9-mz.152-7.E4.bin");
  if (!lean) {
    out +=
        "This product contains cryptographic features and is subject to United\n"
        "States and local country laws governing import, export, transfer and\n"
        "use. Delivery of Cisco cryptographic products does not imply\n"
        "third-party authority to import, export, distribute or use encryption.\n"
        "Importers, exporters, distributors and users are responsible for\n"
        "compliance with U.S. and local country laws. By using this product you\n"
        "agree to comply with applicable laws and regulations. If you are unable\n"
        "to comply with U.S. and local laws, return this product immediately.\n\n";
  }
  if (is_xe(d)) {
    put(out, "cisco {} (X86) processor with 1338934K/6147K bytes of memory.\n", d.model);
  } else {
    put(out, "cisco {} (APM86XXX) processor (revision C0) with 524288K bytes of memory.\n", d.model);
  }
  put(out, "Processor board ID {}\n", d.serial);
  int gig = 0, ten = 0;
  for (const auto& p : d.ports) (p.name.starts_with("Gi") ? gig : ten)++;
  if (gig) put(out, "{} Gigabit Ethernet interfaces\n", gig);
  if (ten) put(out, "{} {} Ethernet interfaces\n", ten, d.is_core ? "TwentyFive Gigabit" : "Ten Gigabit");
  out += "2048K bytes of non-volatile configuration memory.\n\n";
  std::string mac = d.base_mac;
  put(out,
      "Base Ethernet MAC Address          : {}:{}:{}:{}:{}:{}\n"
      "Motherboard Assembly Number        : 73-17954-06\n"
      "Model Revision Number              : B0\n"
      "Model Number                       : {}\n"
      "System Serial Number               : {}\n\n\n",
      mac.substr(0, 2), mac.substr(2, 2), mac.substr(5, 2), mac.substr(7, 2), mac.substr(10, 2), mac.substr(12, 2),
      d.model, d.serial);
  out += "Switch Ports Model              SW Version        SW Image              Mode   \n"
         "------ ----- -----              ----------        ----------            ----   \n";
  const int per_member = static_cast<int>(d.ports.size()) / d.stack_members;
  for (int m = 1; m <= d.stack_members; ++m) {
    put(out, "{}{:>5} {:<5} {:<18} {:<17} {:<21} {}\n", m == 1 ? "*" : " ", m, per_member, d.model, d.os_version,
        is_xe(d) ? "CAT9K_IOSXE" : "C2960X-UNIVERSALK9-M", is_xe(d) ? "INSTALL" : "");
  }
  out += "\n\nConfiguration register is 0xF\n\n";
}

void interfaces_status(const Device& d, std::string& out) {
  out += "\nPort         Name               Status       Vlan       Duplex  Speed Type\n";
  for (const auto& p : d.ports) {
    const bool up = p.status == PortStatus::Connected;
    std::string vlan = p.vlan == 0 ? "trunk" : std::to_string(p.vlan);
    std::string speed = !up ? "auto" : p.speed_mbps >= 1000 ? fmt::format("a-{}", p.speed_mbps >= 10000 ? fmt::format("{}G", p.speed_mbps / 1000) : "1000")
                                                             : fmt::format("a-{}", p.speed_mbps);
    std::string duplex = up ? "a-full" : "auto";
    if (p.uplink) {
      duplex = "full";
      speed = fmt::format("{}G", p.speed_mbps / 1000);
    }
    put(out, "{:<13}{:<19.18}{:<13}{:<11}{:>6} {:>6} {}\n", p.name, p.description,
        kStatusWord[static_cast<int>(p.status)], vlan, duplex, speed, p.type);
  }
  if (!d.is_core) out += "Po1          To " + d.site + "-CORE-DST-01  connected    trunk      a-full  a-10G \n";
}

void vlan_brief(const Device& d, std::string& out) {
  out += "\nVLAN Name                             Status    Ports\n"
         "---- -------------------------------- --------- -------------------------------\n";
  for (const auto& v : d.vlans) {
    put(out, "{:<4} {:<32} active    ", v.id, v.name);
    int n = 0;
    for (const auto& p : d.ports) {
      if (p.vlan != v.id) continue;
      if (n > 0) out += n % 4 == 0 ? ",\n                                                " : ", ";
      out += p.name;
      ++n;
    }
    out += '\n';
  }
  out += "1002 fddi-default                     act/unsup \n1003 token-ring-default               act/unsup \n"
         "1004 fddinet-default                  act/unsup \n1005 trnet-default                    act/unsup \n";
}

std::string running_config(const Device& d, SimTime now) {
  std::string cfg;
  put(cfg, "!\n! Last configuration change at {} by netops\n!\nversion {}\n", at_text(SimTime{now.ms - 3 * kHour}),
      d.os_version.substr(0, 4));
  cfg += "service timestamps debug datetime msec\nservice timestamps log datetime msec\n"
         "service password-encryption\nservice sequence-numbers\n!\n";
  put(cfg, "hostname {}\n!\nvrf definition Mgmt-vrf\n!\naaa new-model\n!\n", d.hostname);
  cfg += "aaa authentication dot1x default group ISE\naaa authorization network default group ISE\n!\n"
         "dot1x system-auth-control\n!\nspanning-tree mode rapid-pvst\nspanning-tree extend system-id\n!\n";
  for (const auto& v : d.vlans) {
    if (v.id != 1) put(cfg, "vlan {}\n name {}\n!\n", v.id, v.name);
  }
  for (const auto& p : d.ports) {
    put(cfg, "interface {}\n", p.long_name);
    if (!p.description.empty()) put(cfg, " description {}\n", p.description);
    if (p.uplink) {
      cfg += " switchport mode trunk\n switchport trunk allowed vlan 10,20,30,40,99\n";
      if (p.status == PortStatus::Connected && !d.is_core) cfg += " channel-group 1 mode active\n";
    } else {
      put(cfg, " switchport access vlan {}\n switchport mode access\n", p.vlan);
      if (p.auth) {
        cfg += " switchport voice vlan 20\n authentication host-mode multi-auth\n authentication order dot1x mab\n"
               " authentication port-control auto\n mab\n dot1x pae authenticator\n dot1x timeout tx-period 7\n";
      }
      if (p.poe) cfg += " power inline port priority high\n";
      cfg += " spanning-tree portfast\n spanning-tree bpduguard enable\n";
    }
    if (p.status == PortStatus::Disabled) cfg += " shutdown\n";
    cfg += "!\n";
  }
  put(cfg, "interface Vlan99\n ip address {} 255.255.255.0\n!\n", d.mgmt_ip);
  put(cfg, "logging host {}\nntp server {}\n!\nline vty 0 15\n transport input ssh\n!\nend\n\n",
      d.mgmt_ip.substr(0, d.mgmt_ip.rfind('.')) + ".50", d.mgmt_ip.substr(0, d.mgmt_ip.rfind('.')) + ".1");
  return fmt::format("Building configuration...\n\nCurrent configuration : {} bytes\n", cfg.size()) + cfg;
}

std::string mac_table(const Device& d) {
  std::string t = "          Mac Address Table\n-------------------------------------------\n\n"
                  "Vlan    Mac Address       Type        Ports\n----    -----------       --------    -----\n";
  int n = 0;
  for (const auto& p : d.ports) {
    if (p.mac.empty() || p.status != PortStatus::Connected) continue;
    put(t, "{:>4}    {}    DYNAMIC     {}\n", p.vlan, p.mac, p.name);
    ++n;
  }
  put(t, "Total Mac Addresses for this criterion: {}\n", n);
  return t;
}

void cdp_neighbors(const Device& d, std::string& out) {
  out += "Capability Codes: R - Router, T - Trans Bridge, B - Source Route Bridge\n"
         "                  S - Switch, H - Host, I - IGMP, r - Repeater, P - Phone, \n"
         "                  D - Remote, C - CVTA, M - Two-port Mac Relay \n\n"
         "Device ID        Local Intrfce     Holdtme    Capability  Platform  Port ID\n";
  int n = 0;
  for (const auto& p : d.ports) {
    if (p.status != PortStatus::Connected) continue;
    const std::string local = fmt::format("{} {}", p.name.starts_with("Gi") ? "Gig" : p.name.starts_with("Te") ? "Ten" : p.name.substr(0, 3),
                                          p.name.substr(p.name.find_first_of("0123456789")));
    if (p.uplink) {
      put(out, "{}-CORE-DST-01.example.net\n                 {:<18}{:<16}R S I  C9500-24Y Twe 1/0/{}\n", d.site, local,
          150 + n % 30, 1 + d.index % 24);
    } else if (p.description.starts_with("AP-")) {
      put(out, "{:<17}{:<18}{:<17}R T   C9120AXI- Gig 0\n", p.description.substr(0, 16), local, 120 + n % 50);
    } else if (p.description.starts_with("Phone")) {
      put(out, "SEP{:<14}{:<18}{:<17}H P M IP Phone  Port 1\n", p.mac.substr(0, 4) + p.mac.substr(5, 4) + p.mac.substr(10, 4),
          local, 160 + n % 20);
    } else {
      continue;
    }
    ++n;
  }
  put(out, "\nTotal cdp entries displayed : {}\n", n);
}

}  // namespace

void format_cisco_log(const Device& d, const LogEvent& e, std::int64_t sequence, std::string& out) {
  const CivilTime c = civil(e.time);
  put(out, "{:06}: {} {:>2} {:02}:{:02}:{:02}.{:03} UTC: ", sequence, month_abbrev(c.month), c.day, c.hour, c.minute,
      c.second, c.millis);
  const Port* p = e.port >= 0 ? &d.ports[static_cast<std::size_t>(e.port)] : nullptr;
  const std::string_view sess = is_xe(d) ? "Switch 1 R0/0: sessmgrd: " : "";
  const std::string net = d.mgmt_ip.substr(0, d.mgmt_ip.rfind('.'));
  switch (e.kind) {
    case LogKind::LinkDown: put(out, "%LINK-3-UPDOWN: Interface {}, changed state to down\n", p->long_name); break;
    case LogKind::LinkUp: put(out, "%LINK-3-UPDOWN: Interface {}, changed state to up\n", p->long_name); break;
    case LogKind::LineProtoDown:
      put(out, "%LINEPROTO-5-UPDOWN: Line protocol on Interface {}, changed state to down\n", p->long_name);
      break;
    case LogKind::LineProtoUp:
      put(out, "%LINEPROTO-5-UPDOWN: Line protocol on Interface {}, changed state to up\n", p->long_name);
      break;
    case LogKind::AdminDown:
      put(out, "%LINK-5-CHANGED: Interface {}, changed state to administratively down\n", p->long_name);
      break;
    case LogKind::Dot1xFail:
      put(out, "%DOT1X-5-FAIL: {}Authentication failed for client ({}) with reason (Cred Fail) on Interface {} "
               "AuditSessionID 0A{:08X}0000{:04X}\n",
          sess, client_mac(e.client), p->name, e.client, e.client & 0xffff);
      break;
    case LogKind::MabFail:
      put(out, "%MAB-5-FAIL: {}Authentication failed for client ({}) with reason (Cred Fail) on Interface {} "
               "AuditSessionID 0A{:08X}0000{:04X}\n",
          sess, client_mac(e.client), p->name, e.client, e.client & 0xffff);
      break;
    case LogKind::AuthSuccess:
      put(out, "%SESSION_MGR-5-SUCCESS: {}Authorization succeeded for client ({}) on Interface {} AuditSessionID "
               "0A{:08X}0000{:04X}\n",
          sess, p->mac.empty() ? client_mac(e.client) : p->mac, p->name, e.client, e.client & 0xffff);
      break;
    case LogKind::BpduGuard:
      put(out, "%SPANTREE-2-BLOCK_BPDUGUARD: Received BPDU on port {} with BPDU Guard enabled. Disabling port.\n",
          p->long_name);
      break;
    case LogKind::PsecureViolation:
      put(out, "%PORT_SECURITY-2-PSECURE_VIOLATION: Security violation occurred, caused by MAC address {} on port {}.\n",
          client_mac(e.client), p->long_name);
      break;
    case LogKind::ErrDisable:
      put(out, "%PM-4-ERR_DISABLE: {} error detected on {}, putting {} in err-disable state\n",
          e.aux == 0 ? "bpduguard" : "psecure-violation", p->name, p->name);
      break;
    case LogKind::StpRootChange:
      put(out, "%SPANTREE-5-ROOTCHANGE: Root Changed for vlan {}: New Root Port is {}. New Root Mac Address is 70b3.17{:02x}.{:04x}\n",
          e.aux, p->long_name, e.aux, 0x1000 + e.aux);
      break;
    case LogKind::StpTopologyChange: put(out, "%SPANTREE-5-TOPOTRAP: Topology Change Trap for vlan {}\n", e.aux); break;
    case LogKind::PoeDetect: put(out, "%ILPOWER-7-DETECT: Interface {}: Power Device detected: IEEE PD\n", p->name); break;
    case LogKind::PoeGranted: put(out, "%ILPOWER-5-POWER_GRANTED: Interface {}: Power granted\n", p->name); break;
    case LogKind::PoeFault:
      put(out, "%ILPOWER-3-CONTROLLER_PORT_ERR: Controller port error, Interface {}: Power Controller reports power "
               "Imax error detected\n",
          p->name);
      break;
    case LogKind::PoeDisconnect: put(out, "%ILPOWER-5-IEEE_DISCONNECT: Interface {}: PD removed\n", p->name); break;
    case LogKind::PsuFail:
      put(out, "%PLATFORM_FEP-1-FRU_PS_ACCESS: Switch 1: power supply {} is not functioning\n", e.aux == 1 ? 'A' : 'B');
      break;
    case LogKind::ConfigChanged:
      put(out, "%SYS-5-CONFIG_I: Configured from console by netops on vty0 ({}.25)\n", net);
      break;
    case LogKind::LoginSuccess:
      put(out, "%SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: netops] [Source: {}.25] [localport: 22] at {}\n", net,
          at_text(e.time));
      break;
    case LogKind::Logout: put(out, "%SYS-6-LOGOUT: User netops has exited tty session 2({}.25)\n", net); break;
    case LogKind::NtpSync: put(out, "%NTP-5-PEERSYNC: NTP synced to peer {}.1\n", net); break;
  }
}

std::string session_prompt(const Device& d) {
  return d.vendor == Vendor::FastIron ? "SSH@" + d.hostname + "#" : d.hostname + "#";
}

void render_cisco_session(const SessionInput& in, Prng& rng, std::string& out) {
  const Device& d = in.device;
  SessionWriter w(out, session_prompt(d), in.style, rng);
  const bool full = in.profile == Profile::Full;
  w.command("terminal length 0", "term len 0");
  w.bare_prompts();
  w.command("show clock", "sh clock");
  clock_line(out, in.capture, rng.percent(20));
  w.command("show version", "sh ver");
  show_version(in, out);
  w.command("show interfaces status", "sh int status");
  interfaces_status(d, out);
  if (full) {
    w.command("show vlan brief", "sh vlan br");
    vlan_brief(d, out);
  }
  w.command("show logging", "sh log");
  const auto count = static_cast<std::int64_t>(in.events.size());
  put(out,
      "Syslog logging: enabled (0 messages dropped, {} messages rate-limited, 0 flushes, 0 overruns, xml disabled, "
      "filtering disabled)\n\nNo Active Message Discriminator.\n\n\n\nNo Inactive Message Discriminator.\n\n\n"
      "    Console logging: disabled\n    Monitor logging: level debugging, 0 messages logged, xml disabled,\n"
      "                     filtering disabled\n    Buffer logging:  level informational, {} messages logged, xml "
      "disabled,\n                    filtering disabled\n    Exception Logging: size (4096 bytes)\n"
      "    Count and timestamp logging messages: disabled\n    File logging: disabled\n"
      "    Persistent logging: disabled\n\nNo active filter modules.\n\n"
      "    Trap logging: level informational, {} message lines logged\n\nLog Buffer ({} bytes):\n\n",
      rng.below(5), in.first_sequence + count - 1, in.first_sequence + count + 16, full ? 4096000 : 102400);
  std::int64_t seq = in.first_sequence;
  for (const auto& e : in.events) format_cisco_log(d, e, seq++, out);
  out += '\n';
  w.bare_prompts();
  if (full) {
    w.command("show running-config", "sh run");
    w.paged(running_config(d, in.capture));
    w.command("show mac address-table", "sh mac add");
    w.paged(mac_table(d));
    w.command("show cdp neighbors", "sh cdp nei");
    cdp_neighbors(d, out);
  }
}

}  // namespace st::generate
