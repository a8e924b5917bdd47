#include "metrics/counted_event.h"

namespace st::metrics {

std::optional<CountedKind> counted_kind(std::string_view event_kind) {
  if (event_kind == "link_down") return CountedKind::LinkDown;
  if (event_kind == "link_up") return CountedKind::LinkUp;
  if (event_kind == "auth_fail") return CountedKind::AuthFail;
  if (event_kind == "err_disable") return CountedKind::ErrDisable;
  if (event_kind == "stp_change") return CountedKind::StpChange;
  if (event_kind == "power_fault") return CountedKind::PowerFault;
  if (event_kind == "poe_fault") return CountedKind::PoeFault;
  return std::nullopt;
}

}  // namespace st::metrics
