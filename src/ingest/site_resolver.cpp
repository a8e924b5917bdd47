#include "ingest/site_resolver.h"

namespace st::ingest {

Result<SiteResolver> SiteResolver::create(std::string_view pattern, std::optional<std::string> run_site) {
  auto regex = util::Regex::compile(pattern);
  if (!regex) {
    Error e = regex.error();
    e.message = "site pattern: " + e.message;
    return fail(std::move(e));
  }
  if (pattern.find("<site>") == std::string_view::npos) {
    return fail(Error{ErrorKind::Usage, "site pattern has no named group `site`", {}, {}, {},
                      "write it like ^(?<site>[A-Z]+)-.*$"});
  }
  return SiteResolver(std::move(*regex), std::move(run_site));
}

std::string SiteResolver::site_for(std::string_view hostname) const {
  if (auto site = pattern_.named_group(hostname, "site"); site && !site->empty()) return std::string(*site);
  if (run_site_ && !run_site_->empty()) return *run_site_;
  return "default";
}

std::optional<std::string> SiteResolver::zone_for(std::string_view hostname) const {
  if (auto zone = pattern_.named_group(hostname, "zone"); zone && !zone->empty()) return std::string(*zone);
  return std::nullopt;
}

}  // namespace st::ingest
