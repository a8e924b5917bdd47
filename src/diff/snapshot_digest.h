// Per device and object kind, a digest of one run's objects (their keys and content hashes in
// key order) and their count. Two runs whose digests agree for a device and kind hold the same
// objects with the same non-volatile values, so the diff skips that kind without reading it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"

namespace st::diff {

struct KindDigest {
  std::int64_t rows = 0;
  std::string digest;  // "" when rows == 0
  bool operator==(const KindDigest&) const = default;
};

using DeviceDigests = std::map<std::string, KindDigest, std::less<>>;  // by kind name
using RunDigests = std::map<std::int64_t, DeviceDigests>;               // by device id

// Works the digests out from the store's rows of the run (one device, or all).
Result<RunDigests> compute_digests(store::Database& db, RunId run, std::optional<std::int64_t> device = std::nullopt);

// Stores them; `captured` adds, per device, the kinds whose command was captured complete even
// though it listed nothing (rows = 0).
Result<void> write_digests(store::Database& db, RunId run, RunDigests digests,
                           const std::map<std::int64_t, std::set<std::string, std::less<>>>& captured);

// The stored digests of the run's devices; a device of a run ingested before digests were kept
// has them computed instead.
Result<RunDigests> read_digests(store::Database& db, RunId run, const std::set<std::int64_t>& devices);

}  // namespace st::diff
