#include "cli/store_access.h"

#include <filesystem>

#include "store/store.h"

namespace st::cli {

Result<store::Database> open_for_reading(const CliArgs& args) {
  auto path = store::resolve_store_path(args.get("--store"));
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return fail(Error{ErrorKind::NotFound, "no store here", path.string(), {}, {},
                      "ingest a bundle first: statetrace-cli ingest PATH"});
  }
  // ReadWrite so an older store is migrated; reading never takes the write lock otherwise.
  return store::open_store(path, store::OpenMode::ReadWrite);
}

}  // namespace st::cli
