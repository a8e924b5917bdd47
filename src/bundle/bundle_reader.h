// A bundle: a directory of .log captures, a single .log, or a .zip / .tar.gz / .tgz / .tar
// archive of them. open_bundle lists it; BundleReader then yields its captures one at a
// time with their bytes, so a directory and an archive look the same to the pipeline.
// Archives are read as streams: nothing is extracted, member names never become paths.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "bundle/bundle_format.h"
#include "core/error.h"

namespace st::bundle {

class ArchiveStream;

struct BundleLimits {
  std::uint64_t max_member_bytes = std::uint64_t{2} << 30;  // 2 GiB: one capture, uncompressed
  // An archive's files together, uncompressed, stay within ratio x the archive's own size.
  double max_expansion_ratio = 200;
};

struct BundleMember {
  std::string path;                 // inside the bundle, '/'-separated: "site-a/SW1.log"
  std::filesystem::path location;   // the file to read: the capture itself, or the archive holding it
  std::uint64_t size = 0;           // on disk, or as the archive header declares it
  std::optional<std::int64_t> mtime_unix;  // seconds since the epoch
};

struct Bundle {
  std::filesystem::path root;
  BundleFormat format = BundleFormat::Directory;
  std::uint64_t archive_bytes = 0;     // the archive file's size (archives only)
  std::vector<BundleMember> members;   // .log captures: sorted by path in a directory, archive order in an archive
  std::vector<std::string> skipped;    // other files, listed so nothing is silently ignored;
                                       // links and unreadable members carry their reason: "x.log (symbolic link ...)"
  std::vector<std::string> warnings;   // e.g. member names rewritten to stay inside the bundle
};

// Lists a bundle without reading its captures (an archive's headers are read, its data skipped).
// Refuses (ErrorKind::InputRefused, file = the path) a path that does not exist, a file that is
// neither a capture nor an archive, a corrupt or truncated archive, and a bundle with no .log file.
Result<Bundle> open_bundle(const std::filesystem::path& path);

// The member's bytes, exactly as on disk (directory and single-file bundles only).
Result<std::string> read_member(const BundleMember& member);

struct MemberData {
  BundleMember member;
  std::string bytes;  // the whole capture, read once into this buffer
};

// Yields a listed bundle's captures in the order of Bundle::members, enforcing the limits:
// a refusal (InputRefused) names the bundle file and the member.
class BundleReader {
 public:
  static Result<BundleReader> open(const Bundle& bundle, BundleLimits limits = {});
  BundleReader(BundleReader&&) noexcept;
  BundleReader& operator=(BundleReader&&) noexcept;
  ~BundleReader();

  // The member the next call to next() yields, or nullptr at the end.
  const BundleMember* upcoming() const;
  // The next capture with its bytes; std::nullopt after the last one.
  Result<std::optional<MemberData>> next();

 private:
  BundleReader(const Bundle& bundle, BundleLimits limits);
  Result<std::string> read_file(const BundleMember& member);
  Result<std::string> read_archive_member(const BundleMember& member);
  Result<std::string> read_entry_data(const BundleMember& member, std::optional<std::uint64_t> declared);
  Error refused(const BundleMember& member, std::string message, std::string hint) const;
  std::uint64_t expansion_budget() const;

  const Bundle* bundle_;
  BundleLimits limits_;
  std::unique_ptr<ArchiveStream> archive_;
  std::size_t next_ = 0;
  std::uint64_t expanded_ = 0;  // uncompressed bytes of the archive's files so far
  std::unordered_set<std::string> seen_;  // member names met so far, as open_bundle met them
};

}  // namespace st::bundle
