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

namespace {

constexpr bool is_word_end(std::string_view s, std::size_t i) {
  return i >= s.size() || !(is_alnum(s[i]) || s[i] == '_');
}

// "17", "1:24", "1/3", "2/0/11": digits, then digits after '/' or ':' (a trailing separator is
// not part of it), at most three digits in a row. Empty when `s` does not start so or the
// number runs into letters ("43abc").
std::string_view port_number_at(std::string_view s, std::size_t i) {
  std::size_t e = i;
  while (e < s.size() && (is_digit(s[e]) || ((s[e] == '/' || s[e] == ':') && e + 1 < s.size() && is_digit(s[e + 1])))) {
    ++e;
  }
  if (e == i || (e < s.size() && (is_alpha(s[e]) || s[e] == '_'))) return {};
  // Switch ports have short numbers; "port 56871" is a TCP port, "05/16/2015" a date.
  std::size_t run = 0;
  for (std::size_t k = i; k < e; ++k) {
    run = is_digit(s[k]) ? run + 1 : 0;
    if (run > 3) return {};
  }
  return s.substr(i, e - i);
}

// A short port name as web-managed and small-business switches print it alone after their
// header: "gi37", "gi0/3", "g5", "e0/1", "ch2", "1:24" (letters, then a port number).
std::string_view bare_port_token(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_alpha(s[i])) ++i;
  if (i > 3) return {};
  const std::string_view number = port_number_at(s, i);
  if (number.empty()) return {};
  const std::size_t e = i + number.size();
  if (e < s.size() && s[e] != ' ' && s[e] != ',' && s[e] != '.' && s[e] != ';') return {};
  return s.substr(0, e);
}

// The port a message names in another vendor's words, when no interface type does:
// "Port 17 link down", "port: 13", "Unit 1, Port 25", "on interface Virtual-PPP2",
// "%LINK-W-Down:  gi37" (the message is the port), "Data: 1/3: link DOWN", "Interface 9437190
// is Down" (an SNMP ifIndex), "interface,info ether3-TRANSIT link up" (MikroTik).
std::optional<std::string> port_in_message(std::string_view message) {
  const std::string_view m = trim(message);
  // The message is the port ("gi37", "ch2"), or starts with a slotted one ("e0/1 LinkUp."):
  // "SSH2 Session request" is no port.
  if (auto token = bare_port_token(m);
      !token.empty() && (token.size() == m.size() || token.find_first_of("/:") != std::string_view::npos)) {
    return std::string(token);
  }
  // MikroTik: "interface,info ether3-TRANSIT link up" (topics, then the interface).
  if (m.starts_with("interface,")) {
    const std::size_t b = m.find(' ');
    const std::size_t e = b == std::string_view::npos ? b : m.find(' ', b + 1);
    if (b != std::string_view::npos && e != std::string_view::npos && e > b + 1) return std::string(m.substr(b + 1, e - b - 1));
  }
  const std::size_t n = m.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (is_alnum(m[i - 1]) || m[i - 1] == '-' || m[i - 1] == '_')) continue;
    if (i + 4 < n && iequals(m.substr(i, 4), "port") && !is_alpha(m[i + 4])) {
      std::size_t j = i + 4;
      if (j < n && m[j] == ':') ++j;
      while (j < n && m[j] == ' ') ++j;
      if (j > i + 4) {
        if (auto number = port_number_at(m, j); !number.empty()) return std::string(number);
        if (auto token = bare_port_token(m.substr(j)); !token.empty()) return canonical_interface_name(token);
      }
    }
    if (i + 10 < n && iequals(m.substr(i, 9), "interface") && m[i + 9] == ' ') {
      std::size_t j = i + 10;
      while (j < n && m[j] == ' ') ++j;
      std::size_t e = j;
      while (e < n && (is_alnum(m[e]) || m[e] == '-' || m[e] == '/' || m[e] == '.' || m[e] == ':' || m[e] == '_')) ++e;
      std::string_view token = m.substr(j, e - j);
      while (!token.empty() && (token.back() == '.' || token.back() == ':')) token.remove_suffix(1);
      const bool has_digit = token.find_first_of("0123456789") != std::string_view::npos;
      if (has_digit && is_alpha(token.front())) return canonical_interface_name(token);
      // An SNMP trap's ifIndex ("Interface 9437190 is Down"): the only name it gives.
      if (m[i] == 'I' && !token.empty() && token.size() <= 10 && all_digits(token) && e < n && m[e] == ' ') {
        return std::string(token);
      }
    }
    if (is_digit(m[i]) && (i == 0 || m[i - 1] == ' ' || m[i - 1] == ':')) {
      const std::string_view number = port_number_at(m, i);
      const bool slotted = number.find('/') != std::string_view::npos;
      if (slotted && number.size() <= 8 && is_word_end(m, i + number.size())) return std::string(number);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> interface_in_message(std::string_view message) {
  if (auto name = typed_interface_in_message(message)) return name;
  return port_in_message(message);
}

std::optional<std::string> typed_interface_in_message(std::string_view message) {
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
