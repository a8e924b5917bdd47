// One evaluator per kind of condition (rule_evaluator.cpp dispatches); each appends the
// findings of one device. Objects, evidence and counts are filled here; summaries and advice
// by the caller.
#pragma once

#include <vector>

#include "core/error.h"
#include "insights/finding.h"
#include "insights/rule_set.h"
#include "insights/run_context.h"

namespace st::insights {

Result<void> evaluate_events(const CompiledRules::Entry& entry, const EventsCondition& c, RunContext& ctx,
                             const RunDevice& device, std::vector<Finding>& out);
Result<void> evaluate_objects(const CompiledRules::Entry& entry, const ObjectsCondition& c, RunContext& ctx,
                              const RunDevice& device, std::vector<Finding>& out);
Result<void> evaluate_diff(const CompiledRules::Entry& entry, const DiffCondition& c, RunContext& ctx,
                           const RunDevice& device, std::vector<Finding>& out);
Result<void> evaluate_metric(const CompiledRules::Entry& entry, const MetricCondition& c, RunContext& ctx,
                             const RunDevice& device, std::vector<Finding>& out);
Result<void> evaluate_sections(const CompiledRules::Entry& entry, const SectionsCondition& c, RunContext& ctx,
                               const RunDevice& device, std::vector<Finding>& out);
Result<void> evaluate_missing_commands(const CompiledRules::Entry& entry, const MissingCommandsCondition& c,
                                       RunContext& ctx, const RunDevice& device, std::vector<Finding>& out);

// A finding of `entry` on `device` with nothing in it yet.
Finding finding_for(const CompiledRules::Entry& entry, const RunDevice& device);
// "interface:Gi1/0/5" -> "Gi1/0/5", "stp_port:10:Gi1/0/1" -> "10:Gi1/0/1".
std::string object_name(std::string_view key);

}  // namespace st::insights
