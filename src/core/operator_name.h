// Who did something (a checklist tick, a false-positive mark, a rule change): the display name
// set in STATETRACE_USER, else the operating system's user name, else "unknown".
#pragma once

#include <string>

namespace st {

std::string operator_name();
// The current time as UTC ISO-8601 ("2026-11-27T23:58:06Z"): when it was done.
std::string utc_now_iso();

}  // namespace st
