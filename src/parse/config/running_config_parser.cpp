#include "parse/config/running_config_parser.h"

#include <map>

#include "parse/config/config_stanzas.h"
#include "parse/interface_name.h"
#include "parse/line_cursor.h"
#include "parse/port_ranges.h"

namespace st::parse::config {
namespace {

std::string_view after(std::string_view line, std::string_view prefix) { return trim(line.substr(prefix.size())); }

// Interface-level lines that configure 802.1X, MAB or the session manager, on any vendor.
bool is_auth_command(std::string_view line) {
  for (std::string_view p : {"authentication", "access-session", "dot1x", "mab", "mac-authentication",
                             "service-policy type control subscriber", "no authentication", "no dot1x", "no mab"}) {
    if (starts_with_word(line, p)) return true;
  }
  return false;
}

// Top-level lines that switch AAA / 802.1X / MAB on for the whole device.
bool is_auth_global(std::string_view line) {
  for (std::string_view p : {"aaa", "dot1x", "authentication", "access-session", "mac-authentication", "radius-server",
                             "radius server", "dot1x-enable", "ip device tracking"}) {
    if (starts_with_word(line, p)) return true;
  }
  return false;
}

// One interface's settings while its stanza (and, on FastIron, VLAN and auth blocks) is read.
struct PortConfig {
  std::string name_raw;
  ByteRange source;
  std::optional<std::string> description, mode, access_vlan, voice_vlan, native_vlan, allowed_vlans, shutdown;
  std::vector<std::string> auth;
  std::string stanza;
  bool tagged = false;  // FastIron: tagged in some VLAN
};

class ConfigReader {
 public:
  explicit ConfigReader(const SectionInput& input) : input_(input), fastiron_(input.platform == "ruckus_fastiron") {}

  ParseResult read() {
    ParseResult out;
    ConfigFacts facts;
    facts.source = ByteRange{0, input_.output.size()};
    for (const Stanza& s : split_stanzas(input_.output)) {
      const std::string_view head = s.head.text;
      if (starts_with_word(head, "interface")) {
        interface_stanza(s);
      } else if (starts_with_word(head, "hostname")) {
        facts.hostname = unquote(after(head, "hostname"));
      } else if (starts_with_word(head, "snmp-server location")) {
        facts.location = std::string(after(head, "snmp-server location"));
      } else if (fastiron_ && starts_with_word(head, "vlan")) {
        fastiron_vlan(s);
      } else if (fastiron_ && (starts_with_word(head, "authentication") || starts_with_word(head, "dot1x-enable"))) {
        facts.auth_globals.emplace_back(head);
        fastiron_auth_block(s, facts);
      } else if (is_auth_global(head)) {
        facts.auth_globals.emplace_back(head);
      }
    }
    for (const auto& name : order_) {
      PortConfig& port = ports_.at(name);
      if (fastiron_ && !port.mode) port.mode = port.tagged ? "trunk" : (port.access_vlan ? "access" : std::optional<std::string>{});
      out.objects.push_back(object_of(port));
    }
    // The whole configuration lists every interface it configures.
    out.complete_kinds.push_back(model::object_kind_by_name("interface_config"));
    if (facts.hostname || facts.location || !facts.auth_globals.empty() || !out.objects.empty()) out.config = std::move(facts);
    return out;
  }

 private:
  static std::string unquote(std::string_view s) {
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return std::string(s);
  }

  PortConfig& port(std::string_view printed, ByteRange source) {
    const std::string name = canonical_interface_name(printed);
    auto [it, inserted] = ports_.try_emplace(name);
    if (inserted) {
      it->second.name_raw = std::string(printed);
      it->second.source = source;
      order_.push_back(name);
    }
    return it->second;
  }

  void interface_stanza(const Stanza& s) {
    std::string_view name = after(s.head.text, "interface");
    PortConfig& p = port(name, s.range);
    p.source = s.range;
    p.stanza = std::string(input_.output.substr(s.range.offset, s.range.length));
    for (const auto& child : s.children) {
      const std::string_view line = child.text;
      if (starts_with_word(line, "description")) p.description = std::string(after(line, "description"));
      else if (starts_with_word(line, "port-name")) p.description = std::string(after(line, "port-name"));
      else if (starts_with_word(line, "switchport mode")) p.mode = std::string(after(line, "switchport mode"));
      else if (starts_with_word(line, "switchport access vlan")) p.access_vlan = std::string(after(line, "switchport access vlan"));
      else if (starts_with_word(line, "switchport voice vlan")) p.voice_vlan = std::string(after(line, "switchport voice vlan"));
      else if (starts_with_word(line, "voice-vlan")) p.voice_vlan = std::string(after(line, "voice-vlan"));
      else if (starts_with_word(line, "switchport trunk native vlan")) p.native_vlan = std::string(after(line, "switchport trunk native vlan"));
      else if (starts_with_word(line, "dual-mode")) p.native_vlan = std::string(after(line, "dual-mode"));
      else if (starts_with_word(line, "switchport trunk allowed vlan")) {
        std::string_view vlans = after(line, "switchport trunk allowed vlan");
        if (starts_with_word(vlans, "add") && p.allowed_vlans) *p.allowed_vlans += "," + std::string(after(vlans, "add"));
        else p.allowed_vlans = std::string(vlans);
      } else if (line == "shutdown" || (fastiron_ && line == "disable")) p.shutdown = "yes";
      else if (line == "no shutdown" || (fastiron_ && line == "enable")) p.shutdown.reset();
      else if (is_auth_command(line)) p.auth.emplace_back(line);
    }
  }

