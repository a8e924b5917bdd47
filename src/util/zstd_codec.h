// zstd compression of raw-byte chunks: each chunk is a self-contained frame, so any
// byte range is read by decompressing only the chunks that cover it.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace st::util {

// Level 1 (fast): ingest speed matters more than the last few percent of size.
std::string zstd_compress(std::string_view bytes, int level = 1);
Result<std::string> zstd_decompress(std::string_view frame, std::size_t expected_size);

}  // namespace st::util
