#define PCRE2_CODE_UNIT_WIDTH 8
#include "rules/safe_regex.h"

#include <pcre2.h>

#include <fmt/format.h>

#include <algorithm>

namespace st::rules {

std::string_view to_string(StopReason reason) {
  switch (reason) {
    case StopReason::None: return "none";
    case StopReason::MatchLimit: return "PCRE2 match limit";
    case StopReason::DepthLimit: return "PCRE2 depth limit";
    case StopReason::TimeBudget: return "time budget";
    case StopReason::RegexError: return "PCRE2 error";
  }
  return "none";
}

struct SafeRegex::Impl {
  pcre2_code* code = nullptr;
  pcre2_match_context* context = nullptr;
  std::uint32_t captures = 0;
  ~Impl() {
    pcre2_code_free(code);
    pcre2_match_context_free(context);
  }
};

SafeRegex::SafeRegex(std::unique_ptr<Impl> impl, std::string pattern) : impl_(std::move(impl)), pattern_(std::move(pattern)) {}
SafeRegex::SafeRegex(SafeRegex&&) noexcept = default;
SafeRegex& SafeRegex::operator=(SafeRegex&&) noexcept = default;
SafeRegex::~SafeRegex() = default;

Result<SafeRegex> SafeRegex::compile(std::string_view pattern, const Budget& budget, bool caseless) {
  int code = 0;
  PCRE2_SIZE offset = 0;
  std::uint32_t options = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | (caseless ? PCRE2_CASELESS : 0u);
  auto impl = std::make_unique<Impl>();
  impl->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &code, &offset, nullptr);
  if (!impl->code) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(code, message, sizeof message);
    return fail(ErrorKind::Parse, fmt::format("bad pattern at column {}: {}", offset + 1,
                                              reinterpret_cast<const char*>(message)));
  }
  pcre2_jit_compile(impl->code, PCRE2_JIT_COMPLETE);  // falls back to the interpreter when JIT is unavailable
  impl->context = pcre2_match_context_create(nullptr);
  pcre2_set_match_limit(impl->context, budget.match_limit);
  pcre2_set_depth_limit(impl->context, budget.depth_limit);
  pcre2_pattern_info(impl->code, PCRE2_INFO_CAPTURECOUNT, &impl->captures);

  SafeRegex re(std::move(impl), std::string(pattern));
  std::uint32_t count = 0, entry_size = 0;
  PCRE2_SPTR table = nullptr;
  pcre2_pattern_info(re.impl_->code, PCRE2_INFO_NAMECOUNT, &count);
  pcre2_pattern_info(re.impl_->code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
  pcre2_pattern_info(re.impl_->code, PCRE2_INFO_NAMETABLE, &table);
  // The name table is sorted by name; the rule's fields keep the order they are written in.
  std::vector<std::pair<std::uint32_t, std::string>> named;
  for (std::uint32_t i = 0; i < count; ++i) {
    PCRE2_SPTR e = table + i * entry_size;
    std::uint32_t number = (static_cast<std::uint32_t>(e[0]) << 8) | e[1];
    named.emplace_back(number, reinterpret_cast<const char*>(e + 2));
  }
  std::sort(named.begin(), named.end());
  for (auto& [number, name] : named) {
    re.numbers_.push_back(number);
    re.names_.push_back(std::move(name));
  }
  return re;
}

std::optional<RegexMatch> SafeRegex::search(std::string_view subject, StopReason& stopped, std::size_t start) const {
  // One match block per thread serves every pattern with up to 63 groups (contexts are
  // shared read-only; JIT runs on the thread's own stack).
  struct MatchData {
    pcre2_match_data* md;
    ~MatchData() { pcre2_match_data_free(md); }
  };
  thread_local MatchData shared{pcre2_match_data_create(64, nullptr)};
  std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> own(nullptr, &pcre2_match_data_free);
  pcre2_match_data* md = shared.md;
  if (impl_->captures >= 64) {
    own.reset(pcre2_match_data_create(impl_->captures + 1, nullptr));
    md = own.get();
  }
  const int rc = pcre2_match(impl_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), start, 0, md,
                             impl_->context);
  if (rc == PCRE2_ERROR_NOMATCH) return std::nullopt;
  if (rc < 0) {
    stopped = rc == PCRE2_ERROR_MATCHLIMIT ? StopReason::MatchLimit
              : rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT ? StopReason::DepthLimit
                                                                                 : StopReason::RegexError;
    return std::nullopt;
  }
  const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
  const auto pairs = static_cast<std::uint32_t>(rc);
  RegexMatch m;
  m.begin = ov[0];
  m.end = ov[1];
  m.groups.reserve(numbers_.size());
  for (std::uint32_t n : numbers_) {
    if (n < pairs && ov[2 * n] != PCRE2_UNSET) {
      m.groups.emplace_back(subject.substr(ov[2 * n], ov[2 * n + 1] - ov[2 * n]));
    } else {
      m.groups.emplace_back(std::nullopt);
    }
  }
  return m;
}

}  // namespace st::rules
