#include "store/event_block.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "core/content_hash.h"
#include "util/zstd_codec.h"

namespace st::store {
namespace {

// Layout of a block before compression (all integers LEB128 varints, signed ones zigzag):
//   "STE1" count
//   then one column after the other, each holding `count` values in event order:
//   offset (delta from the previous event), length, flags, unix time (delta, when flagged),
//   millis (when flagged), timestamp_raw, sequence (when flagged), facility, severity (when flagged),
//   mnemonic, message_id, interface (when flagged), message, kind.
// The ISO timestamp is not stored: it is format_utc_iso(unix time, millis), made when read.
// Strings are a varint length then the bytes. Column order keeps like values together,
// which is what makes zstd fast and small here.
// "STE2" (since store version 6) differs in five columns:
// - timestamp_raw, interface and message: each value is a varint h, then for h odd a varint d,
//   the value being the h >> 1 raw-file bytes at the event's offset + d (a reference: the raw
//   bytes are stored anyway), else h >> 1 bytes of text;
// - sequence: the difference from the previous event's sequence (zigzag);
// - message_id: varint 0 when it is "facility-severity-mnemonic" (Cisco's), else length + 1
//   then the bytes;
// - kind: the block's distinct kinds (a count, then strings), then each event's index there.
constexpr std::string_view kMagicV1 = "STE1";
constexpr std::string_view kMagic = "STE2";

enum Flag : std::uint8_t {
  kHasMillis = 1,
  kHasUnix = 2,
  kHasSequence = 4,
  kHasSeverity = 8,
  kHasInterface = 16,
};
constexpr int kQualityShift = 5;  // two bits of TimeQuality above the flags

std::uint64_t zigzag(std::int64_t v) { return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63); }
std::int64_t unzigzag(std::uint64_t v) { return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1); }

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void string(std::string_view s) {
    varint(s.size());
    out_.append(s);
  }
  void byte(std::uint8_t b) { out_.push_back(static_cast<char>(b)); }
  // `s` as a reference into `line` (its event's raw bytes) at `at`, or as text when at is npos.
  void text_or_ref(std::string_view s, std::size_t at) {
    if (at == std::string_view::npos || s.empty()) {
      varint(s.size() << 1);
      out_.append(s);
    } else {
      varint((s.size() << 1) | 1);
      varint(at);
    }
  }

 private:
  std::string& out_;
};

