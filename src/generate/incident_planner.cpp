#include "generate/incident_planner.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "generate/port_facts.h"
#include "generate/prng.h"
#include "generate/upstream_outage.h"

namespace st::generate {

std::string_view item_kind_name(ItemKind k) {
  static constexpr std::array<std::string_view, kItemKindCount> kNames = {
      "flap", "auth_fail", "err_disable", "stp_change", "poe_fault", "power_fault", "interface_changed", "vlan_moved",
      "auth_config_missing", "err_disable_recovered", "os_upgrade", "vlan_added", "vlan_removed", "vlan_renamed",
      "client_replaced", "stp_root_moved", "neighbor_replaced", "pd_unplugged", "module_replaced", "config_line_changed",
      "stack_member_changed", "psu_failed", "not_captured", "device_added", "open_access_port",
      "power_failure_sequence", "stp_storm", "stack_flap_storm", "upstream_outage"};
  return kNames[static_cast<std::size_t>(k)];
}

namespace {

std::string iso(SimTime t) {
  const CivilTime c = civil(t);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", c.year, c.month, c.day, c.hour, c.minute,
                     c.second, c.millis);
}

std::string_view status_word(PortStatus s) {
  switch (s) {
    case PortStatus::Connected: return "connected";
    case PortStatus::NotConnect: return "notconnect";
    case PortStatus::Disabled: return "disabled";
    case PortStatus::ErrDisabled: return "err-disabled";
  }
  return "notconnect";
}

class Planner {
 public:
  Planner(Device& d, const RunWindow& w, std::uint64_t seed, const UplinkLoss* uplink_loss, ChangeRecorder& recorder)
      : d_(d), w_(w), rng_(mix_seed(seed, static_cast<std::uint64_t>(d.index), static_cast<std::uint64_t>(w.run), 2)),
        sequence_rng_(mix_seed(seed, static_cast<std::uint64_t>(d.index), static_cast<std::uint64_t>(w.run), 7)),
        storm_rng_(mix_seed(seed, static_cast<std::uint64_t>(d.index), static_cast<std::uint64_t>(w.run), 11)),
        uplink_loss_(uplink_loss), recorder_(recorder) {}

  IncidentPlan run() {
    // Last run's err-disabled ports were recovered (errdisable recovery) before this capture: a
    // change of its own, and the port is left alone this run.
    for (int i = 0; i < static_cast<int>(d_.ports.size()); ++i) {
      Port& p = port(i);
      if (p.status != PortStatus::ErrDisabled) continue;
      p.status = PortStatus::Connected;
      plan_.touched_ports.insert(i);
      item(ItemKind::ErrDisableRecovered, i, nlohmann::json::object(),
           {{"interface:" + p.name,
             {{"status", stored_status(d_.vendor, PortStatus::ErrDisabled), stored_status(d_.vendor, PortStatus::Connected)}}}});
    }
    std::vector<ItemKind> kinds;
    const int forced = (d_.index + w_.run - 1) % kIncidentKindCount;
    kinds.push_back(static_cast<ItemKind>(forced));
    for (int k = 0; k < kIncidentKindCount; ++k) {
      if (k != forced && rng_.percent(12)) kinds.push_back(static_cast<ItemKind>(k));
    }
    for (ItemKind k : kinds) {
      if (!inject(k) && k == kinds.front()) inject(ItemKind::Flap);
    }
    // Sequences draw from a stream of their own: the single incidents above stay what they were
    // for every seed.
    if (sequence_rng_.percent(15)) {
      if (sequence_rng_.percent(50) ? !power_failure_sequence() : !stp_storm()) power_failure_sequence();
    }
    if (d_.stack_members >= 2 && storm_rng_.percent(50)) stack_flap_storm();
    if (uplink_loss_) upstream_outage(*uplink_loss_);
    return std::move(plan_);
  }

 private:
  // A time inside the run's window, leaving `span` before the capture.
  SimTime when(std::int64_t span = 10 * kMinute) {
    const std::int64_t lo = w_.start.ms, hi = w_.capture.ms - span - 2 * kMinute;
    return SimTime{hi > lo ? rng_.between(lo, hi) : lo};
  }

  // An untouched port matching `want`, or -1.
  template <class Pred>
  int choose(Pred want) {
    return choose_untouched_port(d_, plan_, rng_, want);
  }

