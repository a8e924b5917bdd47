#include "generate/change_planner.h"

#include <algorithm>
#include <array>
#include <map>
#include <span>

#include <fmt/format.h>

#include "generate/port_facts.h"
#include "generate/prng.h"

namespace st::generate {
namespace {

// The kinds each class of device can show, in the order the device ordinal cycles through them;
// the full-only ones (PoE, neighbors, inventory, stack) are skipped in lean captures.
constexpr std::array kCiscoAccess = {ItemKind::OsUpgrade,        ItemKind::VlanAdded,        ItemKind::VlanRemoved,
                                     ItemKind::VlanRenamed,      ItemKind::ClientReplaced,   ItemKind::StpRootMoved,
                                     ItemKind::NeighborReplaced, ItemKind::PdUnplugged,      ItemKind::ModuleReplaced,
                                     ItemKind::ConfigLineChanged, ItemKind::PsuFailed};
constexpr std::array kCiscoCore = {ItemKind::VlanAdded, ItemKind::VlanRenamed, ItemKind::ConfigLineChanged,
                                   ItemKind::ModuleReplaced};
constexpr std::array kArista = {ItemKind::OsUpgrade, ItemKind::VlanAdded, ItemKind::VlanRenamed, ItemKind::ClientReplaced,
                                ItemKind::ConfigLineChanged};
constexpr std::array kFastIron = {ItemKind::ConfigLineChanged, ItemKind::VlanRenamed, ItemKind::StackMemberChanged,
                                  ItemKind::VlanAdded,         ItemKind::ClientReplaced, ItemKind::OsUpgrade,
                                  ItemKind::VlanRemoved};

bool full_only(ItemKind k) {
  return k == ItemKind::NeighborReplaced || k == ItemKind::PdUnplugged || k == ItemKind::ModuleReplaced ||
         k == ItemKind::StackMemberChanged || k == ItemKind::PsuFailed;
}

// Device i's position among the fleet's devices of its class (fleet.h: the class follows i % 10).
int class_ordinal(int i) {
  const int r = i % 10;
  if (r == 1 || r == 2 || r == 5) return i / 10;
  int before = 0;
  for (int k = 0; k < r; ++k) before += (k != 1 && k != 2 && k != 5);
  return i / 10 * 7 + before;
}

nlohmann::json stored(std::string_view text) { return text.empty() ? nlohmann::json() : nlohmann::json(text); }

std::string_view pd_model(const Port& p) {
  if (p.description.starts_with("AP-")) return "C9120AXI-B";
  if (p.description.starts_with("Phone")) return "IP Phone 8841";
  return "Ieee PD";
}

class ChangePlanner {
 public:
  ChangePlanner(Device& d, const RunWindow& w, Profile profile, std::uint64_t seed, ChangeRecorder& recorder,
                IncidentPlan& plan)
      : d_(d), w_(w), full_(profile == Profile::Full),
        rng_(mix_seed(seed, static_cast<std::uint64_t>(d.index), static_cast<std::uint64_t>(w.run), 8)),
        recorder_(recorder), plan_(plan) {}

  void run() {
    std::vector<ItemKind> kinds;
    for (ItemKind k : class_kinds()) {
      if (full_ || !full_only(k)) kinds.push_back(k);
    }
    // Two consecutive slots per device: its runs 2 and 3 show the next two kinds of its class.
    const std::size_t first = static_cast<std::size_t>(class_ordinal(d_.index) * 2 + w_.run) % kinds.size();
    for (std::size_t n = 0; n < kinds.size(); ++n) {
      if (inject(kinds[(first + n) % kinds.size()])) break;
    }
  }

  // Another description on `percent` % of the untouched access ports (the benchmark's change rate).
  void change_descriptions(int percent, std::uint64_t seed) {
    Prng rng(mix_seed(seed, static_cast<std::uint64_t>(d_.index), static_cast<std::uint64_t>(w_.run), 9));
    for (int i = 0; i < static_cast<int>(d_.ports.size()); ++i) {
      Port& x = port(i);
      if (!x.access || plan_.touched_ports.contains(i) || !rng.percent(percent)) continue;
      plan_.touched_ports.insert(i);
      const std::string from = x.description;
      x.description = fmt::format("Desk {}", 1000 + rng.below(9000));
      emit(when(rng), LogKind::ConfigChanged, i);
      item(ItemKind::InterfaceChanged, i, {{"field", "description"}, {"from", from}, {"to", x.description}},
           {{"interface:" + x.name, {{"description", stored(from), stored(x.description)}}},
            {"interface_config:" + x.name, {{"description", stored(from), stored(x.description)}}}});
    }
  }

