// Sections of the capture no parser read (or a parser failed on), listed by command: the
// templates the parser owners should write next.
#include <set>

#include "insights/condition_evaluators.h"
#include "rules/safe_regex.h"

namespace st::insights {

Result<void> evaluate_sections(const CompiledRules::Entry& entry, const SectionsCondition& c, RunContext& ctx,
                               const RunDevice& device, std::vector<Finding>& out) {
  std::optional<rules::SafeRegex> reason, command_pattern;
  if (!c.reason.empty()) {
    ST_TRY(auto re, rules::SafeRegex::compile(c.reason, rules::Budget{}));
    reason = std::move(re);
  }
  if (!c.command.empty()) {
    ST_TRY(auto re, rules::SafeRegex::compile(c.command, rules::Budget{}));
    command_pattern = std::move(re);
  }
  ST_TRY(auto stmt, ctx.db().prepare("SELECT s.command, s.canonical_command, s.reason, s.file_id, s.offset, s.length"
                                     " FROM sections s WHERE s.run_id = ? AND s.device_id = ? AND s.status = ?"
                                     " ORDER BY s.file_id, s.offset"));
  stmt.bind_all(store::SqlValue{ctx.run().value}, store::SqlValue{device.id}, store::SqlValue{std::string_view(c.status)});
  Finding f = finding_for(entry, device);
  std::set<std::string> commands;
  while (true) {
    ST_TRY(bool row, stmt.step());
    if (!row) break;
    if (reason) {
      rules::StopReason stopped = rules::StopReason::None;
      if (!reason->matches(stmt.optional_text(2).value_or(""), stopped)) continue;
    }
    if (command_pattern) {
      rules::StopReason stopped = rules::StopReason::None;
      if (!command_pattern->matches(stmt.text(0), stopped)) continue;
    }
    const std::string command = stmt.optional_text(1).value_or(stmt.text(0));
    if (commands.insert(command).second) f.objects.push_back(command);
    f.add_evidence({stmt.int64(3), static_cast<std::uint64_t>(stmt.int64(4)), static_cast<std::uint64_t>(stmt.int64(5)),
                    std::nullopt});
  }
  f.count = static_cast<double>(f.objects.size());
  if (f.objects.empty()) return {};
  out.push_back(std::move(f));
  return {};
}

}  // namespace st::insights
