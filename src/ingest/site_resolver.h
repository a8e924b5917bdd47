// The site of a device: from its hostname pattern (SITE-ZONE-ROLE-NN by default,
// configurable), else the run's --site, else "default"; its zone from the same pattern.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "util/regex.h"

namespace st::ingest {

class SiteResolver {
 public:
  // The pattern must have a named group `site`.
  static Result<SiteResolver> create(std::string_view pattern, std::optional<std::string> run_site);
  std::string site_for(std::string_view hostname) const;
  // The pattern's `zone` group, when it has one and the hostname matches.
  std::optional<std::string> zone_for(std::string_view hostname) const;

 private:
  SiteResolver(util::Regex pattern, std::optional<std::string> run_site)
      : pattern_(std::move(pattern)), run_site_(std::move(run_site)) {}
  util::Regex pattern_;
  std::optional<std::string> run_site_;
};

}  // namespace st::ingest
