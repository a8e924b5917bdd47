// Archive member names are names, never filesystem paths: this turns whatever an archive
// says ("../../etc/x.log", "/abs/x.log", "C:\\cap\\x.log") into a bundle-relative name.
#pragma once

#include <string>
#include <string_view>

namespace st::bundle {

struct MemberName {
  std::string name;     // '/'-separated, no empty, "." or ".." component; empty if nothing is left
  std::string changed;  // what was removed, for the warning list ("leading '/'"); empty if nothing
};

// Lexical only: "a/../b.log" is "b.log"; a ".." that would leave the bundle is dropped.
MemberName normalize_member_name(std::string_view raw);

// True for names that end in ".log" (with something before the dot), as a directory bundle sees them.
bool is_capture_name(std::string_view name);

}  // namespace st::bundle
