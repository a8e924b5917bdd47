// Cisco IOS / IOS-XE (Catalyst 9300 stacks, 2960-X, 9500 core): session text and syslog.
#include <cctype>
#include <cstdio>
#include <iterator>

#include <fmt/format.h>

#include "generate/port_facts.h"
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
    const std::string dotted = xe_dotted_version(v);  // "17.09.04a" -> "17.9.4a"
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
  put(out, "System returned to ROM by {} at {}\n", d.reload_reason, at_text(SimTime{d.boot.ms - 7 * kMinute}));
  put(out, "System restarted at {:02}:{:02}:{:02} UTC {} {} {} {}\n", boot.hour, boot.minute, boot.second,
      weekday_abbrev(boot.weekday), month_abbrev(boot.month), boot.day, boot.year);
  put(out, "System image file is \"{}\"\nLast reload reason: {}\n\n\n",
      is_xe(d) ? "flash:packages.conf" : "flash:c2960x-universalk9-mz.152-7.E4.bin", d.reload_reason);
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
      if (n > 0) out += n % 4 == 0 ? "\n                                                " : ", ";
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
  // "version 17.9" (IOS-XE 17.09.04a), "version 15.2" (IOS 15.2(7)E4).
  const std::string major = d.os_version.substr(0, d.os_version.find('.'));
  std::string minor = d.os_version.substr(major.size() + 1, 2);
  if (minor.size() == 2 && minor[0] == '0') minor.erase(0, 1);
  if (!minor.empty() && !std::isdigit(static_cast<unsigned char>(minor.back()))) minor.pop_back();
  put(cfg, "!\n! Last configuration change at {} by netops\n!\nversion {}.{}\n", at_text(SimTime{now.ms - 3 * kHour}),
      major, minor);
  cfg += "service timestamps debug datetime msec\nservice timestamps log datetime msec\n"
         "service password-encryption\nservice sequence-numbers\n!\n";
  put(cfg, "hostname {}\n!\n", d.hostname);
  if (is_xe(d)) cfg += "vrf definition Mgmt-vrf\n !\n address-family ipv4\n exit-address-family\n!\n";
  cfg += "aaa new-model\n!\n!\naaa group server radius ISE\n server name ISE-1\n!\n"
         "aaa authentication login default local\naaa authentication dot1x default group ISE\n"
         "aaa authorization network default group ISE\naaa accounting dot1x default start-stop group ISE\n!\n"
         "aaa session-id common\n!\n";
  cfg += "dot1x system-auth-control\n!\nspanning-tree mode rapid-pvst\nspanning-tree extend system-id\n";
  if (d.is_core) cfg += "spanning-tree vlan 1-4094 priority 24576\n";
  cfg += "!\n";
  for (const auto& v : d.vlans) {
    if (v.id != 1) put(cfg, "vlan {}\n name {}\n!\n", v.id, v.name);
  }
  if (!d.is_core) {
    put(cfg, "interface Port-channel1\n description To {}\n switchport trunk allowed vlan 10,20,30,40,99\n"
             " switchport mode trunk\n!\n", d.core_hostname);
  }
  for (const auto& p : d.ports) {
    put(cfg, "interface {}\n", p.long_name);
    if (!p.description.empty()) put(cfg, " description {}\n", p.description);
    if (p.uplink) {
      cfg += " switchport trunk allowed vlan 10,20,30,40,99\n switchport mode trunk\n";
      if (p.status == PortStatus::Disabled) cfg += " shutdown\n";
      if (p.status == PortStatus::Connected && !d.is_core) cfg += " channel-group 1 mode active\n";
    } else {
      put(cfg, " switchport access vlan {}\n switchport mode access\n", p.vlan);
      if (p.auth) {
        if (p.vlan != 20) cfg += " switchport voice vlan 20\n";
        cfg += " authentication host-mode multi-domain\n authentication order dot1x mab\n";
        if (p.auth_missing != "authentication port-control auto") cfg += " authentication port-control auto\n";
        if (p.auth_missing != "mab") cfg += " mab\n";
        if (p.auth_missing != "dot1x pae authenticator") cfg += " dot1x pae authenticator\n";
        cfg += " dot1x timeout tx-period 7\n";
      }
      if (p.status == PortStatus::Disabled) cfg += " shutdown\n";
      if (p.poe) cfg += " power inline port priority high\n";
      if (!p.extra_config.empty()) cfg += " " + p.extra_config + "\n";
      cfg += " spanning-tree portfast\n spanning-tree bpduguard enable\n";
    }
    cfg += "!\n";
  }
  const std::string net = d.mgmt_ip.substr(0, d.mgmt_ip.rfind('.'));
  put(cfg, "interface Vlan1\n no ip address\n shutdown\n!\ninterface Vlan99\n ip address {} 255.255.255.0\n!\n",
      d.mgmt_ip);
  put(cfg, "ip default-gateway {}.1\n!\nlogging host {}.50\n!\nsnmp-server location {}\n"
           "snmp-server contact netops@example.net\n!\nradius server ISE-1\n address ipv4 {}.40 auth-port 1812 acct-port 1813\n"
           " key 7 0822455D0A16544541\n!\nntp server {}.1\n!\nline con 0\n stopbits 1\nline vty 0 15\n transport input ssh\n!\nend\n\n",
      net, net, d.location, net, net);
  return fmt::format("Building configuration...\n\nCurrent configuration : {} bytes\n", cfg.size()) + cfg;
}

