#include "generate/generator.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <span>

#include <fmt/format.h>

#include "generate/background_log.h"
#include "generate/capture_mess.h"
#include "generate/change_planner.h"
#include "generate/fleet.h"
#include "generate/incident_planner.h"
#include "generate/manifest_writer.h"
#include "generate/prng.h"
#include "generate/upstream_outage.h"

namespace st::generate {
namespace {

std::string iso(SimTime t) {
  const CivilTime c = civil(t);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", c.year, c.month, c.day, c.hour, c.minute,
                     c.second, c.millis);
}

std::string_view platform_of(Vendor v) {
  switch (v) {
    case Vendor::Cisco: return "cisco_ios";
    case Vendor::Arista: return "arista_eos";
    case Vendor::FastIron: return "ruckus_fastiron";
  }
  return "cisco_ios";
}

// Capture files: one device each, except that every 12th device (a Cisco one) hops by ssh
// into the next device and both sessions land in one file.
std::vector<std::vector<int>> file_groups(const std::vector<Device>& fleet, bool mess) {
  std::vector<std::vector<int>> groups;
  for (int i = 0; i < static_cast<int>(fleet.size()); ++i) {
    const bool hop = mess && i % 12 == 10 && i + 1 < static_cast<int>(fleet.size()) &&
                     fleet[static_cast<std::size_t>(i)].vendor == Vendor::Cisco;
    if (hop) {
      groups.push_back({i, i + 1});
      ++i;
    } else {
      groups.push_back({i});
    }
  }
  return groups;
}

// Device 3 is not captured in the last run and device 4 only from run 2 on (both single-device
// files), so that the diff meets a device that went missing and one that appeared.
bool captured(const GenerateOptions& o, int index, int run) {
  if (o.runs < 2 || o.devices < 5) return true;
  if (index == 3) return run != o.runs;
  if (index == 4) return run != 1;
  return true;
}

std::string file_name(const std::vector<Device>& fleet, const std::vector<int>& group) {
  const Device& first = fleet[static_cast<std::size_t>(group.front())];
  return group.size() == 1 ? first.hostname + ".log" : first.hostname + "-hop.log";
}

class Generator {
 public:
  explicit Generator(const GenerateOptions& o) : o_(o) {}