  void emit(SimTime t, LogKind kind, int port, int aux = 0, std::uint32_t client = 0) {
    plan_.events.push_back(LogEvent{t, kind, port, aux, client});
  }

  void item(ItemKind kind, int port, nlohmann::json details, const std::vector<ExpectedObject>& expect = {}) {
    ManifestItem it;
    it.run = w_.run;
    it.device = d_.hostname;
    it.vendor = std::string(vendor_name(d_.vendor));
    it.kind = kind;
    it.object = port >= 0 ? d_.ports[static_cast<std::size_t>(port)].name : "";
    it.details = std::move(details);
    plan_.items.push_back(std::move(it));
    recorder_.record(plan_.items.back(), expect);
  }

  // A field value as the store holds it: empty text is no value.
  static nlohmann::json stored(std::string_view text) { return text.empty() ? nlohmann::json() : nlohmann::json(text); }

  nlohmann::json status_json(PortStatus s) const { return stored_status(d_.vendor, s); }

  Port& port(int i) { return d_.ports[static_cast<std::size_t>(i)]; }

  bool inject(ItemKind kind) {
    switch (kind) {
      case ItemKind::Flap: return flap();
      case ItemKind::AuthFail: return auth_fail();
      case ItemKind::ErrDisable: return err_disable();
      case ItemKind::StpChange: return stp_change();
      case ItemKind::PoeFault: return poe_fault();
      case ItemKind::PowerFault: return power_fault();
      case ItemKind::InterfaceChanged: return interface_changed();
      case ItemKind::VlanMoved: return vlan_moved();
      default: return false;  // standing gaps (listed by the generator) and run-to-run changes (change_planner)
    }
  }

  bool flap() {
    const int p = choose([](const Port& x) { return x.access && x.status == PortStatus::Connected; });
    if (p < 0) return false;
    const int cycles = static_cast<int>(rng_.between(3, 6));
    SimTime t = when(cycles * 80 * kSecond);
    const SimTime first = t;
    SimTime last = t;
    for (int c = 0; c < cycles; ++c) {
      emit(t, LogKind::LinkDown, p);
      emit({t.ms + 1001}, LogKind::LineProtoDown, p);
      last = {t.ms + rng_.between(2800, 4500)};
      emit(last, LogKind::LinkUp, p);
      emit({last.ms + 1002}, LogKind::LineProtoUp, p);
      t = {last.ms + rng_.between(45, 75) * kSecond};
    }
    item(ItemKind::Flap, p, {{"transitions", cycles * 2}, {"first", iso(first)}, {"last", iso(last)}});
    return true;
  }

  bool auth_fail() {
    const int p = choose([](const Port& x) { return x.auth && x.status == PortStatus::Connected; });
    if (p < 0) return false;
    const auto client = static_cast<std::uint32_t>(rng_.next());
    const bool dot1x = rng_.percent(60);
    const int attempts = static_cast<int>(rng_.between(1, 3));
    SimTime t = when(attempts * 2 * kMinute);
    for (int a = 0; a < attempts; ++a) {
      emit(t, dot1x ? LogKind::Dot1xFail : LogKind::MabFail, p, 0, client);
      t = {t.ms + rng_.between(30, 90) * kSecond};
    }
    item(ItemKind::AuthFail, p,
         {{"method", dot1x ? "dot1x" : "mab"}, {"client", client_mac(client)}, {"attempts", attempts}});
    return true;
  }

  bool err_disable() {
    const int p = choose([](const Port& x) { return x.access && x.status == PortStatus::Connected; });
    if (p < 0) return false;
    const bool bpdu = rng_.percent(60);
    const SimTime t = when();
    const auto client = static_cast<std::uint32_t>(rng_.next());
    emit(t, bpdu ? LogKind::BpduGuard : LogKind::PsecureViolation, p, 0, client);
    emit({t.ms + 1}, LogKind::ErrDisable, p, bpdu ? 0 : 1);
    emit({t.ms + 1006}, LogKind::LineProtoDown, p);
    emit({t.ms + 2004}, LogKind::LinkDown, p);
    port(p).status = PortStatus::ErrDisabled;
    item(ItemKind::ErrDisable, p, {{"cause", bpdu ? "bpduguard" : "psecure-violation"}},
         {{"interface:" + port(p).name, {{"status", status_json(PortStatus::Connected), status_json(PortStatus::ErrDisabled)}}}});
    return true;
  }