std::string mac_table(const Device& d) {
  std::string t = "          Mac Address Table\n-------------------------------------------\n\n"
                  "Vlan    Mac Address       Type        Ports\n----    -----------       --------    -----\n"
                  " All    0100.0ccc.cccc    STATIC      CPU\n All    0100.0ccc.cccd    STATIC      CPU\n"
                  " All    0180.c200.0000    STATIC      CPU\n All    0180.c200.0002    STATIC      CPU\n"
                  " All    ffff.ffff.ffff    STATIC      CPU\n";
  int n = 5;
  for (const auto& p : d.ports) {
    if (p.mac.empty() || p.status != PortStatus::Connected) continue;
    put(t, "{:>4}    {}    DYNAMIC     {}\n", p.vlan, p.mac, p.name);
    ++n;
  }
  if (!d.is_core) {
    put(t, "  99    {}    DYNAMIC     Po1\n", d.core_mac);
    ++n;
  }
  put(t, "Total Mac Addresses for this criterion: {}\n", n);
  return t;
}

std::string session_id(const Device& d, std::size_t port_index) {
  unsigned a = 0, b = 0, c = 0, e = 0;
  std::sscanf(d.mgmt_ip.c_str(), "%u.%u.%u.%u", &a, &b, &c, &e);
  return fmt::format("{:02X}{:02X}{:02X}{:02X}{:08X}{:02X}0101FF", a, b, c, e, 0xFB0 + d.index * 211 + port_index * 7,
                     port_index & 0xff);
}

std::string auth_sessions(const Device& d) {
  std::string t;
  int n = 0;
  if (is_xe(d)) {
    t = "\nInterface    Identifier     Method  Domain  Status Fg Session ID\n"
        "------------------------------------------------------------------------------\n";
  } else {
    t = "\nInterface  MAC Address     Method   Domain   Status         Session ID\n";
  }
  for (std::size_t i = 0; i < d.ports.size(); ++i) {
    const Port& p = d.ports[i];
    const auto s = auth_session(p);
    if (!s) continue;
    if (is_xe(d)) put(t, "{:<13}{:<15}{:<8}{:<8}{:<10}{}\n", p.name, p.mac, s->method, s->domain, "Auth", session_id(d, i));
    else put(t, "{:<11}{:<16}{:<9}{:<9}{:<15}{}\n", p.name, p.mac, s->method, s->domain, "Authz Success", session_id(d, i));
    ++n;
  }
  if (is_xe(d)) {
    put(t, "\nSession count = {}\n\n", n);
    t += "Key to Session Events Blocked Status Flags:\n\n"
         "  A - Applying Policy (multi-line status for details)\n  D - Awaiting Deletion\n"
         "  F - Final Removal in progress\n  I - Awaiting IIF ID allocation\n  N - Waiting for AAA to come up\n"
         "  P - Pushed Session\n  R - Removing User Profile (multi-line status for details)\n"
         "  U - Applying User Profile (multi-line status for details)\n  X - Unknown Blocker\n\n";
  }
  return t;
}

