// The normalized kind of a syslog event (link_down, auth_fail, ...), from rules that are data:
// rules/event_kinds.json, embedded into the binary at build time (cmake/EmbedRules.cmake).
// A rule matches a vendor ("*" for any), a message id (glob or regex) and/or the message text
// (regex); the first matching rule gives the kind, else "other". Each rule file carries
// samples with their expected kinds, checked when the file is loaded.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "parse/parse_result.h"
#include "util/regex.h"

namespace st::parse {

// Every kind a rule may name.
std::span<const std::string_view> event_kinds();

// "cisco_ios" -> "cisco", "arista_eos" -> "arista", "ruckus_fastiron" -> "ruckus"; else "".
std::string_view vendor_of_platform(std::string_view platform);

class EventKindClassifier {
 public:
  // Loads and checks a rule file (its samples included); `origin` names it in errors.
  static Result<EventKindClassifier> from_json(std::string_view json_text, std::string_view origin);
  // The embedded rules/event_kinds.json (loaded once; an empty rule set if it fails to load,
  // which the unit tests rule out).
  static const EventKindClassifier& builtin();

  // The kind for one message; `vendor` "" means unknown (only "*" rules apply).
  std::string_view classify(std::string_view vendor, std::string_view message_id,
                            std::string_view message) const;
  std::size_t rule_count() const { return rules_.size(); }

 private:
  struct Rule {
    std::string id;
    std::vector<std::string> vendors;  // empty = any
    std::string message_id_glob;       // "" = any
    std::optional<util::Regex> message_id_regex;
    std::optional<util::Regex> text_regex;
    std::string kind;
  };
  // The rules that can match a (vendor, message id), in order, cut after the first one
  // with no text condition: the id-only conditions are decided once per id, not per line.
  using Plan = std::vector<std::uint16_t>;
  const Plan& plan_for(std::string_view vendor, std::string_view message_id) const;
  static constexpr std::uint16_t kNoRule = 0xFFFF;
  std::uint16_t classify_with(const Plan& plan, std::string_view message) const;  // a rule index or kNoRule

  std::vector<Rule> rules_;
  // Per-thread caches are keyed by this id, not by address: a classifier created where a
  // destroyed one lived must not inherit its plans. Copies share it (same rules).
  std::uint64_t id_ = next_id();
  static std::uint64_t next_id();
};

// Sets `kind` on every event of `result` with the builtin rules.
void classify_events(ParseResult& result, std::string_view platform);

// Case-insensitive glob: '*' any run, '?' one character.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace st::parse
