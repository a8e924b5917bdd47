// A FastIron capture with flexible-authentication sessions and RSTP, through ingest into the
// store and the `auth-sessions` and `stp` listings: the shipped rules for `show authentication
// sessions` and `show 802-1w`, the catalog's scoped spellings, the default "ICX7150-48P Router#"
// prompt and pager leftovers on the way.
#include <catch2/catch.hpp>

#include <string>

#include "ingest/ingest_pipeline.h"
#include "model/object_kind.h"
#include "rules/registry_setup.h"
#include "store/listings.h"
#include "store/object_listing.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;
using namespace st::store;

namespace {

const std::string kPrompt = "ICX7150-48P Router";

std::string fastiron_capture() {
  const std::string p = kPrompt;
  return "Welcome to ICX-ACC console (lab bench 4)\n" +
         p + ">enable\n" +
         p + "#skip-page-display\n"
         "Disable page display mode\n" +
         p + "#show version\n"
         "  Copyright (c) Ruckus Networks, Inc. All rights reserved.\n"
         "    UNIT 1: compiled on Jun  3 2021 at 21:34:12 labeled as SPR08095d\n"
         "        SW: Version 08.0.95dT213\n"
         "  HW: Stackable ICX7150-48P\n"
         "==========================================================================\n"
         "UNIT 1: SL 1: ICX7150-48P POE 48-port Management Module\n"
         "      Serial  #:FEK3817P0AB\n"
         "==========================================================================\n"
         "The system uptime is 12 days 4 hours 2 minutes 11 seconds\n" +
         p + "#show interfaces brief\n"
         "\n"
         "Port       Link    State   Dupl Speed Trunk Tag Pvid Pri MAC             Name\n"
         "1/1/5      Up      Forward Full 1G    None  No  20   0   609c.9f97.aafc  Desk 2F-14\n"
         "1/1/9      Up      Forward Full 100M  None  No  40   0   609c.9f97.ab00  Printer 2F\n"
         "1/1/12     Down    None    None None  None  No  20   0   609c.9f97.ab03\n"
         "1/2/1      Up      Forward Full 10G   None  Yes N/A  0   609c.9f97.ab10  uplink-core\n"
         "1/2/2      Up      Forward Full 10G   None  Yes N/A  0   609c.9f97.ab11  uplink-core-b\n" +
         p + "#show authentication sessions all\n"
         "---------------------------------------------------------------------------------------------------------\n"
         "Port    MAC             IP(v4/v6)           User          VLAN Auth    Auth     ACL   Session  Age  PAE\n"
         "        Addr            Addr                Name               Method  State          Time          State\n"
         "---------------------------------------------------------------------------------------------------------\n"
         "1/1/5   0024.9b1a.20c4  10.20.1.57          jdoe          20   8021.X  permit   None  3605     Ena  AUTHENTICATED\n"
         // The pager prompt was answered but its text stayed in the log.
         "--More--, next page: Space, next line: Return key, quit: Control-c"
         "1/1/9   f0b2.e5aa.01c7                      f0b2e5aa01c7  40   MAUTH   permit   Yes   812      Ena  N/A\n"
         "1/1/12  c4b3.01d2.7e10  N/A                 N/A           N/A  8021.X  init     None  0        Ena  CONNECTING\n" +
         p + "#show authentication sessions ethernet 1/1/5\n"
         "Port    MAC             IP(v4/v6)           User          VLAN Auth    Auth     ACL   Session  Age  PAE\n"
         "        Addr            Addr                Name               Method  State          Time          State\n"
         "1/1/5   0024.9b1a.20c4  10.20.1.57          jdoe          20   8021.X  permit   None  3611     Ena  AUTHENTICATED\n" +
         p + "#show 802-1w\n"
         "--- VLAN 20 [ STP Instance owned by VLAN 20 ] ----------------------------\n"
         "Bridge IEEE 802.1W Parameters:\n"
         "\n"
         "Bridge           Bridge Bridge Bridge Force tx\n"
         "Identifier       MaxAge Hello  FwdDly Vers  Hold\n"
         "hex              sec    sec    sec          cnt\n"
         "8000609c9f97aaf7 20     2      15     Default 3\n"
         "\n"
         "RootBridge       RootPath DesignatedBri- Root    Max Fwd Hel\n"
         "Identifier       Cost     dge Identifier Port    Age Dly lo\n"
         "hex                       hex                    sec sec sec\n"
         "10000024389a7c01 2000     10000024389a7c01 1/2/1   20  15  2\n"
         "\n"
         "Port IEEE 802.1W Parameters:\n"
         "\n"
         "             <--- Config Params --><-------------- Current state ----------------->\n"
         "Port   Pri PortPath P2P Edge Role       State      Designa-   Designated\n"
         "Num        Cost     Mac Port                       ted cost   bridge\n"
         "1/1/5  128 20000    F   T    DESIGNATED FORWARDING 2000       8000609c9f97aaf7\n"
         "1/2/1  128 2000     T   F    ROOT       FORWARDING 0          10000024389a7c01\n"
         "1/2/2  128 2000     T   F    ALTERNATE  DISCARDING 2000       80000024389a7c55\n" +
         p + "#exit\n";
}

std::string text_of(const ObjectRow& row, std::string_view column) {
  const auto& v = row.values[*row.kind->column_index(column)];
  if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
  if (std::holds_alternative<std::int64_t>(v)) return std::to_string(std::get<std::int64_t>(v));
  return "<none>";
}

const ObjectRow* find_row(const std::vector<ObjectRow>& rows, std::string_view column, std::string_view value) {
  for (const auto& r : rows) {
    if (text_of(r, column) == value) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("fastiron capture: authentication sessions and 802-1w reach the store and listings",
          "[ingest][fastiron]") {
  test::TempDir dir;
  const std::string capture = fastiron_capture();
  test::write_file(dir / "bundle/icx-lab.log", capture);
  auto db = open_store(dir / "store.sqlite", OpenMode::ReadWrite);
  REQUIRE(db);
  auto registry = rules::build_registry(rules::RegistrySources{});
  REQUIRE(registry);
  ingest::IngestOptions options;
  options.bundle = dir / "bundle";
  REQUIRE(ingest::ingest_bundle(*db, *registry, options));

  auto devices = list_devices(*db, {});
  REQUIRE(devices);
  REQUIRE(devices->size() == 1);
  CHECK(devices->front().hostname == kPrompt);
  CHECK(devices->front().platform == "ruckus_fastiron");
  CHECK(devices->front().model == "ICX7150-48P");

  auto sections = list_sections(*db, {});
  REQUIRE(sections);
  int auth_sections = 0;
  for (const auto& s : *sections) {
    if (s.canonical_command != "show authentication sessions" && s.canonical_command != "show 802-1w") continue;
    INFO(s.command);
    CHECK(s.status == "parsed");
    if (s.canonical_command == "show authentication sessions") ++auth_sections;
    // The port argument narrows the table: the section is flagged like a `| include`.
    if (s.command == "show authentication sessions ethernet 1/1/5") CHECK(s.filter == "ethernet 1/1/5");
    else CHECK_FALSE(s.filter.has_value());
  }
  CHECK(auth_sections == 2);

  const auto* sessions_kind = model::object_kind_by_listing("auth-sessions");
  REQUIRE(sessions_kind);
  auto sessions = list_objects(*db, *sessions_kind, ListingFilter{});
  REQUIRE(sessions);
  REQUIRE(sessions->size() == 3);  // the per-port output repeats 1/1/5's session, one row
  const ObjectRow* dot1x = find_row(*sessions, "interface", "1/1/5");
  REQUIRE(dot1x);
  CHECK(text_of(*dot1x, "mac") == "0024.9b1a.20c4");
  CHECK(text_of(*dot1x, "method") == "dot1x");
  CHECK(text_of(*dot1x, "status") == "authorized");
  CHECK(text_of(*dot1x, "user") == "jdoe");
  CHECK(text_of(*dot1x, "ip") == "10.20.1.57");
  CHECK(text_of(*dot1x, "vlan") == "20");
  // The row after the pager leftover is read, with its blank IP.
  const ObjectRow* mab = find_row(*sessions, "interface", "1/1/9");
  REQUIRE(mab);
  CHECK(text_of(*mab, "method") == "mab");
  CHECK(text_of(*mab, "mac") == "f0b2.e5aa.01c7");
  CHECK(text_of(*mab, "ip") == "<none>");
  const ObjectRow* pending = find_row(*sessions, "interface", "1/1/12");
  REQUIRE(pending);
  CHECK(text_of(*pending, "status") == "running");
  CHECK(text_of(*pending, "vlan") == "<none>");
  CHECK(text_of(*pending, "user") == "<none>");
  CHECK(capture.substr(pending->source.offset, pending->source.length).starts_with("1/1/12  c4b3.01d2.7e10"));

  // Port facts follow the sessions.
  auto interfaces = list_interfaces(*db, {});
  REQUIRE(interfaces);
  for (const auto& i : *interfaces) {
    INFO(i.name);
    if (i.name == "1/1/5") {
      CHECK(i.auth_state == "authorized");
      CHECK(i.auth_method == "dot1x");
    } else if (i.name == "1/1/9") {
      CHECK(i.auth_method == "mab");
    } else if (i.name == "1/2/1") {
      CHECK_FALSE(i.auth_state.has_value());
    }
  }

  const auto* stp_kind = model::object_kind_by_listing("stp");
  REQUIRE(stp_kind);
  auto stp = list_objects(*db, *stp_kind, ListingFilter{});
  REQUIRE(stp);
  REQUIRE(stp->size() == 3);
  for (const auto& r : *stp) {
    INFO(text_of(r, "interface"));
    CHECK(text_of(r, "instance") == "20");
    CHECK(text_of(r, "protocol") == "rstp");
    CHECK(text_of(r, "root_bridge") == "0024.389a.7c01");
    CHECK(text_of(r, "root_priority") == "4096");
    CHECK(text_of(r, "root_port") == "1/2/1");
    CHECK(text_of(r, "root_cost") == "2000");
    CHECK(text_of(r, "bridge_id") == "609c.9f97.aaf7");
    CHECK(text_of(r, "bridge_priority") == "32768");
  }
  const ObjectRow* root = find_row(*stp, "interface", "1/2/1");
  REQUIRE(root);
  CHECK(text_of(*root, "role") == "root");
  CHECK(text_of(*root, "state") == "forwarding");
  CHECK(text_of(*root, "link_type") == "point-to-point");
  CHECK(text_of(*root, "cost") == "2000");
  const ObjectRow* alternate = find_row(*stp, "interface", "1/2/2");
  REQUIRE(alternate);
  CHECK(text_of(*alternate, "role") == "alternate");
  CHECK(text_of(*alternate, "state") == "discarding");
  const ObjectRow* edge = find_row(*stp, "interface", "1/1/5");
  REQUIRE(edge);
  CHECK(text_of(*edge, "link_type") == "shared");
  CHECK(text_of(*edge, "port_priority") == "128");
}