  bool stp_change() {
    const int p = choose([](const Port& x) { return x.uplink && x.status == PortStatus::Connected; });
    if (p < 0) return false;
    const int vlan = d_.vendor == Vendor::Arista ? 100 : 10 * static_cast<int>(rng_.between(1, 3));
    const SimTime t = when();
    emit(t, LogKind::StpRootChange, p, vlan);
    emit({t.ms + 12}, LogKind::StpTopologyChange, p, vlan);
    item(ItemKind::StpChange, p, {{"vlan", vlan}, {"event", "root_change"}});
    return true;
  }

  bool poe_fault() {
    if (!d_.has_poe) return false;
    const int p = choose([](const Port& x) { return x.poe && x.status == PortStatus::Connected; });
    if (p < 0) return false;
    const SimTime t = when(3 * kMinute);
    emit(t, LogKind::PoeFault, p);
    emit({t.ms + 5}, LogKind::PoeDisconnect, p);
    const SimTime back{t.ms + rng_.between(40, 150) * kSecond};
    emit(back, LogKind::PoeDetect, p);
    emit({back.ms + 785}, LogKind::PoeGranted, p);
    item(ItemKind::PoeFault, p, {{"fault", "imax"}, {"recovered", true}});
    return true;
  }

  bool power_fault() {
    if (d_.vendor == Vendor::Cisco && d_.model.starts_with("WS-C2960X")) return false;  // one fixed PSU
    const int psu = static_cast<int>(rng_.between(1, 2));
    emit(when(), LogKind::PsuFail, -1, psu);
    item(ItemKind::PowerFault, -1, {{"psu", psu}, {"unit", 1}});
    plan_.items.back().object = fmt::format("PS{}", psu);
    return true;
  }

  // A supply fails and the switch sheds PoE: 3-4 powered ports fault and go down within seconds,
  // then come back a few minutes later on the remaining budget (the capture shows them up).
  bool power_failure_sequence() {
    if (!d_.has_poe || (d_.vendor == Vendor::Cisco && d_.model.starts_with("WS-C2960X"))) return false;
    Prng& rng = sequence_rng_;
    std::vector<int> ports;
    const int wanted = static_cast<int>(rng.between(3, 4));
    while (static_cast<int>(ports.size()) < wanted) {
      const int p = choose_untouched_port(d_, plan_, rng, [](const Port& x) {
        return x.poe && x.access && x.status == PortStatus::Connected;
      });
      if (p < 0) break;
      ports.push_back(p);
    }
    if (ports.size() < 3) return false;
    const std::int64_t lo = w_.start.ms, hi = w_.capture.ms - 12 * kMinute;
    const SimTime t{hi > lo ? rng.between(lo, hi) : lo};
    const int psu = static_cast<int>(rng.between(1, 2));
    emit(t, LogKind::PsuFail, -1, psu);
    item(ItemKind::PowerFault, -1, {{"psu", psu}, {"unit", 1}, {"sequence", true}});
    plan_.items.back().object = fmt::format("PS{}", psu);
    const SimTime back{t.ms + rng.between(4, 7) * kMinute};
    nlohmann::json names = nlohmann::json::array();
    for (std::size_t i = 0; i < ports.size(); ++i) {
      const int p = ports[i];
      const auto k = static_cast<std::int64_t>(i);
      emit({t.ms + 1300 + 40 * k}, LogKind::PoeFault, p);
      emit({t.ms + 3100 + 900 * k}, LogKind::LinkDown, p);
      emit({t.ms + 4100 + 900 * k}, LogKind::LineProtoDown, p);
      emit({back.ms + 2000 * k}, LogKind::PoeDetect, p);
      emit({back.ms + 2000 * k + 785}, LogKind::PoeGranted, p);
      emit({back.ms + 2000 * k + 4200}, LogKind::LinkUp, p);
      emit({back.ms + 2000 * k + 5200}, LogKind::LineProtoUp, p);
      item(ItemKind::PoeFault, p, {{"fault", "imax"}, {"recovered", true}, {"sequence", true}});
      names.push_back(port(p).name);
    }
    item(ItemKind::PowerFailureSequence, -1, {{"psu", psu}, {"ports", names}});
    return true;
  }

