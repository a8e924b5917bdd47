// A running configuration as stanzas: each top-level line with the indented lines under it.
// IOS, EOS and FastIron all write their configuration this way (children indented, blocks
// closed by "!" or by the next top-level line), so one splitter serves every dialect.
#pragma once

#include <string_view>
#include <vector>

#include "core/ids.h"

namespace st::parse::config {

struct ConfigLine {
  std::string_view text;  // trimmed
  ByteRange at;           // the whole printed line, relative to the output
};

struct Stanza {
  ConfigLine head;
  std::vector<ConfigLine> children;  // every indented line, nested ones included, in order
  ByteRange range;                   // head through the last child
};

// Comment lines ("!", "!Command: ...") and blank lines end nothing and are dropped;
// "end" stops the configuration.
std::vector<Stanza> split_stanzas(std::string_view output);

}  // namespace st::parse::config
