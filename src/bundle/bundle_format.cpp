#include "bundle/bundle_format.h"

#include <array>
#include <cstdio>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <system_error>

namespace st::bundle {
namespace fs = std::filesystem;

namespace {

Error refused(const fs::path& path, std::string message, std::string hint = {}) {
  return Error{ErrorKind::InputRefused, std::move(message), path.string(), {}, {}, std::move(hint)};
}

// The expected format from the file name alone, if it names an archive.
std::optional<BundleFormat> format_by_name(const fs::path& path) {
  const std::string name = path.filename().string();
  if (name.ends_with(".zip")) return BundleFormat::Zip;
  if (name.ends_with(".tar.gz") || name.ends_with(".tgz")) return BundleFormat::TarGzip;
  if (name.ends_with(".tar")) return BundleFormat::Tar;
  return std::nullopt;
}

std::optional<BundleFormat> format_by_content(std::string_view head) {
  if (head.starts_with(std::string_view("PK\x03\x04", 4)) || head.starts_with(std::string_view("PK\x05\x06", 4))) {
    return BundleFormat::Zip;
  }
  if (head.starts_with("\x1f\x8b")) return BundleFormat::TarGzip;
  if (head.size() >= 262 && head.substr(257, 5) == "ustar") return BundleFormat::Tar;
  return std::nullopt;
}

const char* expected_signature(BundleFormat format) {
  switch (format) {
    case BundleFormat::Zip: return "no zip signature (PK\\x03\\x04) at the start";
    case BundleFormat::TarGzip: return "no gzip signature (1f 8b) at the start";
    default: return "no tar header (\"ustar\" at byte 257)";
  }
}

}  // namespace

std::string_view to_string(BundleFormat format) {
  switch (format) {
    case BundleFormat::Directory: return "directory";
    case BundleFormat::LogFile: return "log";
    case BundleFormat::Zip: return "zip";
    case BundleFormat::TarGzip: return "tar.gz";
    case BundleFormat::Tar: return "tar";
  }
  return "unknown";
}

Result<BundleFormat> detect_format(const fs::path& path) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return fail(refused(path, "no such file or directory"));
  if (fs::is_directory(status)) return BundleFormat::Directory;
  if (!fs::is_regular_file(status)) return fail(refused(path, "not a regular file or directory"));

  std::array<char, 512> buffer{};
  std::size_t got = 0;
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    got = std::fread(buffer.data(), 1, buffer.size(), f);
    std::fclose(f);
  } else {
    return fail(Error{ErrorKind::Io, "cannot open for reading", path.string(), {}, {}, {}});
  }
  const std::string_view head(buffer.data(), got);
  if (auto by_content = format_by_content(head)) return *by_content;

  if (auto by_name = format_by_name(path)) {
    std::string what = got == 0 ? "the file is empty" : expected_signature(*by_name);
    return fail(refused(path, fmt::format("not a {} archive: {}", to_string(*by_name), what),
                        "is the download or copy complete? A bundle is a folder, a .zip or a .tar.gz of .log files"));
  }
  if (path.extension() == ".log") return BundleFormat::LogFile;
  return fail(refused(path, "not a capture: expected a directory, a .log file, or a .zip, .tar.gz or .tgz archive"));
}

}  // namespace st::bundle
