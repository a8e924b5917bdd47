#include <catch2/catch.hpp>

#include "bundle/member_name.h"

using st::bundle::is_capture_name;
using st::bundle::normalize_member_name;

TEST_CASE("member names: archive names become bundle-relative names", "[bundle]") {
  CHECK(normalize_member_name("site-a/SW1.log").name == "site-a/SW1.log");
  CHECK(normalize_member_name("site-a/SW1.log").changed.empty());
  CHECK(normalize_member_name("./site-a//SW1.log").name == "site-a/SW1.log");
  CHECK(normalize_member_name("./site-a//SW1.log").changed.empty());  // nothing that matters was removed

  auto slip = normalize_member_name("../../etc/x.log");
  CHECK(slip.name == "etc/x.log");
  CHECK(slip.changed == "'../' leaving the bundle removed");

  auto abs = normalize_member_name("/abs/x.log");
  CHECK(abs.name == "abs/x.log");
  CHECK(abs.changed == "leading '/' removed");

  CHECK(normalize_member_name("a/../b.log").name == "b.log");
  CHECK(normalize_member_name("a/../b.log").changed.empty());  // stays inside: plain lexical resolution
  CHECK(normalize_member_name("a/../../b.log").name == "b.log");
  CHECK_FALSE(normalize_member_name("a/../../b.log").changed.empty());

  auto windows = normalize_member_name("C:\\captures\\..\\..\\SW1.log");
  CHECK(windows.name == "SW1.log");
  CHECK_THAT(windows.changed, Catch::Contains("drive letter") && Catch::Contains("'../'"));

  CHECK(normalize_member_name("../..").name.empty());
  CHECK(normalize_member_name("/").name.empty());
}

TEST_CASE("member names: captures are the .log files", "[bundle]") {
  CHECK(is_capture_name("SW1.log"));
  CHECK(is_capture_name("a/b/SW1.log"));
  CHECK_FALSE(is_capture_name("README.txt"));
  CHECK_FALSE(is_capture_name("a/.log"));
  CHECK_FALSE(is_capture_name("SW1.log.gz"));
  CHECK_FALSE(is_capture_name("logs.log/"));
}
