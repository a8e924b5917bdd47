// Differential: Python TextFSM (Debian's python3-textfsm, one /usr/bin/python3 process
// running clitable_dump.py over the whole corpus) against ours on the same templates and
// inputs. Compared per case: the index row's templates, error or not, the merged clitable
// header and rows, and each template's own ParseText records (None, dict items included).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "corpus_support.h"
#include "textfsm/clitable.h"
#include "textfsm/records_json.h"

namespace st::textfsm_tests {

namespace {

using nlohmann::json;

json plain(const nlohmann::ordered_json& j) {
  return json::parse(j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

std::string brief(const json& j) {
  std::string s = j.dump(-1, ' ', false, json::error_handler_t::replace);
  return s.size() > 300 ? s.substr(0, 300) + "..." : s;
}

std::string first_difference(const json& ours, const json& theirs, const std::string& what) {
  if (ours == theirs) return {};
  if (ours.is_array() && theirs.is_array()) {
    if (ours.size() != theirs.size()) {
      return fmt::format("{}: {} entries, Python {}", what, ours.size(), theirs.size());
    }
    for (std::size_t i = 0; i < ours.size(); ++i) {
      if (ours[i] != theirs[i]) return first_difference(ours[i], theirs[i], fmt::format("{}[{}]", what, i));
    }
  }
  return fmt::format("{}: ours {} Python {}", what, brief(ours), brief(theirs));
}

}  // namespace

int run_differential(const std::filesystem::path& corpus, const std::string& python, const std::string& script) {
  if (std::system(fmt::format("'{}' -c 'import textfsm' 2>/dev/null", python).c_str()) != 0) {
    const char* ci = std::getenv("CI");
    if (ci != nullptr && std::string_view(ci) == "true") {
      fmt::print(stderr, "error: {} cannot import textfsm (Debian's python3-textfsm) and CI=true requires it\n", python);
      return 1;
    }
    fmt::print("{} has no textfsm module: skipped\n", python);
    return 77;
  }
  const std::string command = fmt::format("'{}' '{}' '{}'", python, script, corpus.string());
  const auto py_start = std::chrono::steady_clock::now();
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    fmt::print(stderr, "error: cannot run {}\n", command);
    return 1;
  }
  std::string out;
  char buffer[1 << 16];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  const int status = ::pclose(pipe);
  const double py_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - py_start).count();
  if (status != 0 || out.empty()) {
    fmt::print(stderr, "error: {} failed (status {}); it needs Debian's python3-textfsm\n", command, status);
    return 1;
  }
  const json reference = json::parse(out);

  auto lib = textfsm::TemplateLibrary::open(corpus / "ntc-templates");
  if (!lib) {
    fmt::print(stderr, "error: {}\n", lib.error().describe());
    return 1;
  }
  std::size_t same = 0, compared = 0;
  std::vector<std::string> failures;
  const auto our_start = std::chrono::steady_clock::now();
  for (const auto& entry : reference) {
    ++compared;
    const auto case_name = entry["case"].get<std::string>();
    const auto raw = corpus / "ntc" / case_name;
    const std::string text = read_bytes(raw);
    const std::string platform = entry["platform"].get<std::string>();
    const std::string cmd = entry["command"].get<std::string>();
    std::string problem;
    auto parsed = lib->parse(text, {{"Command", cmd}, {"Platform", platform}});
    const bool py_error = !entry["error"].is_null();
    if (!parsed) {
      if (!py_error) problem = fmt::format("ours failed: {}", parsed.error().describe());
    } else if (py_error) {
      problem = fmt::format("Python failed ({}) but ours parsed", entry["error"].get<std::string>());
    } else {
      json templates = json::array();
      for (const auto& part : parsed->parts) templates.push_back(part.name);
      problem = first_difference(templates, entry["templates"], "templates");
      if (problem.empty()) problem = first_difference(json(parsed->table.header), entry["header"], "header");
      if (problem.empty()) {
        json rows = json::array();
        for (const auto& row : parsed->table.rows) {
          json r = json::array();
          for (const auto& cell : row) r.push_back(plain(textfsm::table_cell_to_json(cell)));
          rows.push_back(std::move(r));
        }
        problem = first_difference(rows, entry["rows"], "clitable rows");
      }
      for (std::size_t t = 0; problem.empty() && t < parsed->parts.size(); ++t) {
        const auto& part = parsed->parts[t];
        const auto& theirs = entry["fsm"][t];
        json records = json::array();
        for (std::size_t r = 0; r < part.result.records.size(); ++r) {
          records.push_back(plain(textfsm::record_to_json_array(*part.tpl, part.result.records, r)));
        }
        problem = first_difference(records, theirs["records"], fmt::format("{} records", part.name));
      }
    }
    if (problem.empty()) {
      ++same;
    } else {
      failures.push_back(fmt::format("DIFF {}: {}", case_name, problem));
    }
  }
  const double our_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - our_start).count();
  for (const auto& f : failures) fmt::print("{}\n", f);
  fmt::print("textfsm differential: {}/{} cases identical to Python TextFSM "
             "(Python {:.1f} s for clitable + ParseText, ours {:.2f} s for the same)\n",
             same, compared, py_seconds, our_seconds);
  return same == compared && compared > 0 ? 0 : 1;
}

}  // namespace st::textfsm_tests
