#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>

#include "parse/text_cleaner.h"
#include "test_support.h"

using namespace st;
using namespace st::parse;
using namespace std::string_literals;

namespace {

std::string raw_of(std::string_view raw, const CleanText& c, ByteRange clean) {
  const ByteRange r = c.map().to_raw(clean);
  REQUIRE(r.end() <= raw.size());
  return std::string(raw.substr(r.offset, r.length));
}

// Every kept printable byte of the cleaned text is the raw byte its map position names.
void check_map_points_at_same_bytes(std::string_view raw, const CleanText& c) {
  const std::string_view text = c.text();
  std::uint64_t previous = 0;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const std::uint64_t at = c.map().raw_position(k);
    REQUIRE(at < raw.size());
    REQUIRE(at >= previous);  // monotonic
    previous = at;
    const unsigned char ch = static_cast<unsigned char>(text[k]);
    if (ch >= 0x20 && ch < 0x7f) REQUIRE(raw[at] == text[k]);
    if (ch == '\n') REQUIRE((raw[at] == '\n' || raw[at] == '\r'));
  }
}

bool has_note(const CleanText& c, std::string_view part) {
  for (const auto& n : c.notes()) {
    if (n.message.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("text cleaner: clean text is a view with the identity map", "[text_cleaner]") {
  const std::string raw = test::access_switch_capture();
  CHECK(is_clean(raw));
  CleanText c = clean_text(raw);
  CHECK_FALSE(c.copied());
  CHECK(c.text().data() == raw.data());
  CHECK(c.map().is_identity());
  CHECK(c.notes().empty());
  CHECK(c.content() == Content::Text);
  CHECK(c.map().to_raw({10, 5}) == ByteRange{10, 5});

  CleanText empty = clean_text("");
  CHECK(empty.text().empty());
  CHECK(empty.content() == Content::Text);
}

TEST_CASE("text cleaner: CRLF and CR CR LF line ends", "[text_cleaner]") {
  const std::string raw = "a\r\nb\r\r\nc\r\n";
  CleanText c = clean_text(raw);
  CHECK(c.text() == "a\nb\nc\n");
  CHECK(raw_of(raw, c, {2, 2}) == "b\r\r\n");  // a whole line keeps its raw terminator
  CHECK(raw_of(raw, c, {2, 1}) == "b");        // a row without its newline ends before the CR
  CHECK(raw_of(raw, c, {0, c.text().size()}) == raw);
  CHECK(c.notes().empty());  // CRLF is normal, not worth a warning
  check_map_points_at_same_bytes(raw, c);

  const std::string bare = "one\rtwo\n";
  CHECK(clean_text(bare).text() == "one\ntwo\n");  // a bare CR breaks the line
}

TEST_CASE("text cleaner: ANSI CSI, OSC and two-byte escapes are removed", "[text_cleaner]") {
  const std::string raw =
      "\x1b]0;SW1 - PuTTY\x07\x1b[1;32mSW1#\x1b[0m show version\r\n"
      "\x1b(Bplain\x1b=text\x1b]2;title\x1b\\ end\x1b[K\r\n";
  CleanText c = clean_text(raw);
  CHECK(c.text() == "SW1# show version\nplaintext end\n");
  // The prompt line starts where the raw line starts (escapes belong to what follows them).
  CHECK(raw_of(raw, c, {0, 18}).starts_with("\x1b]0;SW1"));
  CHECK(raw_of(raw, c, {0, 18}).ends_with("show version\r\n"));
  const std::size_t show = c.text().find("show");
  CHECK(raw_of(raw, c, {show, 12}) == "show version");
  check_map_points_at_same_bytes(raw, c);
}

TEST_CASE("text cleaner: backspace overstrike and --More-- residue", "[text_cleaner]") {
  CleanText simple = clean_text("abc\b\bxy\n");
  CHECK(simple.text() == "axy\n");
  CHECK(raw_of("abc\b\bxy\n", simple, {0, 3}) == "abc\b\bxy");
  CHECK(clean_text("\b\bab\n").text() == "ab\n");  // nothing to delete at a line start

  const std::string brief = "Gi1/0/4  a\r\n--More--\b\b\b\b\b\b\b\b        \b\b\b\b\b\b\b\bGi1/0/5  b\r\n";
  CleanText c = clean_text(brief);
  CHECK(c.text() == "Gi1/0/4  a\nGi1/0/5  b\n");
  const std::string row = raw_of(brief, c, {11, 10});
  CHECK(row.find("Gi1/0/5  b") != std::string::npos);
  CHECK(row.starts_with("--More--"));  // removed bytes belong to the row that follows them
  check_map_points_at_same_bytes(brief, c);

  // IOS: " --More-- " erased by ten backspaces, blanks and backspaces.
  const std::string ios = "x\n --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\bGi1/0/6  c\n";
  CHECK(clean_text(ios).text() == "x\nGi1/0/6  c\n");
  // ... and the blanks after the last backspace are the next line's indentation: a config line
  // keeps its place in its stanza.
  const std::string stanza = "interface Gi1/0/1\n dot1x timeout tx-period 7\n --More-- \b\b\b\b\b\b\b\b\b\b          "
                             "\b\b\b\b\b\b\b\b\b\b spanning-tree portfast\n";
  CHECK(clean_text(stanza).text() == "interface Gi1/0/1\n dot1x timeout tx-period 7\n spanning-tree portfast\n");
  // Printable-only logs keep the prompt inline with blanks.
  CHECK(clean_text("x\n --More--          Gi1/0/7  d\n").text() == "x\nGi1/0/7  d\n");
  // A line holding only the prompt goes entirely.
  CHECK(clean_text("x\n --More-- \ny\n").text() == "x\ny\n");
  // FastIron and Junos pagers.
  CHECK(clean_text("--More--, next page: Space, next line: Return key, quit: Control-c\b\b\b   1/1/1 up\n").text() ==
        "1/1/1 up\n");
  CHECK(clean_text("---(more 45%)---ge-0/0/1 up\n").text() == "ge-0/0/1 up\n");
  // A cursor-left CSI erases like backspaces.
  CHECK(clean_text("abcd\x1b[2Dx\n").text() == "abx\n");
}

TEST_CASE("text cleaner: NUL, controls and invalid UTF-8 are noted, never fatal", "[text_cleaner]") {
  const std::string raw = "ab\0c\x01\n"s "desc B\xFCro \xC3\xA9t\xC3\xA9 \xE2\x82\n";
  CleanText c = clean_text(raw);
  CHECK(c.text() == "abc\ndesc B\xEF\xBF\xBDro \xC3\xA9t\xC3\xA9 \xEF\xBF\xBD\n");
  CHECK(has_note(c, "1 NUL byte(s) removed"));
  CHECK(has_note(c, "1 control character(s) removed"));
  CHECK(has_note(c, "2 invalid UTF-8 sequence(s) replaced by U+FFFD"));
  for (const auto& n : c.notes()) {
    if (n.message.find("NUL") != std::string::npos) CHECK(n.at == ByteRange{2, 1});
    if (n.message.find("UTF-8") != std::string::npos) CHECK(n.at == ByteRange{12, 1});
  }
  const std::size_t desc = c.text().find("desc");
  CHECK(raw_of(raw, c, {desc, 11}) == "desc B\xFCro");
  check_map_points_at_same_bytes(raw, c);

  const std::string bom = "\xEF\xBB\xBFSW1#show clock\n";
  CHECK(clean_text(bom).text() == "SW1#show clock\n");
  CHECK(raw_of(bom, clean_text(bom), {0, 3}) == "\xEF\xBB\xBFSW1");
}

TEST_CASE("text cleaner: lines over the bound are cut with a note at the offset", "[text_cleaner]") {
  CleanOptions options;
  options.max_line_bytes = 100;
  std::string raw = "first\n";
  raw.append(250, 'x');
  raw.append("\nnext\n");
  CleanText c = clean_text(raw, options);
  std::string expected = "first\n";
  expected.append(100, 'x');
  expected.append("\nnext\n");
  CHECK(c.text() == expected);
  REQUIRE(c.notes().size() == 1);
  CHECK(c.notes().front().at == ByteRange{106, 150});
  CHECK(c.notes().front().message.find("line of 250 bytes") != std::string::npos);
  CHECK(raw_of(raw, c, {107, 5}) == "next\n");  // the next line's range is exact

  std::string huge = "SW1#show run\n";
  huge.append(200 * 1024, 'y');
  huge.append("\nSW1#exit\n");
  CHECK_FALSE(is_clean(huge));
  CleanText h = clean_text(huge);
  CHECK(h.text().size() == 13 + 64 * 1024 + 1 + 9);
  CHECK(has_note(h, "longer than 65536 bytes"));
  CHECK(raw_of(huge, h, {h.text().size() - 9, 9}) == "SW1#exit\n");
  // A line just at the bound is clean.
  std::string at_bound(64 * 1024, 'z');
  at_bound.push_back('\n');
  CHECK(is_clean(at_bound));
  CHECK(is_clean(std::string(64 * 1024, 'z')));
  CHECK_FALSE(is_clean(std::string(64 * 1024 + 1, 'z')));
}

TEST_CASE("text cleaner: binary and UTF-16 members are refused, not parsed", "[text_cleaner]") {
  std::mt19937 rng(7);
  std::string binary(100 * 1024, '\0');
  for (auto& b : binary) b = static_cast<char>(rng() & 0xFF);
  CleanText c = clean_text(binary);
  CHECK(c.content() == Content::Binary);
  CHECK(c.text().empty());
  REQUIRE(c.notes().size() == 1);
  CHECK(c.notes().front().message.starts_with("not a capture: binary content"));

  auto utf16le = [](std::string_view ascii, bool bom) {
    std::string out = bom ? "\xFF\xFE" : "";
    for (char ch : ascii) {
      out += ch;
      out += '\0';
    }
    return out;
  };
  const std::string text = "SW1#show clock\r\n*09:14:07.532 UTC Fri Nov 20 2026\r\n";
  CHECK(clean_text(utf16le(text, true)).content() == Content::Utf16);
  CHECK(clean_text(utf16le(text, false)).content() == Content::Utf16);
  CHECK(clean_text(utf16le(text, true)).notes().front().message.find("UTF-16LE") != std::string::npos);
  std::string be = "\xFE\xFF";
  for (char ch : text) {
    be += '\0';
    be += ch;
  }
  CHECK(clean_text(be).notes().front().message.find("UTF-16BE") != std::string::npos);
  // Latin-1 text with a few accented bytes is text, not binary.
  CHECK(clean_text("SW1#show int desc\nGi1/0/1 up B\xFCro K\xFC" "che\n").content() == Content::Text);
}

TEST_CASE("text cleaner: random terminal noise never breaks the map", "[text_cleaner]") {
  const std::string pieces[] = {"SW1#", "show int", " ", "\r\n", "\r", "\n", "\x1b[1;32m", "\x1b[0m", "\x1b]0;t\x07",
                                "\x1b", "\x1b[", "\b", "\b\b\b", "--More--", " --More-- ", "\0"s, "\xC3\xA9", "\xC3",
                                "\xFF", "Gi1/0/5", "\t", "\x1b(B", "\xE2\x82\xAC", "\x1b[3D"};
  std::mt19937 rng(42);
  CleanOptions options;
  options.max_line_bytes = 64;
  for (int round = 0; round < 300; ++round) {
    std::string raw;
    const int n = static_cast<int>(rng() % 200);
    for (int k = 0; k < n; ++k) raw += pieces[rng() % std::size(pieces)];
    CleanText c = clean_text(raw, options);
    if (c.content() != Content::Text) continue;
    check_map_points_at_same_bytes(raw, c);
    // Ranges over whole cleaned lines tile the raw bytes.
    std::uint64_t expected_start = 0;
    std::size_t start = 0;
    const std::string_view text = c.text();
    while (start < text.size()) {
      std::size_t nl = text.find('\n', start);
      std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
      ByteRange r = c.map().to_raw({start, end - start});
      REQUIRE(r.offset == expected_start);
      REQUIRE(r.end() <= raw.size());
      expected_start = r.end();
      start = end;
    }
    if (!text.empty()) REQUIRE(expected_start == raw.size());
  }
}

TEST_CASE("text cleaner: throughput (printed, never asserted)", "[text_cleaner][bench]") {
  const std::string unit = test::access_switch_capture();
  std::string clean;
  while (clean.size() < 32u * 1024 * 1024) clean += unit;
  std::string dirty;
  for (char ch : unit) {
    if (ch == '\n') dirty += '\r';
    dirty += ch;
  }
  dirty.insert(0, "\x1b[1;32m");
  std::string dirty_big;
  while (dirty_big.size() < 16u * 1024 * 1024) dirty_big += dirty;

  // Wall and CPU time: on a shared machine the CPU figure is the one that means something.
  using Clock = std::chrono::steady_clock;
  auto rate = [](std::size_t bytes, double seconds) { return static_cast<double>(bytes) / 1e6 / seconds; };
  bool ok = true;
  std::clock_t c0 = std::clock();
  auto t0 = Clock::now();
  for (int k = 0; k < 4; ++k) ok = ok && is_clean(clean);
  auto t1 = Clock::now();
  std::clock_t c1 = std::clock();
  CleanText c = clean_text(dirty_big);
  auto t2 = Clock::now();
  std::clock_t c2 = std::clock();
  CHECK(ok);
  CHECK(c.copied());
  CHECK(c.text().size() < dirty_big.size());
  auto secs = [](auto d) { return std::chrono::duration<double>(d).count(); };
  auto cpu = [](std::clock_t a, std::clock_t b) { return std::max(1e-9, static_cast<double>(b - a) / CLOCKS_PER_SEC); };
  std::printf("text cleaner: scan of clean text %.0f MB/s wall, %.0f MB/s cpu (%zu MB x4); "
              "cleaning CRLF+ANSI text %.0f MB/s wall, %.0f MB/s cpu (%zu MB)\n",
              rate(4 * clean.size(), secs(t1 - t0)), rate(4 * clean.size(), cpu(c0, c1)), clean.size() >> 20,
              rate(dirty_big.size(), secs(t2 - t1)), rate(dirty_big.size(), cpu(c1, c2)), dirty_big.size() >> 20);
}