  // A topology change storm: an uplink's VLAN sees a TC every 15-25 s for about four minutes.
  bool stp_storm() {
    Prng& rng = sequence_rng_;
    const int p = choose_untouched_port(d_, plan_, rng, [](const Port& x) { return x.uplink && x.status == PortStatus::Connected; });
    if (p < 0) return false;
    const int vlan = d_.vendor == Vendor::Arista ? 100 : 10 * static_cast<int>(rng.between(1, 3));
    const std::int64_t lo = w_.start.ms, hi = w_.capture.ms - 10 * kMinute;
    SimTime t{hi > lo ? rng.between(lo, hi) : lo};
    const int changes = static_cast<int>(rng.between(12, 16));
    for (int c = 0; c < changes; ++c) {
      emit(t, LogKind::StpTopologyChange, p, vlan);
      t = {t.ms + rng.between(15, 25) * kSecond};
    }
    item(ItemKind::StpStorm, p, {{"vlan", vlan}, {"changes", changes}});
    return true;
  }

  // Something shared by the stack (a stack cable, a member's power) drops 10-13 access ports
  // spread over two members within 45 s; they come back 2-5 minutes later, so the tables do not
  // change. Each port goes down once: no flap.
  bool stack_flap_storm() {
    Prng& rng = storm_rng_;
    const int wanted = static_cast<int>(rng.between(10, 13));
    std::vector<int> ports;
    for (int k = 0; k < wanted; ++k) {
      // Alternate members so that both lose ports.
      const std::string member = fmt::format("Gi{}/", 1 + k % 2);
      const int p = choose_untouched_port(d_, plan_, rng, [&](const Port& x) {
        return x.access && x.status == PortStatus::Connected && x.name.starts_with(member);
      });
      if (p >= 0) ports.push_back(p);
    }
    if (ports.size() < 10) return false;
    const std::int64_t lo = w_.start.ms, hi = w_.capture.ms - 10 * kMinute;
    const SimTime t{hi > lo ? rng.between(lo, hi) : lo};
    const SimTime back{t.ms + rng.between(2, 5) * kMinute};
    nlohmann::json names = nlohmann::json::array();
    for (std::size_t i = 0; i < ports.size(); ++i) {
      const int p = ports[i];
      const auto k = static_cast<std::int64_t>(i);
      const SimTime down{t.ms + k * 3 * kSecond + rng.between(0, 999)};
      emit(down, LogKind::LinkDown, p);
      emit({down.ms + 1000}, LogKind::LineProtoDown, p);
      const SimTime up{back.ms + k * 2 * kSecond + rng.between(0, 999)};
      emit(up, LogKind::LinkUp, p);
      emit({up.ms + 1000}, LogKind::LineProtoUp, p);
      names.push_back(port(p).name);
    }
    item(ItemKind::StackFlapStorm, -1, {{"members", 2}, {"ports", names}});
    return true;
  }

  // This switch's share of an outage upstream of its site (upstream_outage.h): every connected
  // uplink goes down and comes back. The lead switch lists the outage.
  void upstream_outage(const UplinkLoss& loss) {
    nlohmann::json names = nlohmann::json::array();
    for (int i = 0; i < static_cast<int>(d_.ports.size()); ++i) {
      const Port& x = port(i);
      if (!x.uplink || x.status != PortStatus::Connected) continue;
      const std::int64_t skew = 200 * static_cast<std::int64_t>(names.size());
      emit({loss.down.ms + skew}, LogKind::LinkDown, i);
      emit({loss.down.ms + skew + 1000}, LogKind::LineProtoDown, i);
      emit({loss.up.ms + skew}, LogKind::LinkUp, i);
      emit({loss.up.ms + skew + 1000}, LogKind::LineProtoUp, i);
      plan_.touched_ports.insert(i);
      names.push_back(x.name);
    }
    if (loss.lead) item(ItemKind::UpstreamOutage, -1, {{"devices", loss.devices}, {"uplinks", names}});
  }

