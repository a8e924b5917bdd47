#include "core/content_hash.h"

#include <fmt/format.h>

namespace st {
namespace {
constexpr std::uint64_t kPrime = 1099511628211ull;
}

ContentHash& ContentHash::add(std::string_view field) {
  for (unsigned char c : field) {
    state_ ^= c;
    state_ *= kPrime;
  }
  // A separator byte that cannot be confused with text keeps ("ab","c") apart from ("a","bc").
  state_ ^= 0x1f;
  state_ *= kPrime;
  return *this;
}

ContentHash& ContentHash::add(const std::optional<std::string>& field) {
  if (!field) {
    state_ ^= 0x1e;  // null differs from ""
    state_ *= kPrime;
    return *this;
  }
  return add(std::string_view(*field));
}

std::string ContentHash::hex() const { return fmt::format("{:016x}", state_); }

}  // namespace st