  Result<GenerateSummary> run() {
    const auto started = std::chrono::steady_clock::now();
    ST_CHECK(prepare_out_dir());
    const SimTime first_capture = from_civil(2026, 11, 20, 9, 0, 0);
    fleet_ = build_fleet(o_.seed, o_.devices, first_capture);
    const auto groups = file_groups(fleet_, o_.mess);
    Manifest manifest;
    manifest.seed = o_.seed;
    manifest.profile = o_.profile == Profile::Full ? "full" : "lean";
    for (const auto& g : groups) {
      for (int i : g) {
        const Device& d = fleet_[static_cast<std::size_t>(i)];
        std::vector<int> absent;
        for (int run = 1; run <= o_.runs; ++run) {
          if (!captured(o_, i, run)) absent.push_back(run);
        }
        manifest.devices.push_back({d.hostname, std::string(vendor_name(d.vendor)), std::string(platform_of(d.vendor)),
                                    d.model, d.site, file_name(fleet_, g), absent});
      }
    }
    for (int run = 1; run <= o_.runs; ++run) {
      const std::string dir_name = fmt::format("run-{}", run);
      std::error_code ec;
      std::filesystem::create_directories(o_.out_dir / dir_name, ec);
      if (ec) return io_error("cannot create the run folder", o_.out_dir / dir_name, ec);
      ManifestRun info{run, dir_name, {}, {}};
      std::map<int, RunWindow> windows;  // the devices captured in this run
      for (const Device& d : fleet_) {
        if (captured(o_, d.index, run)) windows.emplace(d.index, window_of(d, run, capture_time(d, run, first_capture)));
      }
      const std::map<int, UplinkLoss> outages = plan_upstream_outages(fleet_, windows, run, o_.seed);
      for (const auto& g : groups) {
        if (g.size() == 1 && !captured(o_, g.front(), run)) {
          const Device& d = fleet_[static_cast<std::size_t>(g.front())];
          ManifestItem item{run, d.hostname, std::string(vendor_name(d.vendor)), ItemKind::NotCaptured, d.hostname, {}};
          item.details["expect"] = nlohmann::json::array(
              {{{"kind", "device"}, {"key", "device:" + d.hostname}, {"change", "not_captured"}}});
          item.details["affects"] = nlohmann::json::array();
          manifest.items.push_back(std::move(item));
          continue;
        }
        std::string text;
        const std::size_t lead = static_cast<std::size_t>(g.front());
        Prng style_rng(mix_seed(o_.seed, lead, static_cast<std::uint64_t>(run), 4));
        SessionStyle style;
        bool crlf = false;
        if (o_.mess) {
          style.abbreviate = style_rng.percent(30);
          style.bare_prompts = style_rng.percent(50);
          style.ansi = style_rng.percent(20);
          style.pager = style_rng.percent(20);
          crlf = style_rng.percent(15);
        }
        for (std::size_t k = 0; k < g.size(); ++k) {
          Device& d = fleet_[static_cast<std::size_t>(g[k])];
          const SimTime capture = windows.at(d.index).capture;
          if (info.first_capture.empty()) info.first_capture = iso(capture);
          info.last_capture = std::max(info.last_capture, iso(capture));
          if (k == 0) {
            append_preamble(d, SimTime{capture.ms - 5 * kSecond}, g.size() > 1, style_rng, text);
          } else {
            const Device& jump = fleet_[lead];
            fmt::format_to(std::back_inserter(text), "{}ssh -l netops {}\n\nPassword: \n", session_prompt(jump),
                           d.mgmt_ip);
            append_hop_banner(d, text);
            if (d.vendor == Vendor::FastIron) text += "SSH@" + d.hostname + ">enable\nPassword:\n";
          }
          const auto outage = outages.find(d.index);
          session(d, windows.at(d.index), outage == outages.end() ? nullptr : &outage->second, style, manifest.items,
                  text);
          if (k > 0 || g.size() == 1) fmt::format_to(std::back_inserter(text), "{}exit\n", session_prompt(d));
          if (k > 0) fmt::format_to(std::back_inserter(text), "\n[Connection to {} closed by foreign host]\n", d.mgmt_ip);
        }
        if (g.size() > 1) fmt::format_to(std::back_inserter(text), "{}exit\n", session_prompt(fleet_[lead]));
        if (crlf) text = to_crlf(text);
        const auto path = o_.out_dir / dir_name / file_name(fleet_, g);
        std::ofstream out(path, std::ios::binary);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        if (!out.flush()) return io_error("cannot write a capture", path, {});
        summary_.bytes += text.size();
        ++summary_.files;
      }
      manifest.runs.push_back(std::move(info));
    }
    summary_.items = manifest.items.size();
    ST_CHECK(write_manifest(o_.out_dir / "manifest.json", manifest));
    summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary_;
  }

 private:
  static std::unexpected<Error> io_error(std::string message, const std::filesystem::path& path,
                                         std::error_code ec) {
    Error e{ErrorKind::Io, std::move(message), path.string(), {}, {}, {}};
    if (ec) e.message += ": " + ec.message();
    return fail(std::move(e));
  }

  Result<void> prepare_out_dir() {
    if (o_.devices < 1) return fail(ErrorKind::Usage, "--devices must be at least 1");
    if (o_.runs < 1) return fail(ErrorKind::Usage, "--runs must be at least 1");
    std::error_code ec;
    if (std::filesystem::exists(o_.out_dir, ec) && !std::filesystem::is_empty(o_.out_dir, ec)) {
      return fail(Error{ErrorKind::InputRefused, "the output folder is not empty", o_.out_dir.string(), {}, {},
                        "name a new or empty folder; generate never overwrites captures"});
    }
    std::filesystem::create_directories(o_.out_dir, ec);
    if (ec) return io_error("cannot create the output folder", o_.out_dir, ec);
    return {};
  }

