// Opening the store: location, migrations, and the refusals that protect it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/error.h"
#include "store/database.h"

namespace st::store {

// --store flag, else $STATETRACE_STORE, else ${XDG_DATA_HOME:-~/.local/share}/statetrace/store.sqlite.
// The CLI and the GUI both call this.
std::filesystem::path resolve_store_path(const std::optional<std::string>& flag);

// The schema version this program writes.
int current_schema_version();

// Opens the store and brings it to the current schema. A store written by a newer
// program is refused (never downgraded). ReadOnly opens do not migrate: a store
// that is missing or older than the program is reported instead.
Result<Database> open_store(const std::filesystem::path& path, OpenMode mode);

}  // namespace st::store
