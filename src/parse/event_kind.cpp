#include "parse/event_kind.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/log.h"
#include "parse/line_cursor.h"

// cmake/EmbedRules.cmake generates this header from rules/event_kinds.json. Until that module
// is included by src/CMakeLists.txt, the rules are read from the source tree next to this file.
#if __has_include("statetrace_rules/event_kinds_json.inc")
#include "statetrace_rules/event_kinds_json.inc"
#define STATETRACE_HAVE_EMBEDDED_RULES 1
#endif

namespace st::parse {

namespace {

constexpr std::array<std::string_view, 12> kKinds = {
    "link_down", "link_up",   "lineproto_down", "lineproto_up", "auth_fail",     "err_disable",
    "stp_change", "power_fault", "poe_fault",   "env_alarm",    "config_change", "other"};

bool known_kind(std::string_view kind) {
  for (auto k : kKinds) {
    if (k == kind) return true;
  }
  return false;
}

std::string embedded_rules_text() {
#ifdef STATETRACE_HAVE_EMBEDDED_RULES
  return std::string(statetrace_rules::kEventKindsJson);
#else
  const auto path = std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() /
                    "rules" / "event_kinds.json";
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
#endif
}

}  // namespace

std::span<const std::string_view> event_kinds() { return kKinds; }

std::string_view vendor_of_platform(std::string_view platform) {
  if (platform.starts_with("cisco")) return "cisco";
  if (platform.starts_with("arista")) return "arista";
  if (platform.starts_with("ruckus") || platform.starts_with("brocade")) return "ruckus";
  return "";
}

bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || to_lower(pattern[p]) == to_lower(text[t]))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

Result<EventKindClassifier> EventKindClassifier::from_json(std::string_view json_text,
                                                           std::string_view origin) {
  auto error = [&](std::string message) {
    Error e{ErrorKind::InputRefused, std::move(message), std::string(origin), {}, {}, {}};
    e.with_hint("see docs in rules/event_kinds.json: rules[] need a kind and at least one of "
                "message_id, message_id_regex, text");
    return fail(std::move(e));
  };
  nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return error("not a JSON object");
  if (!doc.contains("rules") || !doc["rules"].is_array()) return error("no \"rules\" array");

  EventKindClassifier classifier;
  std::size_t index = 0;
  for (const auto& r : doc["rules"]) {
    const std::string where = fmt::format("rules[{}]", index++);
    if (!r.is_object()) return error(where + ": not an object");
    Rule rule;
    rule.id = r.value("id", where);
    rule.kind = r.value("kind", "");
    if (!known_kind(rule.kind)) {
      return error(fmt::format("{} ({}): unknown kind '{}'", where, rule.id, rule.kind));
    }
    if (r.contains("vendors")) {
      if (!r["vendors"].is_array()) return error(where + ": \"vendors\" must be an array");
      for (const auto& v : r["vendors"]) {
        if (!v.is_string()) return error(where + ": vendors must be strings");
        if (v.get<std::string>() != "*") rule.vendors.push_back(v.get<std::string>());
      }
    }
    rule.message_id_glob = r.value("message_id", "");
    auto compile = [&](const char* key, std::optional<util::Regex>& out) -> std::optional<Error> {
      if (!r.contains(key)) return std::nullopt;
      if (!r[key].is_string()) return Error{ErrorKind::InputRefused, where + ": " + key + " must be a string", std::string(origin), {}, {}, {}};
      auto re = util::Regex::compile(r[key].get<std::string>());
      if (!re) {
        Error e = re.error();
        e.message = fmt::format("{} ({}): {}: {}", where, rule.id, key, e.message);
        e.file = std::string(origin);
        return e;
      }
      out = std::move(*re);
      return std::nullopt;
    };
    if (auto e = compile("message_id_regex", rule.message_id_regex)) return fail(std::move(*e));
    if (auto e = compile("text", rule.text_regex)) return fail(std::move(*e));
    if (rule.message_id_glob.empty() && !rule.message_id_regex && !rule.text_regex) {
      return error(fmt::format("{} ({}): matches everything; give message_id, "
                               "message_id_regex or text",
                               where, rule.id));
    }
    classifier.rules_.push_back(std::move(rule));
  }

  // Samples: each must classify as stated, so a rule edit cannot silently break another.
  if (doc.contains("samples")) {
    std::size_t s = 0;
    for (const auto& sample : doc["samples"]) {
      const std::string where = fmt::format("samples[{}]", s++);
      const std::string vendor = sample.value("vendor", "");
      const std::string id = sample.value("message_id", "");
      const std::string message = sample.value("message", "");
      const std::string expected = sample.value("kind", "");
      const std::string_view got = classifier.classify(vendor, id, message);
      if (got != expected) {
        return error(fmt::format("{}: '{}' '{}' classified as '{}', expected '{}'", where, id,
                                 message, got, expected));
      }
    }
  }
  return classifier;
}

const EventKindClassifier& EventKindClassifier::builtin() {
  static const EventKindClassifier instance = [] {
    auto loaded = from_json(embedded_rules_text(), "rules/event_kinds.json");
    if (!loaded) {
      ST_LOG_WARN("event kind rules not loaded: {}", loaded.error().describe());
      return EventKindClassifier{};
    }
    return std::move(*loaded);
  }();
  return instance;
}

std::string_view EventKindClassifier::classify(std::string_view vendor,
                                               std::string_view message_id,
                                               std::string_view message) const {
  for (const auto& rule : rules_) {
    if (!rule.vendors.empty()) {
      bool any = false;
      for (const auto& v : rule.vendors) any = any || v == vendor;
      if (!any) continue;
    }
    if (!rule.message_id_glob.empty() && !glob_match(rule.message_id_glob, message_id)) continue;
    if (rule.message_id_regex && !rule.message_id_regex->matches(message_id)) continue;
    if (rule.text_regex && !rule.text_regex->matches(message)) continue;
    return rule.kind;
  }
  return "other";
}

void classify_events(ParseResult& result, std::string_view platform) {
  const auto& classifier = EventKindClassifier::builtin();
  const std::string_view vendor = vendor_of_platform(platform);
  for (auto& event : result.events) {
    event.kind = std::string(classifier.classify(vendor, event.message_id, event.message));
  }
}

}  // namespace st::parse
