#include "insights/event_selector.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <unordered_map>

#include "parse/event_kind.h"

namespace st::insights {

Result<EventSelector> EventSelector::compile(const EventSelectorSpec& spec) {
  EventSelector s;
  s.kinds_ = spec.kinds;
  s.message_ids_ = spec.message_ids;
  if (!spec.text.empty()) {
    ST_TRY(auto re, rules::SafeRegex::compile(spec.text, rules::Budget{}));
    s.text_ = std::make_shared<const rules::SafeRegex>(std::move(re));
  }
  return s;
}

bool EventSelector::takes(std::string_view kind, std::string_view message_id) const {
  if (std::find(kinds_.begin(), kinds_.end(), kind) != kinds_.end()) return true;
  return std::any_of(message_ids_.begin(), message_ids_.end(),
                     [&](const std::string& glob) { return parse::glob_match(glob, message_id); });
}

bool EventSelector::text_matches(std::string_view message) const {
  if (!text_) return true;
  rules::StopReason stopped = rules::StopReason::None;
  // A pattern stopped by its limits takes nothing: a runaway rule must not flood the cards.
  return text_->matches(message, stopped) && stopped == rules::StopReason::None;
}

bool EventSelector::matches(std::string_view kind, std::string_view message_id, std::string_view message) const {
  return takes(kind, message_id) && text_matches(message);
}

std::uint64_t EventSelectorSet::next_id() {
  static std::atomic<std::uint64_t> next{1};
  return next++;
}

Result<std::size_t> EventSelectorSet::add(const EventSelectorSpec& spec) {
  std::string key;
  for (const auto& k : spec.kinds) key += k + ',';
  key += '|';
  for (const auto& m : spec.message_ids) key += m + ',';
  key += '|' + spec.text;
  if (auto it = std::find(keys_.begin(), keys_.end(), key); it != keys_.end()) {
    return static_cast<std::size_t>(it - keys_.begin());
  }
  if (selectors_.size() == kMaxSelectors) {
    return fail(ErrorKind::Usage, "more than 64 distinct event selectors in the enabled detection rules");
  }
  ST_TRY(auto selector, EventSelector::compile(spec));
  if (selector.has_text()) text_bits_ |= std::uint64_t{1} << selectors_.size();
  selectors_.push_back(std::move(selector));
  keys_.push_back(std::move(key));
  id_ = next_id();  // the set changed: cached masks no longer hold
  return selectors_.size() - 1;
}

std::uint64_t EventSelectorSet::match(std::string_view kind, std::string_view message_id, std::string_view message) const {
  struct Cache {
    std::uint64_t owner = 0;
    std::unordered_map<std::string, std::uint64_t> masks;  // "kind\x1fmessage id" -> selectors taking it
    std::string key;
  };
  thread_local Cache cache;
  if (cache.owner != id_) {
    cache.owner = id_;
    cache.masks.clear();
  }
  cache.key.assign(kind);
  cache.key.push_back('\x1f');
  cache.key.append(message_id);
  auto it = cache.masks.find(cache.key);
  if (it == cache.masks.end()) {
    std::uint64_t base = 0;
    for (std::size_t i = 0; i < selectors_.size(); ++i) {
      if (selectors_[i].takes(kind, message_id)) base |= std::uint64_t{1} << i;
    }
    it = cache.masks.emplace(cache.key, base).first;
  }
  std::uint64_t mask = it->second;
  for (std::uint64_t pending = mask & text_bits_; pending != 0; pending &= pending - 1) {
    const auto i = static_cast<std::size_t>(std::countr_zero(pending));
    if (!selectors_[i].text_matches(message)) mask &= ~(std::uint64_t{1} << i);
  }
  return mask;
}

}  // namespace st::insights
