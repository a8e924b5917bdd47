#include "bundle/bundle_reader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <limits>
#include <system_error>

#include "bundle/archive_stream.h"
#include "bundle/member_policy.h"

namespace st::bundle {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kGrowStep = 64 * 1024;

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

Error no_capture(const fs::path& path) {
  return refused(path, "holds no capture: no .log file found",
                 "a bundle is a folder (or a .zip / .tar.gz) of .log files, one CLI session each");
}

std::string human_bytes(std::uint64_t n) {
  if (n >= (std::uint64_t{1} << 30)) return fmt::format("{:.1f} GiB", static_cast<double>(n) / (1 << 30));
  if (n >= (std::uint64_t{1} << 20)) return fmt::format("{:.1f} MiB", static_cast<double>(n) / (1 << 20));
  return fmt::format("{} bytes", n);
}

Result<Bundle> list_directory(const fs::path& path) {
  Bundle bundle;
  bundle.root = path;
  bundle.format = BundleFormat::Directory;
  std::error_code ec;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) return fail(refused(path, fmt::format("cannot read directory: {}", ec.message())));
  for (const auto& entry : it) {
    std::string rel = fs::relative(entry.path(), path, ec).generic_string();
    // Symbolic links are not followed: a bundle never reaches outside itself.
    if (entry.is_symlink(ec)) {
      bundle.skipped.push_back(fmt::format("{} (symbolic link: links are not followed)", rel));
      continue;
    }
    if (!entry.is_regular_file(ec)) continue;
    if (!is_log(entry.path())) {
      bundle.skipped.push_back(rel);
      continue;
    }
    bundle.members.push_back({rel, entry.path(), entry.file_size(ec), mtime_of(entry.path())});
  }
  std::sort(bundle.members.begin(), bundle.members.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  std::sort(bundle.skipped.begin(), bundle.skipped.end());
  if (bundle.members.empty()) return fail(no_capture(path));
  return bundle;
}

// Reads every header and skips every entry's data: a corrupt or truncated archive is refused
// here, before the pipeline reads anything.
Result<Bundle> list_archive(const fs::path& path, BundleFormat format) {
  Bundle bundle;
  bundle.root = path;
  bundle.format = format;
  std::error_code ec;
  bundle.archive_bytes = fs::file_size(path, ec);
  ST_TRY(ArchiveStream stream, ArchiveStream::open(path, format));
  std::unordered_set<std::string> seen;
  for (;;) {
    ST_TRY(std::optional<ArchiveEntry> entry, stream.next_entry());
    if (!entry) break;
    EntryDecision d = decide_entry(*entry, seen);
    if (!d.warning.empty()) bundle.warnings.push_back(std::move(d.warning));
    if (d.kind == EntryDecision::Kind::Capture) {
      bundle.members.push_back({std::move(d.name), path, entry->size.value_or(0), entry->mtime_unix});
    } else if (d.kind == EntryDecision::Kind::Skipped) {
      bundle.skipped.push_back(std::move(d.skipped));
    }
    ST_CHECK(stream.skip());
  }
  if (bundle.members.empty()) return fail(no_capture(path));
  return bundle;
}

}  // namespace

