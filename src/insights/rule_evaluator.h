// Evaluates one compiled rule over one run: one finding per device whose data meets the
// rule's condition, with its evidence, summary and the missing-command advice.
#pragma once

#include <vector>

#include "core/error.h"
#include "insights/finding.h"
#include "insights/rule_set.h"
#include "insights/run_context.h"

namespace st::insights {

Result<std::vector<Finding>> evaluate_rule(const CompiledRules::Entry& entry, RunContext& ctx);

}  // namespace st::insights