// Rapid PVST+ per VLAN: the core is the root of every VLAN; an access switch reaches it over Po1.
std::string spanning_tree(const Device& d) {
  std::string t;
  int uplinks = 0;
  for (const auto& p : d.ports) {
    if (p.uplink && p.status == PortStatus::Connected) ++uplinks;
  }
  const int po_cost = uplinks > 1 ? 1 : 2;
  const int po_number = is_xe(d) ? 2345 : 488;
  for (const auto& v : d.vlans) {
    std::string rows;
    bool any = false;
    if (!d.is_core && uplinks > 0 && v.id != 1) {
      put(rows, "{:<19} Root FWD {:<9} 128.{:<4} P2p \n", "Po1", po_cost, po_number);
      any = true;
    }
    for (std::size_t i = 0; i < d.ports.size(); ++i) {
      const Port& p = d.ports[i];
      if (p.status != PortStatus::Connected) continue;
      if (p.uplink ? !(d.is_core && v.id != 1) : p.vlan != v.id) continue;
      put(rows, "{:<19} Desg FWD {:<9} 128.{:<4} {}\n", p.name, stp_cost(p.speed_mbps), i + 1,
          p.uplink ? "P2p " : "P2p Edge ");
      any = true;
    }
    if (!any) continue;
    const int root_prio = 24576 + v.id;
    put(t, "\nVLAN{:04}\n  Spanning tree enabled protocol rstp\n  Root ID    Priority    {}\n             Address     {}\n",
        v.id, root_prio, stp_root(d, v.id));
    if (d.is_core) {
      t += "             This bridge is the root\n";
    } else {
      put(t, "             Cost        {}\n             Port        {} (Port-channel1)\n", po_cost, po_number);
    }
    const int base = d.is_core ? 24576 : 32768;
    put(t,
        "             Hello Time   2 sec  Max Age 20 sec  Forward Delay 15 sec\n\n"
        "  Bridge ID  Priority    {}  (priority {} sys-id-ext {})\n             Address     {}\n"
        "             Hello Time   2 sec  Max Age 20 sec  Forward Delay 15 sec\n             Aging Time  300 sec\n\n"
        "Interface           Role Sts Cost      Prio.Nbr Type\n"
        "------------------- ---- --- --------- -------- --------------------------------\n",
        base + v.id, base, v.id, d.base_mac);
    t += rows;
    t += "\n\n";
  }
  return t;
}

std::string_view pd_model(const Port& p) {
  if (p.description.starts_with("AP-")) return "C9120AXI-B";
  if (p.description.starts_with("Phone")) return "IP Phone 8841";
  return "Ieee PD";
}

