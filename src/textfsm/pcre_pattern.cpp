#define PCRE2_CODE_UNIT_WIDTH 8
#include "textfsm/pcre_pattern.h"

#include <pcre2.h>

#include <cctype>
#include <utility>

namespace st::textfsm {

namespace {

pcre2_compile_context* compile_context() {
  // Newline is LF whatever PCRE2's build default: '.' and '$' then behave as in Python.
  thread_local std::unique_ptr<pcre2_compile_context, decltype(&pcre2_compile_context_free)> ctx(
      [] {
        pcre2_compile_context* c = pcre2_compile_context_create(nullptr);
        pcre2_set_newline(c, PCRE2_NEWLINE_LF);
        return c;
      }(),
      &pcre2_compile_context_free);
  return ctx.get();
}

std::expected<pcre2_code*, PcreError> compile_raw(std::string_view pattern, std::uint32_t options) {
  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options,
                                   &error_code, &error_offset, compile_context());
  if (code == nullptr) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error_code, message, sizeof message);
    return std::unexpected(PcreError{reinterpret_cast<const char*>(message), error_offset});
  }
  return code;
}

std::uint32_t base_options(bool ucp) {
  return PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | (ucp ? PCRE2_UCP : 0u);
}

}  // namespace

std::expected<PcrePattern, PcreError> PcrePattern::compile(std::string_view pattern, bool anchored, bool ucp) {
  auto code = compile_raw(pattern, base_options(ucp) | (anchored ? PCRE2_ANCHORED : 0u));
  if (!code) return std::unexpected(code.error());
  const bool jit = pcre2_jit_compile(*code, PCRE2_JIT_COMPLETE) == 0;
  return PcrePattern(*code, jit);
}

PcrePattern::PcrePattern(PcrePattern&& other) noexcept
    : code_(std::exchange(other.code_, nullptr)), jit_(other.jit_) {}

PcrePattern& PcrePattern::operator=(PcrePattern&& other) noexcept {
  if (this != &other) {
    pcre2_code_free(code_);
    code_ = std::exchange(other.code_, nullptr);
    jit_ = other.jit_;
  }
  return *this;
}

PcrePattern::~PcrePattern() { pcre2_code_free(code_); }

std::uint32_t PcrePattern::capture_count() const {
  std::uint32_t n = 0;
  pcre2_pattern_info(code_, PCRE2_INFO_CAPTURECOUNT, &n);
  return n;
}

std::uint32_t PcrePattern::min_length() const {
  std::uint32_t n = 0;
  pcre2_pattern_info(code_, PCRE2_INFO_MINLENGTH, &n);
  return n;
}

int PcrePattern::match(std::string_view subject, MatchScratch& scratch) const {
  const auto* s = reinterpret_cast<PCRE2_SPTR>(subject.data());
  if (jit_) return pcre2_jit_match(code_, s, subject.size(), 0, 0, scratch.data(), scratch.context());
  return pcre2_match(code_, s, subject.size(), 0, 0, scratch.data(), scratch.context());
}

PatternFacts PcrePattern::analyse(std::string_view pattern, bool ucp) {
  PatternFacts facts;
  if (!pattern.empty() && pattern.front() == '^') pattern.remove_prefix(1);
  auto code = compile_raw(pattern, base_options(ucp));
  if (!code) return facts;
  pcre2_pattern_info(*code, PCRE2_INFO_MINLENGTH, &facts.min_length);
  std::uint32_t first_type = 0;
  pcre2_pattern_info(*code, PCRE2_INFO_FIRSTCODETYPE, &first_type);
  if (first_type == 1) {
    // PCRE2 folds [Cc] into a caseless 'C' without saying so: take both ASCII cases, and
    // any non-ASCII lead byte (the Kelvin sign folds to 'k', long s to 's').
    std::uint32_t unit = 0;
    pcre2_pattern_info(*code, PCRE2_INFO_FIRSTCODEUNIT, &unit);
    facts.has_first_bytes = unit < 256;
    if (facts.has_first_bytes) {
      facts.first_bytes[unit] = true;
      if (unit < 128 && std::isalpha(static_cast<int>(unit))) {
        facts.first_bytes[static_cast<std::size_t>(std::tolower(static_cast<int>(unit)))] = true;
        facts.first_bytes[static_cast<std::size_t>(std::toupper(static_cast<int>(unit)))] = true;
      }
      for (std::size_t b = 0x80; b < 256; ++b) facts.first_bytes[b] = true;
    }
  } else if (first_type == 0) {
    const std::uint8_t* bitmap = nullptr;
    pcre2_pattern_info(*code, PCRE2_INFO_FIRSTBITMAP, &bitmap);
    if (bitmap != nullptr) {
      facts.has_first_bytes = true;
      for (std::size_t b = 0; b < 256; ++b) facts.first_bytes[b] = (bitmap[b / 8] >> (b % 8)) & 1;
    }
  }
  pcre2_code_free(*code);
  return facts;
}

MatchScratch::MatchScratch(std::uint32_t max_captures) {
  pairs_ = max_captures + 1;
  data_ = pcre2_match_data_create(pairs_, nullptr);
  ovector_ = pcre2_get_ovector_pointer(data_);
  context_ = pcre2_match_context_create(nullptr);
  // Python's re has no stack limit; give JIT a generous one (grown on demand up to 8 MiB).
  stack_ = pcre2_jit_stack_create(32 * 1024, 8 * 1024 * 1024, nullptr);
  pcre2_jit_stack_assign(context_, nullptr, stack_);
  // Python's re backtracks without a limit (a template like cisco_s300_show_vlan's
  // ^(\s*-*)*\s*$$ takes seconds on some lines, and Python still answers): so do we, nearly.
  pcre2_set_match_limit(context_, 0xFFFFFFFFu);
}

MatchScratch::~MatchScratch() {
  pcre2_match_data_free(data_);
  pcre2_match_context_free(context_);
  pcre2_jit_stack_free(stack_);
}

}  // namespace st::textfsm
