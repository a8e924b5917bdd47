#include "store/member_index.h"

#include <algorithm>

namespace st::store {

Result<std::optional<RunId>> run_holding_all_members(Database& db, const std::vector<std::string>& sha256s,
                                                     RunId before) {
  if (sha256s.empty()) return std::optional<RunId>{};
  ST_TRY(auto stmt, db.prepare("SELECT MAX(run_id) FROM files WHERE sha256 = ? AND run_id < ?"));
  std::int64_t latest = 0;
  for (const auto& hash : sha256s) {
    stmt.bind_all(SqlValue{std::string_view(hash)}, SqlValue{before.value});
    ST_TRY(bool row, stmt.step());
    if (!row || stmt.is_null(0)) return std::optional<RunId>{};
    latest = std::max(latest, stmt.int64(0));
  }
  return std::optional<RunId>{RunId{latest}};
}

}  // namespace st::store
