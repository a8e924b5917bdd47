// A stored source file read window by window through the core's raw reader, with
// the two scans the raw log viewer runs off the GUI thread: the line index and find.
// Plain C++ (no Qt): each thread that reads opens its own RawFile (one sqlite3* each).
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"

namespace st::ui {

// Windows line up with the store's 256 KiB raw chunks, so a window is one chunk.
inline constexpr std::uint64_t kRawWindowBytes = 256 * 1024;

class RawFile {
 public:
  // Opens `path` (inside the bundle) of `run` in the store read-only.
  static Result<RawFile> open(const std::filesystem::path& store, RunId run, std::string path);

  RunId run() const { return run_; }
  const std::string& path() const { return path_; }
  std::uint64_t size() const { return size_; }

  // The bytes [offset, offset + length), clipped to the file. Only the windows
  // touched are read; the last few are kept.
  Result<std::string> read(std::uint64_t offset, std::uint64_t length);
  // Window `index` ([index * kRawWindowBytes, ...)).
  Result<std::string_view> window(std::uint64_t index);
  std::uint64_t windowCount() const { return (size_ + kRawWindowBytes - 1) / kRawWindowBytes; }

 private:
  RawFile(store::Database db, RunId run, std::string path, std::uint64_t size)
      : db_(std::move(db)), run_(run), path_(std::move(path)), size_(size) {}

  struct Cached {
    std::uint64_t index;
    std::string bytes;
  };
  store::Database db_;
  RunId run_;
  std::string path_;
  std::uint64_t size_ = 0;
  std::deque<Cached> cache_;  // most recent first
};

// A piece of the line index: the starts of the lines found in the bytes scanned since
// the last piece. Line 0 starts at 0; a line ends after its '\n'.
struct LineIndexPiece {
  std::vector<std::uint64_t> starts;
  std::uint64_t scanned_to = 0;      // bytes scanned so far
  std::uint64_t longest_line = 0;    // longest line so far, in bytes
  bool done = false;
};

// Scans the whole file, handing a piece to `emit` about every `piece_bytes`, and a
// last one with done set. Returns early (Cancelled) when `cancel` is set.
Result<void> build_line_index(RawFile& file, const std::atomic<bool>& cancel,
                              const std::function<void(LineIndexPiece&&)>& emit,
                              std::uint64_t piece_bytes = 8 * kRawWindowBytes);

struct FindRequest {
  std::string needle;
  bool match_case = false;
  bool backward = false;
  // Forward: the first match starting at or after `from`; backward: the last match
  // starting before `from`. Either wraps around the file once.
  std::uint64_t from = 0;
};

struct FindResult {
  std::optional<ByteRange> match;
  bool wrapped = false;
};

// Searches the file window by window (matches may cross windows). Cancelled when
// `cancel` is set.
Result<FindResult> find_in_file(RawFile& file, const FindRequest& request, const std::atomic<bool>& cancel);

}  // namespace st::ui
