// Natural ordering of names with numbers: Gi1/0/2 before Gi1/0/10, PS2 before PS10. Digit
// runs compare by value, everything else byte by byte.
#pragma once

#include <string_view>

namespace st::model {

bool natural_less(std::string_view a, std::string_view b);

struct NaturalLess {
  bool operator()(std::string_view a, std::string_view b) const { return natural_less(a, b); }
};

}  // namespace st::model
