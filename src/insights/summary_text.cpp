#include "insights/summary_text.h"

#include <cmath>

#include <fmt/format.h>

namespace st::insights {

namespace {

std::string number_text(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{:.2f}", v);
}

}  // namespace

std::string short_list(const std::vector<std::string>& items, std::size_t shown) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < shown; ++i) {
    if (i) out += ", ";
    out += items[i];
  }
  if (items.size() > shown) out += fmt::format(" and {} more", items.size() - shown);
  return out;
}

std::string expand_placeholders(const std::string& text,
                                const std::function<std::optional<std::string>(const std::string&)>& value) {
  std::string out;
  out.reserve(text.size() + 64);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') {
      out += text[i];
      continue;
    }
    const auto close = text.find('}', i);
    if (close == std::string::npos) {
      out += text.substr(i);
      break;
    }
    const auto v = value(text.substr(i + 1, close - i - 1));
    out += v ? *v : text.substr(i, close - i + 1);
    i = close;
  }
  return out;
}

std::string expand_summary(const Finding& f) {
  return expand_placeholders(f.rule->summary, [&](const std::string& name) -> std::optional<std::string> {
    if (name == "count") return number_text(f.count);
    if (name == "value") return f.value ? number_text(*f.value) : "?";
    if (name == "objects") return short_list(f.objects);
    if (name == "object_count") return std::to_string(f.objects.size());
    if (name == "details") return short_list(f.details);
    if (name == "device") return f.device;
    if (name == "window_minutes") {
      const auto* c = std::get_if<EventsCondition>(&f.rule->when);
      if (c && c->window_seconds) return number_text(*c->window_seconds / 60);
      return std::nullopt;
    }
    if (auto p = f.rule->params.find(name); p != f.rule->params.end()) return number_text(p->second);
    return std::nullopt;
  });
}

}  // namespace st::insights
