// What a bundle path holds, decided by content where that is cheap (magic bytes), else by name.
#pragma once

#include <filesystem>
#include <string_view>

#include "core/error.h"

namespace st::bundle {

enum class BundleFormat {
  Directory,  // a folder of .log files
  LogFile,    // a single .log capture
  Zip,        // "PK\x03\x04" (or an empty zip, "PK\x05\x06")
  TarGzip,    // gzip (1f 8b) around a tar stream: .tar.gz, .tgz
  Tar,        // a plain tar stream ("ustar" at byte 257)
};

std::string_view to_string(BundleFormat format);

inline bool is_archive(BundleFormat format) {
  return format == BundleFormat::Zip || format == BundleFormat::TarGzip || format == BundleFormat::Tar;
}

// Refuses (InputRefused, naming the path) what does not exist, and a file that is neither a
// .log capture nor an archive; a file named like an archive whose bytes are not one is refused
// with what was found ("empty file", "no gzip signature").
Result<BundleFormat> detect_format(const std::filesystem::path& path);

}  // namespace st::bundle
