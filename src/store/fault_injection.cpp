#include "store/fault_injection.h"

#include <cstdio>
#include <cstdlib>

namespace st::store {

FaultInjector FaultInjector::from_environment() {
  FaultInjector f;
  if (const char* env = std::getenv("STATETRACE_FAULT_AFTER_ROWS"); env && *env) {
    f.remaining_ = std::strtoull(env, nullptr, 10);
  }
  return f;
}

void FaultInjector::on_row() {
  if (!remaining_) return;
  if (*remaining_ == 0) {
    std::fputs("statetrace: fault injection: the writer dies now (STATETRACE_FAULT_AFTER_ROWS)\n", stderr);
    std::fflush(stderr);
    std::_Exit(70);  // no destructors, no rollback: as close to a crash as a test can get
  }
  --*remaining_;
}

}  // namespace st::store
