#define PCRE2_CODE_UNIT_WIDTH 8
#include "textfsm/pcre_pattern.h"

#include <memory>

#include <pcre2.h>

#include <cstring>
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

std::expected<PcrePattern, PcreError> PcrePattern::compile(std::string_view pattern, bool anchored, bool ucp,
                                                           bool fast) {
  auto code = compile_raw(pattern, base_options(ucp) | (anchored ? PCRE2_ANCHORED : 0u));
  if (!code) return std::unexpected(code.error());
  const bool jit = fast && pcre2_jit_compile(*code, PCRE2_JIT_COMPLETE) == 0;
  PcrePattern out(*code, jit);
  if (jit && is_ascii(pattern) && pattern.find("\\x{") == std::string_view::npos) {
    if (auto ascii = compile_raw(pattern, anchored ? PCRE2_ANCHORED : 0u)) {
      if (pcre2_jit_compile(*ascii, PCRE2_JIT_COMPLETE) == 0) {
        out.ascii_code_ = *ascii;
      } else {
        pcre2_code_free(*ascii);
      }
    }
  }
  return out;
}

bool PcrePattern::is_ascii(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ULL) return false;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
  }
  return true;
}

PcrePattern::PcrePattern(PcrePattern&& other) noexcept
    : code_(std::exchange(other.code_, nullptr)), ascii_code_(std::exchange(other.ascii_code_, nullptr)), jit_(other.jit_) {}

PcrePattern& PcrePattern::operator=(PcrePattern&& other) noexcept {
  if (this != &other) {
    pcre2_code_free(code_);
    pcre2_code_free(ascii_code_);
    code_ = std::exchange(other.code_, nullptr);
    ascii_code_ = std::exchange(other.ascii_code_, nullptr);
    jit_ = other.jit_;
  }
  return *this;
}

PcrePattern::~PcrePattern() {
  pcre2_code_free(code_);
  pcre2_code_free(ascii_code_);
}

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
  if (jit_) {
    return pcre2_jit_match(code_for(ascii_code_ != nullptr && is_ascii(subject)), s, subject.size(), 0, 0, scratch.data(),
                           scratch.context());
  }
  return pcre2_match(code_, s, subject.size(), 0, 0, scratch.data(), scratch.context());
}

bool PcrePattern::may_match_from(std::string_view prefix) const {
  pcre2_match_data* md = pcre2_match_data_create(1, nullptr);
  const int rc = pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(prefix.data()), prefix.size(), 0, PCRE2_PARTIAL_HARD,
                             md, nullptr);
  pcre2_match_data_free(md);
  return rc != PCRE2_ERROR_NOMATCH;
}

namespace {

// One JIT stack per thread, handed to PCRE2 at each match by the thread that matches: a stack
// is busy only during one match call, and creating one per scratch mapped and unmapped 8 MiB
// on every parse (a third of a short section's parse time).
pcre2_jit_stack* jit_stack_of_this_thread(void*) {
  // Python's re has no stack limit; give JIT a generous one (grown on demand up to 8 MiB).
  thread_local std::unique_ptr<pcre2_jit_stack, decltype(&pcre2_jit_stack_free)> stack(
      pcre2_jit_stack_create(32 * 1024, 8 * 1024 * 1024, nullptr), &pcre2_jit_stack_free);
  return stack.get();
}

}  // namespace

MatchScratch::MatchScratch(std::uint32_t max_captures) {
  pairs_ = max_captures + 1;
  data_ = pcre2_match_data_create(pairs_, nullptr);
  ovector_ = pcre2_get_ovector_pointer(data_);
  context_ = pcre2_match_context_create(nullptr);
  pcre2_jit_stack_assign(context_, &jit_stack_of_this_thread, nullptr);
  // Python's re backtracks without a limit (a template like cisco_s300_show_vlan's
  // ^(\s*-*)*\s*$$ takes seconds on some lines, and Python still answers): so do we, nearly.
  pcre2_set_match_limit(context_, 0xFFFFFFFFu);
}

MatchScratch::~MatchScratch() {
  pcre2_match_data_free(data_);
  pcre2_match_context_free(context_);
}

}  // namespace st::textfsm
