// SHA-256 of a byte buffer as 64 lowercase hex digits (OpenSSL's libcrypto).
#pragma once

#include <string>
#include <string_view>

namespace st::util {

std::string sha256_hex(std::string_view bytes);

}  // namespace st::util
