#include <catch2/catch.hpp>

#include "core/content_hash.h"
#include "ingest/ingest_pipeline.h"
#include "ingest/site_resolver.h"

using st::ingest::SiteResolver;

TEST_CASE("site: SITE-ZONE-ROLE-NN hostnames name their site", "[site]") {
  auto sites = SiteResolver::create(st::ingest::kDefaultSitePattern, std::nullopt);
  REQUIRE(sites);
  CHECK(sites->site_for("HQ-B1-ACC-01") == "HQ");
  CHECK(sites->site_for("NYC2-CORE-DST-12") == "NYC2");
  CHECK(sites->site_for("lab-sw1") == "default");          // three parts only
  CHECK(sites->site_for("HQ-B1-ACC-XX") == "default");     // NN must be digits
}

TEST_CASE("site: the run's --site fills in when the pattern does not match", "[site]") {
  auto sites = SiteResolver::create(st::ingest::kDefaultSitePattern, std::string("LAB"));
  REQUIRE(sites);
  CHECK(sites->site_for("lab-sw1") == "LAB");
  CHECK(sites->site_for("HQ-B1-ACC-01") == "HQ");  // the hostname wins over --site
}

TEST_CASE("site: a custom pattern must compile and name its group", "[site]") {
  auto custom = SiteResolver::create(R"(^(?P<site>[a-z]+)-sw\d+$)", std::nullopt);
  REQUIRE(custom);
  CHECK(custom->site_for("lab-sw1") == "lab");

  auto broken = SiteResolver::create("^(?<site>[A-Z+$", std::nullopt);
  REQUIRE_FALSE(broken);
  CHECK(broken.error().kind == st::ErrorKind::Usage);
  CHECK_THAT(broken.error().message, Catch::Contains("site pattern") && Catch::Contains("column"));

  auto unnamed = SiteResolver::create("^([A-Z]+)-", std::nullopt);
  REQUIRE_FALSE(unnamed);
  CHECK_THAT(unnamed.error().message, Catch::Contains("named group"));
}

TEST_CASE("content hash: equal fields hash equal, boundaries and nulls count", "[hash]") {
  using st::ContentHash;
  CHECK(ContentHash().add("Gi1/0/1").add("connected").hex() == ContentHash().add("Gi1/0/1").add("connected").hex());
  CHECK(ContentHash().add("ab").add("c").hex() != ContentHash().add("a").add("bc").hex());
  CHECK(ContentHash().add(std::optional<std::string>{}).hex() != ContentHash().add(std::string("")).hex());
  CHECK(ContentHash().add("x").hex().size() == 16);
}
