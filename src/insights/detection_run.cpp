#include "insights/detection_run.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/content_hash.h"
#include "insights/detection_store.h"
#include "insights/rule_evaluator.h"
#include "parse/log_time.h"

namespace st::insights {

using nlohmann::json;
using store::SqlValue;

namespace {

using Clock = std::chrono::steady_clock;

std::optional<std::string> iso_of(std::optional<std::int64_t> ms) {
  if (!ms) return std::nullopt;
  const std::int64_t seconds = *ms >= 0 ? *ms / 1000 : (*ms - 999) / 1000;
  return parse::format_utc_iso(seconds, static_cast<int>(*ms - seconds * 1000));
}

// The suppression that silences a finding: its site, device and rule match, and its window
// holds the finding's last evidence (else the run's capture time).
std::optional<std::int64_t> suppression_for(const Finding& f, const std::vector<Suppression>& suppressions,
                                            const std::optional<std::string>& captured_at) {
  const std::optional<std::string> when = f.last_ms ? iso_of(f.last_ms) : captured_at;
  if (!when) return std::nullopt;
  for (const auto& s : suppressions) {
    if (s.site && *s.site != f.site) continue;
    if (s.device && *s.device != f.device) continue;
    if (s.rule_id && *s.rule_id != f.rule->id) continue;
    if (*when >= s.starts_at && *when <= s.ends_at) return s.id;
  }
  return std::nullopt;
}

}  // namespace

std::string fingerprint_of(const Finding& f) {
  ContentHash h;
  h.add(f.rule->id).add(f.site).add(f.device);
  for (const auto& o : f.objects) h.add(o);
  return h.hex();
}

Result<DetectionReport> detect(RunContext& ctx, const CompiledRules& rules) {
  DetectionReport report;
  const auto started = Clock::now();
  for (const auto& entry : rules.entries()) {
    const auto rule_started = Clock::now();
    ST_TRY(auto findings, evaluate_rule(entry, ctx));
    const auto took = Clock::now() - rule_started;
    report.timings.push_back({entry.rule.id, std::chrono::duration<double>(took).count(), findings.size()});
    if (took > kRuleTimeBudget) report.auto_disabled.push_back(entry.rule.id);
    for (auto& f : findings) report.findings.push_back(std::move(f));
  }
  std::stable_sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
    if (a.rule->severity != b.rule->severity) return rank(a.rule->severity) > rank(b.rule->severity);
    if (a.site != b.site) return a.site < b.site;
    if (a.device != b.device) return a.device < b.device;
    return a.rule->id < b.rule->id;
  });
  ST_TRY(report.clusters, find_clusters(rules, ctx));
  report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return report;
}

Result<std::size_t> store_findings(store::Database& db, RunId run, const DetectionReport& report,
                                   const std::optional<std::string>& captured_at) {
  for (const char* table : {"insights", "incident_clusters"}) {
    ST_TRY(auto clear, db.prepare(fmt::format("DELETE FROM {} WHERE run_id = ?", table)));
    clear.bind_all(SqlValue{run.value});
    ST_CHECK(clear.run());
  }
  ST_TRY(auto cluster_insert, db.prepare("INSERT INTO incident_clusters (run_id, pattern, signature, severity, title, summary,"
                                         " devices, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  std::vector<std::int64_t> cluster_ids;
  for (const auto& c : report.clusters) {
    const std::string severity(to_string(c.pattern->severity));
    const std::string devices = json(c.devices).dump();
    const auto first = iso_of(c.first_ms), last = iso_of(c.last_ms);
    cluster_insert.bind_all(SqlValue{run.value}, SqlValue{std::string_view(c.pattern->id)},
                            SqlValue{std::string_view(c.pattern->signature)}, SqlValue{std::string_view(severity)},
                            SqlValue{std::string_view(c.pattern->title)}, SqlValue{std::string_view(c.summary)},
                            SqlValue{std::string_view(devices)}, SqlValue{std::string_view(*first)},
                            SqlValue{std::string_view(*last)});
    ST_CHECK(cluster_insert.run());
    cluster_ids.push_back(db.last_insert_rowid());
  }
  // A card belongs to the first cluster of its device whose span its evidence overlaps.
  auto cluster_of = [&](const Finding& f) -> std::optional<std::int64_t> {
    for (std::size_t i = 0; i < report.clusters.size(); ++i) {
      const auto& c = report.clusters[i];
      if (std::find(c.device_ids.begin(), c.device_ids.end(), f.device_id) == c.device_ids.end()) continue;
      if (f.first_ms && f.last_ms && *f.first_ms <= c.last_ms && *f.last_ms >= c.first_ms) return cluster_ids[i];
    }
    return std::nullopt;
  };
  ST_TRY(auto suppressions, list_suppressions(db));
  ST_TRY(auto insert, db.prepare(
                          "INSERT INTO insights (run_id, device_id, rule_id, rule_origin, signature, severity, title, summary,"
                          " objects, first_seen, last_seen, evidence_count, missing_commands, fingerprint, suppression_id,"
                          " cluster_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  ST_TRY(auto evidence, db.prepare("INSERT INTO insight_evidence (insight_id, seq, file_id, offset, length) VALUES (?, ?, ?, ?, ?)"));
  for (const auto& f : report.findings) {
    const DetectionRule& rule = *f.rule;
    const std::string origin(to_string(rule.origin));
    const std::string severity(to_string(rule.severity));
    const std::string objects = json(f.objects).dump();
    json missing = json::array();
    for (const auto& m : f.missing_commands) missing.push_back({{"command", m.command}, {"syntax", m.syntax}});
    const std::string missing_text = missing.dump();
    const std::string fingerprint = fingerprint_of(f);
    const auto first = iso_of(f.first_ms), last = iso_of(f.last_ms);
    const auto suppressed = suppression_for(f, suppressions, captured_at);
    const auto cluster = cluster_of(f);
    insert.bind_all(SqlValue{run.value}, SqlValue{f.device_id}, SqlValue{std::string_view(rule.id)},
                    SqlValue{std::string_view(origin)}, SqlValue{std::string_view(rule.signature)},
                    SqlValue{std::string_view(severity)}, SqlValue{std::string_view(rule.title)},
                    SqlValue{std::string_view(f.summary)}, SqlValue{std::string_view(objects)},
                    first ? SqlValue{std::string_view(*first)} : SqlValue{nullptr},
                    last ? SqlValue{std::string_view(*last)} : SqlValue{nullptr},
                    SqlValue{static_cast<std::int64_t>(f.evidence_count)}, SqlValue{std::string_view(missing_text)},
                    SqlValue{std::string_view(fingerprint)}, suppressed ? SqlValue{*suppressed} : SqlValue{nullptr},
                    cluster ? SqlValue{*cluster} : SqlValue{nullptr});
    ST_CHECK(insert.run());
    const std::int64_t id = db.last_insert_rowid();
    for (std::size_t i = 0; i < f.evidence.size(); ++i) {
      const auto& e = f.evidence[i];
      evidence.bind_all(SqlValue{id}, SqlValue{static_cast<std::int64_t>(i)}, SqlValue{e.file_id},
                        SqlValue{static_cast<std::int64_t>(e.offset)}, SqlValue{static_cast<std::int64_t>(e.length)});
      ST_CHECK(evidence.run());
    }
  }
  return report.findings.size();
}

}  // namespace st::insights
