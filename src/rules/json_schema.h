// A small JSON Schema validator for the subset our rule schemas use (rules/schemas/):
// type, required, minProperties, maxProperties, properties, additionalProperties (bool or schema), patternProperties,
// enum, const, items, minItems, minLength, minimum, maximum, pattern, oneOf, anyOf, allOf,
// not, $ref to "#/$defs/..." or "#/definitions/...". Keywords outside the subset are ignored.
//
// Debian 12 has one C++ validator that speaks nlohmann::json (libvalijson-dev), but it
// pulls Qt 5, POCO, yaml-cpp and three more JSON libraries in as build dependencies, and its
// error paths are not JSON pointers; this subset is a few hundred lines and says exactly
// where a rule file is wrong.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace st::rules {

struct SchemaViolation {
  std::string pointer;  // JSON pointer of the offending value in the document ("" = root)
  std::string message;  // "missing required property 'id'"
};

// Other schema documents by file name, for "$ref": "rule.schema.json#/$defs/id".
using SchemaSet = std::map<std::string, nlohmann::json, std::less<>>;

// Every violation found (the first of each subtree; oneOf/anyOf report their closest branch).
std::vector<SchemaViolation> validate_schema(const nlohmann::json& schema, const nlohmann::json& document,
                                             const SchemaSet* others = nullptr);

// "/samples/0/expected" from path tokens, escaping '~' and '/'.
std::string pointer_append(const std::string& base, const std::string& token);

}  // namespace st::rules
