// The syslog events the per-run metrics count, kept per host as the store writer sees them:
// the parser threads list them beside the encoded blocks, so nothing is decoded again. A
// full capture holds about a million of them per 500 MB, so each is 16 bytes and names its
// port by an index into a small per-host table.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parse/log_time.h"

namespace st::metrics {

// The event kinds (rules/event_kinds.json) a metric counts; every other kind is not kept.
enum class CountedKind : std::uint8_t { LinkDown, LinkUp, AuthFail, ErrDisable, StpChange, PowerFault, PoeFault };

std::optional<CountedKind> counted_kind(std::string_view event_kind);

struct CountedEvent {
  static constexpr std::int64_t kNoTime = std::numeric_limits<std::int64_t>::min();  // an uptime-only stamp
  static constexpr std::uint32_t kNoPort = std::numeric_limits<std::uint32_t>::max();

  std::int64_t time_ms = kNoTime;  // unix milliseconds
  std::uint32_t port = kNoPort;    // into CountedEvents::ports
  CountedKind kind = CountedKind::LinkDown;

  bool has_time() const { return time_ms != kNoTime; }
  parse::UnixSeconds seconds() const;  // floor; only with a time
};

// One host's counted events, in the order they were added.
class CountedEvents {
 public:
  void add(std::optional<parse::UnixSeconds> time, int millis, CountedKind kind,
           const std::optional<std::string>& interface);
  void append(const CountedEvents& other);  // another file's events of the same host

  const std::vector<CountedEvent>& events() const { return events_; }
  std::vector<CountedEvent>& events() { return events_; }
  const std::string& port_name(std::uint32_t port) const { return ports_[port]; }
  std::size_t port_count() const { return ports_.size(); }
  std::size_t size() const { return events_.size(); }

 private:
  std::uint32_t port_index(const std::string& name);

  std::vector<std::string> ports_;
  std::unordered_map<std::string, std::uint32_t> port_by_name_;
  std::vector<CountedEvent> events_;
};

}  // namespace st::metrics
