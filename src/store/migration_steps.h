// Migrations that SQL alone cannot express (re-encoding rows into blocks): a step runs
// right after its numbered SQL file, inside the same transaction.
#pragma once

#include "core/error.h"
#include "store/database.h"

namespace st::store {

// Runs the C++ step of migration `number`, if it has one.
Result<void> run_migration_step(Database& db, int number);

}  // namespace st::store