// Where `s` sits in its event's raw line, if verbatim: a message usually ends the line and a
// printed timestamp starts it, so both are found without a search in the common case.
std::size_t message_in(std::string_view line, std::string_view s) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.ends_with(s)) return line.size() - s.size();
  return line.rfind(s);
}
std::size_t timestamp_in(std::string_view line, std::string_view s) {
  for (std::size_t skip = 0; skip < 2 && skip < line.size(); ++skip) {
    if (line.substr(skip).starts_with(s)) return skip;
  }
  return line.find(s);
}

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool varint(std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return false;
      auto b = static_cast<std::uint8_t>(in_[pos_++]);
      v |= std::uint64_t{b & 0x7fu} << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  bool string(std::string& s) {
    std::uint64_t n = 0;
    return varint(n) && string_of(n, s);
  }
  bool string_of(std::uint64_t n, std::string& s) {
    if (n > in_.size() - pos_) return false;
    s.assign(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool byte(std::uint8_t& b) {
    if (pos_ >= in_.size()) return false;
    b = static_cast<std::uint8_t>(in_[pos_++]);
    return true;
  }
  bool literal(std::string_view s) {
    if (in_.substr(pos_, s.size()) != s) return false;
    pos_ += s.size();
    return true;
  }
  bool at_end() const { return pos_ == in_.size(); }
  std::string_view rest() const { return in_.substr(pos_); }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
};

std::uint8_t flags_of(const EventView& e) {
  std::uint8_t f = 0;
  if (e.millis) f |= kHasMillis;
  if (e.unix_seconds) f |= kHasUnix;
  if (e.sequence) f |= kHasSequence;
  if (e.severity) f |= kHasSeverity;
  if (e.interface) f |= kHasInterface;
  return static_cast<std::uint8_t>(f | (static_cast<std::uint8_t>(e.time_quality) << kQualityShift));
}

// Cisco's message id is FACILITY-SEVERITY-MNEMONIC (parse::make_message_id), so it need not
// be stored twice. Compared piece by piece: this runs for every event.
bool is_cisco_message_id(const EventView& e) {
  if (!e.severity || e.facility.empty() || e.mnemonic.empty()) return false;
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, *e.severity);
  const std::string_view severity(digits, static_cast<std::size_t>(end - digits));
  std::string_view id = e.message_id;
  if (id.size() != e.facility.size() + severity.size() + e.mnemonic.size() + 2) return false;
  if (!id.starts_with(e.facility) || !id.ends_with(e.mnemonic)) return false;
  id = id.substr(e.facility.size(), severity.size() + 2);
  return id.front() == '-' && id.back() == '-' && id.substr(1, severity.size()) == severity;
}

std::string encode_payload(std::span<const EventView> events, std::string_view raw) {
  std::string out;
  std::size_t text = 0;
  for (const auto& e : events) text += (raw.empty() ? e.message.size() + e.timestamp_raw.size() : 0) + 32;
  out.reserve(text);
  const auto line_of = [raw](const EventView& e) {
    return e.offset <= raw.size() && e.length <= raw.size() - e.offset ? raw.substr(e.offset, e.length)
                                                                        : std::string_view{};
  };
  const auto npos = std::string_view::npos;
  Writer w(out);
  out.append(kMagic);
  w.varint(events.size());
  std::int64_t previous = 0;
  for (const auto& e : events) {
    w.varint(zigzag(static_cast<std::int64_t>(e.offset) - previous));
    previous = static_cast<std::int64_t>(e.offset);
  }
  for (const auto& e : events) w.varint(e.length);
  for (const auto& e : events) w.byte(flags_of(e));
  previous = 0;
  for (const auto& e : events) {
    if (!e.unix_seconds) continue;
    w.varint(zigzag(*e.unix_seconds - previous));
    previous = *e.unix_seconds;
  }
  for (const auto& e : events) if (e.millis) w.varint(static_cast<std::uint64_t>(e.millis));
  for (const auto& e : events) {
    const auto line = line_of(e);
    w.text_or_ref(e.timestamp_raw, line.empty() ? npos : timestamp_in(line, e.timestamp_raw));
  }
  previous = 0;
  for (const auto& e : events) {
    if (!e.sequence) continue;
    w.varint(zigzag(*e.sequence - previous));
    previous = *e.sequence;
  }
  for (const auto& e : events) w.string(e.facility);
  for (const auto& e : events) if (e.severity) w.varint(zigzag(*e.severity));
  for (const auto& e : events) w.string(e.mnemonic);
  for (const auto& e : events) {
    if (is_cisco_message_id(e)) {
      w.varint(0);
    } else {
      w.varint(e.message_id.size() + 1);
      out.append(e.message_id);
    }
  }
  for (const auto& e : events) {
    if (!e.interface) continue;
    const auto line = line_of(e);
    w.text_or_ref(*e.interface, line.empty() ? npos : line.find(*e.interface));
  }
  for (const auto& e : events) {
    const auto line = line_of(e);
    w.text_or_ref(e.message, line.empty() ? npos : message_in(line, e.message));
  }
  std::vector<std::string_view> kinds;  // few per block: a linear search is the fastest map
  std::vector<std::uint32_t> kind_index;
  kind_index.reserve(events.size());
  for (const auto& e : events) {
    auto it = std::find(kinds.begin(), kinds.end(), e.kind);
    if (it == kinds.end()) it = kinds.insert(kinds.end(), e.kind);
    kind_index.push_back(static_cast<std::uint32_t>(it - kinds.begin()));
  }
  w.varint(kinds.size());
  for (auto k : kinds) w.string(k);
  for (auto i : kind_index) w.varint(i);
  return out;
}

Error corrupt(std::string_view where, std::string_view what) {
  return Error{ErrorKind::Store, fmt::format("{} is damaged: {}", where, what), {}, {}, {}, {}};
}

}  // namespace

EventIdentity event_identity(const StoredEvent& e) {
  std::string hash = ContentHash().add(e.timestamp_raw).add(e.message_id).add(e.message).hex();
  return {"event:" + hash, hash};
}

