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

std::string expand_summary(const Finding& f) {
  const std::string& text = f.rule->summary;
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
    const std::string name = text.substr(i + 1, close - i - 1);
    std::optional<std::string> value;
    if (name == "count") value = number_text(f.count);
    else if (name == "value") value = f.value ? number_text(*f.value) : "?";
    else if (name == "objects") value = short_list(f.objects);
    else if (name == "object_count") value = std::to_string(f.objects.size());
    else if (name == "details") value = short_list(f.details);
    else if (name == "device") value = f.device;
    else if (name == "window_minutes") {
      if (const auto* c = std::get_if<EventsCondition>(&f.rule->when); c && c->window_seconds) {
        value = number_text(*c->window_seconds / 60);
      }
    } else if (auto p = f.rule->params.find(name); p != f.rule->params.end()) {
      value = number_text(p->second);
    }
    if (value) {
      out += *value;
    } else {
      out += text.substr(i, close - i + 1);  // unknown: left as written, so the rule's author sees it
    }
    i = close;
  }
  return out;
}

}  // namespace st::insights
