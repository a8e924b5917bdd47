// True/false positives and false negatives of one detection rule (or pattern) over one input,
// with the precision and recall they give. Shared by the insights accuracy bench and its unit
// test (tests/bench/insights_bench.cpp, tests/unit/test_insights_accuracy.cpp).
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include <fmt/format.h>

namespace st::accuracy {

struct Tally {
  std::size_t tp = 0, fp = 0, fn = 0;

  // No finding at all is a precision of 1 (nothing wrong was claimed); nothing expected, a recall of 1.
  double precision() const { return tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 1.0; }
  double recall() const { return tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 1.0; }
  Tally& operator+=(const Tally& o) {
    tp += o.tp, fp += o.fp, fn += o.fn;
    return *this;
  }
};

using TallyByRule = std::map<std::string, Tally>;

inline Tally total_of(const TallyByRule& by_rule) {
  Tally t;
  for (const auto& [rule, tally] : by_rule) t += tally;
  return t;
}

// One table: rule, TP, FP, FN, precision, recall; then the total line.
inline std::string format_table(const TallyByRule& by_rule, const std::string& first_column = "rule") {
  std::string out = fmt::format("  {:<28} {:>6} {:>6} {:>6} {:>9} {:>7}\n", first_column, "TP", "FP", "FN", "precision",
                                "recall");
  auto line = [&](const std::string& name, const Tally& t) {
    out += fmt::format("  {:<28} {:>6} {:>6} {:>6} {:>8.1f}% {:>6.1f}%\n", name, t.tp, t.fp, t.fn, 100 * t.precision(),
                       100 * t.recall());
  };
  for (const auto& [rule, tally] : by_rule) line(rule, tally);
  line("TOTAL", total_of(by_rule));
  return out;
}

}  // namespace st::accuracy
