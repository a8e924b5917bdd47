// Errors are values: every fallible core function returns st::Result<T>.
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <utility>

namespace st {

// The kind decides the CLI exit code (see cli/exit_codes.h).
enum class ErrorKind {
  Usage,          // the caller asked for something malformed
  InputRefused,   // the bundle or file cannot be ingested as given
  NotFound,       // a requested run, file or object does not exist
  Io,             // the operating system refused a read or write
  Store,          // SQLite reported a failure (locked, corrupt, too new)
  Parse,          // a parser could not make sense of its input
  Cancelled,      // the user stopped the work; nothing was stored
  Internal,       // a bug: an invariant did not hold
};

struct Error {
  ErrorKind kind = ErrorKind::Internal;
  std::string message;                  // what went wrong, one sentence
  std::string file;                     // the file it concerns, if any
  std::optional<std::uint64_t> line;    // 1-based line in `file`
  std::optional<std::uint64_t> offset;  // byte offset in `file`
  std::string hint;                     // what the user can do about it

  Error& with_file(std::string f) { file = std::move(f); return *this; }
  Error& with_line(std::uint64_t l) { line = l; return *this; }
  Error& with_offset(std::uint64_t o) { offset = o; return *this; }
  Error& with_hint(std::string h) { hint = std::move(h); return *this; }

  // "file:line: message (hint)" in the form compilers use, so editors can jump to it.
  std::string describe() const;
};

std::string_view to_string(ErrorKind kind);

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorKind kind, std::string message) {
  return std::unexpected(Error{kind, std::move(message), {}, {}, {}, {}});
}
inline std::unexpected<Error> fail(Error error) { return std::unexpected(std::move(error)); }

}  // namespace st

// GCC 12 has no std::expected::and_then; these keep error propagation one line.
#define ST_CONCAT_INNER(a, b) a##b
#define ST_CONCAT(a, b) ST_CONCAT_INNER(a, b)

// ST_TRY(auto value, expr): declares `value` from a successful expr, or returns its error.
#define ST_TRY(decl, expr) ST_TRY_IMPL(decl, expr, ST_CONCAT(st_try_result_, __LINE__))
#define ST_TRY_IMPL(decl, expr, tmp)                             \
  auto tmp = (expr);                                             \
  if (!tmp) return ::std::unexpected(::std::move(tmp).error());  \
  decl = ::std::move(*tmp)

// ST_CHECK(expr): for Result<void>; returns the error if there is one.
#define ST_CHECK(expr) ST_CHECK_IMPL(expr, ST_CONCAT(st_check_result_, __LINE__))
#define ST_CHECK_IMPL(expr, tmp)                                 \
  if (auto tmp = (expr); !tmp) return ::std::unexpected(::std::move(tmp).error())
