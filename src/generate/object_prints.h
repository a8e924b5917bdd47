// The store objects one device's capture yields, computed from the device model rather than from
// the text: object key ("vlan:10", "interface:Gi1/0/5", ...; src/model/object_key.h) -> a print of
// the non-volatile values the vendor profiles write for it. When a change to the model alters a
// key's print (or adds or drops the key), the diff between the two runs reports that object: the
// change planners list these keys in the manifest (`expect` and `affects`, README.md).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "generate/device_model.h"
#include "generate/session_writer.h"

namespace st::generate {

using ObjectPrints = std::map<std::string, std::string>;

ObjectPrints object_prints(const Device& d, Profile profile);

enum class ObjectChange { Added, Removed, Changed };
std::string_view object_change_name(ObjectChange c);  // "added", "removed", "changed"

struct ChangedObject {
  std::string key;
  ObjectChange change = ObjectChange::Changed;
};

// The keys whose prints differ, in key order.
std::vector<ChangedObject> changed_objects(const ObjectPrints& before, const ObjectPrints& after);

}  // namespace st::generate