EventView view_of(const StoredEvent& e) {
  EventView v{e.offset, e.length, e.unix_seconds, e.millis, e.timestamp_raw, e.time_quality, e.sequence,
              e.facility, e.severity, e.mnemonic, e.message_id, std::nullopt, e.message, e.kind};
  if (e.interface) v.interface = *e.interface;
  return v;
}

EventView view_of(const parse::EventRecord& e, const parse::ResolvedInstant& time) {
  EventView v{e.source.offset, e.source.length, time.unix_seconds, e.time.millis, e.timestamp_raw, time.quality,
              e.sequence, e.facility, std::nullopt, e.mnemonic, e.message_id, std::nullopt, e.message, e.kind};
  if (e.severity) v.severity = *e.severity;
  if (e.interface) v.interface = *e.interface;
  return v;
}

EncodedEventBlock encode_event_block(std::span<const EventView> events, std::string_view raw) {
  EncodedEventBlock block;
  block.count = events.size();
  if (!events.empty()) {
    block.first_offset = events.front().offset;
    for (const auto& e : events) {
      block.first_offset = std::min(block.first_offset, e.offset);
      block.end_offset = std::max(block.end_offset, e.offset + e.length);
    }
  }
  std::vector<std::string_view> kinds;
  const EventView* latest = nullptr;
  for (const auto& e : events) {
    if (e.unix_seconds) {
      if (!block.first_time || *e.unix_seconds < *block.first_time) block.first_time = e.unix_seconds;
      if (!block.last_time || *e.unix_seconds > *block.last_time) {
        block.last_time = e.unix_seconds;
        latest = &e;
      }
    }
    if (kinds.empty() || kinds.back() != e.kind) {
      if (std::find(kinds.begin(), kinds.end(), e.kind) == kinds.end()) kinds.push_back(e.kind);
    }
  }
  if (latest) block.latest_iso = parse::format_utc_iso(*latest->unix_seconds, latest->millis);
  std::sort(kinds.begin(), kinds.end());
  for (auto k : kinds) {
    if (!block.kinds.empty()) block.kinds.push_back(',');
    block.kinds.append(k);
  }
  std::string payload = encode_payload(events, raw);
  block.codec = "zstd";
  std::string size;
  Writer(size).varint(payload.size());
  block.data = size + util::zstd_compress(payload, -5);  // fast: raw chunks dominate the store's size anyway
  return block;
}

std::vector<EncodedEventBlock> encode_event_blocks(std::span<const EventView> events, std::string_view raw) {
  std::vector<EncodedEventBlock> blocks;
  for (std::size_t i = 0; i < events.size(); i += kEventsPerBlock) {
    blocks.push_back(encode_event_block(events.subspan(i, std::min(kEventsPerBlock, events.size() - i)), raw));
  }
  return blocks;
}

