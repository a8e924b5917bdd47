#include "parse/command_catalog.h"

#include <algorithm>
#include <array>
#include <vector>

#include "parse/line_cursor.h"

namespace st::parse {
namespace {

// Spellings in ntc-templates' index syntax: "int[[erfaces]]" accepts "int" up to
// "interfaces" (and so the singular "interface"). Several spellings may share a canonical.
// "<arg>" accepts any one word (a port, a VLAN): such a spelling narrows the command to part of
// its table, so the typed words from the keyword before the argument on are kept as its scope.
// "<interface>", "<vlan>" and "<mac>" accept only a word of that shape and stay in the canonical
// ("show power inline <interface>"): a command about one object, as runbooks name them.
struct Spelling {
  std::string_view pattern;
  std::string_view canonical;
};

constexpr std::array kSpellings{
    Spelling{"sh[[ow]] ver[[sion]]", "show version"},
    Spelling{"sh[[ow]] int[[erfaces]] stat[[us]]", "show interfaces status"},
    Spelling{"sh[[ow]] int[[erfaces]] stat[[us]] err[[-disabled]]", "show interfaces status err-disabled"},
    Spelling{"sh[[ow]] int[[erfaces]]", "show interfaces"},
    Spelling{"sh[[ow]] int[[erfaces]] trans[[ceiver]]", "show interfaces transceiver"},
    Spelling{"sh[[ow]] int[[erfaces]] des[[cription]]", "show interfaces description"},
    Spelling{"sh[[ow]] int[[erfaces]] br[[ief]]", "show interfaces brief"},
    Spelling{"sh[[ow]] log[[ging]]", "show logging"},
    Spelling{"sh[[ow]] clo[[ck]]", "show clock"},
    Spelling{"sh[[ow]] vl[[an]]", "show vlan"},
    Spelling{"sh[[ow]] vl[[an]] br[[ief]]", "show vlan brief"},
    Spelling{"sh[[ow]] run[[ning-config]]", "show running-config"},
    Spelling{"sh[[ow]] star[[tup-config]]", "show startup-config"},
    Spelling{"sh[[ow]] span[[ning-tree]]", "show spanning-tree"},
    Spelling{"sh[[ow]] 802-1w", "show 802-1w"},  // FastIron RSTP, apart from `show span` (802.1D)
    Spelling{"sh[[ow]] 802-1w vl[[an]] <arg>", "show 802-1w"},
    Spelling{"sh[[ow]] pow[[er]] in[[line]]", "show power inline"},
    Spelling{"sh[[ow]] auth[[entication]] sess[[ions]]", "show authentication sessions"},
    Spelling{"sh[[ow]] auth[[entication]] sess[[ions]] all", "show authentication sessions"},  // FastIron
    Spelling{"sh[[ow]] auth[[entication]] sess[[ions]] eth[[ernet]] <arg>", "show authentication sessions"},
    Spelling{"sh[[ow]] auth[[entication]] sess[[ions]] unit <arg>", "show authentication sessions"},
    Spelling{"sh[[ow]] acc[[ess-session]]", "show access-session"},
    Spelling{"sh[[ow]] auth[[entication]] sess[[ions]] det[[ails]]", "show authentication sessions details"},
    Spelling{"sh[[ow]] acc[[ess-session]] det[[ails]]", "show access-session details"},
    Spelling{"sh[[ow]] auth[[entication]] sess[[ions]] met[[hod]] dot1x det[[ails]]",
             "show authentication sessions method dot1x details"},
    Spelling{"sh[[ow]] auth[[entication]] sess[[ions]] met[[hod]] mab det[[ails]]",
             "show authentication sessions method mab details"},
    Spelling{"sh[[ow]] acc[[ess-session]] met[[hod]] dot1x det[[ails]]", "show access-session method dot1x details"},
    Spelling{"sh[[ow]] acc[[ess-session]] met[[hod]] mab det[[ails]]", "show access-session method mab details"},
    Spelling{"sh[[ow]] dot1x all", "show dot1x all"},
    Spelling{"sh[[ow]] cdp nei[[ghbors]]", "show cdp neighbors"},
    Spelling{"sh[[ow]] cdp nei[[ghbors]] det[[ail]]", "show cdp neighbors detail"},
    Spelling{"sh[[ow]] lldp nei[[ghbors]]", "show lldp neighbors"},
    Spelling{"sh[[ow]] lldp nei[[ghbors]] det[[ail]]", "show lldp neighbors detail"},
    Spelling{"sh[[ow]] mac ad[[dress-table]]", "show mac address-table"},
    Spelling{"sh[[ow]] mac-addr[[ess-table]]", "show mac address-table"},
    Spelling{"sh[[ow]] inv[[entory]]", "show inventory"},
    Spelling{"sh[[ow]] env[[ironment]]", "show environment"},
    Spelling{"sh[[ow]] env[[ironment]] all", "show environment all"},
    Spelling{"sh[[ow]] env[[ironment]] pow[[er]]", "show environment power"},
    Spelling{"sh[[ow]] env[[ironment]] pow[[er]] all", "show environment power"},
    Spelling{"sh[[ow]] ip int[[erface]] br[[ief]]", "show ip interface brief"},
    Spelling{"sh[[ow]] swi[[tch]]", "show switch"},
    Spelling{"sh[[ow]] swi[[tch]] det[[ail]]", "show switch detail"},
    Spelling{"sh[[ow]] etherch[[annel]] summ[[ary]]", "show etherchannel summary"},
    Spelling{"sh[[ow]] dot1x", "show dot1x"},
    Spelling{"sh[[ow]] dot1x host[[s]]", "show dot1x"},
    Spelling{"sh[[ow]] dot1x sess[[ions]] all", "show dot1x sessions all"},
    Spelling{"sh[[ow]] dot1x mac-sess[[ions]]", "show dot1x mac-sessions"},
    Spelling{"sh[[ow]] mac-auth[[entication]] sess[[ions]] all", "show mac-authentication sessions all"},
    Spelling{"sh[[ow]] auth-mac-addr[[esses]]", "show auth-mac-addresses"},
    Spelling{"sh[[ow]] stack", "show stack"},
    Spelling{"sh[[ow]] med[[ia]]", "show media"},
    Spelling{"sh[[ow]] chas[[sis]]", "show chassis"},
    Spelling{"sh[[ow]] conf[[iguration]]", "show configuration"},
    Spelling{"sh[[ow]] inl[[ine]] pow[[er]]", "show power inline"},  // FastIron's word order
    // Commands with an argument, as runbooks name them next (runbooks/*.md). The canonical
    // keeps the argument's kind (`<interface>`, `<vlan>`, `<mac>`), so every port shares one.
    Spelling{"sh[[ow]] int[[erfaces]] <interface>", "show interfaces <interface>"},
    Spelling{"sh[[ow]] int[[erfaces]] e[[thernet]] <interface>", "show interfaces <interface>"},  // FastIron
    Spelling{"sh[[ow]] int[[erfaces]] <interface> trans[[ceiver]]", "show interfaces <interface> transceiver"},
    Spelling{"sh[[ow]] int[[erfaces]] <interface> trans[[ceiver]] det[[ail]]",
             "show interfaces <interface> transceiver detail"},
    Spelling{"sh[[ow]] int[[erfaces]] trans[[ceiver]] det[[ail]]", "show interfaces transceiver detail"},
    Spelling{"sh[[ow]] int[[erfaces]] stat[[us]] errd[[isabled]]", "show interfaces status err-disabled"},  // EOS
    Spelling{"sh[[ow]] int[[erfaces]] coun[[ters]] err[[ors]]", "show interfaces counters errors"},
    Spelling{"sh[[ow]] int[[erfaces]] tru[[nk]]", "show interfaces trunk"},
    Spelling{"sh[[ow]] run[[ning-config]] int[[erface]] <interface>", "show running-config interface <interface>"},
    Spelling{"sh[[ow]] run[[ning-config]] int[[erface]] e[[thernet]] <interface>",
             "show running-config interface <interface>"},  // FastIron
    Spelling{"sh[[ow]] derived[[-config]] int[[erface]] <interface>", "show derived-config interface <interface>"},
    Spelling{"sh[[ow]] arch[[ive]] log conf[[ig]] all", "show archive log config all"},
    Spelling{"sh[[ow]] acc[[ess-session]] int[[erface]] <interface> det[[ails]]",
             "show access-session interface <interface> details"},
    Spelling{"sh[[ow]] auth[[entication]] sess[[ions]] int[[erface]] <interface> det[[ails]]",
             "show authentication sessions interface <interface> details"},
    Spelling{"sh[[ow]] dot1x int[[erface]] <interface>", "show dot1x interface <interface>"},  // EOS
    Spelling{"sh[[ow]] dot1x sess[[ions]] e[[thernet]] <interface>", "show dot1x sessions <interface>"},  // FastIron
    Spelling{"sh[[ow]] mac-auth[[entication]] sess[[ions]] e[[thernet]] <interface>",
             "show mac-authentication sessions <interface>"},  // FastIron
    Spelling{"sh[[ow]] aaa serv[[ers]]", "show aaa servers"},
    Spelling{"sh[[ow]] aaa count[[ers]]", "show aaa counters"},  // EOS
    Spelling{"sh[[ow]] ip arp", "show ip arp"},                  // IOS, EOS
    Spelling{"sh[[ow]] arp", "show arp"},                        // FastIron
    Spelling{"sh[[ow]] users", "show users"},                    // IOS, EOS: who is logged in
    Spelling{"sh[[ow]] who", "show who"},                        // FastIron
    Spelling{"sh[[ow]] login fail[[ures]]", "show login failures"},  // IOS login block
    Spelling{"sh[[ow]] aaa", "show aaa"},  // FastIron: RADIUS servers and their counters
    Spelling{"sh[[ow]] rad[[ius]] server-g[[roup]] all", "show radius server-group all"},
    Spelling{"sh[[ow]] errd[[isable]] rec[[overy]]", "show errdisable recovery"},
    Spelling{"sh[[ow]] errd[[isable]] det[[ect]]", "show errdisable detect"},
    Spelling{"sh[[ow]] errd[[isable]] summ[[ary]]", "show errdisable summary"},  // FastIron
    Spelling{"sh[[ow]] link-error[[-disable]] all", "show link-error-disable all"},  // FastIron flap dampening
    Spelling{"sh[[ow]] span[[ning-tree]] det[[ail]]", "show spanning-tree detail"},
    Spelling{"sh[[ow]] span[[ning-tree]] root", "show spanning-tree root"},
    Spelling{"sh[[ow]] span[[ning-tree]] summ[[ary]]", "show spanning-tree summary"},
    Spelling{"sh[[ow]] span[[ning-tree]] vl[[an]] <vlan>", "show spanning-tree vlan <vlan>"},
    Spelling{"sh[[ow]] pow[[er]] in[[line]] <interface>", "show power inline <interface>"},
    Spelling{"sh[[ow]] pow[[er]] in[[line]] <interface> det[[ail]]", "show power inline <interface> detail"},
    Spelling{"sh[[ow]] inl[[ine]] pow[[er]] <interface>", "show power inline <interface>"},  // FastIron
    Spelling{"sh[[ow]] poe", "show poe"},  // EOS
    Spelling{"sh[[ow]] poe int[[erface]] <interface>", "show poe interface <interface>"},  // EOS
    Spelling{"sh[[ow]] mac ad[[dress-table]] add[[ress]] <mac>", "show mac address-table address <mac>"},
    Spelling{"sh[[ow]] mac ad[[dress-table]] int[[erface]] <interface>", "show mac address-table interface <interface>"},
    Spelling{"sh[[ow]] mac-addr[[ess]] <mac>", "show mac address-table address <mac>"},  // FastIron
    Spelling{"sh[[ow]] mac-addr[[ess]] e[[thernet]] <interface>", "show mac address-table interface <interface>"},
    Spelling{"sh[[ow]] vl[[an]] id <vlan>", "show vlan <vlan>"},
    Spelling{"sh[[ow]] vl[[an]] <vlan>", "show vlan <vlan>"},  // EOS, FastIron
    Spelling{"sh[[ow]] swi[[tch]] stack-p[[orts]] summ[[ary]]", "show switch stack-ports summary"},
    Spelling{"sh[[ow]] stack det[[ail]]", "show stack detail"},
    Spelling{"sh[[ow]] cdp nei[[ghbors]] <interface> det[[ail]]", "show cdp neighbors <interface> detail"},
    Spelling{"sh[[ow]] lldp nei[[ghbors]] <interface> det[[ail]]", "show lldp neighbors <interface> detail"},
    Spelling{"sh[[ow]] stat[[istics]] e[[thernet]] <interface>", "show statistics <interface>"},  // FastIron
    Spelling{"sh[[ow]] med[[ia]] e[[thernet]] <interface>", "show media <interface>"},           // FastIron
    Spelling{"sh[[ow]] opt[[ic]] <interface>", "show optic <interface>"},                          // FastIron
    Spelling{"sh[[ow]] rel[[oad]] cau[[se]]", "show reload cause"},                                 // EOS
    Spelling{"sh[[ow]] port-ch[[annel]] summ[[ary]]", "show port-channel summary"},                 // EOS
    Spelling{"sh[[ow]] lag", "show lag"},                                                           // FastIron
    Spelling{"sh[[ow]] mlag", "show mlag"},                                                         // EOS
    Spelling{"sh[[ow]] mlag det[[ail]]", "show mlag detail"},                                        // EOS
    Spelling{"ter[[minal]] len[[gth]] 0", "terminal length 0"},
    Spelling{"skip[[-page-display]]", "skip-page-display"},
};

// An argument a command takes; the canonical spelling keeps its name ("<interface>").
enum class Argument { None, Any, Interface, Vlan, Mac };  // Any: "<arg>", one word of any shape

struct SpellingToken {
  std::string_view required;  // must be typed
  std::string_view optional;  // may follow, as a prefix
  Argument argument = Argument::None;
};

// An interface as typed after a command: Gi1/0/5, GigabitEthernet1/0/5, Ethernet5, Po1, and
// the bare numbers FastIron and EOS take after `ethernet` (1/1/5, 5). Keywords have no digit.
bool is_interface_argument(std::string_view w) {
  bool digit = false;
  for (char c : w) {
    if (is_digit(c)) digit = true;
    else if (!is_alpha(c) && c != '/' && c != '.' && c != ':' && c != '-') return false;
  }
  return digit && is_alnum(w.front());
}

bool is_vlan_argument(std::string_view w) {
  if (w.empty() || w.size() > 4) return false;
  int n = 0;
  for (char c : w) {
    if (!is_digit(c)) return false;
    n = n * 10 + (c - '0');
  }
  return n >= 1 && n <= 4094;
}

// 0011.2233.4455, 00:11:22:33:44:55 or 00-11-22-33-44-55: twelve hex digits.
bool is_mac_argument(std::string_view w) {
  int hex = 0;
  for (char c : w) {
    const char l = to_lower(c);
    if (is_digit(c) || (l >= 'a' && l <= 'f')) ++hex;
    else if (c != '.' && c != ':' && c != '-') return false;
  }
  return hex == 12;
}

std::vector<SpellingToken> tokens_of(std::string_view pattern) {
  std::vector<SpellingToken> out;
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    std::size_t end = pattern.find(' ', pos);
    if (end == std::string_view::npos) end = pattern.size();
    std::string_view word = pattern.substr(pos, end - pos);
    SpellingToken t{word, {}};
    if (word == "<arg>") t.argument = Argument::Any;
    else if (word == "<interface>") t.argument = Argument::Interface;
    else if (word == "<vlan>") t.argument = Argument::Vlan;
    else if (word == "<mac>") t.argument = Argument::Mac;
    else if (auto open = word.find("[["); open != std::string_view::npos) {
      t.required = word.substr(0, open);
      t.optional = word.substr(open + 2, word.size() - open - 4);
    }
    out.push_back(t);
    pos = end + 1;
  }
  return out;
}

bool token_matches(std::string_view typed, const SpellingToken& t) {
  switch (t.argument) {
    case Argument::Any: return true;
    case Argument::Interface: return is_interface_argument(typed);
    case Argument::Vlan: return is_vlan_argument(typed);
    case Argument::Mac: return is_mac_argument(typed);
    case Argument::None: break;
  }
  if (typed.size() < t.required.size() || typed.size() > t.required.size() + t.optional.size()) return false;
  for (std::size_t i = 0; i < typed.size(); ++i) {
    char expected = i < t.required.size() ? t.required[i] : t.optional[i - t.required.size()];
    if (to_lower(typed[i]) != expected) return false;
  }
  return true;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && is_space(s[pos])) ++pos;
    std::size_t start = pos;
    while (pos < s.size() && !is_space(s[pos])) ++pos;
    if (pos > start) words.push_back(s.substr(start, pos - start));
  }
  return words;
}

}  // namespace

