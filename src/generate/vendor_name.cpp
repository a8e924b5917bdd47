#include "generate/device_model.h"

namespace st::generate {

std::string_view vendor_name(Vendor v) {
  switch (v) {
    case Vendor::Cisco: return "cisco";
    case Vendor::Arista: return "arista";
    case Vendor::FastIron: return "fastiron";
  }
  return "cisco";
}

}  // namespace st::generate
