#include "generate/change_recorder.h"

#include <algorithm>
#include <set>

namespace st::generate {

ChangeRecorder::ChangeRecorder(const Device& device, Profile profile, bool active)
    : device_(device), profile_(profile), active_(active) {
  if (active_) {
    start_ = object_prints(device_, profile_);
    last_ = start_;
  }
}

void ChangeRecorder::record(ManifestItem& item, const std::vector<ExpectedObject>& expect) {
  if (!active_) {
    // The device's first capture: nothing to compare with, no object of it is reported changed.
    if (item.run > 1) {
      item.details["expect"] = nlohmann::json::array();
      item.details["affects"] = nlohmann::json::array();
    }
    return;
  }
  ObjectPrints now = object_prints(device_, profile_);
  const std::vector<ChangedObject> changes = changed_objects(last_, now);
  nlohmann::json expected = nlohmann::json::array(), affects = nlohmann::json::array();
  std::set<std::string> named;
  for (const auto& e : expect) {
    named.insert(e.key);
    const auto c = std::find_if(changes.begin(), changes.end(), [&](const ChangedObject& x) { return x.key == e.key; });
    const ObjectChange change = c == changes.end() ? ObjectChange::Changed : c->change;
    nlohmann::json row = {{"kind", e.key.substr(0, e.key.find(':'))}, {"key", e.key}, {"change", object_change_name(change)}};
    if (change == ObjectChange::Changed) {
      row["fields"] = nlohmann::json::array();
      for (const auto& f : e.fields) row["fields"].push_back({{"name", f.name}, {"old", f.old_value}, {"new", f.new_value}});
    }
    expected.push_back(std::move(row));
  }
  for (const auto& c : changes) {
    if (!named.contains(c.key)) affects.push_back(c.key);
  }
  item.details["expect"] = std::move(expected);
  item.details["affects"] = std::move(affects);
  last_ = std::move(now);
}

void ChangeRecorder::finish(std::span<ManifestItem> items) const {
  if (!active_) return;
  std::set<std::string> changed;
  for (const auto& c : changed_objects(start_, last_)) changed.insert(c.key);
  for (auto& item : items) {
    auto it = item.details.find("affects");
    if (it == item.details.end()) continue;
    nlohmann::json kept = nlohmann::json::array();
    for (const auto& key : *it) {
      if (changed.contains(key.get<std::string>())) kept.push_back(key);
    }
    *it = std::move(kept);
  }
}

}  // namespace st::generate
