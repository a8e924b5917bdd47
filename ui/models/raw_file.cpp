#include "ui/models/raw_file.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

#include "store/health.h"
#include "store/raw_reader.h"
#include "store/store.h"

namespace st::ui {
namespace {

constexpr std::size_t kCachedWindows = 6;

void lower_ascii(std::string& text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

std::unexpected<Error> cancelled() { return fail(ErrorKind::Cancelled, "cancelled"); }

}  // namespace

Result<RawFile> RawFile::open(const std::filesystem::path& store_path, RunId run, std::string path) {
  ST_TRY(auto db, store::open_store(store_path, store::OpenMode::ReadOnly));
  ST_TRY(auto files, store::list_run_files(db, run));
  for (const auto& file : files) {
    if (file.path == path) return RawFile(std::move(db), run, std::move(path), file.size);
  }
  return fail(Error{ErrorKind::NotFound, "run " + std::to_string(run.value) + " has no file with this path",
                    std::move(path), {}, {}, {}});
}

Result<std::string_view> RawFile::window(std::uint64_t index) {
  for (auto it = cache_.begin(); it != cache_.end(); ++it) {
    if (it->index != index) continue;
    if (it != cache_.begin()) {
      Cached hit = std::move(*it);
      cache_.erase(it);
      cache_.push_front(std::move(hit));
    }
    return std::string_view(cache_.front().bytes);
  }
  const std::uint64_t offset = index * kRawWindowBytes;
  if (offset >= size_) return std::string_view();
  ST_TRY(auto bytes, store::read_raw(db_, run_, path_, ByteRange{offset, std::min(kRawWindowBytes, size_ - offset)}));
  cache_.push_front(Cached{index, std::move(bytes)});
  if (cache_.size() > kCachedWindows) cache_.pop_back();
  return std::string_view(cache_.front().bytes);
}

Result<std::string> RawFile::read(std::uint64_t offset, std::uint64_t length) {
  std::string out;
  if (offset >= size_) return out;
  const std::uint64_t end = offset + std::min(length, size_ - offset);
  out.reserve(end - offset);
  for (std::uint64_t index = offset / kRawWindowBytes; index * kRawWindowBytes < end; ++index) {
    ST_TRY(auto bytes, window(index));
    const std::uint64_t base = index * kRawWindowBytes;
    const std::uint64_t from = std::max(offset, base) - base;
    const std::uint64_t to = std::min<std::uint64_t>(end - base, bytes.size());
    out.append(bytes.substr(from, to - from));
  }
  return out;
}

Result<void> build_line_index(RawFile& file, const std::atomic<bool>& cancel,
                              const std::function<void(LineIndexPiece&&)>& emit, std::uint64_t piece_bytes) {
  LineIndexPiece piece;
  if (file.size() > 0) piece.starts.push_back(0);
  std::uint64_t line_start = 0;
  std::uint64_t since_emit = 0;
  for (std::uint64_t index = 0; index < file.windowCount(); ++index) {
    if (cancel.load(std::memory_order_relaxed)) return cancelled();
    ST_TRY(auto bytes, file.window(index));
    const std::uint64_t base = index * kRawWindowBytes;
    const char* data = bytes.data();
    std::size_t pos = 0;
    while (pos < bytes.size()) {
      const void* hit = std::memchr(data + pos, '\n', bytes.size() - pos);
      if (!hit) break;
      const std::size_t newline = static_cast<std::size_t>(static_cast<const char*>(hit) - data);
      const std::uint64_t next = base + newline + 1;
      piece.longest_line = std::max(piece.longest_line, next - line_start);
      if (next < file.size()) piece.starts.push_back(next);
      line_start = next;
      pos = newline + 1;
    }
    piece.scanned_to = base + bytes.size();
    since_emit += bytes.size();
    if (since_emit >= piece_bytes && index + 1 < file.windowCount()) {
      since_emit = 0;
      LineIndexPiece out{std::move(piece.starts), piece.scanned_to, piece.longest_line, false};
      piece.starts.clear();
      emit(std::move(out));
    }
  }
  piece.longest_line = std::max(piece.longest_line, file.size() - line_start);
  piece.scanned_to = file.size();
  piece.done = true;
  emit(std::move(piece));
  return {};
}

namespace {

// The first match starting in [a, b) (matches may run past b, up to the end of the file).
Result<std::optional<std::uint64_t>> find_forward(RawFile& file, std::string_view needle, bool match_case,
                                                  std::uint64_t a, std::uint64_t b,
                                                  const std::atomic<bool>& cancel) {
  const std::uint64_t n = needle.size();
  if (a >= b || n == 0 || n > file.size()) return std::nullopt;
  const std::uint64_t last_window = std::min(file.windowCount(), (b - 1 + n - 1) / kRawWindowBytes + 1);
  std::string buffer;
  std::uint64_t buffer_base = (a / kRawWindowBytes) * kRawWindowBytes;
  for (std::uint64_t index = a / kRawWindowBytes; index < last_window; ++index) {
    if (cancel.load(std::memory_order_relaxed)) return cancelled();
    ST_TRY(auto bytes, file.window(index));
    const std::size_t old = buffer.size();
    buffer.append(bytes);
    if (!match_case) {
      std::string tail = buffer.substr(old);
      lower_ascii(tail);
      buffer.replace(old, std::string::npos, tail);
    }
    const std::uint64_t start = a > buffer_base ? a - buffer_base : 0;
    const std::size_t pos = buffer.find(needle, start);
    if (pos != std::string::npos) {
      if (buffer_base + pos >= b) return std::nullopt;
      return buffer_base + pos;
    }
    // Keep the last n - 1 bytes: a match may start there and end in the next window.
    const std::size_t keep = std::min<std::size_t>(buffer.size(), n - 1);
    buffer_base += buffer.size() - keep;
    buffer.erase(0, buffer.size() - keep);
  }
  return std::nullopt;
}

// The last match starting in [a, b).
Result<std::optional<std::uint64_t>> find_backward(RawFile& file, std::string_view needle, bool match_case,
                                                   std::uint64_t a, std::uint64_t b,
                                                   const std::atomic<bool>& cancel) {
  const std::uint64_t n = needle.size();
  if (a >= b || n == 0 || n > file.size()) return std::nullopt;
  const std::uint64_t first_window = a / kRawWindowBytes;
  std::uint64_t index = std::min(file.windowCount(), (b - 1 + n - 1) / kRawWindowBytes + 1);
  std::string buffer;  // window `index` followed by the first n - 1 bytes after it
  while (index-- > first_window) {
    if (cancel.load(std::memory_order_relaxed)) return cancelled();
    ST_TRY(auto bytes, file.window(index));
    std::string chunk(bytes);
    if (!match_case) lower_ascii(chunk);
    buffer = chunk + buffer.substr(0, std::min<std::size_t>(buffer.size(), n - 1));
    const std::uint64_t base = index * kRawWindowBytes;
    if (b - 1 < base) continue;
    const std::size_t pos = buffer.rfind(needle, static_cast<std::size_t>(b - 1 - base));
    if (pos != std::string::npos) {
      if (base + pos < a) return std::nullopt;
      return base + pos;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<FindResult> find_in_file(RawFile& file, const FindRequest& request, const std::atomic<bool>& cancel) {
  std::string needle = request.needle;
  if (!request.match_case) lower_ascii(needle);
  const std::uint64_t size = file.size();
  const std::uint64_t from = std::min(request.from, size);
  FindResult result;
  std::optional<std::uint64_t> hit;
  if (!request.backward) {
    ST_TRY(hit, find_forward(file, needle, request.match_case, from, size, cancel));
    if (!hit) {
      result.wrapped = true;
      ST_TRY(hit, find_forward(file, needle, request.match_case, 0, from, cancel));
    }
  } else {
    ST_TRY(hit, find_backward(file, needle, request.match_case, 0, from, cancel));
    if (!hit) {
      result.wrapped = true;
      ST_TRY(hit, find_backward(file, needle, request.match_case, from, size, cancel));
    }
  }
  if (hit) result.match = ByteRange{*hit, needle.size()};
  else result.wrapped = false;
  return result;
}

}  // namespace st::ui
