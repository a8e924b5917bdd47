// Incident clusters of one run: for each pattern, the windows in which all of its steps are
// seen (on one device, or across one site's devices), earliest first and not overlapping.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "insights/cluster_pattern.h"
#include "insights/finding.h"
#include "insights/run_context.h"

namespace st::insights {

class CompiledRules;

struct Cluster {
  const ClusterPattern* pattern = nullptr;
  std::string site;
  std::vector<std::int64_t> device_ids;
  std::vector<std::string> devices;  // hostnames, sorted
  std::int64_t first_ms = 0, last_ms = 0;
  std::size_t count = 0;       // events in the cluster
  std::size_t interfaces = 0;  // distinct (device, interface)
  std::vector<Evidence> evidence;
  std::string summary;
};

Result<std::vector<Cluster>> find_clusters(const CompiledRules& rules, RunContext& ctx);

}  // namespace st::insights
