#include "generate/fleet.h"

#include <array>
#include <cctype>
#include <map>
#include <string_view>

#include <fmt/format.h>

#include "generate/prng.h"

namespace st::generate {
namespace {

constexpr std::array<std::string_view, 5> kSites = {"HQ", "NYC", "LON", "DAL", "SGP"};

std::string random_mac(Prng& rng, std::uint32_t oui) {
  return fmt::format("{:04x}.{:02x}{:02x}.{:04x}", oui >> 8, oui & 0xff, rng.below(256), rng.below(65536));
}

std::string serial(Prng& rng, std::string_view prefix, int digits) {
  static constexpr std::string_view kAlnum = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  std::string s(prefix);
  for (int i = 0; i < digits; ++i) s += static_cast<char>('0' + rng.below(10));
  if (prefix != "JPE") {
    s += static_cast<char>('A' + rng.below(26));
    for (int i = 0; i < 3; ++i) s += kAlnum[rng.below(kAlnum.size())];
  }
  return s;
}

Port make_port(std::string name, std::string long_name) {
  Port p;
  p.name = std::move(name);
  p.long_name = std::move(long_name);
  return p;
}

// An edge port's role: what is plugged in decides its VLAN, PoE and description.
void dress_access_port(Port& p, Prng& rng, int floor, int n, std::string_view zone) {
  p.access = true;
  const auto roll = rng.below(100);
  if (roll < 10) {
    p.description = "UNUSED";
    p.status = PortStatus::Disabled;
    p.vlan = 10;
    return;
  }
  if (roll < 30) {
    p.description = rng.percent(40) ? fmt::format("Desk {}F-{:02}", floor, n) : "";
    p.status = PortStatus::NotConnect;
    p.vlan = 10;
    p.auth = true;
    return;
  }
  p.status = PortStatus::Connected;
  if (roll < 40) {
    p.description = fmt::format("AP-{}-{}F-{:02}", zone, floor, n);
    p.vlan = 99;
    p.poe = true;
  } else if (roll < 50) {
    p.description = fmt::format("Phone {}F-{:02}", floor, n);
    p.vlan = 20;
    p.poe = true;
    p.auth = true;
    p.speed_mbps = 100;
  } else if (roll < 57) {
    p.description = fmt::format("Cam {}F-{:02}", floor, n);
    p.vlan = 30;
    p.poe = true;
    p.speed_mbps = 100;
  } else if (roll < 62) {
    p.description = fmt::format("Printer {}F-{:02}", floor, n);
    p.vlan = 30;
    p.auth = true;
    p.speed_mbps = 100;
  } else {
    p.description = fmt::format("Desk {}F-{:02}", floor, n);
    p.vlan = 10;
    p.auth = true;
  }
  p.mac = random_mac(rng, p.poe ? 0x7c21e0 : 0xd4bed9);
}

void cisco_ports(Device& d, Prng& rng, std::string_view zone) {
  if (d.is_core) {
    for (int i = 1; i <= 24; ++i) {
      Port p = make_port(fmt::format("Twe1/0/{}", i), fmt::format("TwentyFiveGigE1/0/{}", i));
      p.uplink = true;
      p.vlan = 0;
      p.speed_mbps = 25000;
      p.type = i <= 12 ? "SFP-25GBase-SR" : "SFP-10GBase-SR";
      p.status = i <= 16 ? PortStatus::Connected : PortStatus::NotConnect;
      p.description = i <= 16 ? fmt::format("Po{} {}-B{}-ACC-{:02}", i, d.site, 1 + (i - 1) % 4, 1 + (i - 1) / 4) : "";
      d.ports.push_back(std::move(p));
    }
    for (int i = 25; i <= 28; ++i) {
      Port p = make_port(fmt::format("Hu1/0/{}", i), fmt::format("HundredGigE1/0/{}", i));
      p.uplink = true;
      p.vlan = 0;
      p.speed_mbps = 100000;
      p.type = i <= 26 ? "QSFP 100G SR4" : "Not Present";
      p.status = i <= 26 ? PortStatus::Connected : PortStatus::NotConnect;
      p.description = i <= 26 ? fmt::format("{}-WAN-RTR-0{}", d.site, i - 24) : "";
      d.ports.push_back(std::move(p));
    }
    return;
  }
  const bool c2960 = d.model.starts_with("WS-C2960X");
  const int per_member = d.model.find("-24") != std::string::npos ? 24 : 48;
  const int floor = 1 + static_cast<int>(rng.below(4));
  for (int m = 1; m <= d.stack_members; ++m) {
    for (int i = 1; i <= per_member; ++i) {
      Port p = make_port(fmt::format("Gi{}/0/{}", m, i), fmt::format("GigabitEthernet{}/0/{}", m, i));
      p.type = "10/100/1000BaseTX";
      dress_access_port(p, rng, floor, (m - 1) * per_member + i, zone);
      d.ports.push_back(std::move(p));
    }
    for (int i = 1; i <= 2; ++i) {
      Port p = c2960 ? make_port(fmt::format("Te{}/0/{}", m, i), fmt::format("TenGigabitEthernet{}/0/{}", m, i))
                     : make_port(fmt::format("Te{}/1/{}", m, i), fmt::format("TenGigabitEthernet{}/1/{}", m, i));
      p.uplink = true;
      p.vlan = 0;
      p.speed_mbps = 10000;
      p.type = "SFP-10GBase-SR";
      const bool used = i == 1 && m <= 2;
      p.status = used ? PortStatus::Connected : PortStatus::NotConnect;
      p.description = used ? fmt::format("Po1 {}-CORE-DST-01", d.site) : (i == 2 ? "spare uplink" : "");
      d.ports.push_back(std::move(p));
    }
  }
}

void arista_ports(Device& d, Prng& rng) {
  for (int i = 1; i <= 48; ++i) {
    Port p = make_port(fmt::format("Et{}", i), fmt::format("Ethernet{}", i));
    p.access = true;
    p.speed_mbps = rng.percent(70) ? 25000 : 10000;
    p.type = p.speed_mbps == 25000 ? "25GBASE-SR" : "10GBASE-SR";
    const auto roll = rng.below(100);
    const int rack = 1 + d.index % 20;
    if (roll < 75) {
      p.status = PortStatus::Connected;
      p.vlan = 100 + 10 * static_cast<int>(rng.below(4));
      p.description = rng.percent(50) ? fmt::format("srv-r{:02}-{:02} eth{}", rack, i, i % 2)
                                      : fmt::format("esx-r{:02}-{:02} vmnic{}", rack, (i + 1) / 2, i % 2);
      p.mac = random_mac(rng, 0x001c73);
    } else {
      p.status = PortStatus::NotConnect;
      p.vlan = 1;
      p.type = roll < 90 ? p.type : "Not Present";
    }
    d.ports.push_back(std::move(p));
  }
  for (int i = 49; i <= 52; ++i) {
    Port p = make_port(fmt::format("Et{}/1", i), fmt::format("Ethernet{}/1", i));
    p.uplink = true;
    p.vlan = 0;
    p.speed_mbps = 100000;
    p.type = i <= 50 ? "100GBASE-SR4" : "Not Present";
    p.status = i <= 50 ? PortStatus::Connected : PortStatus::NotConnect;
    p.description = i <= 50 ? fmt::format("{}-DC1-SPN-0{} Et{}/1", d.site, i - 48, d.index % 32 + 1) : "";
    d.ports.push_back(std::move(p));
  }
}

void fastiron_ports(Device& d, Prng& rng, std::string_view zone) {
  const int count = d.model.find("-24") != std::string::npos ? 24 : 48;
  const int floor = 1 + static_cast<int>(rng.below(3));
  for (int i = 1; i <= count; ++i) {
    Port p = make_port(fmt::format("1/1/{}", i), fmt::format("ethernet 1/1/{}", i));
    p.type = "GigabitEthernet";
    dress_access_port(p, rng, floor, i, zone);
    d.ports.push_back(std::move(p));
  }
  for (int i = 1; i <= 2; ++i) {
    Port p = make_port(fmt::format("1/3/{}", i), fmt::format("ethernet 1/3/{}", i));
    p.uplink = true;
    p.vlan = 0;
    p.speed_mbps = 10000;
    p.type = "10GigabitEthernet";
    p.status = i == 1 ? PortStatus::Connected : PortStatus::NotConnect;
    p.description = i == 1 ? fmt::format("uplink {}-CORE-DST-01", d.site) : "";
    d.ports.push_back(std::move(p));
  }
}

// Location, compliance gaps and uplink peers, drawn from a stream of their own so that the
// ports, clients and incidents of a seed stay what they were before these existed.
void dress_extras(Device& d, std::uint64_t seed) {
  Prng rng(mix_seed(seed, static_cast<std::uint64_t>(d.index), 0, 7));
  int floor = 1;
  for (const auto& p : d.ports) {
    const auto f = p.description.find("F-");
    if (f != std::string::npos && f > 0 && std::isdigit(static_cast<unsigned char>(p.description[f - 1]))) {
      floor = p.description[f - 1] - '0';
      break;
    }
  }
  const std::string zone = d.hostname.substr(d.site.size() + 1, d.hostname.find('-', d.site.size() + 1) - d.site.size() - 1);
  const std::string bldg = zone.starts_with("B") ? zone : zone.starts_with("F") ? "B1" : zone;
  d.location = fmt::format("bldg={};floor={};room={}.{:02};rack=R{}", bldg, d.vendor == Vendor::Arista ? 0 : floor,
                           d.vendor == Vendor::Arista ? 0 : floor, 1 + rng.below(20), 1 + rng.below(9));
  for (auto& p : d.ports) {
    if (!p.auth || !rng.percent(5)) continue;
    if (d.vendor == Vendor::FastIron) {
      static constexpr std::array<std::string_view, 2> kFi = {"dot1x port-control auto", "mac-authentication enable"};
      p.auth_missing = kFi[rng.below(kFi.size())];
    } else {
      static constexpr std::array<std::string_view, 3> kIos = {"mab", "dot1x pae authenticator",
                                                               "authentication port-control auto"};
      p.auth_missing = kIos[rng.below(kIos.size())];
    }
  }
  int uplink = 0;
  for (auto& p : d.ports) {
    if (!p.uplink) continue;
    if (d.vendor == Vendor::Arista) p.remote_port = d.index % 32 + 1;
    else if (d.is_core) p.remote_port = 1;
    else p.remote_port = 1 + (d.index * 2 + uplink) % 16;
    ++uplink;
  }
}

// Every device learns its site's core (the root bridge, the uplinks' CDP/LLDP neighbor): the
// fleet's core switch of that site if there is one, else a core outside the generated fleet.
void link_cores(std::vector<Device>& fleet) {
  std::map<std::string, const Device*> cores;
  for (const auto& d : fleet) {
    if (d.is_core && !cores.contains(d.site)) cores[d.site] = &d;
  }
  for (auto& d : fleet) {
    const std::string net = d.mgmt_ip.substr(0, d.mgmt_ip.rfind('.'));
    std::uint32_t h = 2166136261u;
    for (char c : d.site) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    if (d.vendor == Vendor::Arista) {
      d.core_hostname = d.site + "-DC1-SPN-01";
      d.core_mac = fmt::format("444c.a8{:02x}.{:04x}", h >> 24, h & 0xffff);
      d.core_ip = net + ".3";
    } else if (const auto it = cores.find(d.site); it != cores.end()) {
      d.core_hostname = it->second->hostname;
      d.core_mac = it->second->base_mac;
      d.core_ip = it->second->mgmt_ip;
    } else {
      d.core_hostname = d.site + "-CORE-DST-01";
      d.core_mac = fmt::format("70b3.17{:02x}.{:04x}", h >> 24, h & 0xffff);
      d.core_ip = net + ".2";
    }
  }
}

}  // namespace

std::vector<Device> build_fleet(std::uint64_t seed, int count, SimTime first_capture) {
  std::vector<Device> fleet;
  fleet.reserve(static_cast<std::size_t>(count));
  std::map<std::string, int> numbering;  // "HQ-B1-ACC" -> last NN
  const int site_count = std::min<int>(static_cast<int>(kSites.size()), 1 + count / 40);
  for (int i = 0; i < count; ++i) {
    Prng rng(mix_seed(seed, static_cast<std::uint64_t>(i), 0, 1));
    Device d;
    d.index = i;
    d.site = std::string(kSites[rng.below(static_cast<std::uint64_t>(site_count))]);
    std::string zone, role;
    switch (i % 10) {
      case 1:
        d.vendor = Vendor::Arista;
        zone = "DC1";
        role = "LEAF";
        d.model = "DCS-7050SX3-48YC12";
        d.os_version = rng.percent(50) ? "4.28.3M" : "4.30.2F";
        d.serial = serial(rng, "JPE", 8);
        d.base_mac = random_mac(rng, 0x444ca8);
        break;
      case 2:
        d.vendor = Vendor::FastIron;
        zone = fmt::format("F{}", 1 + rng.below(3));
        role = "ACC";
        d.model = rng.percent(70) ? "ICX7150-48P" : "ICX7150-24P";
        d.os_version = "08.0.95dT213";
        d.serial = serial(rng, "FEK", 4);
        d.base_mac = random_mac(rng, 0x609c9f);
        d.has_poe = true;
        break;
      case 5:
        d.vendor = Vendor::Cisco;
        d.is_core = true;
        zone = "CORE";
        role = "DST";
        d.model = "C9500-24Y4C";
        d.os_version = "17.09.04a";
        d.serial = serial(rng, "FCW", 4);
        d.base_mac = random_mac(rng, 0x70b317);
        break;
      default: {
        d.vendor = Vendor::Cisco;
        zone = fmt::format("B{}", 1 + rng.below(4));
        role = "ACC";
        const auto roll = rng.below(100);
        if (roll < 55) {
          d.model = rng.percent(75) ? "C9300-48P" : "C9300-24P";
          d.os_version = rng.percent(60) ? "17.09.04a" : "17.06.05";
          d.stack_members = rng.percent(40) ? 2 : 1;
        } else {
          d.model = rng.percent(70) ? "WS-C2960X-48FPD-L" : "WS-C2960X-24PS-L";
          d.os_version = "15.2(7)E4";
        }
        d.serial = serial(rng, "FOC", 4);
        d.base_mac = random_mac(rng, 0x701f53);
        d.has_poe = true;
      }
    }
    const std::string prefix = fmt::format("{}-{}-{}", d.site, zone, role);
    d.hostname = fmt::format("{}-{:02}", prefix, ++numbering[prefix]);
    d.mgmt_ip = fmt::format("10.{}.99.{}", 10 + 10 * (i % site_count), 10 + i % 240);
    d.boot = SimTime{first_capture.ms - rng.between(3 * kDay, 500 * kDay)};
    d.log_sequence_base = rng.between(1000, 400000);
    if (d.vendor == Vendor::Arista) {
      d.vlans = {{1, "default"}, {100, "SERVERS"}, {110, "STORAGE"}, {120, "VMOTION"}, {130, "BACKUP"}};
      arista_ports(d, rng);
    } else {
      d.vlans = {{1, "default"}, {10, "DATA"}, {20, "VOICE"}, {30, "IOT"}, {40, "GUEST"}, {99, "MGMT"}};
      if (d.vendor == Vendor::Cisco) cisco_ports(d, rng, zone);
      else fastiron_ports(d, rng, zone);
    }
    dress_extras(d, seed);
    fleet.push_back(std::move(d));
  }
  link_cores(fleet);
  return fleet;
}

}  // namespace st::generate
