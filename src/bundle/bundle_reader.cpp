#include "bundle/bundle_reader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <system_error>

namespace st::bundle {
namespace fs = std::filesystem;

namespace {

std::optional<std::int64_t> mtime_of(const fs::path& p) {
  std::error_code ec;
  auto t = fs::last_write_time(p, ec);
  if (ec) return std::nullopt;
  // GCC 12 has no clock_cast; file_clock::to_sys is the same conversion.
  auto sys = std::chrono::file_clock::to_sys(t);
  return std::chrono::duration_cast<std::chrono::seconds>(sys.time_since_epoch()).count();
}

bool is_log(const fs::path& p) { return p.extension() == ".log"; }

Error refused(const fs::path& path, std::string message, std::string hint = {}) {
  return Error{ErrorKind::InputRefused, std::move(message), path.string(), {}, {}, std::move(hint)};
}

}  // namespace

Result<Bundle> open_bundle(const fs::path& path) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return fail(refused(path, "no such file or directory"));

  Bundle bundle;
  bundle.root = path;
  if (fs::is_regular_file(status)) {
    if (!is_log(path)) return fail(refused(path, "not a capture: expected a directory or a .log file"));
    bundle.members.push_back({path.filename().string(), path, fs::file_size(path, ec), mtime_of(path)});
    return bundle;
  }
  if (!fs::is_directory(status)) return fail(refused(path, "not a regular file or directory"));

  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) return fail(refused(path, fmt::format("cannot read directory: {}", ec.message())));
  for (const auto& entry : it) {
    // Symbolic links are not followed: a bundle never reaches outside itself.
    if (entry.is_symlink(ec) || !entry.is_regular_file(ec)) continue;
    std::string rel = fs::relative(entry.path(), path, ec).generic_string();
    if (!is_log(entry.path())) {
      bundle.skipped.push_back(rel);
      continue;
    }
    bundle.members.push_back({rel, entry.path(), entry.file_size(ec), mtime_of(entry.path())});
  }
  std::sort(bundle.members.begin(), bundle.members.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  std::sort(bundle.skipped.begin(), bundle.skipped.end());
  if (bundle.members.empty()) {
    return fail(refused(path, "holds no capture: no .log file found",
                        "a bundle is a folder of .log files, one CLI session each"));
  }
  return bundle;
}

Result<std::string> read_member(const BundleMember& member) {
  std::FILE* f = std::fopen(member.location.c_str(), "rb");
  if (!f) return fail(Error{ErrorKind::Io, "cannot open for reading", member.location.string(), {}, {}, {}});
  std::string bytes;
  std::error_code ec;
  auto size = fs::file_size(member.location, ec);
  if (!ec) bytes.resize(size);
  std::size_t got = size ? std::fread(bytes.data(), 1, bytes.size(), f) : 0;
  bool error = std::ferror(f);
  std::fclose(f);
  if (error || got != bytes.size()) {
    return fail(Error{ErrorKind::Io, "read failed", member.location.string(), {}, got, {}});
  }
  return bytes;
}

}  // namespace st::bundle