std::optional<CanonicalCommand> canonical_command(std::string_view typed) {
  CanonicalCommand result;
  std::string_view command = trim(typed);
  if (auto bar = command.find('|'); bar != std::string_view::npos) {
    result.filter = std::string(trim(command.substr(bar)));
    command = trim(command.substr(0, bar));
  }
  auto words = split_words(command);
  // `do show ...` from configuration mode runs the same command.
  if (!words.empty() && words.front() == "do") words.erase(words.begin());
  if (words.empty()) return std::nullopt;

  static const auto compiled = [] {
    std::vector<std::pair<std::vector<SpellingToken>, std::string_view>> list;
    for (const auto& s : kSpellings) list.emplace_back(tokens_of(s.pattern), s.canonical);
    return list;
  }();
  for (const auto& [tokens, canonical] : compiled) {
    if (tokens.size() != words.size()) continue;
    bool all = true;
    for (std::size_t i = 0; i < words.size() && all; ++i) all = token_matches(words[i], tokens[i]);
    if (!all) continue;
    result.canonical = std::string(canonical);
    // Only "<arg>" narrows; typed placeholders (<interface>, ...) name their own canonical.
    auto arg = std::find_if(tokens.begin(), tokens.end(), [](const SpellingToken& t) { return t.argument == Argument::Any; });
    if (arg != tokens.end()) {
      // "ethernet 1/1/5": part of the table, like a `| include` filter (which follows it).
      const auto from = static_cast<std::size_t>(arg - tokens.begin()) - 1;
      const char* begin = words[from].data();
      const char* end = words.back().data() + words.back().size();
      std::string scope(begin, static_cast<std::size_t>(end - begin));
      result.filter = result.filter.empty() ? scope : scope + " " + result.filter;
    }
    return result;
  }
  return std::nullopt;
}

}  // namespace st::parse