 private:
  std::span<const ItemKind> class_kinds() const {
    switch (d_.vendor) {
      case Vendor::Arista: return kArista;
      case Vendor::FastIron: return kFastIron;
      case Vendor::Cisco: break;
    }
    if (d_.is_core) return kCiscoCore;
    return kCiscoAccess;
  }

  SimTime when(Prng& rng) {
    const std::int64_t lo = w_.start.ms, hi = w_.capture.ms - 12 * kMinute;
    return SimTime{hi > lo ? rng.between(lo, hi) : lo};
  }

  template <class Pred>
  int choose(Pred want) {
    return choose_untouched_port(d_, plan_, rng_, want);
  }

  Port& port(int i) { return d_.ports[static_cast<std::size_t>(i)]; }

  void emit(SimTime t, LogKind kind, int port, int aux = 0) { plan_.events.push_back(LogEvent{t, kind, port, aux, 0}); }

  void item(ItemKind kind, int port, nlohmann::json details, const std::vector<ExpectedObject>& expect,
            std::string object = {}) {
    ManifestItem it;
    it.run = w_.run;
    it.device = d_.hostname;
    it.vendor = std::string(vendor_name(d_.vendor));
    it.kind = kind;
    it.object = port >= 0 ? this->port(port).name : std::move(object);
    it.details = std::move(details);
    plan_.items.push_back(std::move(it));
    recorder_.record(plan_.items.back(), expect);
  }

  bool inject(ItemKind kind) {
    switch (kind) {
      case ItemKind::OsUpgrade: return os_upgrade();
      case ItemKind::VlanAdded: return vlan_added();
      case ItemKind::VlanRemoved: return vlan_removed();
      case ItemKind::VlanRenamed: return vlan_renamed();
      case ItemKind::ClientReplaced: return client_replaced();
      case ItemKind::StpRootMoved: return stp_root_moved();
      case ItemKind::NeighborReplaced: return neighbor_replaced();
      case ItemKind::PdUnplugged: return pd_unplugged();
      case ItemKind::ModuleReplaced: return module_replaced();
      case ItemKind::ConfigLineChanged: return config_line_changed();
      case ItemKind::StackMemberChanged: return stack_member_changed();
      case ItemKind::PsuFailed: return psu_failed();
      default: return false;
    }
  }

  // An upgrade within the device's train; it reloads during the window (uptime restarts).
  bool os_upgrade() {
    static const std::map<std::string, std::string> kNext = {
        {"17.06.05", "17.09.04a"}, {"15.2(7)E4", "15.2(7)E8"}, {"4.28.3M", "4.30.2F"}, {"08.0.95dT213", "08.0.95kT213"}};
    const auto next = kNext.find(d_.os_version);
    if (next == kNext.end() || d_.is_core) return false;
    const std::string from = stored_os_version(d_);
    const std::string from_reason = d_.reload_reason;
    d_.os_version = next->second;
    d_.boot = SimTime{w_.start.ms + 30 * kMinute};
    std::vector<ExpectedField> fields = {{"os_version", from, stored_os_version(d_)}};
    if (d_.vendor == Vendor::Cisco) {
      d_.reload_reason = "Image Install";
      fields.push_back({"reload_reason", from_reason, d_.reload_reason});
    }
    item(ItemKind::OsUpgrade, -1, {{"from", from}, {"to", stored_os_version(d_)}}, {{"device:" + d_.hostname, fields}},
         d_.hostname);
    return true;
  }