std::string power_inline(const Device& d, int run) {
  std::string rows;
  double used = 0;
  int on = 0;
  for (const auto& p : d.ports) {
    if (!p.name.starts_with("Gi")) continue;
    if (p.poe && p.status == PortStatus::Connected) {
      const bool ap = p.description.starts_with("AP-");
      // The draw drifts from run to run (a volatile column).
      const double w = (ap ? 15.4 + (fnv(p.mac) % 140) / 10.0 : p.description.starts_with("Phone") ? 6.3 : 12.9) +
                       (run - 1) % 3 / 10.0;
      put(rows, "{:<10}{:<7}{:<11}{:<8.1f}{:<20}{:<6}30.0\n", p.name, "auto", "on", w, pd_model(p), ap ? "4" : "2");
      used += w;
      ++on;
    } else {
      put(rows, "{:<10}{:<7}{:<11}{:<8}{:<20}{:<6}30.0\n", p.name, p.status == PortStatus::Disabled ? "off" : "auto",
          "off", "0.0", "n/a", "n/a");
    }
  }
  const double budget = d.model.starts_with("WS-C2960X") ? (d.model.find("-48") != std::string::npos ? 740.0 : 370.0)
                                                         : 715.0 * d.stack_members;
  std::string t;
  if (is_xe(d)) {
    t = "\nModule   Available     Used     Remaining\n          (Watts)     (Watts)    (Watts)\n"
        "------   ---------   --------   ---------\n";
    for (int m = 1; m <= d.stack_members; ++m) {
      double mu = 0;
      for (const auto& p : d.ports) {
        if (p.poe && p.status == PortStatus::Connected && p.name.starts_with(fmt::format("Gi{}/", m))) {
          mu += (p.description.starts_with("AP-") ? 15.4 + (fnv(p.mac) % 140) / 10.0
                 : p.description.starts_with("Phone") ? 6.3 : 12.9) + (run - 1) % 3 / 10.0;
        }
      }
      put(t, "{:<6}{:>11.1f}{:>11.1f}{:>12.1f}\n", m, 715.0, mu, 715.0 - mu);
    }
  } else {
    put(t, "\nAvailable:{:.1f}(w)  Used:{:.1f}(w)  Remaining:{:.1f}(w)\n\n", budget, used, budget - used);
  }
  t += "Interface Admin  Oper       Power   Device              Class Max\n                            (Watts)\n"
       "--------- ------ ---------- ------- ------------------- ----- ----\n";
  t += rows;
  if (is_xe(d)) {
    put(t, "--------- ------ ---------- ---------- ---------- ------ -----\nTotals:          {:<5}on    {:.1f}\n\n", on,
        used);
  }
  return t;
}

// The uplinks' peer: the site core (a C9500 on IOS-XE 17.9).
std::string cdp_detail(const Device& d, bool full) {
  std::string t;
  int n = 0;
  auto entry = [&](const std::string& id, const std::string& ip, std::string_view platform, std::string_view caps,
                   const std::string& local, const std::string& remote, std::string_view version, std::string_view duplex) {
    put(t,
        "-------------------------\nDevice ID: {}\nEntry address(es): \n  IP address: {}\n"
        "Platform: {},  Capabilities: {} \nInterface: {},  Port ID (outgoing port): {}\nHoldtime : {} sec\n\n"
        "Version :\n{}\n\nadvertisement version: 2\n",
        id, ip, platform, caps, local, remote, 121 + (n * 37 + d.index) % 59, version);
    if (platform.starts_with("cisco C9")) t += "VTP Management Domain: ''\nNative VLAN: 1\n";
    put(t, "Duplex: {}\nManagement address(es): \n  IP address: {}\n\n", duplex, ip);
    ++n;
  };
  const std::string core_version = fmt::format(
      "Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, RELEASE SOFTWARE "
      "(fc3)\nTechnical Support: http://www.cisco.com/techsupport\nCopyright (c) 1986-2023 by Cisco Systems, Inc.\n"
      "Compiled Wed 26-Jul-23 10:43 by mcpre");
  const std::string net = d.mgmt_ip.substr(0, d.mgmt_ip.rfind('.'));
  for (const auto& p : d.ports) {
    if (p.status != PortStatus::Connected) continue;
    if (p.uplink && !d.is_core) {
      entry(d.core_hostname + ".example.net", d.core_ip, "cisco C9500-24Y4C", "Router Switch IGMP", p.long_name,
            fmt::format("TwentyFiveGigE1/0/{}", p.remote_port), core_version, "full");
    } else if (p.uplink && d.is_core && p.description.find(' ') != std::string::npos) {
      // "Po3 HQ-B3-ACC-01": an access switch's first uplink (its name as the description says).
      const std::string peer = p.description.substr(p.description.find(' ') + 1);
      if (peer.find("-WAN-") != std::string::npos) continue;
      entry(peer + ".example.net", fmt::format("{}.{}", net, 10 + fnv(peer) % 200), "cisco C9300-48P", "Switch IGMP",
            p.long_name, "TenGigabitEthernet1/1/1",
            "Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, RELEASE "
            "SOFTWARE (fc3)\nTechnical Support: http://www.cisco.com/techsupport\nCopyright (c) 1986-2023 by Cisco "
            "Systems, Inc.\nCompiled Wed 26-Jul-23 10:43 by mcpre",
            "full");
    } else if (full && p.description.starts_with("AP-")) {
      entry(p.description, fmt::format("{}.{}", net, 100 + fnv(p.mac) % 150), "cisco C9120AXI-B", "Trans-Bridge Source-Route-Bridge IGMP",
            p.long_name, "GigabitEthernet0",
            "Cisco AP Software, C9120 Software, Version 17.9.4.27\nTechnical Support: http://www.cisco.com/techsupport\n"
            "Copyright (c) 2014-2023 by Cisco Systems, Inc.",
            "full");
    } else if (full && p.description.starts_with("Phone")) {
      entry(fmt::format("SEP{}{}{}", p.mac.substr(0, 4), p.mac.substr(5, 4), p.mac.substr(10, 4)),
            fmt::format("10.{}.20.{}", net.substr(3, net.find('.', 3) - 3), 20 + fnv(p.mac) % 200), "Cisco IP Phone 8841",
            "Host Phone Two-port Mac Relay", p.long_name, "Port 1", "sip88xx.14-1-1-0001-136", "full");
    }
  }
  put(t, "\nTotal cdp entries displayed : {}\n", n);
  return t;
}