  bool interface_changed() {
    if (w_.baseline) return false;  // a change is relative to the previous run
    const int p = choose([](const Port& x) { return x.access && x.status != PortStatus::ErrDisabled; });
    if (p < 0) return false;
    Port& x = port(p);
    const SimTime t = when();
    const auto roll = rng_.below(3);
    if (roll == 0 && x.status != PortStatus::Disabled) {
      const PortStatus from = x.status;
      x.status = from == PortStatus::Connected ? PortStatus::NotConnect : PortStatus::Connected;
      if (x.status == PortStatus::Connected) {
        emit(t, LogKind::LinkUp, p);
        emit({t.ms + 1001}, LogKind::LineProtoUp, p);
        if (x.mac.empty()) x.mac = client_mac(static_cast<std::uint32_t>(rng_.next()));
      } else {
        emit(t, LogKind::LineProtoDown, p);
        emit({t.ms + 999}, LogKind::LinkDown, p);
      }
      item(ItemKind::InterfaceChanged, p,
           {{"field", "status"}, {"from", status_word(from)}, {"to", status_word(x.status)}},
           {{"interface:" + x.name, {{"status", status_json(from), status_json(x.status)}}}});
      return true;
    }
    if (roll == 1 && x.status == PortStatus::Connected) {
      x.status = PortStatus::Disabled;
      emit(t, LogKind::AdminDown, p);
      emit({t.ms + 6 * kSecond}, LogKind::ConfigChanged, p);
      item(ItemKind::InterfaceChanged, p, {{"field", "status"}, {"from", "connected"}, {"to", "disabled"}},
           {{"interface:" + x.name, {{"status", status_json(PortStatus::Connected), status_json(PortStatus::Disabled)}}},
            {"interface_config:" + x.name, {{"shutdown", nullptr, "yes"}}}});
      return true;
    }
    const std::string from = x.description;
    x.description = fmt::format("{} {}", rng_.percent(50) ? "Moved" : "Desk", 100 + rng_.below(900));
    emit(t, LogKind::ConfigChanged, p);
    item(ItemKind::InterfaceChanged, p, {{"field", "description"}, {"from", from}, {"to", x.description}},
         {{"interface:" + x.name, {{"description", stored(from), stored(x.description)}}},
          {"interface_config:" + x.name, {{"description", stored(from), stored(x.description)}}}});
    return true;
  }

  bool vlan_moved() {
    if (w_.baseline) return false;
    const int p = choose([](const Port& x) { return x.access && x.vlan > 0 && x.status != PortStatus::ErrDisabled; });
    if (p < 0) return false;
    Port& x = port(p);
    std::vector<int> others;
    for (const auto& v : d_.vlans) {
      if (v.id != 1 && v.id != x.vlan) others.push_back(v.id);
    }
    const int from = x.vlan;
    x.vlan = others[rng_.below(others.size())];
    emit(when(), LogKind::ConfigChanged, p);
    const std::string was = std::to_string(from), now = std::to_string(x.vlan);
    std::vector<ExpectedObject> expect = {{"interface:" + x.name, {{"vlan", was, now}, {"access_vlan", was, now}}}};
    // Cisco prints the access VLAN in the interface stanza, Arista too unless it is 1; the store
    // gives FastIron ports theirs from the `vlan N` untagged lists.
    if (d_.vendor != Vendor::Arista) expect.push_back({"interface_config:" + x.name, {{"access_vlan", was, now}}});
    if (d_.vendor == Vendor::Arista) {
      expect.push_back({"interface_config:" + x.name,
                        {{"access_vlan", from == 1 ? nlohmann::json() : nlohmann::json(was), now}}});
    }
    item(ItemKind::VlanMoved, p, {{"from", from}, {"to", x.vlan}}, expect);
    return true;
  }

  Device& d_;
  const RunWindow& w_;
  Prng rng_;
  Prng sequence_rng_;
  Prng storm_rng_;
  const UplinkLoss* uplink_loss_;
  ChangeRecorder& recorder_;
  IncidentPlan plan_;
};

}  // namespace

IncidentPlan plan_incidents(Device& device, const RunWindow& window, std::uint64_t seed, const UplinkLoss* uplink_loss,
                            ChangeRecorder& recorder) {
  return Planner(device, window, seed, uplink_loss, recorder).run();
}

}  // namespace st::generate
