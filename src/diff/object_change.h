// One line of a diff: an object added, removed or changed between two runs of one device, or
// a device (or one kind of its objects) captured in only one of the two runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/ids.h"
#include "store/listings.h"

namespace st::diff {

enum class ChangeType { Added, Removed, Changed, NotCaptured };
std::string_view to_string(ChangeType change);
std::optional<ChangeType> change_type_from(std::string_view text);

struct FieldChange {
  std::string name;
  nlohmann::json old_value;  // as the listings' JSON shows it: null, number, text or list
  nlohmann::json new_value;
  bool is_volatile = false;
  std::optional<std::int64_t> delta;  // a volatile counter: new - old
  std::optional<double> per_minute;   // delta over the minutes between the two captures
};

struct ObjectChange {
  RunId from_run;
  RunId to_run;
  std::int64_t device_id = 0;
  std::string device;  // hostname
  std::string site;
  std::string kind;  // diff_kind.h: "interface", "vlan", ...
  std::string key;   // the object key ("interface:Gi1/0/5"); for a kind not captured, the kind
  ChangeType change = ChangeType::Changed;
  std::vector<FieldChange> fields;  // Changed only, in the kind's field order
  std::optional<store::SourceRef> from_source;
  std::optional<store::SourceRef> to_source;
  std::string missing_in;  // NotCaptured: "from" or "to", the run that lacks it
};

// The JSON of `diff --json` (device, kind, key, change, fields [{name, old, new}], from_run,
// to_run, source {from, to}); the stored diffs keep the same.
nlohmann::json to_json(const ObjectChange& change);
// The parts of the JSON the stored row does not hold in its own columns.
nlohmann::json detail_json(const ObjectChange& change);
ObjectChange from_detail_json(const nlohmann::json& detail);

}  // namespace st::diff
