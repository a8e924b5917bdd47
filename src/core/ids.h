// Strong types for identifiers and byte positions, so a run id is never passed
// where a device id or a byte offset is expected.
#pragma once

#include <compare>
#include <cstdint>

namespace st {

template <class Tag>
struct Id {
  std::int64_t value = 0;
  constexpr auto operator<=>(const Id&) const = default;
  constexpr explicit operator bool() const { return value > 0; }
};

using RunId = Id<struct RunTag>;
using DeviceId = Id<struct DeviceTag>;
using FileId = Id<struct FileTag>;
using SectionId = Id<struct SectionTag>;

// A half-open byte range [offset, offset + length) in one raw file.
struct ByteRange {
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
  constexpr std::uint64_t end() const { return offset + length; }
  constexpr ByteRange shifted(std::uint64_t base) const { return {offset + base, length}; }
  constexpr auto operator<=>(const ByteRange&) const = default;
};

}  // namespace st
