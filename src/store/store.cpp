#include "store/store.h"

#include <cstdlib>
#include <fmt/format.h>
#include <system_error>

#include "store/migration_list.h"
#include "store/migration_steps.h"

namespace st::store {

std::filesystem::path resolve_store_path(const std::optional<std::string>& flag) {
  if (flag && !flag->empty()) return *flag;
  if (const char* env = std::getenv("STATETRACE_STORE"); env && *env) return env;
  std::filesystem::path data_home;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    data_home = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    data_home = std::filesystem::path(home) / ".local" / "share";
  } else {
    data_home = ".";
  }
  return data_home / "statetrace" / "store.sqlite";
}

int current_schema_version() {
  auto list = migrations();
  return list.empty() ? 0 : list.back().number;
}

namespace {

Error newer_store_error(const std::filesystem::path& path, int version) {
  return Error{ErrorKind::Store,
               fmt::format("the store has schema version {}, newer than this program's {}",
                           version, current_schema_version()),
               path.string(), {}, {},
               "open it with a newer StateTrace; this program never downgrades a store"};
}

Result<int> read_user_version(Database& db) {
  ST_TRY(auto stmt, db.prepare("PRAGMA user_version"));
  ST_TRY(bool row, stmt.step());
  return row ? static_cast<int>(stmt.int64(0)) : 0;
}

Result<void> migrate(Database& db) {
  ST_TRY(int version, read_user_version(db));
  if (version == current_schema_version()) return {};
  if (version > current_schema_version()) {
    return fail(newer_store_error(db.path(), version));
  }
  // All pending migrations run in one write transaction: a store is never half-migrated.
  ST_TRY(auto tx, Transaction::begin_immediate(db));
  // Re-read under the write lock: another process may have migrated meanwhile.
  ST_TRY(version, read_user_version(db));
  for (const Migration& m : migrations()) {
    if (m.number <= version) continue;
    if (auto r = db.exec(m.sql); !r) {
      Error e = r.error();
      e.message = fmt::format("migration {} failed: {}", m.name, e.message);
      return fail(std::move(e));
    }
    if (auto r = run_migration_step(db, m.number); !r) {
      Error e = r.error();
      e.message = fmt::format("migration {} failed: {}", m.name, e.message);
      return fail(std::move(e));
    }
    ST_CHECK(db.exec(fmt::format("PRAGMA user_version = {}", m.number)));
  }
  return tx.commit();
}

}  // namespace

Result<Database> open_store(const std::filesystem::path& path, OpenMode mode) {
  std::error_code ec;
  if (mode == OpenMode::ReadOnly && !std::filesystem::exists(path, ec)) {
    return fail(Error{ErrorKind::NotFound, "no store here", path.string(), {}, {},
                      "ingest a bundle first: statetrace-cli ingest PATH"});
  }
  if (mode == OpenMode::ReadWrite && path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
      return fail(Error{ErrorKind::Io, fmt::format("cannot create the store's folder: {}", ec.message()),
                        path.parent_path().string(), {}, {}, "pass --store FILE or set STATETRACE_STORE"});
    }
  }
  ST_TRY(Database db, Database::open(path, mode));
  if (mode == OpenMode::ReadWrite) {
    ST_CHECK(migrate(db));
    return db;
  }
  ST_TRY(int version, read_user_version(db));
  if (version > current_schema_version()) {
    return fail(newer_store_error(path, version));
  }
  if (version < current_schema_version()) {
    return fail(Error{ErrorKind::Store,
                      fmt::format("the store has schema version {}; this program needs {}",
                                  version, current_schema_version()),
                      path.string(), {}, {}, "open it once for writing (e.g. ingest) to migrate it"});
  }
  return db;
}

}  // namespace st::store
