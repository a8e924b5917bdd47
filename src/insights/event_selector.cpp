#include "insights/event_selector.h"

#include <algorithm>

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

bool EventSelector::matches(std::string_view kind, std::string_view message_id, std::string_view message) const {
  const bool by_kind = std::find(kinds_.begin(), kinds_.end(), kind) != kinds_.end();
  const bool by_id = std::any_of(message_ids_.begin(), message_ids_.end(),
                                 [&](const std::string& glob) { return parse::glob_match(glob, message_id); });
  if (!by_kind && !by_id) return false;
  if (!text_) return true;
  rules::StopReason stopped = rules::StopReason::None;
  // A pattern stopped by its limits takes nothing: a runaway rule must not flood the cards.
  return text_->matches(message, stopped) && stopped == rules::StopReason::None;
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
  selectors_.push_back(std::move(selector));
  keys_.push_back(std::move(key));
  return selectors_.size() - 1;
}

std::uint64_t EventSelectorSet::match(std::string_view kind, std::string_view message_id, std::string_view message) const {
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < selectors_.size(); ++i) {
    if (selectors_[i].matches(kind, message_id, message)) mask |= std::uint64_t{1} << i;
  }
  return mask;
}

}  // namespace st::insights