  // Devices are captured one after another, a day apart between runs.
  SimTime capture_time(const Device& d, int run, SimTime first) const {
    Prng rng(mix_seed(o_.seed, static_cast<std::uint64_t>(d.index), static_cast<std::uint64_t>(run), 5));
    return SimTime{first.ms + (run - 1) * kDay + d.index * 17 * kSecond + rng.between(0, 9999)};
  }

  // The span a device's capture of `run` logs: its buffer reaches 23 hours back (2 when lean).
  RunWindow window_of(const Device& d, int run, SimTime capture) const {
    const bool baseline = run == 1 || !captured(o_, d.index, run - 1);
    return RunWindow{run, SimTime{capture.ms - (o_.profile == Profile::Full ? 23 * kHour : 2 * kHour)}, capture,
                     baseline};
  }

  void session(Device& d, const RunWindow& window, const UplinkLoss* uplink_loss, const SessionStyle& style,
               std::vector<ManifestItem>& items, std::string& text) {
    const int run = window.run;
    const SimTime capture = window.capture;
    const bool baseline = window.baseline;
    const std::size_t first_item = items.size();
    if (baseline && run > 1) {
      ManifestItem item{run, d.hostname, std::string(vendor_name(d.vendor)), ItemKind::DeviceAdded, d.hostname, {}};
      item.details["expect"] =
          nlohmann::json::array({{{"kind", "device"}, {"key", "device:" + d.hostname}, {"change", "added"}}});
      item.details["affects"] = nlohmann::json::array();
      items.push_back(std::move(item));
    }
    ChangeRecorder recorder(d, o_.profile, !baseline);
    IncidentPlan plan = plan_incidents(d, window, o_.seed, uplink_loss, recorder);
    plan_changes(d, window, o_.profile, o_.seed, o_.change_rate, recorder, plan);
    std::vector<LogEvent> events = background_events(d, window, o_.profile, o_.seed, plan.touched_ports);
    events.insert(events.end(), plan.events.begin(), plan.events.end());
    std::stable_sort(events.begin(), events.end(), [](const LogEvent& a, const LogEvent& b) { return a.time < b.time; });
    for (auto& item : plan.items) items.push_back(std::move(item));
    // Standing compliance gaps: every run's running-config shows them.
    for (const auto& p : d.ports) {
      if (p.auth_missing.empty()) continue;
      items.push_back(ManifestItem{run, d.hostname, std::string(vendor_name(d.vendor)), ItemKind::AuthConfigMissing,
                                   p.name, {{"missing", p.auth_missing}}});
      recorder.record(items.back());
    }
    // Access ports left open (printers, cameras) on a switch that authenticates the others: a
    // standing fact the open-access-ports rule reports in every run.
    const bool authenticates = std::any_of(d.ports.begin(), d.ports.end(), [](const Port& p) { return p.auth; });
    for (const auto& p : d.ports) {
      if (!authenticates || !p.access || p.auth) continue;
      items.push_back(ManifestItem{run, d.hostname, std::string(vendor_name(d.vendor)), ItemKind::OpenAccessPort,
                                   p.name, nlohmann::json::object()});
      recorder.record(items.back());
    }
    recorder.finish(std::span(items).subspan(first_item));
    Prng rng(mix_seed(o_.seed, static_cast<std::uint64_t>(d.index), static_cast<std::uint64_t>(run), 6));
    SessionInput in{d, run, capture, o_.profile, style, events, d.log_sequence_base + 1};
    switch (d.vendor) {
      case Vendor::Cisco: render_cisco_session(in, rng, text); break;
      case Vendor::Arista: render_arista_session(in, rng, text); break;
      case Vendor::FastIron: render_fastiron_session(in, rng, text); break;
    }
    d.log_sequence_base += static_cast<std::int64_t>(events.size()) + 20;
  }

  const GenerateOptions& o_;
  std::vector<Device> fleet_;
  GenerateSummary summary_;
};

}  // namespace

Result<GenerateSummary> generate(const GenerateOptions& options) { return Generator(options).run(); }

}  // namespace st::generate