  bool vlan_added() {
    static constexpr std::array<std::pair<int, std::string_view>, 3> kCampus = {
        {{50, "CONTRACTORS"}, {60, "LAB"}, {70, "PRINTERS"}}};
    static constexpr std::array<std::pair<int, std::string_view>, 3> kDc = {
        {{140, "TENANT-A"}, {150, "TENANT-B"}, {160, "TENANT-C"}}};
    for (const auto& [id, name] : d_.vendor == Vendor::Arista ? kDc : kCampus) {
      if (std::any_of(d_.vlans.begin(), d_.vlans.end(), [&](const Vlan& v) { return v.id == id; })) continue;
      const auto at = std::find_if(d_.vlans.begin(), d_.vlans.end(), [&](const Vlan& v) { return v.id > id; });
      d_.vlans.insert(at, Vlan{id, std::string(name)});
      item(ItemKind::VlanAdded, -1, {{"vlan", id}, {"name", name}}, {{fmt::format("vlan:{}", id), {}}},
           fmt::format("vlan {}", id));
      return true;
    }
    return false;
  }

  // A VLAN no access port uses any more (not 1, not the management VLAN).
  bool vlan_removed() {
    std::vector<int> unused;
    for (const auto& v : d_.vlans) {
      if (v.id == 1 || v.id == 99) continue;
      if (std::none_of(d_.ports.begin(), d_.ports.end(), [&](const Port& p) { return p.vlan == v.id; })) {
        unused.push_back(v.id);
      }
    }
    if (unused.empty()) return false;
    const int id = unused[rng_.below(unused.size())];
    const auto at = std::find_if(d_.vlans.begin(), d_.vlans.end(), [&](const Vlan& v) { return v.id == id; });
    const std::string name = at->name;
    d_.vlans.erase(at);
    item(ItemKind::VlanRemoved, -1, {{"vlan", id}, {"name", name}}, {{fmt::format("vlan:{}", id), {}}},
         fmt::format("vlan {}", id));
    return true;
  }

  bool vlan_renamed() {
    static const std::map<std::string, std::string> kRename = {
        {"DATA", "USERS"},    {"VOICE", "VOIP"},         {"IOT", "BUILDING-IOT"}, {"GUEST", "VISITORS"},
        {"MGMT", "NET-MGMT"}, {"SERVERS", "SRV-PROD"},   {"STORAGE", "SAN"},      {"VMOTION", "VMOTION-A"},
        {"BACKUP", "BACKUP-NET"}};
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < d_.vlans.size(); ++i) {
      if (d_.vlans[i].id != 1) candidates.push_back(i);
    }
    if (candidates.empty()) return false;
    Vlan& v = d_.vlans[candidates[rng_.below(candidates.size())]];
    const std::string from = v.name;
    const auto it = kRename.find(from);
    v.name = it != kRename.end() ? it->second : from + "-OLD";
    item(ItemKind::VlanRenamed, -1, {{"vlan", v.id}, {"from", from}, {"to", v.name}},
         {{fmt::format("vlan:{}", v.id), {{"name", from, v.name}}}}, fmt::format("vlan {}", v.id));
    return true;
  }

  // Another desk computer (or server) on a port: a new MAC, and on an auth port a new session.
  bool client_replaced() {
    const int p = choose([](const Port& x) {
      return x.access && !x.poe && x.status == PortStatus::Connected && !x.mac.empty() && (x.auth || x.vlan >= 100);
    });
    if (p < 0) return false;
    Port& x = port(p);
    const std::string from = x.mac;
    const std::string old_session = fmt::format("auth_session:{}:{}", x.name, x.mac);
    const bool had_session = recorder_.prints().contains(old_session);  // one the store holds
    x.mac = x.vlan >= 100 ? fmt::format("001c.73{:02x}.{:04x}", rng_.below(256), rng_.below(65536))
                          : client_mac(static_cast<std::uint32_t>(rng_.next()));
    std::vector<ExpectedObject> expect = {{fmt::format("mac:{}:{}:{}", x.vlan, from, x.name), {}},
                                          {fmt::format("mac:{}:{}:{}", x.vlan, x.mac, x.name), {}},
                                          {"interface:" + x.name, {{"learned_macs", from, x.mac}}}};
    if (had_session) {
      expect.push_back({old_session, {}});
      expect.push_back({fmt::format("auth_session:{}:{}", x.name, x.mac), {}});
    }
    emit(when(rng_), LogKind::AuthSuccess, p);
    item(ItemKind::ClientReplaced, p, {{"from", from}, {"to", x.mac}}, expect);
    return true;
  }

