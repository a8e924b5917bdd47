// `show version` (EOS) -> DeviceFacts plus one GenericRecord with the fields ntc-templates'
// arista_eos_show_version extracts. EOS prints "Label: value" lines after a first
// "Arista <model>" line; it prints no hostname.
#include <string>

#include "parse/arista/arista_parsers.h"
#include "parse/cisco/cli_error.h"
#include "parse/line_cursor.h"

namespace st::parse::arista {

namespace {

std::optional<std::string> non_empty(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  return std::string(s);
}

std::string_view first_token(std::string_view s) {
  s = ltrim(s);
  std::size_t i = 0;
  while (i < s.size() && !is_space(s[i])) ++i;
  return s.substr(0, i);
}

// "Software image version: 4.28.3M" -> "4.28.3M" when the label (case-insensitive) matches.
std::optional<std::string_view> labelled(std::string_view line, std::string_view label) {
  line = ltrim(line);
  if (!istarts_with(line, label)) return std::nullopt;
  std::string_view rest = line.substr(label.size());
  if (rest.empty() || rest.front() != ':') return std::nullopt;
  return trim(rest.substr(1));
}

nlohmann::json opt_json(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// "2028860 kB" -> "2028860"
std::optional<std::string> leading_number(std::string_view s) {
  const std::string_view token = first_token(s);
  if (!all_digits(token)) return std::nullopt;
  return std::string(token);
}

}  // namespace

Result<ParseResult> parse_show_version(const SectionInput& input) {
  if (auto error = cisco::find_cli_error(input.output)) {
    return fail(cisco::cli_error(*error, "show version"));
  }
  std::optional<std::string> model, hw_version, serial, sys_mac, image, uptime, total_memory,
      free_memory, architecture;
  std::optional<std::size_t> first_used, last_used_end;
  ParseResult result;

  LineCursor cursor(input.output);
  Line line;
  while (cursor.next(line)) {
    const std::string_view text = trim(line.text);
    if (text.empty()) continue;
    bool used = true;
    if (!model && istarts_with(text, "Arista ")) {
      model = non_empty(first_token(text.substr(7)));
    } else if (auto v = labelled(text, "Hardware version")) {
      hw_version = non_empty(first_token(*v));
    } else if (auto v2 = labelled(text, "Serial number")) {
      serial = non_empty(first_token(*v2));
    } else if (auto v3 = labelled(text, "System MAC address")) {
      sys_mac = non_empty(first_token(*v3));
    } else if (auto v4 = labelled(text, "Software image version")) {
      image = non_empty(first_token(*v4));
    } else if (auto v5 = labelled(text, "Architecture")) {
      architecture = non_empty(*v5);
    } else if (auto v6 = labelled(text, "Uptime")) {
      uptime = non_empty(*v6);
    } else if (auto v7 = labelled(text, "Total memory")) {
      total_memory = leading_number(*v7);
    } else if (auto v8 = labelled(text, "Free memory")) {
      free_memory = leading_number(*v8);
    } else {
      used = labelled(text, "Hardware MAC address") || labelled(text, "Internal build version") ||
             labelled(text, "Internal build ID") || labelled(text, "Image format version") ||
             labelled(text, "Image optimization") || labelled(text, "Kernel version");
    }
    if (used) {
      if (!first_used) first_used = line.offset;
      last_used_end = line.offset + line.text.size();
    }
  }

  if (!model && !image) {
    if (is_blank(input.output)) {
      result.warnings.push_back({ByteRange{0, input.output.size()}, "empty show version output"});
      return result;
    }
    return fail(ErrorKind::Parse,
                "output does not look like EOS 'show version': no 'Arista' or "
                "'Software image version' line");
  }
  const ByteRange source{*first_used, *last_used_end - *first_used};

  DeviceFacts facts;
  facts.vendor = "arista";
  facts.platform = "arista_eos";
  facts.model = model;
  facts.os_version = image;
  facts.serial = serial;
  facts.uptime = uptime;
  facts.source = source;
  if (!facts.os_version) result.warnings.push_back({source, "no 'Software image version' line"});
  result.facts = std::move(facts);

  GenericRecord record;
  record.source = source;
  record.row = {
      {"kind", "arista_eos/show_version"},
      {"model", opt_json(model)},
      {"hw_version", opt_json(hw_version)},
      {"serial_number", opt_json(serial)},
      {"sys_mac", opt_json(sys_mac)},
      {"image", opt_json(image)},
      {"architecture", opt_json(architecture)},
      {"uptime", opt_json(uptime)},
      {"total_memory", opt_json(total_memory)},
      {"free_memory", opt_json(free_memory)},
  };
  result.records.push_back(std::move(record));
  return result;
}

}  // namespace st::parse::arista
