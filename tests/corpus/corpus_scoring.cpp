#include "corpus_scoring.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace st::corpus {

std::string corpus_dir() {
  if (const char* env = std::getenv("STATETRACE_CORPUS"); env != nullptr && *env != '\0') {
    return env;
  }
  return STATETRACE_DEFAULT_CORPUS;
}

void Score::add(const Score& other) {
  matched += other.matched;
  total += other.total;
  mismatches.insert(mismatches.end(), other.mismatches.begin(), other.mismatches.end());
}

namespace {

std::optional<std::string> field(const FieldMap& record, const std::string& name) {
  const auto it = record.find(name);
  if (it == record.end() || !it->second || it->second->empty()) return std::nullopt;
  return it->second;
}

std::string show(const std::optional<std::string>& value) {
  if (!value) return "<absent>";
  std::string out = "\"";
  for (char c : *value) {
    if (c == '\n') out += "\\n";
    else out += c;
  }
  return out + "\"";
}

}  // namespace

Score compare_records(const std::vector<FieldMap>& expected, const std::vector<FieldMap>& actual,
                      const std::vector<std::string>& fields) {
  Score score;
  const std::size_t n = std::max(expected.size(), actual.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (i >= actual.size()) {
      score.total += fields.size();
      score.mismatches.push_back(fmt::format("record {}: missing from our parse", i));
      continue;
    }
    if (i >= expected.size()) {
      score.total += fields.size();
      score.mismatches.push_back(fmt::format("record {}: extra in our parse", i));
      continue;
    }
    for (const auto& name : fields) {
      ++score.total;
      const auto want = field(expected[i], name);
      const auto got = field(actual[i], name);
      if (want == got) {
        ++score.matched;
      } else {
        score.mismatches.push_back(
            fmt::format("record {} {}: expected {} got {}", i, name, show(want), show(got)));
      }
    }
  }
  return score;
}

std::vector<FieldMap> load_expected(const std::string& yml_path) {
  std::vector<FieldMap> out;
  const YAML::Node root = YAML::LoadFile(yml_path);
  for (const auto& item : root["parsed_sample"]) {
    FieldMap record;
    for (const auto& kv : item) {
      const auto key = kv.first.as<std::string>();
      const YAML::Node& value = kv.second;
      std::string text;
      if (value.IsSequence()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
          if (i > 0) text += '\n';
          text += value[i].as<std::string>();
        }
      } else if (!value.IsNull()) {
        text = value.as<std::string>();
      }
      record[key] = text.empty() ? std::nullopt : std::optional<std::string>(text);
    }
    out.push_back(std::move(record));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> corpus_cases(const std::string& platform,
                                                              const std::string& folder) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> cases;
  const fs::path dir = fs::path(corpus_dir()) / "ntc" / platform / folder;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return cases;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".raw") continue;
    fs::path yml = entry.path();
    yml.replace_extension(".yml");
    if (fs::exists(yml)) cases.emplace_back(entry.path().string(), yml.string());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::optional<std::string> opt(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

std::optional<std::string> json_field(const nlohmann::json& row, const char* key) {
  if (!row.contains(key)) return std::nullopt;
  const auto& value = row.at(key);
  if (value.is_string()) return opt(value.get<std::string>());
  if (value.is_array()) {
    std::string joined;
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (i > 0) joined += '\n';
      joined += value[i].get<std::string>();
    }
    return opt(joined);
  }
  return std::nullopt;
}

}  // namespace st::corpus
