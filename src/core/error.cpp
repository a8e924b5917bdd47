#include "core/error.h"

#include <fmt/format.h>

namespace st {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Usage: return "usage";
    case ErrorKind::InputRefused: return "input_refused";
    case ErrorKind::NotFound: return "not_found";
    case ErrorKind::Io: return "io";
    case ErrorKind::Store: return "store";
    case ErrorKind::Parse: return "parse";
    case ErrorKind::Cancelled: return "cancelled";
    case ErrorKind::Internal: return "internal";
  }
  return "internal";
}

std::string Error::describe() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line) out += fmt::format(":{}", *line);
    else if (offset) out += fmt::format(": byte {}", *offset);
    out += ": ";
  }
  out += message;
  if (!hint.empty()) out += fmt::format(" ({})", hint);
  return out;
}

}  // namespace st