std::string lldp_detail(const Device& d, bool full) {
  std::string t;
  int n = 0;
  for (const auto& p : d.ports) {
    if (p.status != PortStatus::Connected) continue;
    const bool ap = p.description.starts_with("AP-"), phone = p.description.starts_with("Phone");
    if (p.uplink && !d.is_core) {
      put(t,
          "------------------------------------------------\nLocal Intf: {}\nChassis id: {}\nPort id: Twe1/0/{}\n"
          "Port Description: {}\nSystem Name: {}.example.net\n\nSystem Description: \n"
          "Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, RELEASE SOFTWARE "
          "(fc3)\nTechnical Support: http://www.cisco.com/techsupport\nCopyright (c) 1986-2023 by Cisco Systems, Inc.\n"
          "Compiled Wed 26-Jul-23 10:43 by mcpre\n\nTime remaining: {} seconds\nSystem Capabilities: B,R\n"
          "Enabled Capabilities: B,R\nManagement Addresses:\n    IP: {}\nAuto Negotiation - not supported\n"
          "Physical media capabilities - not advertised\nMedia Attachment Unit type - not advertised\n"
          "Vlan ID: - not advertised\n\n",
          p.name, offset_mac(d.core_mac, static_cast<std::size_t>(p.remote_port)), p.remote_port,
          fmt::format("Po{} {}", p.remote_port, d.hostname), d.core_hostname, 91 + (n * 13 + d.index) % 29, d.core_ip);
    } else if (full && (ap || phone)) {
      put(t,
          "------------------------------------------------\nLocal Intf: {}\nChassis id: {}\nPort id: {}\n"
          "Port Description: {}\nSystem Name: {}\n\nSystem Description: \n{}\n\nTime remaining: {} seconds\n"
          "System Capabilities: {}\nEnabled Capabilities: {}\nManagement Addresses - not advertised\n"
          "Auto Negotiation - supported, enabled\nPhysical media capabilities:\n    1000baseT(FD)\n    100base-TX(FD)\n"
          "    100base-TX(HD)\n    10base-T(FD)\n    10base-T(HD)\nMedia Attachment Unit type: 30\nVlan ID: {}\n\n",
          p.name, p.mac, ap ? "Gi0" : fmt::format("{}:P1", p.mac), ap ? "GigabitEthernet0" : "SW PORT",
          ap ? p.description : fmt::format("SEP{}{}{}", p.mac.substr(0, 4), p.mac.substr(5, 4), p.mac.substr(10, 4)),
          ap ? "Cisco AP Software, C9120 Software, Version 17.9.4.27" : "Cisco IP Phone 8841, V1, sip88xx.14-1-1-0001-136",
          91 + (n * 13 + d.index) % 29, ap ? "B,W" : "B,T", ap ? "W" : "B,T", p.vlan);
    } else {
      continue;
    }
    ++n;
  }
  put(t, "\nTotal entries displayed: {}\n\n", n);
  return t;
}

