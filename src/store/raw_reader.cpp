#include "store/raw_reader.h"

#include <algorithm>
#include <fmt/format.h>

#include "util/zstd_codec.h"

namespace st::store {

Result<std::string> read_raw(Database& db, RunId run, std::string_view file, ByteRange range) {
  ST_TRY(auto find, db.prepare("SELECT id, size FROM files WHERE run_id = ? AND path = ?"));
  find.bind_all(SqlValue{run.value}, SqlValue{file});
  ST_TRY(bool found, find.step());
  if (!found) {
    return fail(Error{ErrorKind::NotFound, fmt::format("run {} has no file with this path", run.value),
                      std::string(file), {}, {}, "list a run's files with: statetrace-cli sections --run N"});
  }
  std::int64_t file_id = find.int64(0);
  auto size = static_cast<std::uint64_t>(find.int64(1));
  if (range.offset > size || range.length > size - range.offset) {
    return fail(Error{ErrorKind::Usage,
                      fmt::format("byte range {}+{} is past the end of the file ({} bytes)", range.offset,
                                  range.length, size),
                      std::string(file), {}, range.offset, {}});
  }
  std::string out;
  out.reserve(range.length);
  if (range.length == 0) return out;
  ST_TRY(auto chunks, db.prepare(
      "SELECT raw_offset, raw_length, codec, data FROM file_chunks "
      "WHERE file_id = ? AND raw_offset < ? AND raw_offset + raw_length > ? ORDER BY seq"));
  chunks.bind_all(SqlValue{file_id}, SqlValue{static_cast<std::int64_t>(range.end())},
                  SqlValue{static_cast<std::int64_t>(range.offset)});
  while (true) {
    ST_TRY(bool row, chunks.step());
    if (!row) break;
    auto chunk_offset = static_cast<std::uint64_t>(chunks.int64(0));
    auto chunk_length = static_cast<std::size_t>(chunks.int64(1));
    std::string codec = chunks.text(2);
    std::string decoded;
    std::string_view data = chunks.blob(3);
    if (codec == "zstd") {
      auto plain = util::zstd_decompress(data, chunk_length);
      if (!plain) {
        Error e = plain.error();
        e.with_file(std::string(file)).with_offset(chunk_offset);
        return fail(std::move(e));
      }
      decoded = std::move(*plain);
      data = decoded;
    } else if (codec != "none") {
      return fail(Error{ErrorKind::Store, fmt::format("unsupported chunk codec '{}'", codec), std::string(file), {},
                        chunk_offset, "this store was written by a newer StateTrace"});
    }
    std::uint64_t from = std::max(range.offset, chunk_offset) - chunk_offset;
    std::uint64_t to = std::min(range.end(), chunk_offset + data.size()) - chunk_offset;
    out.append(data.substr(from, to - from));
  }
  if (out.size() != range.length) {
    return fail(Error{ErrorKind::Store, "stored chunks do not cover the requested range", std::string(file), {},
                      range.offset, "the store may be damaged: run sqlite3 FILE 'PRAGMA integrity_check'"});
  }
  return out;
}

}  // namespace st::store
