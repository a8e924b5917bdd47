// TextFSM benchmark: our engine against Debian's Python TextFSM on the same inputs.
// Inputs are real ntc corpus outputs for cisco_ios (show interfaces, show logging, show
// interfaces status, show running-config interface), each command's samples concatenated
// and repeated to --megabytes. Templates come from the corpus index and are compiled
// before timing; both sides parse single-threaded; ours is the best of --repeat runs,
// Python's the best of --python-repeat. Prints MB/s and the ratio; asserts nothing.
//
//   statetrace_textfsm_bench [--megabytes N] [--repeat R] [--python /usr/bin/python3 | --no-python]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <unistd.h>

#include "textfsm/clitable.h"
#include "textfsm/fsm.h"

namespace {

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

constexpr const char* kPythonTimer = R"(
import sys, time, textfsm
with open(sys.argv[1]) as f:
    fsm = textfsm.TextFSM(f)
with open(sys.argv[2], encoding="utf-8") as f:
    data = f.read()
best, rows = None, 0
for _ in range(int(sys.argv[3])):
    fsm.Reset()
    t = time.perf_counter()
    rows = len(fsm.ParseText(data))
    dt = time.perf_counter() - t
    best = dt if best is None else min(best, dt)
print(best, rows)
)";

// Python's best parse time in seconds and its record count, or nullopt when it cannot run.
std::optional<std::pair<double, std::size_t>> python_seconds(const std::string& python, const std::filesystem::path& tpl,
                                                             const std::filesystem::path& input, int repeat) {
  const auto script = std::filesystem::temp_directory_path() / fmt::format("statetrace-textfsm-bench-{}.py", ::getpid());
  std::ofstream(script) << kPythonTimer;
  const std::string cmd = fmt::format("'{}' '{}' '{}' '{}' {} 2>/dev/null", python, script.string(), tpl.string(),
                                      input.string(), repeat);
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  double seconds = 0;
  std::size_t rows = 0;
  const int got = std::fscanf(pipe, "%lf %zu", &seconds, &rows);
  const int status = ::pclose(pipe);
  std::filesystem::remove(script);
  if (got != 2 || status != 0) return std::nullopt;
  return std::pair{seconds, rows};
}

}  // namespace