bool has_optic(const Port& p) { return p.uplink && p.status == PortStatus::Connected && p.type != "Not Present"; }

std::string transceivers(const Device& d, int run) {
  std::string t =
      "If device is externally calibrated, only calibrated values are printed.\n"
      "++ : high alarm, +  : high warning, -  : low warning, -- : low alarm.\n"
      "NA or N/A: not applicable, Tx: transmit, Rx: receive.\nmA: milliamperes, dBm: decibels (milliwatts).\n\n";
  if (is_xe(d)) {
    t += "                                             Optical   Optical\n"
         "             Temperature  Voltage  Current   Tx Power  Rx Power\n"
         "Port         (Celsius)    (Volts)  (mA)      (dBm)     (dBm)\n"
         "---------    -----------  -------  --------  --------  --------\n";
  } else {
    t += "                                 Optical   Optical\n"
         "           Temperature  Voltage  Tx Power  Rx Power\n"
         "Port       (Celsius)    (Volts)  (dBm)     (dBm)\n"
         "---------  -----------  -------  --------  --------\n";
  }
  for (const auto& p : d.ports) {
    if (!has_optic(p)) continue;
    // The readings drift from run to run: volatile columns the diff must not report.
    const std::uint32_t h = fnv(p.name, fnv(d.serial)) ^ fnv(std::to_string(run));
    const double temp = 26.0 + (h % 160) / 10.0, volt = 3.22 + ((h >> 8) % 14) / 100.0;
    const double cur = 6.0 + ((h >> 12) % 30) / 10.0, tx = -2.6 + ((h >> 16) % 30) / 10.0;
    const double rx = -3.9 + ((h >> 20) % 35) / 10.0;
    if (is_xe(d)) put(t, "{:<13}{:>4.1f}{:>11.2f}{:>10.1f}{:>10.1f}{:>10.1f}\n", p.name, temp, volt, cur, tx, rx);
    else put(t, "{:<13}{:>4.1f}{:>11.2f}{:>10.1f}{:>10.1f}   \n", p.name, temp, volt, tx, rx);
  }
  return t;
}

std::string_view optic_pid(const Port& p) {
  if (p.type == "SFP-25GBase-SR") return "SFP-25G-SR-S";
  if (p.type == "QSFP 100G SR4") return "QSFP-100G-SR4-S";
  return "SFP-10G-SR";
}

// Catalyst 9300 `show environment power`: bay A of every member holds a supply, bay B is empty.
std::string environment_power(const Device& d) {
  std::string t = "SW  PID                 Serial#     Status           Sys Pwr  PoE Pwr  Watts\n"
                  "--  ------------------  ----------  ---------------  -------  -------  -----\n";
  for (int m = 1; m <= d.stack_members; ++m) {
    const bool failed = d.failed_psus.contains(m);
    put(t, "{}A  {:<20}{:<13}{:<16}{:<9}{:<9}{} \n", m, "PWR-C1-715WAC-P", part_serial(d, "DTN", fmt::format("psa{}", m)),
        failed ? "No Input Power" : "OK", failed ? "Bad" : "Good", failed ? "Bad" : "Good", 715);
    put(t, "{}B  Not Present\n", m);
  }
  return t;
}