  // The root of one VLAN moves off the site core (to its standby): every port of that VLAN's
  // spanning tree sees another root bridge.
  bool stp_root_moved() {
    if (d_.vendor != Vendor::Cisco || d_.is_core) return false;
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < d_.vlans.size(); ++i) {
      const std::string prefix = fmt::format("stp_port:{}:", d_.vlans[i].id);
      const auto at = recorder_.prints().lower_bound(prefix);
      const bool has_tree = at != recorder_.prints().end() && at->first.starts_with(prefix);
      if (d_.vlans[i].id != 1 && !d_.stp_roots.contains(d_.vlans[i].id) && has_tree) candidates.push_back(i);
    }
    if (candidates.empty()) return false;
    const Vlan& v = d_.vlans[candidates[rng_.below(candidates.size())]];
    const std::string root = offset_mac(d_.core_mac, 0x100 + static_cast<std::size_t>(v.id));
    d_.stp_roots[v.id] = root;
    std::vector<ExpectedObject> expect;
    const std::string prefix = fmt::format("stp_port:{}:", v.id);
    // The ports this VLAN's tree had in the previous run (a port that joined it in this run is
    // added, by the change that brought it).
    for (auto at = recorder_.prints().lower_bound(prefix); at != recorder_.prints().end() && at->first.starts_with(prefix);
         ++at) {
      if (recorder_.run_start().contains(at->first)) expect.push_back({at->first, {{"root_bridge", d_.core_mac, root}}});
    }
    const std::size_t uplink = static_cast<std::size_t>(
        std::find_if(d_.ports.begin(), d_.ports.end(), [](const Port& x) { return x.uplink; }) - d_.ports.begin());
    const SimTime t = when(rng_);
    emit(t, LogKind::StpRootChange, static_cast<int>(uplink), v.id);
    emit({t.ms + 12}, LogKind::StpTopologyChange, static_cast<int>(uplink), v.id);
    item(ItemKind::StpRootMoved, -1, {{"vlan", v.id}, {"from", d_.core_mac}, {"to", root}}, expect,
         fmt::format("vlan {}", v.id));
    return true;
  }

  // An access point replaced by a new one: same name and port, another MAC (and address).
  bool neighbor_replaced() {
    if (d_.vendor != Vendor::Cisco || !full_) return false;
    const int p = choose([](const Port& x) { return x.status == PortStatus::Connected && x.description.starts_with("AP-"); });
    if (p < 0) return false;
    Port& x = port(p);
    const std::string from = x.mac;
    x.mac = fmt::format("7c21.e0{:02x}.{:04x}", rng_.below(256), rng_.below(65536));
    const std::string net = d_.mgmt_ip.substr(0, d_.mgmt_ip.rfind('.'));
    auto ip = [&](const std::string& mac) { return fmt::format("{}.{}", net, 100 + fnv(mac) % 150); };
    std::vector<ExpectedObject> expect = {
        {fmt::format("neighbor:cdp:{}:{}", x.name, x.description), {{"mgmt_address", ip(from), ip(x.mac)}}},
        {fmt::format("mac:{}:{}:{}", x.vlan, from, x.name), {}},
        {fmt::format("mac:{}:{}:{}", x.vlan, x.mac, x.name), {}}};
    const SimTime t = when(rng_);
    emit(t, LogKind::PoeDisconnect, p);
    emit({t.ms + 40 * kSecond}, LogKind::PoeDetect, p);
    emit({t.ms + 41 * kSecond}, LogKind::PoeGranted, p);
    item(ItemKind::NeighborReplaced, p, {{"from", from}, {"to", x.mac}}, expect);
    return true;
  }

