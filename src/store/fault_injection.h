// Test-only crash point: with STATETRACE_FAULT_AFTER_ROWS=N the store writer kills the
// process after writing N rows, mid-transaction, to prove an ingest is all or nothing.
#pragma once

#include <cstdint>
#include <optional>

namespace st::store {

class FaultInjector {
 public:
  static FaultInjector from_environment();
  // Counts one written row; terminates the process when the budget is spent.
  void on_row();

 private:
  std::optional<std::uint64_t> remaining_;
};

}  // namespace st::store
