// One mapping from the status words vendors print in their interface status tables to the
// four states the metrics count, so a rule or a timeline reads "err-disabled" the same way
// for Cisco IOS, Arista EOS and FastIron.
#pragma once

#include <string_view>

namespace st::metrics {

enum class LinkState { Up, Down, AdminDown, ErrDisabled, Unknown };

// Case-insensitive. Documented in docs/metrics.md:
//   Up:          connected, up, monitoring (a SPAN destination: the link is up)
//   Down:        notconnect (and the truncated "notconnec"), down, sfpAbsent, inactive,
//                suspended, faulty, noOperMem
//   AdminDown:   disabled, disable, adminDown, "administratively down"
//   ErrDisabled: err-disabled, errdisabled, errdisable, err-disable, ERR-DIS
// Anything else is Unknown and counted in none of the four.
LinkState link_state(std::string_view status);

}  // namespace st::metrics
