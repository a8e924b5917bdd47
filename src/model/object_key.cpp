#include "model/object_key.h"

namespace st::model {

void object_key_into(const parse::ObjectRecord& object, std::string& out) {
  out.assign(object.kind->name);
  for (std::size_t c = 0; c < object.values.size(); ++c) {
    if (!object.kind->columns[c].key) continue;
    out.push_back(':');
    if (object.values[c]) out.append(*object.values[c]);
  }
}

std::string object_key(const parse::ObjectRecord& object) {
  std::string key;
  object_key_into(object, key);
  return key;
}

}  // namespace st::model
