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
    Spelling{"ter[[minal]] len[[gth]] 0", "terminal length 0"},
    Spelling{"skip[[-page-display]]", "skip-page-display"},
};

struct SpellingToken {
  std::string_view required;  // must be typed
  std::string_view optional;  // may follow, as a prefix
  bool argument = false;      // "<arg>": any word
};

std::vector<SpellingToken> tokens_of(std::string_view pattern) {
  std::vector<SpellingToken> out;
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    std::size_t end = pattern.find(' ', pos);
    if (end == std::string_view::npos) end = pattern.size();
    std::string_view word = pattern.substr(pos, end - pos);
    SpellingToken t{word, {}};
    if (word == "<arg>") t.argument = true;
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
  if (t.argument) return true;
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
    auto arg = std::find_if(tokens.begin(), tokens.end(), [](const SpellingToken& t) { return t.argument; });
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
