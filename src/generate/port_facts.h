// Facts the vendor profiles derive the same way from the device model: which 802.1X/MAB
// session a port holds, STP path costs, and stable serials and IDs that need no random draws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "generate/device_model.h"

namespace st::generate {

struct AuthSession {
  std::string_view method;  // "dot1x" or "mab"
  std::string_view domain;  // "DATA" or "VOICE"
};

// A connected auth port with a client holds one session; phones and printers use MAB, desks
// 802.1X. A port whose config lacks `authentication port-control auto` (or FastIron's
// `dot1x port-control auto`) does not authenticate at all; one lacking `mab` authenticates
// by 802.1X, one lacking `dot1x pae authenticator` by MAB.
inline std::optional<AuthSession> auth_session(const Port& p) {
  if (!p.auth || p.status != PortStatus::Connected || p.mac.empty()) return std::nullopt;
  if (p.auth_missing == "authentication port-control auto" || p.auth_missing == "dot1x port-control auto") {
    return std::nullopt;
  }
  const bool phone = p.description.starts_with("Phone");
  bool mab = phone || p.description.starts_with("Printer");
  if (p.auth_missing == "mab" || p.auth_missing == "mac-authentication enable") mab = false;
  if (p.auth_missing == "dot1x pae authenticator") mab = true;
  return AuthSession{mab ? "mab" : "dot1x", phone ? "VOICE" : "DATA"};
}

// A port status as the store holds it (the interfaces table's `status`) for the vendor.
inline std::string_view stored_status(Vendor v, PortStatus s) {
  switch (s) {
    case PortStatus::Connected: return "connected";
    case PortStatus::NotConnect: return "notconnect";
    case PortStatus::Disabled: return "disabled";
    case PortStatus::ErrDisabled: return v == Vendor::Arista ? "errdisabled" : "err-disabled";
  }
  return "notconnect";
}

// IOS-XE prints its version both ways: "17.09.04a" and, dotted without leading zeros, "17.9.4a"
// (the form `show version`'s first line gives and the store keeps).
inline std::string xe_dotted_version(std::string_view v) {
  std::string dotted;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '0' && (i == 0 || v[i - 1] == '.') && i + 1 < v.size() && v[i + 1] != '.') continue;
    dotted += v[i];
  }
  return dotted;
}

// The OS version as the store holds it (device_snapshots.os_version).
inline std::string stored_os_version(const Device& d) {
  const bool xe = d.vendor == Vendor::Cisco && !d.model.starts_with("WS-C2960X");
  return xe ? xe_dotted_version(d.os_version) : d.os_version;
}

// The spanning-tree root of a VLAN: the site core unless it moved (Device::stp_roots).
inline const std::string& stp_root(const Device& d, int vlan) {
  const auto it = d.stp_roots.find(vlan);
  return it == d.stp_roots.end() ? d.core_mac : it->second;
}

inline int stp_cost(int speed_mbps) {
  return speed_mbps >= 20000 ? 1 : speed_mbps >= 10000 ? 2 : speed_mbps >= 1000 ? 4 : 19;
}

inline std::uint32_t fnv(std::string_view s, std::uint32_t salt = 0) {
  std::uint32_t h = 2166136261u ^ salt;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

// A part serial such as "FOC2231X0AB", stable for (device, part).
inline std::string part_serial(const Device& d, std::string_view prefix, std::string_view part) {
  const std::uint32_t h = fnv(part, fnv(d.serial));
  static constexpr std::string_view kAlnum = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  return fmt::format("{}{:04}{}{}{}{}", prefix, 2100 + h % 500, static_cast<char>('A' + (h >> 9) % 26),
                     kAlnum[(h >> 14) % kAlnum.size()], kAlnum[(h >> 19) % kAlnum.size()],
                     kAlnum[(h >> 24) % kAlnum.size()]);
}

// The serial of the SFP in an uplink port; a swapped optic (optic_revision) has another one.
inline std::string optic_serial(const Device& d, const Port& p) {
  return part_serial(d, "AVD", p.optic_revision == 0 ? p.name : fmt::format("{}#{}", p.name, p.optic_revision));
}

// The MAC address a port's neighbor sees as its own: base MAC + port index + 1.
inline std::string offset_mac(std::string_view base, std::size_t offset) {
  const auto tail = std::stoul(std::string(base.substr(10, 4)), nullptr, 16);
  return fmt::format("{}{:04x}", base.substr(0, 10), (tail + offset) & 0xffff);
}

}  // namespace st::generate
