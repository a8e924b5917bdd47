// The CLI's exit codes, a contract for scripts: 0 ok, 1 error, 2 usage, 3 input refused.
#pragma once

#include "core/error.h"

namespace st::cli {

enum ExitCode : int { kOk = 0, kError = 1, kUsage = 2, kInputRefused = 3 };

inline int exit_code_for(const Error& e) {
  switch (e.kind) {
    case ErrorKind::Usage: return kUsage;
    case ErrorKind::InputRefused: return kInputRefused;
    default: return kError;
  }
}

}  // namespace st::cli
