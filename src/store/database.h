// One RAII SQLite connection per thread, and prepared statements bound through one helper.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/error.h"

namespace st::store {

enum class OpenMode { ReadOnly, ReadWrite };

// Bytes bound as a BLOB rather than TEXT.
struct Blob {
  std::string_view bytes;
};

using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string_view, Blob>;

class Statement;

class Database {
 public:
  // Opens (creating when ReadWrite) the file in WAL mode with a busy timeout.
  static Result<Database> open(const std::filesystem::path& path, OpenMode mode);

  Result<void> exec(std::string_view sql);
  Result<Statement> prepare(std::string_view sql);
  std::int64_t last_insert_rowid() const;
  sqlite3* handle() const { return db_.get(); }
  const std::filesystem::path& path() const { return path_; }

  // A store error that names the file and SQLite's own message.
  Error error(std::string_view what) const;

 private:
  struct Closer { void operator()(sqlite3* db) const { sqlite3_close_v2(db); } };
  std::unique_ptr<sqlite3, Closer> db_;
  std::filesystem::path path_;
};

class Statement {
 public:
  Statement(sqlite3_stmt* stmt, const Database* owner) : stmt_(stmt), owner_(owner) {}

  // Binds positional parameters 1..N and resets the statement for a new step.
  Statement& bind(int index, const SqlValue& value);
  // Text is bound without a copy (SQLITE_STATIC): it must outlive the next step(),
  // so temporaries are refused at compile time.
  Statement& bind(int index, const std::optional<std::string>& value);
  Statement& bind(int index, std::optional<std::string>&& value) = delete;
  template <class... Values>
  Statement& bind_all(const Values&... values) {
    reset();
    int i = 1;
    (bind(i++, values), ...);
    return *this;
  }
  void reset();

  // SQLITE_ROW -> true, SQLITE_DONE -> false, anything else -> error.
  Result<bool> step();
  // Runs to completion (INSERT/UPDATE).
  Result<void> run();

  std::int64_t int64(int column) const;
  std::optional<std::int64_t> optional_int64(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::string_view blob(int column) const;
  double real(int column) const;
  bool is_null(int column) const;
  bool is_integer(int column) const;  // the value's storage class is INTEGER

 private:
  struct Finalizer { void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); } };
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
  const Database* owner_;
};

// A transaction that rolls back unless committed.
class Transaction {
 public:
  static Result<Transaction> begin_immediate(Database& db);
  Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Result<void> commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;
};

}  // namespace st::store
