// A bundle on disk: a directory of .log captures (or a single .log file).
// Archives arrive in Foundation II behind the same interface.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace st::bundle {

struct BundleMember {
  std::string path;                 // inside the bundle, '/'-separated: "site-a/SW1.log"
  std::filesystem::path location;   // where to read it
  std::uint64_t size = 0;
  std::optional<std::int64_t> mtime_unix;  // seconds since the epoch
};

struct Bundle {
  std::filesystem::path root;
  std::vector<BundleMember> members;  // .log files, sorted by path
  std::vector<std::string> skipped;   // other files, listed so nothing is silently ignored
};

// Refuses (ErrorKind::InputRefused) a path that does not exist or holds no .log file.
Result<Bundle> open_bundle(const std::filesystem::path& path);

// The member's bytes, exactly as on disk.
Result<std::string> read_member(const BundleMember& member);

}  // namespace st::bundle
