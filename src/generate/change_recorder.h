// Lists, for each manifest item of a run, the store objects its change to the device model
// touched: the ones the item names with their fields and values as the store holds them
// (`details.expect`) and the others (`details.affects`), found by comparing the device's object
// prints (object_prints.h) before and after the change. README.md describes the shape.
#pragma once

#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "generate/manifest_item.h"
#include "generate/object_prints.h"

namespace st::generate {

struct ExpectedField {
  std::string name;  // the store column / listing field: "status", "os_version", "serial", ...
  nlohmann::json old_value;  // a string, or null when the store holds none
  nlohmann::json new_value;
};

struct ExpectedObject {
  std::string key;  // "interface:Gi1/0/5"; the diff's kind is the part before the first ':'
  std::vector<ExpectedField> fields;  // for a changed object: the fields the change is about
};

class ChangeRecorder {
 public:
  // `active` false: the run is the device's first capture, there is nothing to compare with.
  ChangeRecorder(const Device& device, Profile profile, bool active);

  // The model changed since the last call (or since construction) because of `item`.
  void record(ManifestItem& item, const std::vector<ExpectedObject>& expect = {});

  // After the run's last change: drops from `items` the affects that no longer differ from the
  // run's start (a later change of the same run undid them).
  void finish(std::span<ManifestItem> items) const;

  const ObjectPrints& prints() const { return last_; }        // as of the last change
  const ObjectPrints& run_start() const { return start_; }  // as the previous run left the device

 private:
  const Device& device_;
  Profile profile_;
  bool active_;
  ObjectPrints start_;
  ObjectPrints last_;
};

}  // namespace st::generate
