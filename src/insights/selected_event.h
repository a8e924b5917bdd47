// A syslog event some detection rule reads (EventSelectorSet), kept per host beside the
// encoded event blocks while a bundle is parsed, and per device for the whole run after.
// Only the selected few per cent of a capture's events are kept, with what rules group and
// order them by and where their line is.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace st::insights {

struct SelectedEvent {
  static constexpr std::int64_t kNoTime = std::numeric_limits<std::int64_t>::min();  // uptime-only stamp

  std::int64_t time_ms = kNoTime;  // unix milliseconds
  std::uint64_t mask = 0;          // bit i: selector i of the set takes it
  std::int64_t file_id = 0;        // set by the store writer (0 while parsing)
  std::uint64_t offset = 0, length = 0;  // the line in the raw file
  std::string interface;           // canonical name, "" when the message names none
  std::string message_id;          // LINK-3-UPDOWN

  bool has_time() const { return time_ms != kNoTime; }
};

// A run's selected events by device id, each device's in capture order (file, offset).
using RunEvents = std::map<std::int64_t, std::vector<SelectedEvent>>;

}  // namespace st::insights
