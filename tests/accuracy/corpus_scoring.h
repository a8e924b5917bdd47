// Scores the cards raised on the corpus captures (corpus_captures.h). Per theme: recall = lines
// that end up (by byte range) as evidence of a card of one of the theme's rules / lines;
// false positives = cards of the theme's rules on captures of other themes or clean ones.
// Per rule: cards on captures whose theme it serves vs cards on the others.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "../accuracy/accuracy_tally.h"
#include "../accuracy/corpus_captures.h"
#include "insights/insight_listing.h"

namespace st::accuracy {

struct ThemeScore {
  std::size_t lines = 0, detected = 0;
  std::size_t findings_on_theme = 0, findings_elsewhere = 0;  // cards of the theme's rules
  std::vector<std::string> missed;                            // "HOST (vendor): line"
  std::vector<std::string> false_alarms;                      // "rule on HOST: line"
  double recall() const { return lines ? static_cast<double>(detected) / static_cast<double>(lines) : 1.0; }
  double precision() const {
    const auto all = findings_on_theme + findings_elsewhere;
    return all ? static_cast<double>(findings_on_theme) / static_cast<double>(all) : 1.0;
  }
};

struct CorpusScore {
  std::map<std::string, ThemeScore> by_theme;
  TallyByRule by_rule;  // tp: cards on captures of a theme the rule serves; fp: on the others
  std::vector<std::string> other_cards;  // cards of rules no theme maps to
};

inline bool serves(const std::string& rule, const std::string& theme) {
  auto it = theme_rules().find(theme);
  if (it == theme_rules().end()) return false;
  for (const auto& r : it->second)
    if (r == rule) return true;
  return false;
}

inline CorpusScore score_corpus(const std::vector<insights::InsightRow>& rows,
                                const std::vector<CorpusCapture>& captures) {
  std::map<std::string, const CorpusCapture*> by_host;
  for (const auto& c : captures) by_host[c.host] = &c;
  std::set<std::string> detected_hosts;
  CorpusScore score;
  for (const auto& [theme, rules] : theme_rules()) score.by_theme[theme];
  for (const auto& r : rows) {
    if (capture_completeness_rule(r.rule)) continue;
    auto it = by_host.find(r.device);
    if (it == by_host.end()) continue;
    const auto& c = *it->second;
    bool any_theme = false;
    for (const auto& [theme, rules] : theme_rules()) {
      if (!serves(r.rule, theme)) continue;
      any_theme = true;
      auto& ts = score.by_theme[theme];
      if (c.theme == theme) ++ts.findings_on_theme;
      else if (serves(r.rule, c.theme)) continue;  // right for the capture's own theme
      else {
        ++ts.findings_elsewhere;
        ts.false_alarms.push_back(fmt::format("{} on {} ({}): {}", r.rule, c.host, c.theme.empty() ? "clean" : c.theme,
                                              c.line.empty() ? "(clean capture)" : c.line));
      }
    }
    if (!any_theme) {
      score.other_cards.push_back(fmt::format("{} on {} ({}): {}", r.rule, c.host, c.theme.empty() ? "clean" : c.theme,
                                              c.line.empty() ? "(clean capture)" : c.line));
      ++score.by_rule[r.rule].fp;
      continue;
    }
    if (serves(r.rule, c.theme)) {
      ++score.by_rule[r.rule].tp;
      // Did this card use the capture's line (or one of its replayed copies) as evidence?
      for (const auto& e : r.evidence) {
        if (e.source.file != c.file_name && !e.source.file.ends_with("/" + c.file_name)) continue;
        for (const auto& range : c.line_ranges)
          if (e.source.offset < range.offset + range.length && range.offset < e.source.offset + e.source.length)
            detected_hosts.insert(c.host);
      }
    } else {
      ++score.by_rule[r.rule].fp;
    }
  }
  for (const auto& c : captures) {
    if (c.theme.empty()) continue;
    auto& ts = score.by_theme[c.theme];
    ++ts.lines;
    if (detected_hosts.contains(c.host)) ++ts.detected;
    else ts.missed.push_back(fmt::format("{} ({}): {}", c.host, c.vendor, c.line));
  }
  return score;
}

// The corpus totals over the themes that have rules: recall over their lines, false positives
// over all cards of their rules.
inline ThemeScore corpus_total(const CorpusScore& score) {
  ThemeScore t;
  for (const auto& [theme, ts] : score.by_theme) {
    t.lines += ts.lines, t.detected += ts.detected;
    t.findings_on_theme += ts.findings_on_theme, t.findings_elsewhere += ts.findings_elsewhere;
  }
  return t;
}

inline std::string format_theme_table(const CorpusScore& score) {
  std::string out = fmt::format("  {:<14} {:<52} {:>5} {:>8} {:>7} {:>8} {:>9} {:>9}\n", "theme", "rules", "lines",
                                "detected", "recall", "cards+", "cards-(FP)", "precision");
  auto line = [&](const std::string& theme, const std::string& rules, const ThemeScore& ts) {
    out += fmt::format("  {:<14} {:<52} {:>5} {:>8} {:>6.1f}% {:>8} {:>10} {:>8.1f}%\n", theme, rules, ts.lines,
                       ts.detected, 100 * ts.recall(), ts.findings_on_theme, ts.findings_elsewhere,
                       100 * ts.precision());
  };
  for (const auto& [theme, ts] : score.by_theme) {
    std::string rules;
    for (const auto& r : theme_rules().at(theme)) rules += (rules.empty() ? "" : ",") + r;
    line(theme, rules, ts);
  }
  line("TOTAL", "", corpus_total(score));
  return out;
}

}  // namespace st::accuracy
