// The unit of parallel work in an ingest: one bundle member in, one FileBatch out.
// Pure and thread-safe (the registry is only read), so any number of members are
// parsed at once while the store writer takes finished batches in order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "insights/event_selector.h"
#include "parse/parser_registry.h"
#include "store/file_batch.h"

namespace st::ingest {

struct MemberInput {
  std::string path;  // inside the bundle
  std::string bytes;
  std::optional<std::int64_t> mtime_unix;
};

// Raw bytes are stored in chunks of this size so a byte range is read without the whole file.
inline constexpr std::size_t kRawChunkBytes = 256 * 1024;

// Splits, parses, hashes and compresses one member. Event times are resolved against the
// host's `show clock` in the same file, else the member's modification time. Events the
// `selectors` take (detection rules) are listed per host beside the blocks.
store::FileBatch parse_member(MemberInput member, const parse::ParserRegistry& registry,
                              const insights::EventSelectorSet* selectors = nullptr);

}  // namespace st::ingest
