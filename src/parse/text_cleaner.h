// Cleans a member's text before it is split and parsed, without losing where each byte came from.
//
// Real captures carry terminal noise: CRLF / CR CR LF line ends, ANSI escape sequences (CSI, OSC,
// two-byte ESC), backspace overstrike, pager residue (`--More--` erased by backspaces, or left
// inline), NUL bytes, invalid UTF-8 and runaway lines. `clean_text` removes it and returns the
// cleaned text plus an OffsetMap that turns any ByteRange in the cleaned text back into the range
// of RAW bytes it came from, so stored ranges keep pointing at the exact bytes of the file.
//
// Choices (documented here because parsers and tests rely on them):
// - A backspace deletes the previous character of the same line (`abc\b\bxy` -> "axy").
// - A bare CR (not part of a line end) is a line break.
// - Invalid UTF-8: each maximal invalid subsequence becomes U+FFFD (EF BF BD).
// - NUL, BEL, DEL and other C0 controls except \t \n \f \v are removed; a UTF-8 BOM is removed.
// - Lines longer than `max_line_bytes` RAW bytes keep their first `max_line_bytes` bytes; the rest
//   is skipped with a note at its offset.
// - CRLF, ANSI and pager residue are normal terminal output and give no note; NULs, other
//   controls, invalid UTF-8 and long lines do (one note per kind with the count and the first
//   position; long lines one note each, up to kMaxLongLineNotes).
// - A member whose first `sniff_bytes` are more than `binary_fraction` non-text bytes (NUL,
//   controls, invalid UTF-8) is Content::Binary; a UTF-16 BOM or NULs in every other byte is
//   Content::Utf16: neither is cleaned (text is empty), a note says why.
//
// Clean input (the common case) costs one SIMD scan and no copy: text() is a view of the raw bytes
// and the map is the identity.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ids.h"

namespace st::parse {

struct CleanOptions {
  std::size_t max_line_bytes = 64 * 1024;
  std::size_t sniff_bytes = 64 * 1024;  // how much of the member decides binary / UTF-16
  double binary_fraction = 0.30;        // non-text share above which a member is binary
};

inline constexpr std::size_t kMaxLongLineNotes = 100;

// A ByteRange in the cleaned text -> the RAW bytes it came from. Bytes removed by cleaning
// belong to the start of the range of the next kept byte (so section ranges still tile the
// member); a range that reaches the end of the cleaned text reaches the end of the raw bytes.
class OffsetMap {
 public:
  struct Breakpoint {
    std::uint64_t clean = 0;
    std::uint64_t raw = 0;
  };

  static OffsetMap identity(std::uint64_t size) { return OffsetMap(size, size, {}); }
  OffsetMap(std::uint64_t clean_size, std::uint64_t raw_size, std::vector<Breakpoint> breakpoints)
      : clean_size_(clean_size), raw_size_(raw_size), breakpoints_(std::move(breakpoints)) {}
  OffsetMap() = default;

  bool is_identity() const { return breakpoints_.empty() && clean_size_ == raw_size_; }
  ByteRange to_raw(ByteRange clean) const;
  // The raw position of the clean byte at `clean` (clean < clean_size).
  std::uint64_t raw_position(std::uint64_t clean) const;
  std::size_t breakpoint_count() const { return breakpoints_.size(); }

 private:
  std::uint64_t boundary(std::uint64_t clean) const;  // raw offset of a range boundary

  std::uint64_t clean_size_ = 0;
  std::uint64_t raw_size_ = 0;
  std::vector<Breakpoint> breakpoints_;  // sorted by clean (and by raw); empty = identity
};

// Something the cleaner changed or refused, at RAW offsets.
struct CleanupNote {
  ByteRange at;
  std::string message;
};

enum class Content { Text, Binary, Utf16 };

class CleanText {
 public:
  // The cleaned text: a view of the raw bytes when they were clean, else of the owned copy.
  std::string_view text() const { return copied_ ? std::string_view(owned_) : view_; }
  bool copied() const { return copied_; }
  const OffsetMap& map() const { return map_; }
  const std::vector<CleanupNote>& notes() const { return notes_; }
  Content content() const { return content_; }

 private:
  friend CleanText clean_text(std::string_view raw, const CleanOptions& options);
  std::string owned_;
  std::string_view view_;
  bool copied_ = false;
  OffsetMap map_;
  std::vector<CleanupNote> notes_;
  Content content_ = Content::Text;
};

// True when `raw` needs no cleaning: no CR, ESC, BS, NUL or other C0 control except \t \n,
// no byte >= 0x80, no line longer than `max_line_bytes` and no pager prompt.
bool is_clean(std::string_view raw, std::size_t max_line_bytes = 64 * 1024);

// Cleans `raw`. The result may view `raw`: keep `raw` alive and unmoved while it is used.
CleanText clean_text(std::string_view raw, const CleanOptions& options = {});

}  // namespace st::parse
