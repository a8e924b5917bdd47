// Exact raw bytes of a stored file, by byte range, read chunk by chunk.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"

namespace st::store {

// The bytes [offset, offset + length) of `file` (its path inside the bundle) in run `run`.
// A range past the end of the file is refused with the file's size in the message.
Result<std::string> read_raw(Database& db, RunId run, std::string_view file, ByteRange range);

}  // namespace st::store
