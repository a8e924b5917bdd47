#include "insights/cluster_finder.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include <fmt/format.h>

#include "insights/rule_set.h"
#include "insights/summary_text.h"

namespace st::insights {

namespace {

struct Candidate {
  const RunDevice* device;
  const SelectedEvent* event;
};

struct StepMatch {
  std::size_t begin = 0, end = 0;  // into the step's time-sorted candidates
};

bool meets(const PatternStep& step, const std::vector<Candidate>& events, StepMatch m) {
  if (m.end - m.begin < step.min_count) return false;
  std::set<std::pair<std::int64_t, std::string_view>> ports;
  std::set<std::int64_t> devices;
  std::set<std::pair<std::int64_t, std::string>> members;
  for (std::size_t i = m.begin; i < m.end; ++i) {
    const auto& c = events[i];
    devices.insert(c.device->id);
    if (!c.event->interface.empty()) {
      ports.insert({c.device->id, c.event->interface});
      if (auto member = stack_member_of(c.event->interface); !member.empty()) members.insert({c.device->id, member});
    }
  }
  return ports.size() >= step.min_interfaces && devices.size() >= step.min_devices && members.size() >= step.min_members;
}

std::size_t lower(const std::vector<Candidate>& events, std::int64_t t) {
  return static_cast<std::size_t>(std::lower_bound(events.begin(), events.end(), t, [](const Candidate& c, std::int64_t v) {
                                    return c.event->time_ms < v;
                                  }) - events.begin());
}

std::size_t upper(const std::vector<Candidate>& events, std::int64_t t) {
  return static_cast<std::size_t>(std::upper_bound(events.begin(), events.end(), t, [](std::int64_t v, const Candidate& c) {
                                    return v < c.event->time_ms;
                                  }) - events.begin());
}

std::string expand(const ClusterPattern& p, const Cluster& c) {
  return expand_placeholders(p.summary, [&](const std::string& name) -> std::optional<std::string> {
    if (name == "devices") return short_list(c.devices, 5);
    if (name == "device_count") return std::to_string(c.devices.size());
    if (name == "interface_count") return std::to_string(c.interfaces);
    if (name == "count") return std::to_string(c.count);
    if (name == "minutes") return fmt::format("{:.1f}", static_cast<double>(c.last_ms - c.first_ms) / 60000.0);
    return std::nullopt;
  });
}

// The pattern's clusters among one group of devices (one device, or one site).
Result<void> find_in(const CompiledRules::PatternEntry& entry, RunContext& ctx, const std::vector<const RunDevice*>& group,
                     std::vector<Cluster>& out) {
  const ClusterPattern& p = entry.pattern;
  std::vector<std::vector<Candidate>> steps(p.steps.size());
  for (std::size_t s = 0; s < p.steps.size(); ++s) {
    const std::uint64_t bit = std::uint64_t{1} << entry.step_bits[s];
    for (const RunDevice* d : group) {
      const std::map<std::string, std::string>* types = nullptr;
      if (!p.steps[s].port_types.empty()) {
        ST_TRY(types, ctx.port_types(d->id));
      }
      for (const auto& e : ctx.events(d->id)) {
        if (!(e.mask & bit) || !e.has_time()) continue;
        if (types) {
          auto t = types->find(e.interface);
          if (t == types->end()) continue;
          const auto& allowed = p.steps[s].port_types;
          if (std::find(allowed.begin(), allowed.end(), t->second) == allowed.end()) continue;
        }
        steps[s].push_back({d, &e});
      }
    }
    std::stable_sort(steps[s].begin(), steps[s].end(),
                     [](const Candidate& a, const Candidate& b) { return a.event->time_ms < b.event->time_ms; });
  }
  const auto window = static_cast<std::int64_t>(p.window_seconds * 1000);
  std::int64_t busy_until = std::numeric_limits<std::int64_t>::min();
  for (const auto& anchor : steps[0]) {
    const std::int64_t t0 = anchor.event->time_ms;
    if (t0 <= busy_until) continue;
    const std::int64_t end = t0 + window;
    std::vector<StepMatch> matches;
    std::int64_t from = t0;
    bool all = true;
    for (std::size_t s = 0; s < steps.size() && all; ++s) {
      StepMatch m{lower(steps[s], from), upper(steps[s], end)};
      if (m.begin >= m.end || !meets(p.steps[s], steps[s], m)) {
        all = false;
        break;
      }
      if (p.ordered) from = steps[s][m.begin].event->time_ms;
      matches.push_back(m);
    }
    if (!all) continue;
    Cluster c;
    c.pattern = &p;
    c.site = group.front()->site;
    c.first_ms = t0;
    c.last_ms = t0;
    std::set<std::int64_t> device_ids;
    std::set<std::string> hostnames;
    std::set<std::pair<std::int64_t, std::string_view>> ports;
    std::vector<const Candidate*> used;
    for (std::size_t s = 0; s < steps.size(); ++s) {
      for (std::size_t i = matches[s].begin; i < matches[s].end; ++i) used.push_back(&steps[s][i]);
    }
    std::stable_sort(used.begin(), used.end(), [](auto* a, auto* b) { return a->event->time_ms < b->event->time_ms; });
    for (const Candidate* u : used) {
      device_ids.insert(u->device->id);
      hostnames.insert(u->device->hostname);
      if (!u->event->interface.empty()) ports.insert({u->device->id, u->event->interface});
      c.last_ms = std::max(c.last_ms, u->event->time_ms);
      ++c.count;
      if (c.evidence.size() < kMaxEvidence) {
        c.evidence.push_back({u->event->file_id, u->event->offset, u->event->length, u->event->time_ms});
      }
    }
    c.device_ids.assign(device_ids.begin(), device_ids.end());
    c.devices.assign(hostnames.begin(), hostnames.end());
    c.interfaces = ports.size();
    c.summary = expand(p, c);
    busy_until = c.last_ms;
    out.push_back(std::move(c));
  }
  return {};
}

}  // namespace

Result<std::vector<Cluster>> find_clusters(const CompiledRules& rules, RunContext& ctx) {
  std::vector<Cluster> out;
  for (const auto& entry : rules.patterns()) {
    std::map<std::string, std::vector<const RunDevice*>> groups;
    for (const auto& d : ctx.devices()) {
      groups[entry.pattern.scope == PatternScope::Site ? d.site : d.site + "\n" + d.hostname].push_back(&d);
    }
    for (const auto& [key, group] : groups) ST_CHECK(find_in(entry, ctx, group, out));
  }
  return out;
}

}  // namespace st::insights
