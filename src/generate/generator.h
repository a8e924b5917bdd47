// The capture generator: a deterministic fleet of Cisco IOS/IOS-XE, Arista EOS and
// Ruckus/Brocade FastIron switches, captured over several runs with injected incidents and
// changes, written as bundles OUT_DIR/run-N/*.log plus OUT_DIR/manifest.json.
// Same options -> byte-identical output.
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/error.h"
#include "generate/session_writer.h"

namespace st::generate {

struct GenerateOptions {
  std::filesystem::path out_dir;  // must not exist or be empty
  int devices = 10;
  int runs = 1;
  std::uint64_t seed = 1;
  Profile profile = Profile::Full;
  bool mess = true;  // CRLF files, ANSI escapes, pager residue, abbreviations, multi-host files
  int change_rate = 0;  // percent of access ports that get a new description in every run after the first
};

struct GenerateSummary {
  int files = 0;
  std::uint64_t bytes = 0;
  std::size_t items = 0;
  double seconds = 0;
  double megabytes_per_second() const { return seconds > 0 ? bytes / 1e6 / seconds : 0; }
};

Result<GenerateSummary> generate(const GenerateOptions& options);

}  // namespace st::generate
