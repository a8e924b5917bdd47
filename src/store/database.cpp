#include "store/database.h"

#include <cstdlib>
#include <fmt/format.h>

namespace st::store {
namespace {

int busy_timeout_ms() {
  // A second writer waits this long for the lock, then fails with a clear message.
  if (const char* env = std::getenv("STATETRACE_BUSY_TIMEOUT_MS")) {
    char* end = nullptr;
    long value = std::strtol(env, &end, 10);
    if (end != env && value >= 0) return static_cast<int>(value);
  }
  return 5000;
}

}  // namespace

Result<Database> Database::open(const std::filesystem::path& path, OpenMode mode) {
  // Memory statistics take a global mutex on every allocation; nothing here reads them.
  // (Only possible before SQLite initializes; later calls are refused harmlessly.)
  static const bool configured = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; }();
  (void)configured;
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_NOMUTEX;  // one connection per thread
  flags |= mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY
                                      : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db;
  db.db_.reset(raw);
  db.path_ = path;
  if (rc != SQLITE_OK) {
    Error e = db.error("cannot open the store");
    if (!raw) e.message = "cannot open the store: out of memory";
    return fail(std::move(e));
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, busy_timeout_ms());
  if (mode == OpenMode::ReadWrite) {
    // WAL: readers never block the writer and are never blocked by it.
    ST_CHECK(db.exec("PRAGMA journal_mode=WAL"));
    ST_CHECK(db.exec("PRAGMA synchronous=NORMAL"));
    // A large page cache keeps one big ingest transaction from spilling pages to the WAL early.
    ST_CHECK(db.exec("PRAGMA cache_size=-262144"));
  }
  ST_CHECK(db.exec("PRAGMA foreign_keys=ON"));
  return db;
}

Result<void> Database::exec(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    Error e = error("SQL failed");
    if (message) {
      e.message = fmt::format("SQL failed: {}", message);
      sqlite3_free(message);
    }
    return fail(std::move(e));
  }
  return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return fail(error(fmt::format("cannot prepare `{}`", sql.substr(0, 60))));
  return Statement(stmt, this);
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_.get()); }

Error Database::error(std::string_view what) const {
  Error e;
  e.kind = ErrorKind::Store;
  e.file = path_.string();
  int code = db_ ? sqlite3_extended_errcode(db_.get()) : SQLITE_NOMEM;
  const char* text = db_ ? sqlite3_errmsg(db_.get()) : "out of memory";
  e.message = fmt::format("{}: {}", what, text);
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
    e.message = fmt::format("{}: the store is locked by another writer", what);
    e.hint = fmt::format("waited {} ms; retry when the other ingest has finished, "
                         "or raise STATETRACE_BUSY_TIMEOUT_MS", busy_timeout_ms());
  }
  return e;
}

Statement& Statement::bind(int index, const SqlValue& value) {
  sqlite3_stmt* s = stmt_.get();
  std::visit(
      [&](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::nullptr_t>) sqlite3_bind_null(s, index);
        else if constexpr (std::is_same_v<V, std::int64_t>) sqlite3_bind_int64(s, index, v);
        else if constexpr (std::is_same_v<V, double>) sqlite3_bind_double(s, index, v);
        else if constexpr (std::is_same_v<V, Blob>)
          sqlite3_bind_blob64(s, index, v.bytes.data(), v.bytes.size(), SQLITE_STATIC);
        else sqlite3_bind_text(s, index, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
      },
      value);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
  if (value) return bind(index, SqlValue{std::string_view(*value)});
  return bind(index, SqlValue{nullptr});
}

void Statement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

Result<bool> Statement::step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return fail(owner_->error("SQL step failed"));
}

Result<void> Statement::run() {
  ST_TRY(bool row, step());
  (void)row;
  sqlite3_reset(stmt_.get());
  return {};
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

std::optional<std::int64_t> Statement::optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_.get(), column);
  int n = sqlite3_column_bytes(stmt_.get(), column);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

double Statement::real(int column) const { return sqlite3_column_double(stmt_.get(), column); }

std::string_view Statement::blob(int column) const {
  const void* p = sqlite3_column_blob(stmt_.get(), column);
  int n = sqlite3_column_bytes(stmt_.get(), column);
  return p ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string_view();
}

bool Statement::is_integer(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_INTEGER; }

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

Result<Transaction> Transaction::begin_immediate(Database& db) {
  // IMMEDIATE takes the write lock now, so a second writer waits here (busy timeout)
  // rather than failing halfway through its work.
  if (auto r = db.exec("BEGIN IMMEDIATE"); !r) {
    Error e = db.error("cannot start a write transaction");
    return fail(std::move(e));
  }
  return Transaction(&db);
}

Transaction::~Transaction() {
  if (db_) (void)db_->exec("ROLLBACK");
}

Result<void> Transaction::commit() {
  Database* db = std::exchange(db_, nullptr);
  if (!db) return fail(ErrorKind::Internal, "transaction already finished");
  if (auto r = db->exec("COMMIT"); !r) {
    (void)db->exec("ROLLBACK");
    return r;
  }
  return {};
}

}  // namespace st::store
