// A libarchive read handle over a zip or (gzip-compressed) tar, entry by entry, as a stream:
// nothing is written to disk and entry names are only reported, never opened.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "bundle/bundle_format.h"
#include "core/error.h"

struct archive;

namespace st::bundle {

enum class EntryType { Regular, Directory, Symlink, Hardlink, Other };

struct ArchiveEntry {
  std::string raw_name;                    // exactly as the archive spells it
  EntryType type = EntryType::Other;
  std::string link_target;                 // for symbolic and hard links
  std::optional<std::uint64_t> size;       // uncompressed, as declared in the header
  std::optional<std::int64_t> mtime_unix;  // seconds since the epoch
  bool encrypted = false;
};

class ArchiveStream {
 public:
  // Refuses (InputRefused, file = the archive) what libarchive cannot open as `format`.
  static Result<ArchiveStream> open(const std::filesystem::path& path, BundleFormat format);

  // The next entry's header, std::nullopt at the end of the archive.
  Result<std::optional<ArchiveEntry>> next_entry();
  // Reads up to `capacity` bytes of the current entry's data; 0 at its end.
  Result<std::size_t> read(char* into, std::size_t capacity);
  // Moves past the current entry's data without handing it out.
  Result<void> skip();

  // "corrupt or truncated archive" with libarchive's reason, the member and the byte offset.
  Error corrupt(std::string_view doing) const;

 private:
  struct Closer {
    void operator()(struct archive* a) const;
  };
  ArchiveStream(std::filesystem::path path, struct archive* a) : path_(std::move(path)), a_(a) {}

  std::filesystem::path path_;
  std::unique_ptr<struct archive, Closer> a_;
  std::string current_;  // the current entry's raw name, for errors
};

}  // namespace st::bundle
