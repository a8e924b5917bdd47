#include "parse/text_cleaner.h"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace st::parse {

// ---------------------------------------------------------------------------------------------
// OffsetMap

std::uint64_t OffsetMap::raw_position(std::uint64_t clean) const {
  if (breakpoints_.empty()) return clean;
  auto it = std::upper_bound(breakpoints_.begin(), breakpoints_.end(), clean,
                             [](std::uint64_t c, const Breakpoint& b) { return c < b.clean; });
  if (it == breakpoints_.begin()) return clean;  // unreachable: the first breakpoint is at 0
  --it;
  return it->raw + (clean - it->clean);
}

std::uint64_t OffsetMap::boundary(std::uint64_t clean) const {
  if (clean == 0) return 0;
  if (clean >= clean_size_) return raw_size_;
  return raw_position(clean - 1) + 1;
}

ByteRange OffsetMap::to_raw(ByteRange clean) const {
  if (is_identity()) return clean;
  const std::uint64_t begin = boundary(clean.offset);
  const std::uint64_t end = clean.length == 0 ? begin : std::max(begin, boundary(clean.end()));
  return ByteRange{begin, end - begin};
}

// ---------------------------------------------------------------------------------------------
// The fast scan

namespace {

constexpr std::string_view kPagerMarks[] = {"--More--", "-- More --", "---(more"};

bool has_pager_mark(std::string_view raw) {
  for (std::string_view mark : kPagerMarks) {
    if (memmem(raw.data(), raw.size(), mark.data(), mark.size()) != nullptr) return true;
  }
  return false;
}

// A byte the fast path cannot pass through: C0 controls except \t and \n, and bytes >= 0x80.
constexpr bool is_special(unsigned char c) { return c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n'); }

// Scans [p, end) for special bytes and lines longer than max_line. `line_start` is where the
// current line began (updated). Returns false at the first problem.
bool scan_scalar(const unsigned char* base, std::size_t from, std::size_t to, std::size_t& line_start,
                 std::size_t max_line) {
  for (std::size_t i = from; i < to; ++i) {
    const unsigned char c = base[i];
    if (c == '\n') {
      line_start = i + 1;
    } else if (is_special(c) || i - line_start >= max_line) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool is_clean(std::string_view raw, std::size_t max_line_bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  const std::size_t n = raw.size();
  std::size_t line_start = 0;
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i k20 = _mm_set1_epi8(0x20);
  const __m128i knl = _mm_set1_epi8('\n');
  const __m128i ktab = _mm_set1_epi8('\t');
  const __m128i kdash = _mm_set1_epi8('-');
  // Per 64 bytes: one mask of special bytes, one of "--" pairs (pager prompts start so), and
  // whether a newline occurred. Lines shorter than one block are checked by the scalar loop.
  for (; max_line_bytes >= 64 && i + 65 <= n; i += 64) {
    __m128i bad = _mm_setzero_si128(), nl = _mm_setzero_si128(), dashes = _mm_setzero_si128();
    for (int k = 0; k < 64; k += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + k));
      const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + k + 1));
      const __m128i is_nl = _mm_cmpeq_epi8(v, knl);
      // Signed compare: bytes >= 0x80 are negative, so one compare finds them and C0 controls.
      bad = _mm_or_si128(bad, _mm_andnot_si128(_mm_or_si128(is_nl, _mm_cmpeq_epi8(v, ktab)), _mm_cmplt_epi8(v, k20)));
      nl = _mm_or_si128(nl, is_nl);
      dashes = _mm_or_si128(dashes, _mm_and_si128(_mm_cmpeq_epi8(v, kdash), _mm_cmpeq_epi8(next, kdash)));
    }
    if (_mm_movemask_epi8(bad) != 0) return false;
    if (_mm_movemask_epi8(dashes) != 0 && has_pager_mark(raw.substr(i, std::min<std::size_t>(n - i, 64 + 16)))) {
      return false;
    }
    if (_mm_movemask_epi8(nl) != 0) {
      // The first newline closes the current line; the last starts the next one.
      const void* first = std::memchr(p + i, '\n', 64);
      const std::size_t first_at = static_cast<std::size_t>(static_cast<const unsigned char*>(first) - p);
      if (first_at - line_start > max_line_bytes) return false;
      const void* last = memrchr(p + i, '\n', 64);
      line_start = static_cast<std::size_t>(static_cast<const unsigned char*>(last) - p) + 1;
    } else if (i + 64 - line_start > max_line_bytes) {
      return false;
    }
  }
  if (!scan_scalar(p, i, n, line_start, max_line_bytes)) return false;
  // The tail (and a prompt straddling the last block) is searched directly.
  return !has_pager_mark(raw.substr(i >= 16 ? i - 16 : 0));
#else
  if (!scan_scalar(p, i, n, line_start, max_line_bytes)) return false;
  return !has_pager_mark(raw);
#endif
}

