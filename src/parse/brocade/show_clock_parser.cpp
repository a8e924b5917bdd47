// `show clock` (FastIron) -> ClockReading. FastIron prints the IOS layout, the zone as GMT plus
// the configured offset: "09:00:36.002 GMT+00 Fri Nov 20 2026", "08:37:29.135 GMT-08 Mon Feb 01
// 2021". Named zones ("Pacific") are kept raw and resolve as zone_assumed. The line grammar is
// the Cisco parser's, so it is used as it is.
#include "parse/brocade/brocade_parsers.h"
#include "parse/cisco/cisco_parsers.h"

namespace st::parse::brocade {

Result<ParseResult> parse_show_clock(const SectionInput& input) { return cisco::parse_show_clock(input); }

}  // namespace st::parse::brocade
