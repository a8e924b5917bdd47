#include <catch2/catch.hpp>

#include <cstdlib>

#include "store/migration_list.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;
using namespace st::store;

namespace {

std::int64_t scalar(Database& db, const std::string& sql) {
  auto stmt = db.prepare(sql);
  REQUIRE(stmt);
  auto row = stmt->step();
  REQUIRE(row);
  REQUIRE(*row);
  return stmt->int64(0);
}

struct ScopedEnv {
  std::string name;
  ScopedEnv(std::string n, const std::string& value) : name(std::move(n)) { ::setenv(name.c_str(), value.c_str(), 1); }
  ~ScopedEnv() { ::unsetenv(name.c_str()); }
};

}  // namespace

TEST_CASE("store: location is --store, else $STATETRACE_STORE, else the XDG data dir", "[store]") {
  ::unsetenv("STATETRACE_STORE");
  {
    ScopedEnv xdg("XDG_DATA_HOME", "/tmp/xdg-data");
    CHECK(resolve_store_path(std::nullopt) == "/tmp/xdg-data/statetrace/store.sqlite");
    ScopedEnv env("STATETRACE_STORE", "/tmp/from-env.sqlite");
    CHECK(resolve_store_path(std::nullopt) == "/tmp/from-env.sqlite");
    CHECK(resolve_store_path(std::string("/tmp/flag.sqlite")) == "/tmp/flag.sqlite");
  }
  ::unsetenv("XDG_DATA_HOME");
  ScopedEnv home("HOME", "/home/oncall");
  CHECK(resolve_store_path(std::nullopt) == "/home/oncall/.local/share/statetrace/store.sqlite");
}

TEST_CASE("store: migrations are numbered files applied once, in WAL mode", "[store]") {
  test::TempDir dir;
  auto list = migrations();
  REQUIRE_FALSE(list.empty());
  for (std::size_t i = 0; i < list.size(); ++i) CHECK(list[i].number == static_cast<int>(i + 1));

  auto db = open_store(dir / "s.sqlite", OpenMode::ReadWrite);
  REQUIRE(db);
  CHECK(scalar(*db, "PRAGMA user_version") == current_schema_version());
  auto mode = db->prepare("PRAGMA journal_mode");
  REQUIRE(mode);
  REQUIRE(*mode->step());
  CHECK(mode->text(0) == "wal");
  // Every normalized table carries the identity and provenance columns of the contract
  // (events carry theirs inside their blocks: store/event_block.h).
  for (const char* column : {"run_id", "device_id", "file_id", "first_offset", "end_offset"}) {
    INFO("event_blocks." << column);
    CHECK(scalar(*db, std::string("SELECT COUNT(*) FROM pragma_table_info('event_blocks') WHERE name = '") + column +
                          "'") == 1);
  }
  for (const char* table : {"interfaces", "records", "device_snapshots"}) {
    for (const char* column : {"run_id", "device_id", "object_key", "content_hash", "file_id", "offset", "length"}) {
      INFO(table << "." << column);
      CHECK(scalar(*db, std::string("SELECT COUNT(*) FROM pragma_table_info('") + table + "') WHERE name = '" +
                            column + "'") == 1);
    }
  }
  // Reopening does not re-run anything.
  auto again = open_store(dir / "s.sqlite", OpenMode::ReadWrite);
  REQUIRE(again);
  CHECK(scalar(*again, "PRAGMA user_version") == current_schema_version());
}

TEST_CASE("store: a store newer than the program is refused, not touched", "[store]") {
  test::TempDir dir;
  {
    auto db = open_store(dir / "s.sqlite", OpenMode::ReadWrite);
    REQUIRE(db);
    REQUIRE(db->exec("PRAGMA user_version = 999"));
  }
  auto db = open_store(dir / "s.sqlite", OpenMode::ReadWrite);
  REQUIRE_FALSE(db);
  CHECK(db.error().kind == ErrorKind::Store);
  CHECK_THAT(db.error().message, Catch::Contains("schema version 999") && Catch::Contains("newer"));
  CHECK(db.error().file == (dir / "s.sqlite").string());
  auto ro = open_store(dir / "s.sqlite", OpenMode::ReadOnly);
  REQUIRE_FALSE(ro);
  CHECK_THAT(ro.error().message, Catch::Contains("newer"));
}

TEST_CASE("store: a missing store is reported when opened for reading", "[store]") {
  test::TempDir dir;
  auto db = open_store(dir / "none.sqlite", OpenMode::ReadOnly);
  REQUIRE_FALSE(db);
  CHECK(db.error().kind == ErrorKind::NotFound);
  CHECK_FALSE(std::filesystem::exists(dir / "none.sqlite"));
}

TEST_CASE("store: a second writer waits for the busy timeout, then fails clearly", "[store]") {
  test::TempDir dir;
  ScopedEnv timeout("STATETRACE_BUSY_TIMEOUT_MS", "150");
  auto first = open_store(dir / "s.sqlite", OpenMode::ReadWrite);
  REQUIRE(first);
  auto second = open_store(dir / "s.sqlite", OpenMode::ReadWrite);
  REQUIRE(second);
  auto tx = Transaction::begin_immediate(*first);
  REQUIRE(tx);
  auto blocked = Transaction::begin_immediate(*second);
  REQUIRE_FALSE(blocked);
  CHECK_THAT(blocked.error().message, Catch::Contains("locked by another writer"));
  CHECK_THAT(blocked.error().hint, Catch::Contains("150 ms"));
  // Readers are not blocked by the writer (WAL).
  CHECK(scalar(*second, "SELECT COUNT(*) FROM runs") == 0);
  REQUIRE(tx->commit());
  CHECK(Transaction::begin_immediate(*second));
}