// ---------------------------------------------------------------------------------------------
// Classification: binary, UTF-16 or text

namespace {

// Length of a valid UTF-8 sequence at p[0..avail), or 0 with `bad` set to the length of the
// maximal invalid subpart (at least 1), per Unicode's "best practice" for U+FFFD substitution.
std::size_t utf8_sequence(const unsigned char* p, std::size_t avail, std::size_t& bad) {
  const unsigned char c = p[0];
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    bad = 1;
    return 0;
  }
  for (std::size_t k = 1; k <= need; ++k) {
    const bool ok = k < avail && p[k] >= (k == 1 ? lo : 0x80) && p[k] <= (k == 1 ? hi : 0xBF);
    if (!ok) {
      bad = k;
      return 0;
    }
  }
  return need + 1;
}

constexpr bool is_text_control(unsigned char c) {
  return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '\b' || c == 0x1b || c == 0x07;
}

Content classify(std::string_view raw, const CleanOptions& options, std::string& why) {
  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  const std::size_t n = std::min(raw.size(), options.sniff_bytes);
  if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
    why = fmt::format("unsupported encoding: UTF-16{} text (byte order mark {:02X} {:02X}); convert it to UTF-8",
                      p[0] == 0xFF ? "LE" : "BE", p[0], p[1]);
    return Content::Utf16;
  }
  if (n >= 8) {
    std::size_t zero_even = 0, zero_odd = 0;
    for (std::size_t i = 0; i + 1 < n; i += 2) {
      zero_even += p[i] == 0;
      zero_odd += p[i + 1] == 0;
    }
    const std::size_t pairs = n / 2;
    auto mostly = [&](std::size_t k) { return k * 10 >= pairs * 9; };
    auto rarely = [&](std::size_t k) { return k * 10 <= pairs; };
    if ((mostly(zero_odd) && rarely(zero_even)) || (mostly(zero_even) && rarely(zero_odd))) {
      why = fmt::format("unsupported encoding: UTF-16{} text (NUL in every other byte); convert it to UTF-8",
                        mostly(zero_odd) ? "LE" : "BE");
      return Content::Utf16;
    }
  }
  std::size_t non_text = 0;
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      non_text += (c < 0x20 && !is_text_control(c)) || c == 0x7f;
      ++i;
      continue;
    }
    std::size_t bad = 0;
    const std::size_t len = utf8_sequence(p + i, n - i, bad);
    if (len == 0) {
      // A sequence cut by the sniff window is not evidence of binary content.
      if (i + bad < n) non_text += bad;
      i += bad;
    } else {
      i += len;
    }
  }
  if (n > 0 && static_cast<double>(non_text) > options.binary_fraction * static_cast<double>(n)) {
    why = fmt::format("not a capture: binary content ({} of the first {} bytes are not text)", non_text, n);
    return Content::Binary;
  }
  return Content::Text;
}

// ---------------------------------------------------------------------------------------------
// The cleaner (slow path)

