// The syslog events the per-run metrics count, kept per device as the store writer sees them
// (the parser threads list them beside the encoded blocks, so nothing is decoded again).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parse/log_time.h"

namespace st::metrics {

// The event kinds (rules/event_kinds.json) a metric counts; every other kind is not kept.
enum class CountedKind : std::uint8_t { LinkDown, LinkUp, AuthFail, ErrDisable, StpChange, PowerFault, PoeFault };

std::optional<CountedKind> counted_kind(std::string_view event_kind);

struct CountedEvent {
  std::optional<parse::UnixSeconds> time;  // null: the device printed only its uptime
  int millis = 0;
  CountedKind kind = CountedKind::LinkDown;
  std::string interface;  // canonical name, empty when the message names none
};

}  // namespace st::metrics
