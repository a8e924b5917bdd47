#include "bundle/archive_stream.h"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>

namespace st::bundle {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kBlockSize = 64 * 1024;

const char* reason_of(struct archive* a) {
  const char* text = archive_error_string(a);
  return text ? text : "unknown libarchive error";
}

EntryType type_of(struct archive_entry* e) {
  if (archive_entry_hardlink(e)) return EntryType::Hardlink;
  switch (archive_entry_filetype(e)) {
    case AE_IFREG: return EntryType::Regular;
    case AE_IFDIR: return EntryType::Directory;
    case AE_IFLNK: return EntryType::Symlink;
    default: return EntryType::Other;
  }
}

}  // namespace

void ArchiveStream::Closer::operator()(struct archive* a) const { archive_read_free(a); }

Result<ArchiveStream> ArchiveStream::open(const fs::path& path, BundleFormat format) {
  struct archive* a = archive_read_new();
  if (!a) return fail(ErrorKind::Internal, "libarchive could not allocate a reader");
  ArchiveStream stream(path, a);
  switch (format) {
    case BundleFormat::Zip:
      archive_read_support_format_zip(a);  // central directory when present, else local headers
      break;
    case BundleFormat::TarGzip:
      archive_read_support_filter_gzip(a);
      archive_read_support_format_tar(a);
      break;
    case BundleFormat::Tar:
      archive_read_support_format_tar(a);
      break;
    default:
      return fail(ErrorKind::Internal, fmt::format("not an archive format: {}", to_string(format)));
  }
  if (archive_read_open_filename(a, path.c_str(), kBlockSize) != ARCHIVE_OK) {
    return fail(stream.corrupt(fmt::format("opening it as {}", to_string(format))));
  }
  return stream;
}

Result<std::optional<ArchiveEntry>> ArchiveStream::next_entry() {
  struct archive_entry* e = nullptr;
  int rc = archive_read_next_header(a_.get(), &e);
  if (rc == ARCHIVE_EOF) {
    current_.clear();
    return std::optional<ArchiveEntry>{};
  }
  if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
    current_.clear();
    return fail(corrupt("reading the next member's header"));
  }
  ArchiveEntry entry;
  const char* name = archive_entry_pathname(e);
  if (!name) name = archive_entry_pathname_utf8(e);
  entry.raw_name = name ? name : "";
  current_ = entry.raw_name;
  entry.type = type_of(e);
  if (entry.type == EntryType::Hardlink) {
    entry.link_target = archive_entry_hardlink(e);
  } else if (entry.type == EntryType::Symlink) {
    const char* target = archive_entry_symlink(e);
    entry.link_target = target ? target : "";
  }
  if (archive_entry_size_is_set(e) && archive_entry_size(e) >= 0) {
    entry.size = static_cast<std::uint64_t>(archive_entry_size(e));
  }
  if (archive_entry_mtime_is_set(e)) entry.mtime_unix = archive_entry_mtime(e);
  entry.encrypted = archive_entry_is_encrypted(e) != 0;
  return std::optional<ArchiveEntry>{std::move(entry)};
}

Result<std::size_t> ArchiveStream::read(char* into, std::size_t capacity) {
  la_ssize_t n = archive_read_data(a_.get(), into, capacity);
  if (n < 0) return fail(corrupt("reading member data"));
  return static_cast<std::size_t>(n);
}

Result<void> ArchiveStream::skip() {
  if (archive_read_data_skip(a_.get()) != ARCHIVE_OK) return fail(corrupt("skipping member data"));
  return {};
}

Error ArchiveStream::corrupt(std::string_view doing) const {
  std::string member = current_.empty() ? std::string{} : fmt::format(" in member '{}'", current_);
  Error error{ErrorKind::InputRefused,
              fmt::format("corrupt or truncated archive{} while {}: {}", member, doing, reason_of(a_.get())),
              path_.string(), {}, {}, "is the archive complete? Re-create it, or ingest the unpacked folder"};
  la_int64_t offset = archive_filter_bytes(a_.get(), -1);  // raw archive bytes consumed so far
  if (offset >= 0) error.offset = static_cast<std::uint64_t>(offset);
  return error;
}

}  // namespace st::bundle
