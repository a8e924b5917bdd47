// Conformance: each ntc case's output through the index (platform + command), the merged
// clitable records compared with the .yml parsed_sample the way ntc-templates' own test
// does (header keys lower-cased, the whole list of dicts equal, order included).
#include <chrono>
#include <map>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "corpus_support.h"
#include "textfsm/clitable.h"

namespace st::textfsm_tests {

namespace {

using textfsm::TableCell;

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string show(const TableCell& c) {
  if (!c.is_list) return fmt::format("'{}'", c.text);
  std::string out = "[";
  for (std::size_t i = 0; i < c.items.size(); ++i) out += fmt::format("{}'{}'", i ? ", " : "", c.items[i]);
  return out + "]";
}

// Expected records as (key -> cell) in yml order.
std::vector<std::map<std::string, TableCell>> load_expected(const std::filesystem::path& yml) {
  std::vector<std::map<std::string, TableCell>> out;
  const YAML::Node root = YAML::LoadFile(yml.string());
  for (const auto& rec : root["parsed_sample"]) {
    std::map<std::string, TableCell> row;
    for (const auto& kv : rec) {
      TableCell cell;
      if (kv.second.IsSequence()) {
        cell.is_list = true;
        for (const auto& item : kv.second) cell.items.push_back(item.as<std::string>());
      } else {
        cell.text = kv.second.IsNull() ? std::string() : kv.second.as<std::string>();
      }
      row[kv.first.as<std::string>()] = std::move(cell);
    }
    out.push_back(std::move(row));
  }
  return out;
}

// "" when equal, else the first difference.
std::string compare(const textfsm::CliTable& table, const std::vector<std::map<std::string, TableCell>>& expected) {
  if (table.rows.size() != expected.size()) {
    return fmt::format("{} records, expected {}", table.rows.size(), expected.size());
  }
  for (std::size_t r = 0; r < expected.size(); ++r) {
    if (expected[r].size() != table.header.size()) {
      return fmt::format("record {}: {} fields, expected {}", r, table.header.size(), expected[r].size());
    }
    for (std::size_t c = 0; c < table.header.size(); ++c) {
      const auto key = lower(table.header[c]);
      const auto it = expected[r].find(key);
      if (it == expected[r].end()) return fmt::format("record {}: field {} not expected", r, key);
      if (!(it->second == table.rows[r][c])) {
        return fmt::format("record {} field {}: {} expected {}", r, key, show(table.rows[r][c]), show(it->second));
      }
    }
  }
  return {};
}

}  // namespace

int run_conformance(const std::filesystem::path& corpus) {
  auto lib = textfsm::TemplateLibrary::open(corpus / "ntc-templates");
  if (!lib) {
    fmt::print(stderr, "error: {}\n", lib.error().describe());
    return 1;
  }
  std::map<std::string, std::pair<std::size_t, std::size_t>> per_platform;  // passed, total
  std::vector<std::string> failures;
  std::size_t passed = 0;
  const auto cases = ntc_cases(corpus);
  double parse_us = 0;
  for (const auto& c : cases) {
    auto& counts = per_platform[c.platform];
    ++counts.second;
    const std::string text = read_bytes(c.raw);
    const auto start = std::chrono::steady_clock::now();
    auto parsed = lib->parse(text, {{"Command", c.command}, {"Platform", c.platform}});
    parse_us += std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
    std::string problem;
    if (!parsed) {
      problem = parsed.error().describe();
    } else {
      try {
        problem = compare(parsed->table, load_expected(c.yml));
      } catch (const std::exception& e) {
        problem = fmt::format("cannot read {}: {}", c.yml.string(), e.what());
      }
    }
    if (problem.empty()) {
      ++passed;
      ++counts.first;
    } else {
      failures.push_back(fmt::format("FAIL {}: {}", c.name(), problem));
    }
  }
  fmt::print("{:<26} {:>6} {:>6}\n", "platform", "passed", "cases");
  for (const auto& [platform, counts] : per_platform) {
    fmt::print("{:<26} {:>6} {:>6}{}\n", platform, counts.first, counts.second,
               counts.first == counts.second ? "" : "  <-");
  }
  for (const auto& f : failures) fmt::print("{}\n", f);
  fmt::print("textfsm conformance: {}/{} ntc cases match parsed_sample ({} platforms; compile + parse {:.0f} ms)\n",
             passed, cases.size(), per_platform.size(), parse_us / 1000);
  // Floor: 100%. Python's clitable reproduces every case.
  return passed == cases.size() && !cases.empty() ? 0 : 1;
}

}  // namespace st::textfsm_tests
