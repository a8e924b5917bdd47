// Shared by the TextFSM corpus checks: where the corpus is and which cases it holds.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace st::textfsm_tests {

// $STATETRACE_CORPUS, else the compiled-in default (../shared/corpus from the project root).
std::string corpus_dir();

struct NtcCase {
  std::string platform;
  std::string command;  // the command folder with '_' as spaces, as ntc-templates' tests do
  std::filesystem::path raw;
  std::filesystem::path yml;
  std::string name() const;  // "platform/command_folder/case.raw"
};

// Every <platform>/<command>/<case>.raw under corpus/ntc, sorted like Python's sorted(os.listdir).
std::vector<NtcCase> ntc_cases(const std::filesystem::path& corpus);

std::string read_bytes(const std::filesystem::path& path);

int run_conformance(const std::filesystem::path& corpus);
int run_differential(const std::filesystem::path& corpus, const std::string& python, const std::string& script);

}  // namespace st::textfsm_tests