// Length of a pager prompt at the start of `s` (leading blanks, the prompt, trailing blanks), or 0.
std::size_t pager_prefix(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  std::string_view rest = s.substr(i);
  std::size_t len = 0;
  if (rest.starts_with("--More--")) {
    len = 8;
    // FastIron: "--More--, next page: Space, next line: Return key, quit: Control-c"
    if (rest.substr(len).starts_with(", next page")) {
      const std::size_t quit = rest.find("Control-c", len);
      if (quit != std::string_view::npos) len = quit + 9;
    }
  } else if (rest.starts_with("-- More --")) {
    len = 10;
  } else if (rest.starts_with("---(more")) {
    const std::size_t close = rest.find(")---");
    if (close == std::string_view::npos || close > 20) return 0;
    len = close + 4;
  } else {
    return 0;
  }
  i += len;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

// Cleans line by line straight into the output. The current line's bytes are out_[line_begin_..)
// and its segments say where they came from, so backspaces and pager erases can take bytes back
// before the line's breakpoints are fixed.
class Cleaner {
 public:
  Cleaner(std::string_view raw, const CleanOptions& options)
      : raw_(raw), p_(reinterpret_cast<const unsigned char*>(raw.data())), options_(options) {
    out_.reserve(raw.size());
    segs_.reserve(16);
  }

  void run() {
    const std::size_t n = raw_.size();
    std::size_t i = 0;
    if (raw_.starts_with("\xEF\xBB\xBF")) i = 3;  // UTF-8 BOM
    while (i < n) {
      const void* hit = std::memchr(p_ + i, '\n', n - i);
      const std::size_t line_end = hit ? static_cast<std::size_t>(static_cast<const unsigned char*>(hit) - p_) : n;
      const std::size_t limit = std::min(line_end, i + options_.max_line_bytes);
      process(i, limit);
      if (limit < line_end) note_long_line(i, line_end);
      end_line(line_end < n ? std::optional<std::size_t>(line_end) : std::nullopt);
      i = line_end + 1;
    }
  }

  std::string take_text() { return std::move(out_); }
  std::vector<OffsetMap::Breakpoint> take_breakpoints() { return std::move(breakpoints_); }

  void add_notes(std::vector<CleanupNote>& notes) {
    if (nul_.count) notes.push_back({nul_.first, fmt::format("{} NUL byte(s) removed", nul_.count)});
    if (control_.count) {
      notes.push_back({control_.first, fmt::format("{} control character(s) removed", control_.count)});
    }
    if (utf8_.count) {
      notes.push_back({utf8_.first, fmt::format("{} invalid UTF-8 sequence(s) replaced by U+FFFD", utf8_.count)});
    }
    for (auto& n : long_lines_) notes.push_back(std::move(n));
    if (long_line_count_ > long_lines_.size()) {
      notes.push_back({long_lines_.back().at, fmt::format("{} more line(s) longer than {} bytes were cut",
                                                          long_line_count_ - long_lines_.size(),
                                                          options_.max_line_bytes)});
    }
  }

 private:
  struct Tally {
    std::size_t count = 0;
    ByteRange first;
    void add(std::size_t at, std::size_t len) {
      if (count++ == 0) first = {at, len};
    }
  };

  // Bytes out_[clean..next segment) came from raw_[raw..).
  struct Segment {
    std::size_t clean;
    std::uint64_t raw;
  };

  std::string_view line() const { return std::string_view(out_).substr(line_begin_); }

  bool continues(std::uint64_t raw) const {
    return !segs_.empty() && segs_.back().raw + (out_.size() - segs_.back().clean) == raw;
  }

  void append_run(std::size_t from, std::size_t to) {
    if (!continues(from)) segs_.push_back({out_.size(), from});
    out_.append(raw_.data() + from, to - from);
  }

  // A byte that stands for raw_[at] without continuing the previous one (U+FFFD, '\n' for CR).
  void push_substitute(char c, std::size_t at) {
    segs_.push_back({out_.size(), at});
    out_.push_back(c);
  }

  void truncate_line(std::size_t size) {
    out_.resize(size);
    while (!segs_.empty() && segs_.back().clean >= size) segs_.pop_back();
  }

  void pop() {
    if (out_.size() <= line_begin_) return;
    std::size_t size = out_.size() - 1;
    // A multi-byte UTF-8 character is one character.
    while (size > line_begin_ && (static_cast<unsigned char>(out_[size]) & 0xC0) == 0x80) --size;
    truncate_line(size);
  }

  static constexpr bool plain(unsigned char c) { return (c >= 0x20 && c < 0x7f) || c == '\t' || c == '\f' || c == '\v'; }

  // Cleans raw bytes [i, end) of one line (no '\n' inside).
  void process(std::size_t i, std::size_t end) {
    while (i < end) {
      std::size_t run = i;
      while (run < end && plain(p_[run])) ++run;
      if (run > i) append_run(i, run);
      i = run;
      if (i >= end) break;
      const unsigned char c = p_[i];
      if (c == '\r') {
        std::size_t j = i;
        while (j < end && p_[j] == '\r') ++j;
        if (j < end) end_line(i, true);  // a bare CR breaks the line
        i = j;
      } else if (c == '\b') {
        // Pager erase: "--More--" followed by backspaces, blanks and backspaces vanishes whole.
        const std::string_view l = line();
        if (!l.empty() && l.size() <= 96 && pager_prefix(l) == l.size()) {
          truncate_line(line_begin_);
          // IOS erases with backspaces, blanks, backspaces: blanks after the last backspace are
          // then the next line's own indentation (" spanning-tree portfast"). A pager erased with
          // backspaces alone (FastIron) leaves its blanks as part of the erase.
          while (i < end && p_[i] == '\b') ++i;
          bool overwritten = false;
          while (i < end) {
            std::size_t j = i;
            while (j < end && p_[j] == ' ') ++j;
            if (j == i || j >= end || p_[j] != '\b') break;
            while (j < end && p_[j] == '\b') ++j;
            i = j;
            overwritten = true;
          }
          if (!overwritten) {
            while (i < end && p_[i] == ' ') ++i;
          }
        } else {
          pop();
          ++i;
        }
      } else if (c == 0x1b) {
        i = skip_escape(i, end);
      } else if (c == 0) {
        nul_.add(i, 1);
        ++i;
      } else if (c < 0x80) {
        if (c != 0x07) control_.add(i, 1);  // a stray BEL is just the bell
        ++i;
      } else {
        std::size_t bad = 0;
        const std::size_t len = utf8_sequence(p_ + i, end - i, bad);
        if (len > 0) {
          append_run(i, i + len);
          i += len;
        } else {
          push_substitute('\xEF', i);
          push_substitute('\xBF', i);
          push_substitute('\xBD', i);
          utf8_.add(i, bad);
          i += bad;
        }
      }
    }
  }

  // Skips the escape sequence at raw_[i] == ESC; returns where the text resumes.
  std::size_t skip_escape(std::size_t i, std::size_t end) {
    std::size_t j = i + 1;
    if (j >= end) return j;
    if (p_[j] == '[') {  // CSI: parameters 0x30-0x3F, intermediates 0x20-0x2F, final 0x40-0x7E
      ++j;
      const std::size_t params = j;
      while (j < end && p_[j] >= 0x30 && p_[j] <= 0x3F) ++j;
      const std::size_t params_end = j;
      while (j < end && p_[j] >= 0x20 && p_[j] <= 0x2F) ++j;
      if (j < end && p_[j] >= 0x40 && p_[j] <= 0x7E) {
        if (p_[j] == 'D') {  // cursor left: erases like backspaces on a line-oriented capture
          std::size_t count = 0;
          for (std::size_t k = params; k < params_end && p_[k] >= '0' && p_[k] <= '9'; ++k) {
            count = std::min<std::size_t>(count * 10 + (p_[k] - '0'), 4096);
          }
          for (std::size_t k = 0; k < std::max<std::size_t>(count, 1); ++k) pop();
        }
        return j + 1;
      }
      return j;  // cut short: resume at the unexpected byte
    }
    if (p_[j] == ']' || p_[j] == 'P' || p_[j] == '_' || p_[j] == '^') {  // OSC/DCS/APC/PM: up to BEL or ST
      ++j;
      while (j < end) {
        if (p_[j] == 0x07) return j + 1;
        if (p_[j] == 0x1b && j + 1 < end && p_[j + 1] == '\\') return j + 2;
        ++j;
      }
      return j;
    }
    // Two-byte (or with intermediates, "ESC ( B") sequences.
    while (j < end && p_[j] >= 0x20 && p_[j] <= 0x2F) ++j;
    if (j < end && p_[j] >= 0x30 && p_[j] <= 0x7E) return j + 1;
    return j;
  }

  void note_long_line(std::size_t begin, std::size_t line_end) {
    ++long_line_count_;
    if (long_lines_.size() >= kMaxLongLineNotes) return;
    const std::size_t kept_end = begin + options_.max_line_bytes;
    long_lines_.push_back({ByteRange{kept_end, line_end - kept_end},
                           fmt::format("line of {} bytes is longer than {} bytes: its last {} bytes are skipped",
                                       line_end - begin, options_.max_line_bytes, line_end - kept_end)});
  }

  void end_line(std::optional<std::size_t> newline) { end_line(newline.value_or(0), newline.has_value()); }

  // Finishes the current line; `newline` is the raw position of its terminator, if it has one.
  void end_line(std::size_t newline, bool has_newline) {
    // Pager prompt left inline (printable-only logs): drop it and the blanks after it.
    if (const std::size_t cut = pager_prefix(line()); cut > 0) {
      const std::size_t from = line_begin_ + cut;
      std::vector<Segment> kept;
      for (std::size_t k = 0; k < segs_.size(); ++k) {
        const std::size_t seg_end = k + 1 < segs_.size() ? segs_[k + 1].clean : out_.size();
        if (seg_end <= from) continue;
        Segment s = segs_[k];
        if (s.clean < from) {
          s.raw += from - s.clean;
          s.clean = from;
        }
        s.clean -= cut;
        kept.push_back(s);
      }
      segs_ = std::move(kept);
      out_.erase(line_begin_, cut);
      if (out_.size() == line_begin_) has_newline = false;  // a line that was only the prompt goes entirely
    }
    if (has_newline) {
      if (continues(newline)) out_.push_back('\n');
      else push_substitute('\n', newline);
    }
    for (const Segment& s : segs_) {
      if (breakpoints_.empty() || breakpoints_.back().raw + (s.clean - breakpoints_.back().clean) != s.raw) {
        breakpoints_.push_back({s.clean, s.raw});
      }
    }
    segs_.clear();
    line_begin_ = out_.size();
  }

  std::string_view raw_;
  const unsigned char* p_;
  const CleanOptions& options_;
  std::string out_;
  std::size_t line_begin_ = 0;
  std::vector<Segment> segs_;
  std::vector<OffsetMap::Breakpoint> breakpoints_;
  Tally nul_, control_, utf8_;
  std::vector<CleanupNote> long_lines_;
  std::size_t long_line_count_ = 0;
};

}  // namespace

CleanText clean_text(std::string_view raw, const CleanOptions& options) {
  CleanText result;
  if (is_clean(raw, options.max_line_bytes)) {
    result.view_ = raw;
    result.map_ = OffsetMap::identity(raw.size());
    return result;
  }
  std::string why;
  result.content_ = classify(raw, options, why);
  if (result.content_ != Content::Text) {
    result.copied_ = true;
    result.map_ = OffsetMap(0, raw.size(), {});
    result.notes_.push_back({ByteRange{0, raw.size()}, std::move(why)});
    return result;
  }
  Cleaner cleaner(raw, options);
  cleaner.run();
  cleaner.add_notes(result.notes_);
  result.owned_ = cleaner.take_text();
  result.copied_ = true;
  auto breakpoints = cleaner.take_breakpoints();
  if (result.owned_.size() == raw.size() && breakpoints.size() <= 1) {
    result.map_ = OffsetMap::identity(raw.size());  // nothing changed after all
  } else {
    result.map_ = OffsetMap(result.owned_.size(), raw.size(), std::move(breakpoints));
  }
  return result;
}

}  // namespace st::parse
