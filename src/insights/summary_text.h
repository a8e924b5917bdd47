// A rule's one-line summary with the finding's numbers filled in. Placeholders: {count},
// {value}, {objects} (the first five, then "and N more"), {object_count}, {details},
// {device}, {window_minutes}, and any parameter by name ({min_count}).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "insights/finding.h"

namespace st::insights {

std::string expand_summary(const Finding& finding);

// "{name}" placeholders replaced by `value(name)`; a name it does not know stays as written, so
// a rule's author sees it.
std::string expand_placeholders(const std::string& text,
                                const std::function<std::optional<std::string>(const std::string&)>& value);

// "Gi1/0/1, Gi1/0/2, Gi1/0/3, Gi1/0/4, Gi1/0/5 and 3 more"
std::string short_list(const std::vector<std::string>& items, std::size_t shown = 5);

}  // namespace st::insights
