// Field-by-field comparison of our parses with ntc-templates' expected records.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace st::corpus {

// The corpus root: $STATETRACE_CORPUS, else the compiled-in default.
std::string corpus_dir();

// One record as field -> value; nullopt (ours) and "" (ntc) both mean "absent".
using FieldMap = std::map<std::string, std::optional<std::string>>;

struct Score {
  std::size_t matched = 0;
  std::size_t total = 0;
  std::vector<std::string> mismatches;  // human-readable, for debugging
  double ratio() const { return total == 0 ? 0.0 : static_cast<double>(matched) / total; }
  void add(const Score& other);
};

// Aligns records by order. Every field of `fields` in each expected/actual pair counts once;
// a missing or extra record counts all its fields as mismatches.
Score compare_records(const std::vector<FieldMap>& expected, const std::vector<FieldMap>& actual,
                      const std::vector<std::string>& fields);

// The .yml's parsed_sample as FieldMaps (lists joined with "\n"; "" becomes nullopt).
std::vector<FieldMap> load_expected(const std::string& yml_path);

// (.raw path, .yml path) pairs of one ntc command folder, sorted by name.
std::vector<std::pair<std::string, std::string>> corpus_cases(const std::string& platform,
                                                              const std::string& folder);

std::string read_file(const std::string& path);

// "" as nullopt: ntc writes an absent value as an empty string.
std::optional<std::string> opt(const std::string& s);
// A generic record's field as ntc prints it: strings as they are, lists joined with "\n".
std::optional<std::string> json_field(const nlohmann::json& row, const char* key);

}  // namespace st::corpus
