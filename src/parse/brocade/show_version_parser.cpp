// `show version` (FastIron) -> DeviceFacts plus one GenericRecord.
//
// A stack prints one "UNIT n: compiled on ..." block per unit with "SW: Version 08.0.95dT213",
// then "HW: Stackable ICX7150-48P", one "UNIT n: SL m: <module> ..." block per module with
// "Serial  #: <serial>", and one "STACKID n  system uptime is ..." line per unit; a standalone
// switch prints "The system uptime is 12 days 4 hours ...". The facts take the first unit's:
// model from the HW line (without "Stackable"), else the first module; version, serial and
// uptime as printed. FastIron prints no hostname.
#include <string>
#include <vector>

#include "parse/brocade/brocade_parsers.h"
#include "parse/cisco/cli_error.h"
#include "parse/line_cursor.h"

namespace st::parse::brocade {

namespace {

std::string_view first_token(std::string_view s) {
  s = ltrim(s);
  std::size_t i = 0;
  while (i < s.size() && !is_space(s[i])) ++i;
  return s.substr(0, i);
}

nlohmann::json opt_json(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

Result<ParseResult> parse_show_version(const SectionInput& input) {
  if (auto error = cisco::find_cli_error(input.output)) {
    return fail(cisco::cli_error(*error, "show version"));
  }
  std::vector<std::string> versions, serials, uptimes, modules, bootcodes;
  std::optional<std::string> hardware;
  std::optional<std::size_t> first_used, last_used_end;
  ParseResult result;

  LineCursor cursor(input.output);
  Line line;
  while (cursor.next(line)) {
    const std::string_view text = trim(line.text);
    if (text.empty()) continue;
    bool used = true;
    if (istarts_with(text, "SW: Version ")) {
      versions.emplace_back(first_token(text.substr(12)));
    } else if (istarts_with(text, "HW:")) {
      hardware = std::string(trim(text.substr(3)));
    } else if (istarts_with(text, "Serial") && text.find('#') != std::string_view::npos) {
      // "Serial  #: BZT3217M025", "Serial  #:FEE3816Q018"
      std::string_view rest = text.substr(text.find('#') + 1);
      if (!rest.empty() && rest.front() == ':') rest.remove_prefix(1);
      if (auto serial = first_token(rest); !serial.empty()) serials.emplace_back(serial);
    } else if (const std::size_t at = text.find("uptime is "); at != std::string_view::npos &&
                                                               (istarts_with(text, "STACKID") ||
                                                                istarts_with(text, "The system"))) {
      uptimes.emplace_back(trim(text.substr(at + 10)));
    } else if (istarts_with(text, "UNIT ") && text.find(": SL ") != std::string_view::npos) {
      // "UNIT 1: SL 1: ICX7150-48PF-2X10G_2X1G POE 48-port Management Module"
      std::string_view rest = text.substr(text.find(": SL ") + 5);
      const std::size_t colon = rest.find(':');
      if (colon != std::string_view::npos) modules.emplace_back(first_token(rest.substr(colon + 1)));
    } else if (const std::size_t v = text.find(", Version:"); v != std::string_view::npos &&
                                                               (text.find("Boot") != std::string_view::npos)) {
      bootcodes.emplace_back(trim(text.substr(v + 10)));
    } else {
      used = istarts_with(text, "Copyright") || istarts_with(text, "UNIT ");
    }
    if (used) {
      if (!first_used) first_used = line.offset;
      last_used_end = line.offset + line.text.size();
    }
  }

  if (versions.empty() && !hardware) {
    if (is_blank(input.output)) {
      result.warnings.push_back({ByteRange{0, input.output.size()}, "empty show version output"});
      return result;
    }
    return fail(ErrorKind::Parse,
                "output does not look like FastIron 'show version': no 'SW: Version' or 'HW:' line");
  }
  const ByteRange source{*first_used, *last_used_end - *first_used};

  DeviceFacts facts;
  facts.vendor = "ruckus";
  facts.platform = "ruckus_fastiron";
  if (hardware) {
    std::string_view model = *hardware;
    if (istarts_with(model, "Stackable ")) model = ltrim(model.substr(10));
    facts.model = std::string(first_token(model));
  } else if (!modules.empty()) {
    facts.model = modules.front();
  }
  if (!versions.empty()) facts.os_version = versions.front();
  if (!serials.empty()) facts.serial = serials.front();
  if (!uptimes.empty()) facts.uptime = uptimes.front();
  facts.source = source;
  if (!facts.os_version) result.warnings.push_back({source, "no 'SW: Version' line"});
  result.facts = std::move(facts);

  GenericRecord record;
  record.source = source;
  record.row = {
      {"kind", "ruckus_fastiron/show_version"},
      {"hardware", opt_json(hardware)},
      {"version", versions},
      {"bootcode", bootcodes},
      {"serial", serials},
      {"uptime", uptimes},
      {"model", modules},
  };
  result.records.push_back(std::move(record));
  return result;
}

}  // namespace st::parse::brocade
