#include "diff/diff_kind.h"

#include <algorithm>

namespace st::diff {
namespace {

std::vector<DiffKind> build() {
  std::vector<DiffKind> kinds;
  // Device facts (device_snapshots): the device's own row in every run it was captured.
  DiffKind device{"device", "device_snapshots", {}, false};
  for (const char* f : {"vendor", "platform", "model", "os_version", "serial"}) device.fields.push_back({f});
  device.fields.push_back({"uptime", true});
  for (const char* f : {"reload_reason", "location", "zone", "building", "floor", "room", "row", "rack"}) {
    device.fields.push_back({f});
  }
  kinds.push_back(std::move(device));

  DiffKind interface{"interface", "interfaces", {}, false};
  for (const char* f : {"status", "vlan", "duplex", "speed", "type", "description", "mode", "access_vlan",
                        "voice_vlan", "port_type", "auth_template", "auth_state", "auth_method", "compliance",
                        "compliance_template"}) {
    interface.fields.push_back({f});
  }
  interface.fields.push_back({"missing_auth_commands", false, '\n'});
  interface.fields.push_back({"learned_macs", false, ' '});
  kinds.push_back(std::move(interface));

  for (const auto& k : model::object_kinds()) {
    DiffKind kind{std::string(k.name), std::string(k.table), {}, false};
    for (const auto& c : k.columns) {
      const bool list = c.type == model::ColumnType::List || c.type == model::ColumnType::InterfaceList;
      kind.fields.push_back({std::string(c.name), c.is_volatile, list ? ' ' : '\0'});
    }
    kinds.push_back(std::move(kind));
  }
  kinds.push_back(DiffKind{"record", "records", {}, true});
  return kinds;
}

struct Alias {
  std::string_view word;
  std::string_view kind;
};
constexpr Alias kAliases[] = {{"auth", "auth_session"}, {"stp", "stp_port"}, {"config", "interface_config"},
                              {"records", "record"}};

}  // namespace

std::span<const DiffKind> diff_kinds() {
  static const std::vector<DiffKind> kinds = build();
  return kinds;
}

bool is_volatile_record_field(std::string_view name) {
  if (name.starts_with("uptime")) return true;
  for (const auto& k : model::object_kinds()) {
    for (const auto& c : k.columns) {
      if (c.is_volatile && c.name == name) return true;
    }
  }
  return false;
}

const DiffKind* diff_kind_by_name(std::string_view name) {
  for (const auto& k : diff_kinds()) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

std::vector<const DiffKind*> diff_kinds_for(std::string_view word) {
  if (const auto* k = diff_kind_by_name(word)) return {k};
  if (const auto* o = model::object_kind_by_listing(word)) return {diff_kind_by_name(o->name)};
  for (const auto& a : kAliases) {
    if (a.word == word) return {diff_kind_by_name(a.kind)};
  }
  if (word == "interfaces") return {diff_kind_by_name("interface")};
  if (word == "devices") return {diff_kind_by_name("device")};
  return {};
}

std::vector<std::string> diff_kind_words() {
  std::vector<std::string> words;
  for (const auto& k : diff_kinds()) words.push_back(k.name);
  for (const auto& a : kAliases) words.emplace_back(a.word);
  for (const auto& o : model::object_kinds()) {
    if (std::find(words.begin(), words.end(), o.listing) == words.end()) words.emplace_back(o.listing);
  }
  return words;
}

}  // namespace st::diff
