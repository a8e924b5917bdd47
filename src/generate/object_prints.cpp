#include "generate/object_prints.h"

#include <fmt/format.h>

#include "generate/port_facts.h"

namespace st::generate {
namespace {

bool connected(const Port& p) { return p.status == PortStatus::Connected; }

std::string phone_name(const Port& p) {
  return fmt::format("SEP{}{}{}", p.mac.substr(0, 4), p.mac.substr(5, 4), p.mac.substr(10, 4));
}

// Rapid PVST+ per VLAN (cisco_profile.cpp spanning_tree): Po1 in every VLAN but 1 on an access
// switch, the connected access ports in their VLAN, the core's uplinks in every VLAN but 1.
void cisco_stp(const Device& d, ObjectPrints& out) {
  int uplinks = 0;
  for (const auto& p : d.ports) {
    if (p.uplink && connected(p)) ++uplinks;
  }
  for (const auto& v : d.vlans) {
    const std::string& root = stp_root(d, v.id);
    if (!d.is_core && uplinks > 0 && v.id != 1) out[fmt::format("stp_port:{}:Po1", v.id)] = fmt::format("{}|{}", root, uplinks);
    for (const auto& p : d.ports) {
      if (!connected(p)) continue;
      if (p.uplink ? !(d.is_core && v.id != 1) : p.vlan != v.id) continue;
      out[fmt::format("stp_port:{}:{}", v.id, p.name)] = fmt::format("{}|{}", root, stp_cost(p.speed_mbps));
    }
  }
}

// 802.1D per VLAN (fastiron_profile.cpp show_span): every port of the VLAN, disabled unless connected.
void fastiron_stp(const Device& d, ObjectPrints& out) {
  const Port* up = nullptr;
  for (const auto& p : d.ports) {
    if (p.uplink && connected(p)) {
      up = &p;
      break;
    }
  }
  for (const auto& v : d.vlans) {
    for (const auto& p : d.ports) {
      if (!(p.vlan == v.id || (p.vlan == 0 && v.id != 1 && &p == up))) continue;
      out[fmt::format("stp_port:{}:{}", v.id, p.name)] = connected(p) ? fmt::format("fwd|{}", stp_cost(p.speed_mbps)) : "disabled";
    }
  }
}

void port_objects(const Device& d, const Port& p, bool full, ObjectPrints& out) {
  const auto session = auth_session(p);
  out["interface:" + p.name] = fmt::format("{}|{}|{}|{}|{}", static_cast<int>(p.status), p.vlan, p.description,
                                           connected(p) ? p.mac : "", session ? session->method : "");
  // (FastIron sets VLAN membership under `vlan N`; the store still gives the port its access VLAN.)
  out["interface_config:" + p.name] =
      fmt::format("{}|{}|{}|{}", p.description, p.vlan, p.status == PortStatus::Disabled, p.extra_config);
  if (connected(p) && !p.mac.empty()) out[fmt::format("mac:{}:{}:{}", p.vlan, p.mac, p.name)] = "";
  if (d.vendor != Vendor::Arista && session) {
    out[fmt::format("auth_session:{}:{}", p.name, p.mac)] =
        fmt::format("{}|{}|{}", session->method, session->domain, d.vendor == Vendor::FastIron ? p.vlan : 0);
  }
  if (!full) return;  // the lean profile captures no PoE, neighbors, optics or inventory
  if (p.uplink) {
    // Cisco lists the optic of every connected uplink in `show inventory` and its readings
    // (volatile but for the type) in `show interfaces transceiver`.
    if (d.vendor == Vendor::Cisco && connected(p) && p.type != "Not Present") {
      out["inventory_item:" + p.name] = optic_serial(d, p);
      out["transceiver:" + p.name] = p.type;
    }
    return;  // uplink neighbors (the core, the spines) never change
  }
  const bool ap = p.description.starts_with("AP-"), phone = p.description.starts_with("Phone");
  if (d.vendor == Vendor::Cisco) {
    if (d.has_poe && p.name.starts_with("Gi")) {
      const bool on = p.poe && connected(p);
      // The PD model (and class) follow the description: AP-, Phone, else a generic PD.
      out["poe_port:" + p.name] = fmt::format("{}|{}|{}", p.status == PortStatus::Disabled ? "off" : "auto", on,
                                              !on ? "" : ap ? "ap" : phone ? "phone" : "pd");
    }
    if (connected(p) && (ap || phone)) {
      const std::string name = ap ? p.description : phone_name(p);
      out[fmt::format("neighbor:cdp:{}:{}", p.name, name)] = p.mac;
      out[fmt::format("neighbor:lldp:{}:{}", p.name, name)] = p.mac;
    }
  } else if (d.vendor == Vendor::FastIron && connected(p) && (ap || phone)) {
    out[fmt::format("neighbor:lldp:{}:{}", p.name, p.description)] = p.mac;
  }
}

}  // namespace

std::string_view object_change_name(ObjectChange c) {
  switch (c) {
    case ObjectChange::Added: return "added";
    case ObjectChange::Removed: return "removed";
    case ObjectChange::Changed: return "changed";
  }
  return "changed";
}

ObjectPrints object_prints(const Device& d, Profile profile) {
  const bool full = profile == Profile::Full;
  ObjectPrints out;
  out["device:" + d.hostname] = fmt::format("{}|{}|{}|{}|{}", d.model, d.os_version, d.serial, d.location,
                                            d.vendor == Vendor::Cisco ? d.reload_reason : "");
  for (const auto& v : d.vlans) {
    std::string members;
    for (const auto& p : d.ports) {
      // Trunks: Arista lists them in every VLAN but 1; FastIron tags its connected uplinks in
      // every VLAN but 1 and leaves the others untagged in VLAN 1.
      bool member = p.vlan == v.id;
      if (p.vlan == 0 && d.vendor == Vendor::Arista) member = v.id != 1;
      if (p.vlan == 0 && d.vendor == Vendor::FastIron) member = (v.id == 1) != connected(p);
      if (member) members += p.name + " ";
    }
    out[fmt::format("vlan:{}", v.id)] = (d.vendor == Vendor::FastIron && v.id == 1 ? "DEFAULT-VLAN" : v.name) + "|" + members;
  }
  switch (d.vendor) {
    case Vendor::Cisco: cisco_stp(d, out); break;
    case Vendor::FastIron: fastiron_stp(d, out); break;
    case Vendor::Arista:
      for (const auto& p : d.ports) {
        if (connected(p)) out["stp_port:MST0:" + p.name] = "";
      }
      break;
  }
  for (const auto& p : d.ports) port_objects(d, p, full, out);
  if (full && d.vendor == Vendor::FastIron) out["stack_member:1"] = fmt::format("{}", d.stack_priority);
  // Cisco `show version`'s switch table: one member per stack unit (model, version); the
  // active one (unit 1) also carries the board's serial and base MAC.
  if (d.vendor == Vendor::Cisco) {
    for (int m = 1; m <= d.stack_members; ++m) {
      out[fmt::format("stack_member:{}", m)] =
          fmt::format("{}|{}{}", d.model, d.os_version, m == 1 ? "|" + d.serial + "|" + d.base_mac : std::string());
    }
  }
  if (full && d.vendor == Vendor::Cisco && !d.is_core && !d.model.starts_with("WS-C2960X")) {
    for (int m = 1; m <= d.stack_members; ++m) {
      out[fmt::format("power_supply:{}A", m)] = d.failed_psus.contains(m) ? "failed" : "ok";
      out[fmt::format("power_supply:{}B", m)] = "absent";
    }
  }
  return out;
}

std::vector<ChangedObject> changed_objects(const ObjectPrints& before, const ObjectPrints& after) {
  std::vector<ChangedObject> out;
  auto a = before.begin();
  auto b = after.begin();
  while (a != before.end() || b != after.end()) {
    if (b == after.end() || (a != before.end() && a->first < b->first)) {
      out.push_back({a->first, ObjectChange::Removed});
      ++a;
    } else if (a == before.end() || b->first < a->first) {
      out.push_back({b->first, ObjectChange::Added});
      ++b;
    } else {
      if (a->second != b->second) out.push_back({a->first, ObjectChange::Changed});
      ++a;
      ++b;
    }
  }
  return out;
}

}  // namespace st::generate
