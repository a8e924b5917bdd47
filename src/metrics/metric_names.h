// The metric and tag names stored in `metrics` and `device_tags`: what timelines, rules and
// `statetrace-cli metrics --metric NAME` ask for.
#pragma once

#include <array>
#include <string_view>

namespace st::metrics::names {

inline constexpr std::string_view kInterfacesUp = "InterfacesUp";
inline constexpr std::string_view kInterfacesDown = "InterfacesDown";
inline constexpr std::string_view kInterfacesAdminDown = "InterfacesAdminDown";
inline constexpr std::string_view kInterfacesErrDisabled = "InterfacesErrDisabled";
inline constexpr std::string_view kPortFlapEvents = "PortFlapEvents";
inline constexpr std::string_view kAuthFailureCount = "AuthFailureCount";
inline constexpr std::string_view kErrDisableCount = "ErrDisableCount";
inline constexpr std::string_view kStpTopologyChanges = "StpTopologyChanges";
inline constexpr std::string_view kPowerEvents = "PowerEvents";
inline constexpr std::string_view kPoEFaults = "PoEFaults";
inline constexpr std::string_view kCrcErrorsDelta = "CrcErrorsDelta";
inline constexpr std::string_view kInputErrorsDelta = "InputErrorsDelta";
inline constexpr std::string_view kCrcErrorsPerMinute = "CrcErrorsPerMinute";
inline constexpr std::string_view kReloads = "Reloads";

// Every metric name above, for rules that name one (checked when the rule loads).
inline constexpr std::array kAllMetrics{kInterfacesUp, kInterfacesDown, kInterfacesAdminDown, kInterfacesErrDisabled,
                                        kPortFlapEvents, kAuthFailureCount, kErrDisableCount, kStpTopologyChanges,
                                        kPowerEvents, kPoEFaults, kCrcErrorsDelta, kInputErrorsDelta,
                                        kCrcErrorsPerMinute, kReloads};

inline constexpr std::string_view kTagFlapping = "flapping";
inline constexpr std::string_view kTagAuthFailing = "auth-failing";
inline constexpr std::string_view kTagErrDisabled = "err-disabled";
inline constexpr std::string_view kTagReloaded = "reloaded";
inline constexpr std::string_view kTagCrcGrowing = "crc-growing";

}  // namespace st::metrics::names
