// The numbered schema migrations, embedded from src/store/migrations/NNNN_*.sql.
#pragma once

#include <span>

namespace st::store {

struct Migration {
  int number;        // becomes PRAGMA user_version after it runs
  const char* name;  // file stem, e.g. "0001_initial"
  const char* sql;
};

std::span<const Migration> migrations();

}  // namespace st::store
