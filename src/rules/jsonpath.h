// The JSONPath subset rules use over nlohmann::json: $ (root), @ (current, in filters and
// field paths), .key, ['key'] / ["key"], [n] (negative from the end), [*] and .*, ..key
// and ..* (recursive descent), and filters [?(@.a.b)], [?(@.a == 'x')], [?(@.n > 3)]
// with == != < <= > >= against a string, number, true, false or null.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace st::rules {

struct JsonPathHit {
  const nlohmann::json* value = nullptr;
  std::string key;      // member name, or the index as text, of the last step ("" for the root)
  std::string pointer;  // JSON pointer of the value in the document
};

class JsonPath {
 public:
  // Errors name the 1-based column in the path.
  static Result<JsonPath> compile(std::string_view path);

  std::vector<JsonPathHit> select(const nlohmann::json& root) const;
  const std::string& text() const { return text_; }

  struct Step;  // one selector (public so the compiler's helpers can build them)

 private:
  std::string text_;
  std::vector<std::shared_ptr<const Step>> steps_;
};

}  // namespace st::rules
