#define PCRE2_CODE_UNIT_WIDTH 8
#include "util/regex.h"

#include <pcre2.h>

#include <fmt/format.h>

namespace st::util {

struct Regex::Impl {
  pcre2_code* code = nullptr;
  ~Impl() { pcre2_code_free(code); }
};

Regex::Regex(std::unique_ptr<Impl> impl, std::string pattern)
    : impl_(std::move(impl)), pattern_(std::move(pattern)) {}
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;
Regex::~Regex() = default;

Result<Regex> Regex::compile(std::string_view pattern) {
  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &error_code, &error_offset, nullptr);
  if (!code) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error_code, message, sizeof message);
    Error e{ErrorKind::Usage,
            fmt::format("invalid regular expression: {} at column {}",
                        reinterpret_cast<const char*>(message), error_offset + 1),
            {}, {}, error_offset, {}};
    return fail(std::move(e));
  }
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  // falls back to the interpreter if JIT is unavailable
  auto impl = std::make_unique<Impl>();
  impl->code = code;
  return Regex(std::move(impl), std::string(pattern));
}

namespace {
struct MatchData {
  pcre2_match_data* data;
  explicit MatchData(const pcre2_code* code) : data(pcre2_match_data_create_from_pattern(code, nullptr)) {}
  ~MatchData() { pcre2_match_data_free(data); }
};
}  // namespace

bool Regex::matches(std::string_view subject) const {
  // A yes/no match needs no captures: one small match block per thread serves every pattern.
  thread_local std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> md(
      pcre2_match_data_create(1, nullptr), &pcre2_match_data_free);
  int rc = pcre2_match(impl_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), 0, 0,
                       md.get(), nullptr);
  return rc >= 0;
}

std::optional<std::string_view> Regex::named_group(std::string_view subject, std::string_view group) const {
  MatchData md(impl_->code);
  int rc = pcre2_match(impl_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), 0, 0,
                       md.data, nullptr);
  if (rc < 0) return std::nullopt;
  std::string name(group);
  int number = pcre2_substring_number_from_name(impl_->code, reinterpret_cast<PCRE2_SPTR>(name.c_str()));
  if (number < 0) return std::nullopt;
  PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(md.data);
  if (number >= rc || ovector[2 * number] == PCRE2_UNSET) return std::nullopt;
  return subject.substr(ovector[2 * number], ovector[2 * number + 1] - ovector[2 * number]);
}

}  // namespace st::util
