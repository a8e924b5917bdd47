// Syslog events are stored in compressed column blocks, not one SQLite row each: a capture
// holds thousands of log lines per device, and a row per line capped ingest at SQLite's
// row rate. A block holds up to kEventsPerBlock events of one device from one file, in
// file order; blocks are encoded and compressed on the parser threads, so the single
// writer only inserts one blob per block. Every event keeps its own byte range in the raw
// file; its object_key and content_hash are derived from its fields (event_identity).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "parse/log_time.h"
#include "parse/parse_result.h"

namespace st::store {

inline constexpr std::size_t kEventsPerBlock = 4096;

// One event as stored: the parser's fields plus its resolved time.
struct StoredEvent {
  std::uint64_t offset = 0;  // byte range in the raw file
  std::uint64_t length = 0;
  std::optional<std::string> timestamp;            // UTC ISO-8601: format_utc_iso(unix_seconds, millis)
  std::optional<parse::UnixSeconds> unix_seconds;  // the same instant, for windows and ordering
  int millis = 0;                                  // as printed (0 when none)
  std::string timestamp_raw;
  parse::TimeQuality time_quality = parse::TimeQuality::Exact;
  std::optional<std::int64_t> sequence;
  std::string facility;
  std::optional<std::int64_t> severity;
  std::string mnemonic;
  std::string message_id;
  std::optional<std::string> interface;
  std::string message;
  std::string kind;
};

// The identity columns every normalized row carries, for an event.
struct EventIdentity {
  std::string object_key;    // "event:<content_hash>"
  std::string content_hash;  // over timestamp_raw, message_id and message
};
EventIdentity event_identity(const StoredEvent& event);

// One encoded block plus the summary the writer stores beside it (so readers can skip
// blocks by time or kind without decompressing them).
struct EncodedEventBlock {
  std::size_t count = 0;
  std::uint64_t first_offset = 0;
  std::uint64_t end_offset = 0;  // one past the last event's last byte
  std::optional<parse::UnixSeconds> first_time, last_time;  // min and max over the block
  std::optional<std::string> latest_iso;                    // ISO text of last_time, as printed
  std::string kinds;  // the distinct kinds in the block, sorted, comma-separated
  std::string codec;  // "zstd"
  std::string data;
};

// What the encoder reads: views into a parsed event (or a StoredEvent), no copies.
struct EventView {
  std::uint64_t offset = 0, length = 0;
  std::optional<parse::UnixSeconds> unix_seconds;
  int millis = 0;
  std::string_view timestamp_raw;
  parse::TimeQuality time_quality = parse::TimeQuality::Exact;
  std::optional<std::int64_t> sequence;
  std::string_view facility;
  std::optional<std::int64_t> severity;
  std::string_view mnemonic, message_id;
  std::optional<std::string_view> interface;
  std::string_view message, kind;
};
EventView view_of(const StoredEvent& event);
EventView view_of(const parse::EventRecord& event, const parse::ResolvedInstant& time);

// Encodes events (at most kEventsPerBlock) into one block. `raw` is the whole raw file the
// events' byte ranges point into (empty when unknown): a message or printed timestamp found
// verbatim in its event's raw bytes is stored as a reference there, not as text, since the
// file's raw bytes are stored anyway. That halves the store and the encoding time.
EncodedEventBlock encode_event_block(std::span<const EventView> events, std::string_view raw = {});
// Splits any number of events into blocks of at most kEventsPerBlock.
std::vector<EncodedEventBlock> encode_event_blocks(std::span<const EventView> events, std::string_view raw = {});

// Reads the raw file's bytes in a range (the store's chunks, for a block with references).
using RawBytesReader = std::function<Result<std::string>(ByteRange)>;

// Decodes a block; `where` names it in errors ("event block 12"). `raw` is called at most
// once, for the range the block's events span, and only when the block holds references.
Result<std::vector<StoredEvent>> decode_event_block(std::string_view codec, std::string_view data,
                                                    std::string_view where, const RawBytesReader& raw = {});

}  // namespace st::store
