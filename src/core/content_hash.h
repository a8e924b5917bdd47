// Content hashes of normalized rows: equal fields give equal hashes across runs, so
// later diffs skip unchanged objects without comparing them field by field.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace st {

class ContentHash {
 public:
  ContentHash& add(std::string_view field);
  ContentHash& add(const std::string& field) { return add(std::string_view(field)); }
  ContentHash& add(const char* field) { return add(std::string_view(field)); }
  ContentHash& add(const std::optional<std::string>& field);
  std::string hex() const;  // 16 lowercase hex digits (FNV-1a 64)

 private:
  std::uint64_t state_ = 14695981039346656037ull;
};

}  // namespace st
