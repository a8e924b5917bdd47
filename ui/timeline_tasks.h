// The timeline's store work, run off the GUI thread: the sites and devices to choose from and
// the series of one scope (a device, or every device of a site), as an immutable snapshot.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "ui/models/timeline_data.h"

namespace st::ui {

struct TimelineScope {
  std::string site;
  std::string device;  // hostname; empty: every device of the site
  bool operator==(const TimelineScope&) const = default;
};

struct TimelineSite {
  std::string name;
  std::vector<std::string> devices;  // hostnames, sorted
};

struct TimelineOutcome {
  std::shared_ptr<const std::vector<TimelineSite>> sites;  // sorted by name; null when `error` is set
  TimelineScope scope;  // what `data` is for: the asked scope, else the first site when it is gone
  std::shared_ptr<const TimelineData> data;  // null when `error` is set
  std::optional<Error> error;
};

// Every metric stored for the scope and its insight-card counts, per run (read-only connection).
TimelineOutcome load_timeline(const std::filesystem::path& store_path, TimelineScope scope);

}  // namespace st::ui
