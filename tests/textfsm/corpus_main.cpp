// statetrace_textfsm_corpus MODE: the TextFSM engine over ntc-templates' test corpus.
//   conformance   every .raw/.yml pair through the index, records compared with parsed_sample
//   differential  the same cases through Debian's Python TextFSM (one /usr/bin/python3
//                 process running clitable_dump.py), clitable tables and raw records compared
// Exit 77 (skip) when the corpus is absent, 1 when CI=true and it is absent.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include <fmt/format.h>

#include "corpus_support.h"

namespace st::textfsm_tests {

std::string corpus_dir() {
  if (const char* env = std::getenv("STATETRACE_CORPUS"); env != nullptr && *env != '\0') return env;
  return STATETRACE_DEFAULT_CORPUS;
}

std::string NtcCase::name() const { return fmt::format("{}/{}/{}", platform, raw.parent_path().filename().string(), raw.filename().string()); }

std::vector<NtcCase> ntc_cases(const std::filesystem::path& corpus) {
  namespace fs = std::filesystem;
  auto sorted_entries = [](const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
    std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) {
      return a.filename().string() < b.filename().string();
    });
    return out;
  };
  std::vector<NtcCase> cases;
  for (const auto& pdir : sorted_entries(corpus / "ntc")) {
    if (!fs::is_directory(pdir)) continue;
    for (const auto& cdir : sorted_entries(pdir)) {
      if (!fs::is_directory(cdir)) continue;
      std::string command = cdir.filename().string();
      std::replace(command.begin(), command.end(), '_', ' ');
      for (const auto& file : sorted_entries(cdir)) {
        if (file.extension() != ".raw") continue;
        auto yml = file;
        yml.replace_extension(".yml");
        cases.push_back({pdir.filename().string(), command, file, yml});
      }
    }
  }
  return cases;
}

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace st::textfsm_tests

int main(int argc, char** argv) {
  using namespace st::textfsm_tests;
  const std::string_view mode = argc > 1 ? argv[1] : "";
  if (mode != "conformance" && mode != "differential") {
    fmt::print(stderr, "usage: statetrace_textfsm_corpus conformance|differential [PYTHON]\n");
    return 2;
  }
  const std::string dir = corpus_dir();
  const bool ci = [] {
    const char* v = std::getenv("CI");
    return v != nullptr && std::string_view(v) == "true";
  }();
  std::error_code ec;
  if (!std::filesystem::is_directory(std::filesystem::path(dir) / "ntc", ec) ||
      !std::filesystem::is_regular_file(std::filesystem::path(dir) / "ntc-templates" / "index", ec)) {
    if (ci) {
      fmt::print(stderr, "error: the test corpus is missing at {} and CI=true requires it "
                         "(set STATETRACE_CORPUS to its location)\n", dir);
      return 1;
    }
    fmt::print("corpus absent at {}: skipped\n", dir);
    return 77;
  }
  if (mode == "conformance") return run_conformance(dir);
  const std::string python = argc > 2 ? argv[2] : "/usr/bin/python3";
  return run_differential(dir, python, STATETRACE_TEXTFSM_DUMP_SCRIPT);
}