Result<Bundle> open_bundle(const fs::path& path) {
  ST_TRY(BundleFormat format, detect_format(path));
  if (format == BundleFormat::Directory) return list_directory(path);
  if (is_archive(format)) return list_archive(path, format);
  Bundle bundle;
  bundle.root = path;
  bundle.format = BundleFormat::LogFile;
  std::error_code ec;
  bundle.members.push_back({path.filename().string(), path, fs::file_size(path, ec), mtime_of(path)});
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

// ---- BundleReader ----

BundleReader::BundleReader(const Bundle& bundle, BundleLimits limits) : bundle_(&bundle), limits_(limits) {}
BundleReader::BundleReader(BundleReader&&) noexcept = default;
BundleReader& BundleReader::operator=(BundleReader&&) noexcept = default;
BundleReader::~BundleReader() = default;

Result<BundleReader> BundleReader::open(const Bundle& bundle, BundleLimits limits) {
  BundleReader reader(bundle, limits);
  if (is_archive(bundle.format)) {
    ST_TRY(ArchiveStream stream, ArchiveStream::open(bundle.root, bundle.format));
    reader.archive_ = std::make_unique<ArchiveStream>(std::move(stream));
  }
  return reader;
}

const BundleMember* BundleReader::upcoming() const {
  return next_ < bundle_->members.size() ? &bundle_->members[next_] : nullptr;
}

Result<std::optional<MemberData>> BundleReader::next() {
  const BundleMember* member = upcoming();
  if (!member) return std::optional<MemberData>{};
  auto bytes = archive_ ? read_archive_member(*member) : read_file(*member);
  if (!bytes) return fail(std::move(bytes).error());
  ++next_;
  return std::optional<MemberData>{MemberData{*member, std::move(*bytes)}};
}

Result<std::string> BundleReader::read_file(const BundleMember& member) {
  if (member.size > limits_.max_member_bytes) {
    return fail(Error{ErrorKind::InputRefused,
                      fmt::format("capture '{}' is {}, over the limit of {} per capture", member.path,
                                  human_bytes(member.size), human_bytes(limits_.max_member_bytes)),
                      member.location.string(), {}, {}, "raise the member size limit (--max-member-mb) if it is genuine"});
  }
  return read_member(member);
}

// Walks the archive to the listed member, passing what open_bundle skipped, and reads it.
Result<std::string> BundleReader::read_archive_member(const BundleMember& member) {
  for (;;) {
    ST_TRY(std::optional<ArchiveEntry> entry, archive_->next_entry());
    if (!entry) {
      return fail(refused(member, "is gone: the archive changed since it was listed",
                          "ingest it again once it is no longer being written"));
    }
    EntryDecision d = decide_entry(*entry, seen_);
    if (d.kind == EntryDecision::Kind::Capture) {
      if (d.name != member.path) {
        return fail(refused(member, fmt::format("is not where it was listed ('{}' is): the archive changed since", d.name),
                            "ingest it again once it is no longer being written"));
      }
      return read_entry_data(member, entry->size);
    }
    if (d.kind == EntryDecision::Kind::Skipped && entry->type == EntryType::Regular && entry->size) {
      // Skipped files count towards the expansion too: a tar.gz inflates them to pass them.
      if (*entry->size > expansion_budget() - std::min(expanded_, expansion_budget())) {
        BundleMember skipped{d.name, bundle_->root, *entry->size, entry->mtime_unix};
        return fail(refused(skipped,
                            fmt::format("expands the archive beyond {}x its size ({}): refused as a possible "
                                        "decompression bomb",
                                        limits_.max_expansion_ratio, human_bytes(bundle_->archive_bytes)),
                            "raise the expansion limit (--max-ratio) if the archive is genuine"));
      }
      expanded_ += *entry->size;
    }
    ST_CHECK(archive_->skip());
  }
}

std::uint64_t BundleReader::expansion_budget() const {
  const long double budget =
      static_cast<long double>(limits_.max_expansion_ratio) * static_cast<long double>(bundle_->archive_bytes);
  if (!(budget > 0)) return 0;
  if (budget >= static_cast<long double>(std::numeric_limits<std::uint64_t>::max())) {
    return std::numeric_limits<std::uint64_t>::max();
  }
  return static_cast<std::uint64_t>(budget);
}

// One buffer per member: sized from the header when it declares a size, grown only when the
// data turns out longer (or the size was not declared), and never beyond the limits.
Result<std::string> BundleReader::read_entry_data(const BundleMember& member, std::optional<std::uint64_t> declared) {
  const std::uint64_t budget = expansion_budget();
  const std::uint64_t budget_left = budget - std::min(expanded_, budget);
  auto over = [&](std::uint64_t at_least) {
    if (at_least > limits_.max_member_bytes) {
      return refused(member,
                     fmt::format("is {}{} uncompressed, over the limit of {} per capture",
                                 declared && *declared == at_least ? "" : "at least ", human_bytes(at_least),
                                 human_bytes(limits_.max_member_bytes)),
                     "raise the member size limit (--max-member-mb) if it is genuine");
    }
    return refused(member,
                   fmt::format("is {}{} uncompressed: the archive would expand beyond {}x its size ({} allowed "
                               "from {}), refused as a possible decompression bomb",
                               declared && *declared == at_least ? "" : "at least ", human_bytes(at_least),
                               limits_.max_expansion_ratio, human_bytes(budget), human_bytes(bundle_->archive_bytes)),
                   "raise the expansion limit (--max-ratio) if the archive is genuine");
  };
  const std::uint64_t allowed = std::min(limits_.max_member_bytes, budget_left);
  if (declared && *declared > allowed) return fail(over(*declared));

  std::string bytes;
  bytes.resize(static_cast<std::size_t>(declared ? *declared : std::min<std::uint64_t>(allowed, kGrowStep)));
  std::size_t got = 0;
  for (;;) {
    if (got == bytes.size()) {
      // Full: one byte tells whether there is more before the buffer grows.
      char probe = 0;
      ST_TRY(std::size_t n, archive_->read(&probe, 1));
      if (n == 0) break;
      if (got + 1 > allowed) return fail(over(got + 1));
      bytes.resize(static_cast<std::size_t>(
          std::min<std::uint64_t>(std::max<std::uint64_t>(bytes.size() * 2, got + kGrowStep), allowed)));
      bytes[got++] = probe;
      continue;
    }
    ST_TRY(std::size_t n, archive_->read(bytes.data() + got, bytes.size() - got));
    if (n == 0) break;
    got += n;
  }
  bytes.resize(got);
  expanded_ += got;
  return bytes;
}

Error BundleReader::refused(const BundleMember& member, std::string message, std::string hint) const {
  return Error{ErrorKind::InputRefused, fmt::format("member '{}' {}", member.path, message), bundle_->root.string(),
               {}, {}, std::move(hint)};
}

}  // namespace st::bundle