  // A powered device unplugged: the port goes down and PoE off.
  bool pd_unplugged() {
    if (d_.vendor != Vendor::Cisco || !full_ || !d_.has_poe) return false;
    const int p = choose([](const Port& x) { return x.poe && x.status == PortStatus::Connected && x.name.starts_with("Gi"); });
    if (p < 0) return false;
    Port& x = port(p);
    const std::string model(pd_model(x));
    const std::string cls = x.description.starts_with("AP-") ? "4" : "2";
    x.status = PortStatus::NotConnect;
    const SimTime t = when(rng_);
    emit(t, LogKind::PoeDisconnect, p);
    emit({t.ms + 5}, LogKind::LineProtoDown, p);
    emit({t.ms + 1004}, LogKind::LinkDown, p);
    item(ItemKind::PdUnplugged, p, {{"device", model}},
         {{"poe_port:" + x.name, {{"oper", "on", "off"}, {"device", model, "n/a"}, {"class", cls, "n/a"}}},
          {"interface:" + x.name, {{"status", "connected", "notconnect"}}}});
    return true;
  }

  // An uplink's SFP swapped for another of the same type: a new serial in the inventory.
  bool module_replaced() {
    if (d_.vendor != Vendor::Cisco || !full_) return false;
    const int p = choose([](const Port& x) { return x.uplink && x.status == PortStatus::Connected && x.type != "Not Present"; });
    if (p < 0) return false;
    Port& x = port(p);
    const std::string from = optic_serial(d_, x);
    ++x.optic_revision;
    item(ItemKind::ModuleReplaced, p, {{"from", from}, {"to", optic_serial(d_, x)}},
         {{"inventory_item:" + x.name, {{"serial", from, optic_serial(d_, x)}}}});
    return true;
  }

  // One line more (or less) in an access port's stanza; nothing else about the port changes.
  bool config_line_changed() {
    const int p = choose([](const Port& x) { return x.access; });
    if (p < 0) return false;
    Port& x = port(p);
    const bool added = x.extra_config.empty();
    const std::string line = added ? (d_.vendor == Vendor::Cisco    ? "storm-control broadcast level 1.00"
                                      : d_.vendor == Vendor::Arista ? "storm-control broadcast level 1"
                                                                    : "loop-detection")
                                   : x.extra_config;
    x.extra_config = added ? line : "";
    emit(when(rng_), LogKind::ConfigChanged, p);
    item(ItemKind::ConfigLineChanged, p, {{"line", line}, {"action", added ? "added" : "removed"}},
         {{"interface_config:" + x.name, {}}});
    return true;
  }

  bool stack_member_changed() {
    if (d_.vendor != Vendor::FastIron || !full_) return false;
    const int from = d_.stack_priority;
    d_.stack_priority = from == 0 ? 128 : 0;
    item(ItemKind::StackMemberChanged, -1, {{"field", "priority"}, {"from", from}, {"to", d_.stack_priority}},
         {{"stack_member:1", {{"priority", std::to_string(from), std::to_string(d_.stack_priority)}}}}, "unit 1");
    return true;
  }

  // A Catalyst 9300 member's power supply loses its input and stays failed
  // (`show environment power`: No Input Power, Bad, Bad).
  bool psu_failed() {
    if (d_.vendor != Vendor::Cisco || !full_ || d_.is_core || d_.model.starts_with("WS-C2960X")) return false;
    std::vector<int> working;
    for (int m = 1; m <= d_.stack_members; ++m) {
      if (!d_.failed_psus.contains(m)) working.push_back(m);
    }
    if (working.empty()) return false;
    const int member = working[rng_.below(working.size())];
    d_.failed_psus.insert(member);
    emit(when(rng_), LogKind::PsuFail, -1, 1 + 10 * (member - 1));
    item(ItemKind::PsuFailed, -1, {{"unit", member}, {"psu", "A"}},
         {{fmt::format("power_supply:{}A", member),
           {{"status", "ok", "no input power"}, {"system_power", "good", "bad"}, {"poe_power", "good", "bad"}}}},
         fmt::format("{}A", member));
    return true;
  }

  Device& d_;
  const RunWindow& w_;
  bool full_;
  Prng rng_;
  ChangeRecorder& recorder_;
  IncidentPlan& plan_;
};

}  // namespace

void plan_changes(Device& device, const RunWindow& window, Profile profile, std::uint64_t seed, int change_rate,
                  ChangeRecorder& recorder, IncidentPlan& plan) {
  if (window.baseline) return;
  ChangePlanner planner(device, window, profile, seed, recorder, plan);
  planner.run();
  if (change_rate > 0) planner.change_descriptions(change_rate, seed);
}

}  // namespace st::generate
