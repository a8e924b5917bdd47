// Whether an object's field meets a rule's condition. Values are the listings' JSON (text,
// numbers, lists, null); a condition on a list field holds when an element meets it (ne and
// not_in: when none is excluded). Numeric ops read the text's leading number ("-7.2").
#pragma once

#include <nlohmann/json.hpp>

#include "insights/detection_rule.h"

namespace st::insights {

bool field_matches(const FieldCondition& condition, const nlohmann::json& fields);
bool all_match(const std::vector<FieldCondition>& conditions, const nlohmann::json& fields);

// The compared operand of a numeric op: a number, or text starting with one.
std::optional<double> number_of(const nlohmann::json& value);

}  // namespace st::insights