int main(int argc, char** argv) {
  double megabytes = 4;
  int repeat = 5;
  int python_repeat = 1;
  std::string python = "/usr/bin/python3";
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    const bool has_value = i + 1 < argc;
    if (flag == "--megabytes" && has_value) megabytes = std::atof(argv[++i]);
    else if (flag == "--repeat" && has_value) repeat = std::max(1, std::atoi(argv[++i]));
    else if (flag == "--python-repeat" && has_value) python_repeat = std::max(1, std::atoi(argv[++i]));
    else if (flag == "--python" && has_value) python = argv[++i];
    else if (flag == "--no-python") python.clear();
    else {
      fmt::print(stderr, "usage: statetrace_textfsm_bench [--megabytes N] [--repeat R] [--python-repeat R] "
                         "[--python PATH | --no-python]\n");
      return 2;
    }
  }
  const char* env = std::getenv("STATETRACE_CORPUS");
  const std::filesystem::path corpus = env != nullptr && *env != '\0' ? env : STATETRACE_DEFAULT_CORPUS;
  if (!std::filesystem::is_regular_file(corpus / "ntc-templates" / "index")) {
    fmt::print("corpus absent at {}: skipped\n", corpus.string());
    return 77;
  }
  auto lib = st::textfsm::TemplateLibrary::open(corpus / "ntc-templates");
  if (!lib) return fmt::print(stderr, "{}\n", lib.error().describe()), 1;

  const std::vector<std::string> commands = {"show interfaces", "show logging", "show interfaces status",
                                             "show running-config interface"};
  const auto size = static_cast<std::size_t>(megabytes * 1e6);
  fmt::print("{:<32} {:>8} {:>9} {:>10} {:>10} {:>8}\n", "cisco_ios command", "MB", "records", "ours MB/s",
             "Python MB/s", "ratio");
  double our_total_s = 0, py_total_s = 0, total_mb = 0;
  bool all_python = !python.empty();
  for (const auto& command : commands) {
    std::string folder = command;
    std::replace(folder.begin(), folder.end(), ' ', '_');
    const auto dir = corpus / "ntc" / "cisco_ios" / folder;
    std::vector<std::filesystem::path> raws;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().extension() == ".raw") raws.push_back(e.path());
    }
    std::sort(raws.begin(), raws.end());
    const auto* row = lib->index().match({{"Command", command}, {"Platform", "cisco_ios"}});
    if (row == nullptr) return fmt::print(stderr, "no template for {}\n", command), 1;
    const auto name = lib->index().templates(*row).front();
    double compile_us = 0;
    auto tpl = lib->get(name, &compile_us);
    if (!tpl) return fmt::print(stderr, "{}\n", tpl.error().describe()), 1;

    st::textfsm::Runner runner(**tpl);
    // Samples that parse cleanly twice in a row, concatenated and repeated to the size
    // asked. A template may raise Error on a repeated header (show interfaces status):
    // then the first sample is kept whole and only its recorded lines are repeated.
    std::string head, unit;
    std::size_t used = 0;
    for (const auto& raw : raws) {
      std::string sample = read_bytes(raw);
      if (!sample.empty() && sample.back() != '\n') sample += '\n';
      if (!runner.parse(sample + sample)) continue;
      unit += sample;
      ++used;
    }
    for (std::size_t i = 0; unit.empty() && i < raws.size(); ++i) {
      std::string sample = read_bytes(raws[i]);
      if (!sample.empty() && sample.back() != '\n') sample += '\n';
      auto traced = runner.parse(sample, true);
      if (!traced) continue;
      std::vector<bool> recorded;
      for (const auto& state : (*tpl)->states()) {
        for (const auto& rule : state.rules) {
          if (rule.record_op != st::textfsm::RecordOp::Record) continue;
          for (auto line : traced->trace.rule_lines[rule.id]) {
            if (recorded.size() <= line) recorded.resize(line + 1);
            recorded[line] = true;
          }
        }
      }
      std::string body;
      std::size_t line_no = 0;
      for (std::size_t start = 0; start < sample.size();) {
        const std::size_t end = sample.find('\n', start);
        ++line_no;
        if (line_no < recorded.size() && recorded[line_no]) body += sample.substr(start, end + 1 - start);
        start = end + 1;
      }
      if (!body.empty() && runner.parse(sample + body + body)) {
        head = sample;
        unit = body;
        used = 1;
      }
    }
    if (unit.empty()) return fmt::print(stderr, "no {} sample parses when repeated\n", command), 1;
    std::string input = head;
    input.reserve(size + unit.size());
    while (input.size() < size) input += unit;
    double best = 1e100;
    std::size_t records = 0;
    st::textfsm::ParseResult result;  // reused, as a caller parsing many outputs would
    for (int r = 0; r < repeat; ++r) {
      const auto t = std::chrono::steady_clock::now();
      auto ok = runner.parse_into(input, result);
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
      if (!ok) return fmt::print(stderr, "{}\n", ok.error().describe()), 1;
      records = result.records.size();
      best = std::min(best, s);
    }
    const double mb = static_cast<double>(input.size()) / 1e6;
    std::string py_rate = "-", ratio = "-";
    if (!python.empty()) {
      const auto path = std::filesystem::temp_directory_path() / fmt::format("statetrace-textfsm-bench-{}.txt", ::getpid());
      std::ofstream(path, std::ios::binary) << input;
      const auto py = python_seconds(python, lib->index().dir() / name, path, python_repeat);
      std::filesystem::remove(path);
      if (py) {
        py_rate = fmt::format("{:.1f}", mb / py->first);
        ratio = fmt::format("{:.1f}x", py->first / best);
        py_total_s += py->first;
        if (py->second != records) ratio += fmt::format(" (Python: {} records!)", py->second);
      } else {
        all_python = false;
      }
    }
    our_total_s += best;
    total_mb += mb;
    fmt::print("{:<32} {:>8.2f} {:>9} {:>10.1f} {:>10} {:>8}   ({} of {} samples; {} compiled in {:.0f} us)\n", command,
               mb, records, mb / best, py_rate, ratio, used, raws.size(), name, compile_us);
  }
  if (all_python) {
    fmt::print("{:<32} {:>8.2f} {:>9} {:>10.1f} {:>10.1f} {:>7.1f}x\n", "all four", total_mb, "", total_mb / our_total_s,
               total_mb / py_total_s, py_total_s / our_total_s);
  } else if (!python.empty()) {
    fmt::print("Python TextFSM unavailable at {} (needs python3-textfsm): our figures only\n", python);
  }
  return 0;
}