  // "vlan 10 name Staff by port" with "untagged ethe 1/1/1 to 1/1/24" / "tagged ethe 1/2/1".
  void fastiron_vlan(const Stanza& s) {
    std::vector<Token> words;
    tokenize(s.head.text, words);
    if (words.size() < 2 || !all_digits(words[1].text)) return;
    const std::string vlan(words[1].text);
    for (const auto& child : s.children) {
      const bool untagged = starts_with_word(child.text, "untagged");
      const bool tagged = starts_with_word(child.text, "tagged");
      if (!untagged && !tagged) continue;
      for (const auto& name : expand_port_ranges(child.text.substr(untagged ? 8 : 6))) {
        PortConfig& p = port(name, child.at);
        if (untagged) p.access_vlan = vlan;
        else p.tagged = true;
      }
    }
  }

  // FastIron's `authentication` block applies commands to port ranges:
  // "dot1x port-control auto ethe 1/1/1 to 1/1/24", "mac-authentication enable ethe 1/1/1 to 1/1/24".
  void fastiron_auth_block(const Stanza& s, ConfigFacts& facts) {
    for (const auto& child : s.children) {
      const std::string_view line = child.text;
      const std::size_t ports_at = line.find(" eth");
      if (ports_at == std::string_view::npos) {
        facts.auth_globals.emplace_back(line);
        continue;
      }
      std::string command(trim(line.substr(0, ports_at)));
      // Inside `dot1x-enable`, "enable ethe ..." means "dot1x enable" on those ports.
      if (starts_with_word(s.head.text, "dot1x-enable") && !starts_with_word(command, "dot1x")) command = "dot1x " + command;
      for (const auto& name : expand_port_ranges(line.substr(ports_at))) port(name, child.at).auth.push_back(command);
    }
  }

  parse::ObjectRecord object_of(PortConfig& p) const {
    static const model::ObjectKind* kind = model::object_kind_by_name("interface_config");
    parse::ObjectRecord o;
    o.kind = kind;
    o.values.resize(kind->columns.size());
    auto set = [&](std::string_view column, std::optional<std::string> value) {
      o.values[*kind->column_index(column)] = std::move(value);
    };
    set("interface", canonical_interface_name(p.name_raw));
    set("description", p.description);
    set("mode", p.mode);
    set("access_vlan", p.access_vlan);
    set("voice_vlan", p.voice_vlan);
    set("native_vlan", p.native_vlan);
    set("allowed_vlans", p.allowed_vlans);
    set("shutdown", p.shutdown);
    std::string auth;
    for (const auto& a : p.auth) auth += (auth.empty() ? "" : "\n") + a;
    set("auth_commands", auth.empty() ? std::nullopt : std::optional<std::string>(auth));
    set("stanza", p.stanza.empty() ? std::nullopt : std::optional<std::string>(p.stanza));
    o.source = p.source;
    return o;
  }

  const SectionInput& input_;
  const bool fastiron_;
  std::map<std::string, PortConfig> ports_;
  std::vector<std::string> order_;
};

}  // namespace

Result<ParseResult> parse_running_config(const SectionInput& input) { return ConfigReader(input).read(); }

void register_builtins(ParserRegistry& registry) {
  static constexpr BuiltinParser kCisco[] = {
      {"builtin:cisco_ios/show_running-config", "show running-config", &parse_running_config},
  };
  static constexpr BuiltinParser kArista[] = {
      {"builtin:arista_eos/show_running-config", "show running-config", &parse_running_config},
  };
  static constexpr BuiltinParser kFastIron[] = {
      {"builtin:ruckus_fastiron/show_running-config", "show running-config", &parse_running_config},
      {"builtin:ruckus_fastiron/show_configuration", "show configuration", &parse_running_config},
  };
  registry.add_builtins("cisco_ios", kCisco);
  registry.add_builtins("arista_eos", kArista);
  registry.add_builtins("ruckus_fastiron", kFastIron);
}

}  // namespace st::parse::config
