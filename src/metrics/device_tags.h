// Tags that mark a device in one run (`flapping`, `auth-failing`, ...) from that run's
// metrics and the thresholds in metrics/thresholds.h.
#pragma once

#include <map>
#include <string_view>
#include <vector>

namespace st::metrics {

// `metrics`: metric name -> value for one device and run (absent: not measured).
std::vector<std::string_view> device_tags(const std::map<std::string_view, double>& metrics);

}  // namespace st::metrics