std::string inventory(const Device& d) {
  std::string t;
  auto item = [&](const std::string& name, const std::string& descr, std::string_view pid, std::string_view vid,
                  const std::string& sn) {
    put(t, "NAME: \"{}\", DESCR: \"{}\"\nPID: {:<18}, VID: {:<5}, SN: {}\n\n", name, descr, pid, vid, sn);
  };
  if (d.is_core) {
    item("Chassis", "Cisco Catalyst 9500 Series Chassis", d.model, "V02", d.serial);
    for (int ps = 0; ps < 2; ++ps) {
      item(fmt::format("Power Supply Module {}", ps), "Cisco Catalyst 9500 Series 950W AC Power Supply", "C9K-PWR-950WAC-R",
           "V01", part_serial(d, "ART", fmt::format("ps{}", ps)));
    }
  } else if (is_xe(d)) {
    item("c93xx Stack", "c93xx Stack", d.model, "V02", d.serial);
    for (int m = 1; m <= d.stack_members; ++m) {
      const std::string sn = m == 1 ? d.serial : part_serial(d, "FOC", fmt::format("member{}", m));
      item(fmt::format("Switch {}", m), d.model, d.model, "V02", sn);
      item(fmt::format("Switch {} - Power Supply A", m), fmt::format("Switch {} - Power Supply A", m), "PWR-C1-715WAC-P",
           "V01", part_serial(d, "DTN", fmt::format("psa{}", m)));
      item(fmt::format("Switch {} FRU Uplink Module 1", m), "8x10G Uplink Module", "C9300-NM-8X", "V02",
           part_serial(d, "FOC", fmt::format("nm{}", m)));
    }
  } else {
    item("1", d.model, d.model, "V07", d.serial);
    item("Switch 1 - Power Supply 0", "Switch 1 - Power Supply 0", d.model.find("-48") != std::string::npos ? "PWR-C2-1025WAC" : "PWR-C2-640WAC", "V02",
         part_serial(d, "DCB", "ps0"));
  }
  for (const auto& p : d.ports) {
    if (has_optic(p)) item(p.name, std::string(p.type), optic_pid(p), "V03", optic_serial(d, p));
  }
  return t;
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
      // aux: the supply (1 = A, 2 = B) plus 10 per stack member after the first.
      put(out, "%PLATFORM_FEP-1-FRU_PS_ACCESS: Switch {}: power supply {} is not functioning\n", 1 + e.aux / 10,
          e.aux % 10 == 1 ? 'A' : 'B');
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
  w.command("show vlan brief", "sh vlan br");
  vlan_brief(d, out);
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
  w.command("show running-config", "sh run");
  w.paged(running_config(d, in.capture));
  w.command("show mac address-table", "sh mac add");
  w.paged(mac_table(d));
  if (is_xe(d)) w.command("show access-session", "sh access-session");
  else w.command("show authentication sessions", "sh auth sess");
  w.paged(auth_sessions(d));
  w.command("show spanning-tree", "sh span");
  w.paged(spanning_tree(d));
  if (full) {
    if (d.has_poe) {
      w.command("show power inline", "sh power inl");
      w.paged(power_inline(d, in.run));
    }
    w.command("show cdp neighbors detail", "sh cdp nei det");
    w.paged(cdp_detail(d, full));
    w.command("show lldp neighbors detail", "sh lldp nei det");
    w.paged(lldp_detail(d, full));
    w.command("show interfaces transceiver", "sh int trans");
    w.paged(transceivers(d, in.run));
    w.command("show inventory", "sh inv");
    w.paged(inventory(d));
    if (is_xe(d) && !d.is_core) {
      w.command("show environment power", "sh env power");
      w.paged(environment_power(d));
    }
  }
}

}  // namespace st::generate
