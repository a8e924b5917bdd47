// The syslog events a rule reads, decided once per event: on the parser threads while a bundle
// is ingested (so the engine never decodes the run's event blocks again), or over the stored
// events when a rule is tried on an earlier run. A set holds up to 64 selectors; an event's
// mask has bit i set when selector i takes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "insights/detection_rule.h"
#include "rules/safe_regex.h"

namespace st::insights {

class EventSelector {
 public:
  static Result<EventSelector> compile(const EventSelectorSpec& spec);
  bool matches(std::string_view kind, std::string_view message_id, std::string_view message) const;
  // The kind and message id part alone, and the text part alone.
  bool takes(std::string_view kind, std::string_view message_id) const;
  bool has_text() const { return text_ != nullptr; }
  bool text_matches(std::string_view message) const;

 private:
  std::vector<std::string> kinds_;
  std::vector<std::string> message_ids_;  // globs, case-insensitive
  std::shared_ptr<const rules::SafeRegex> text_;
};

class EventSelectorSet {
 public:
  static constexpr std::size_t kMaxSelectors = 64;
  // The selector's bit; an equal spec already in the set shares its bit.
  Result<std::size_t> add(const EventSelectorSpec& spec);
  // A capture holds millions of events but a few hundred distinct (kind, message id) pairs:
  // which selectors take a pair is decided once per thread, and only text patterns per event.
  std::uint64_t match(std::string_view kind, std::string_view message_id, std::string_view message) const;
  bool empty() const { return selectors_.empty(); }
  std::size_t size() const { return selectors_.size(); }

 private:
  std::vector<EventSelector> selectors_;
  std::vector<std::string> keys_;  // the specs, to share bits
  std::uint64_t text_bits_ = 0;    // selectors with a text pattern
  // Per-thread caches are keyed by this id, not by address (a set created where a destroyed one
  // lived must not inherit its masks); copies share it, as they share the selectors.
  std::uint64_t id_ = next_id();
  static std::uint64_t next_id();
};

}  // namespace st::insights
