#include "metrics/device_tags.h"

#include "metrics/metric_names.h"
#include "metrics/thresholds.h"

namespace st::metrics {

std::vector<std::string_view> device_tags(const std::map<std::string_view, double>& metrics) {
  const auto at_least = [&](std::string_view name, double threshold) {
    auto it = metrics.find(name);
    return it != metrics.end() && it->second >= threshold;
  };
  std::vector<std::string_view> tags;
  if (at_least(names::kPortFlapEvents, kFlappingMinTransitions)) tags.push_back(names::kTagFlapping);
  if (at_least(names::kAuthFailureCount, kAuthFailingMinFailures)) tags.push_back(names::kTagAuthFailing);
  if (at_least(names::kInterfacesErrDisabled, kErrDisabledMinPorts) ||
      at_least(names::kErrDisableCount, kErrDisabledMinPorts)) {
    tags.push_back(names::kTagErrDisabled);
  }
  if (at_least(names::kReloads, 1)) tags.push_back(names::kTagReloaded);
  if (at_least(names::kCrcErrorsPerMinute, kCrcGrowingMinPerMinute)) tags.push_back(names::kTagCrcGrowing);
  return tags;
}

}  // namespace st::metrics