Result<std::vector<StoredEvent>> decode_event_block(std::string_view codec, std::string_view data,
                                                    std::string_view where, const RawBytesReader& raw) {
  if (codec != "zstd") return fail(corrupt(where, fmt::format("unknown codec '{}'", codec)));
  Reader header(data);
  std::uint64_t size = 0;
  if (!header.varint(size) || size > (std::uint64_t{1} << 31)) return fail(corrupt(where, "bad size"));
  const auto decompressed = util::zstd_decompress(header.rest(), size);
  if (!decompressed) return fail(corrupt(where, decompressed.error().message));
  const std::string& payload = *decompressed;

  Reader r(payload);
  std::uint64_t count = 0;
  const bool with_refs = r.literal(kMagic);
  if ((!with_refs && !r.literal(kMagicV1)) || !r.varint(count) || count > payload.size()) {
    return fail(corrupt(where, "bad header"));
  }
  std::vector<StoredEvent> events(count);
  std::uint64_t v = 0;
  std::uint8_t flags = 0;
  bool ok = true;
  std::int64_t previous = 0;
  for (auto& e : events) {
    ok = ok && r.varint(v);
    previous += unzigzag(v);
    e.offset = static_cast<std::uint64_t>(previous);
  }
  for (auto& e : events) ok = ok && r.varint(e.length);
  std::vector<std::uint8_t> flag_of(count);
  for (auto& f : flag_of) {
    ok = ok && r.byte(flags);
    f = flags;
  }
  if (!ok) return fail(corrupt(where, "truncated columns"));
  previous = 0;
  for (std::size_t i = 0; i < count && ok; ++i) {
    auto& e = events[i];
    const auto quality = (flag_of[i] >> kQualityShift) & 3;
    e.time_quality = static_cast<parse::TimeQuality>(quality);
    if (!(flag_of[i] & kHasUnix)) continue;
    ok = r.varint(v);
    previous += unzigzag(v);
    e.unix_seconds = previous;
  }
  for (std::size_t i = 0; i < count && ok; ++i) {
    if (!(flag_of[i] & kHasMillis)) continue;
    ok = r.varint(v) && v < 1000;
    events[i].millis = static_cast<int>(v);
  }
  for (auto& e : events) {
    if (e.unix_seconds) e.timestamp = parse::format_utc_iso(*e.unix_seconds, e.millis);
  }
  // The raw bytes the block's events span, read once, when the first reference needs them.
  std::optional<std::string> window;
  std::uint64_t window_offset = 0;
  std::optional<Error> failure;
  const auto read_window = [&] {
    if (!raw) return failure = corrupt(where, "refers to raw bytes, and none were given"), false;
    window_offset = events.front().offset;
    std::uint64_t end = 0;
    for (const auto& x : events) {
      window_offset = std::min(window_offset, x.offset);
      end = std::max(end, x.offset + x.length);
    }
    auto bytes = raw(ByteRange{window_offset, end - window_offset});
    if (!bytes) return failure = std::move(bytes).error(), false;
    window = std::move(*bytes);
    return true;
  };
  const auto text_or_ref = [&](std::string& out, const StoredEvent& e) {
    if (!with_refs) return r.string(out);
    std::uint64_t h = 0, at = 0;
    if (!r.varint(h)) return false;
    if (!(h & 1)) return r.string_of(h >> 1, out);
    if (!r.varint(at) || (!window && !read_window())) return false;
    const std::uint64_t length = h >> 1;
    const std::uint64_t from = e.offset - window_offset + at;
    if (at > e.length || length > e.length - at || from > window->size() || length > window->size() - from) {
      return failure = corrupt(where, "a reference is outside its event's raw bytes"), false;
    }
    out.assign(*window, from, length);
    return true;
  };
  for (auto& e : events) ok = ok && text_or_ref(e.timestamp_raw, e);
  previous = 0;
  for (std::size_t i = 0; i < count && ok; ++i) {
    if (!(flag_of[i] & kHasSequence)) continue;
    ok = r.varint(v);
    events[i].sequence = with_refs ? previous += unzigzag(v) : unzigzag(v);
  }
  for (auto& e : events) ok = ok && r.string(e.facility);
  for (std::size_t i = 0; i < count && ok; ++i) {
    if (!(flag_of[i] & kHasSeverity)) continue;
    ok = r.varint(v);
    events[i].severity = unzigzag(v);
  }
  for (auto& e : events) ok = ok && r.string(e.mnemonic);
  for (auto& e : events) {
    if (!with_refs) {
      ok = ok && r.string(e.message_id);
    } else if (ok && (ok = r.varint(v))) {
      if (v > 0) ok = r.string_of(v - 1, e.message_id);
      else if (e.severity) e.message_id = parse::make_message_id(e.facility, static_cast<int>(*e.severity), e.mnemonic);
      else ok = false;
    }
  }
  for (std::size_t i = 0; i < count && ok; ++i) {
    if (flag_of[i] & kHasInterface) ok = text_or_ref(events[i].interface.emplace(), events[i]);
  }
  for (auto& e : events) ok = ok && text_or_ref(e.message, e);
  if (!with_refs) {
    for (auto& e : events) ok = ok && r.string(e.kind);
  } else if (ok && (ok = r.varint(v)) && v <= count) {
    std::vector<std::string> kinds(v);
    for (auto& k : kinds) ok = ok && r.string(k);
    for (auto& e : events) {
      ok = ok && r.varint(v) && v < kinds.size();
      if (ok) e.kind = kinds[v];
    }
  } else {
    ok = false;
  }
  if (failure) return fail(std::move(*failure));
  if (!ok || !r.at_end()) return fail(corrupt(where, "truncated or trailing bytes"));
  return events;
}

}  // namespace st::store
