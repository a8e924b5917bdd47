// Writes OUT_DIR/manifest.json: what was generated and every injected incident or change
// (schema in src/generate/README.md; "schema_version": 2).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "generate/manifest_item.h"

namespace st::generate {

struct ManifestDevice {
  std::string hostname;
  std::string vendor;
  std::string platform;  // ntc-templates name: cisco_ios, arista_eos, ruckus_fastiron
  std::string model;
  std::string site;
  std::string file;      // the capture file holding its session in every run it was captured in
  std::vector<int> absent_runs;  // runs without a capture of it (no file in that run folder)
};

struct ManifestRun {
  int run = 1;
  std::string directory;    // "run-1"
  std::string first_capture;  // ISO-8601 UTC
  std::string last_capture;
};

struct Manifest {
  std::uint64_t seed = 0;
  std::string profile;
  std::vector<ManifestRun> runs;
  std::vector<ManifestDevice> devices;
  std::vector<ManifestItem> items;
};

Result<void> write_manifest(const std::filesystem::path& file, const Manifest& manifest);

}  // namespace st::generate
