#include "parse/interface_name.h"

#include <array>

#include "parse/line_cursor.h"

namespace st::parse {

namespace {

// A long interface type name and its canonical abbreviation. A printed prefix names the
// type when it is a case-insensitive prefix of `full` at least as long as `short_name`
// ("Gi", "Gig", "GigabitEthernet" -> Gi). Order matters where short forms nest: "Twe"
// (TwentyFiveGigE) is tried before "Tw" (TwoGigabitEthernet).
struct InterfaceType {
  std::string_view full;
  std::string_view short_name;
};

constexpr std::array<InterfaceType, 26> kTypes = {{
    {"GigabitEthernet", "Gi"},
    {"TenGigabitEthernet", "Te"},
    {"TenGigE", "Te"},
    {"FastEthernet", "Fa"},
    {"TwentyFiveGigE", "Twe"},
    {"TwentyFiveGigabitEthernet", "Twe"},
    {"TwoGigabitEthernet", "Tw"},
    {"FiveGigabitEthernet", "Fi"},
    {"FortyGigabitEthernet", "Fo"},
    {"FortyGigE", "Fo"},
    {"FiftyGigE", "Fif"},
    {"HundredGigE", "Hu"},
    {"HundredGigabitEthernet", "Hu"},
    {"AppGigabitEthernet", "Ap"},
    {"Ethernet", "Et"},
    {"Port-channel", "Po"},
    {"Vlan", "Vl"},
    {"Loopback", "Lo"},
    {"Tunnel", "Tu"},
    {"Management", "Ma"},
    {"Serial", "Se"},
    {"Dialer", "Di"},
    {"Virtual-Access", "Vi"},
    {"Virtual-Template", "Vt"},
    {"Multilink", "Mu"},
    {"BDI", "BD"},
}};

const InterfaceType* match_type(std::string_view prefix) {
  if (prefix.size() < 2) return nullptr;
  for (const auto& type : kTypes) {
    if (prefix.size() < type.short_name.size() || prefix.size() > type.full.size()) continue;
    if (iequals(prefix, type.full.substr(0, prefix.size()))) return &type;
  }
  return nullptr;
}

constexpr bool is_number_char(char c) { return is_digit(c) || c == '/' || c == '.' || c == ':'; }

// "1/0/5", "0/0.100", "6": digits first, then digits and separators only.
bool is_interface_number(std::string_view s) {
  if (s.empty() || !is_digit(s.front())) return false;
  for (char c : s) {
    if (!is_number_char(c)) return false;
  }
  return true;
}

constexpr bool is_prefix_char(char c) { return is_alpha(c) || c == '-'; }

// Junos names, kept as printed: "ge-0/0/17.0", "xe-1/0/2", "et-0/0/25:3", "ae5". They reach
// Cisco-layout buffers through syslog relays.
bool is_junos_prefix(std::string_view prefix) {
  return prefix == "ge-" || prefix == "xe-" || prefix == "et-" || prefix == "fe-" || prefix == "ae";
}

bool is_brocade_ethernet(std::string_view prefix) {
  return iequals(prefix, "e") || iequals(prefix, "eth") || iequals(prefix, "ethe") ||
         iequals(prefix, "ethernet");
}

}  // namespace

std::string canonical_interface_name(std::string_view raw) {
  const std::string_view text = trim(raw);
  if (text.empty()) return std::string(raw);
  // Brocade/FastIron "1/1/1" is already canonical.
  if (is_interface_number(text)) return std::string(text);

  std::size_t i = 0;
  while (i < text.size() && is_prefix_char(text[i])) ++i;
  const std::string_view prefix = text.substr(0, i);
  std::size_t j = i;
  while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
  const std::string_view number = text.substr(j);
  if (prefix.empty() || !is_interface_number(number)) return std::string(raw);

  // Brocade prints "ethe 1/1/1" / "ethernet 1/1/1" for its "1/1/1" ports.
  if (j > i && is_brocade_ethernet(prefix)) return std::string(number);

  const InterfaceType* type = match_type(prefix);
  if (!type) return std::string(raw);
  std::string out;
  out.reserve(type->short_name.size() + number.size());
  out.append(type->short_name);
  out.append(number);
  return out;
}

std::optional<std::string> interface_in_message(std::string_view message) {
  const std::size_t n = message.size();
  std::size_t i = 0;
  while (i < n) {
    // Candidate words start at a letter not preceded by a letter, digit, '-' or '_'.
    if (!is_alpha(message[i]) ||
        (i > 0 && (is_alnum(message[i - 1]) || message[i - 1] == '-' || message[i - 1] == '_'))) {
      ++i;
      continue;
    }
    std::size_t p = i;
    while (p < n && is_prefix_char(message[p])) ++p;
    const std::string_view prefix = message.substr(i, p - i);
    // "GigabitEthernet 0/22", "Gi 0/19", "ethernet 1/1/36": one blank before a slotted number.
    const bool spaced = p + 1 < n && message[p] == ' ' && is_digit(message[p + 1]);
    const std::size_t digits = spaced ? p + 1 : p;
    if (digits < n && is_digit(message[digits])) {
      std::size_t e = digits;
      while (e < n && is_number_char(message[e])) ++e;
      // The number must end the word ("Gi1/0/3," yes; "Gi1/0/3abc", "FI800-16mkr" no).
      const bool word_ends =
          e == n || !(is_alpha(message[e]) || message[e] == '_' || message[e] == '-');
      std::string_view number = message.substr(digits, e - digits);
      while (!number.empty() &&
             (number.back() == '.' || number.back() == ':' || number.back() == '/')) {
        number.remove_suffix(1);
      }
      // "VLAN0010" in spanning-tree messages names a VLAN, not the SVI.
      const bool stp_vlan = prefix == "VLAN";
      const bool spaced_ok = !spaced || number.find('/') != std::string_view::npos;
      if (word_ends && !stp_vlan && spaced_ok) {
        if (spaced && is_brocade_ethernet(prefix)) return std::string(number);
        if (!spaced && is_junos_prefix(prefix)) return std::string(message.substr(i, digits - i)).append(number);
        if (const InterfaceType* type = match_type(prefix)) {
          std::string out(type->short_name);
          out.append(number);
          return out;
        }
      }
      i = e;
      continue;
    }
    i = p;
  }
  return std::nullopt;
}

}  // namespace st::parse
