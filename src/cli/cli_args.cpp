#include "cli/cli_args.h"

#include <charconv>
#include <fmt/format.h>

#include <algorithm>

namespace st::cli {

std::optional<std::string> CliArgs::get(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

Result<std::optional<std::int64_t>> CliArgs::get_int(const std::string& name) const {
  auto value = get(name);
  if (!value) return std::optional<std::int64_t>{};
  std::int64_t n = 0;
  auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
  if (ec != std::errc() || ptr != value->data() + value->size() || n < 0) {
    return fail(ErrorKind::Usage, fmt::format("{} expects a non-negative integer, got '{}'", name, *value));
  }
  return std::optional<std::int64_t>{n};
}

const std::vector<CommandSpec>& command_specs() {
  static const std::vector<CommandSpec> specs{
      {"ingest",
       "ingest PATH [--site NAME] [--site-pattern REGEX] [--threads N] [--force] [--max-member-mb N] [--max-ratio N] "
       "[--templates DIR] [--keep-runs N] [--no-detect]",
       "parse a bundle (directory, .zip, .tar.gz or .log) into a new run and raise its insight cards; each device keeps "
       "its last N runs in full (default 30, 0: all)",
       1, {"--site", "--site-pattern", "--threads", "--max-member-mb", "--max-ratio", "--templates", "--keep-runs"},
       {"--force", "--no-detect"}},
      {"runs", "runs", "list stored runs", 0, {}, {}},
      {"devices", "devices [--run N] [--device HOST]", "list devices (each device's latest snapshot without --run)",
       0, {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"interfaces", "interfaces [--run N] [--device HOST]", "list interfaces", 0, {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"events", "events [--run N] [--device HOST]", "list syslog events", 0, {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"sections", "sections [--run N] [--device HOST]", "list captured sections and how each was parsed", 0,
       {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"records", "records [--command 'show ...'] [--run N] [--device HOST]",
       "list generic records (parsed output with no normalized table)", 0, {"--command", "--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"vlans", "vlans [--run N] [--device HOST]", "list VLANs", 0, {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"macs", "macs [--run N] [--device HOST]", "list MAC address table entries", 0, {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"auth-sessions", "auth-sessions [--run N] [--device HOST]", "list 802.1X / MAB sessions", 0,
       {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"stp", "stp [--run N] [--device HOST]", "list spanning tree ports with their instance's root", 0,
       {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"neighbors", "neighbors [--run N] [--device HOST]", "list CDP and LLDP neighbors", 0, {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"poe", "poe [--run N] [--device HOST]", "list PoE ports", 0, {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"transceivers", "transceivers [--run N] [--device HOST]", "list optics readings", 0, {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"inventory", "inventory [--run N] [--device HOST]", "list hardware inventory", 0, {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"counters", "counters [--run N] [--device HOST]", "list interface counters (show interfaces)", 0,
       {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"power-supplies", "power-supplies [--run N] [--device HOST]", "list power supplies", 0,
       {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"stack", "stack [--run N] [--device HOST]", "list stack members", 0, {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"interface-config", "interface-config [--run N] [--device HOST]",
       "list each interface's running-config stanza and what it sets", 0, {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"parsers", "parsers list|show|save|history|rollback|export|import|test ...",
       "parser rules and templates: list, show, save (versions), history, rollback, export/import packs, test "
       "against a sample (statetrace-cli parsers --help)",
       1,
       {}, {}},
      {"coverage", "coverage [--run N] [--device HOST]",
       "per device, the recommended show commands its capture lacks (rules/commands/)", 0, {"--run", "--device", "--site", "--zone", "--building", "--room"}, {}},
      {"diff", "diff [--from RUN] [--to RUN] [--device HOST [--last N]] [--kind KIND]",
       "what changed between two runs, object by object (default: the latest run against the one before; "
       "--device HOST --last N: that device's last N captures, each against the one before; "
       "--include-volatile adds counters and readings)",
       0, {"--from", "--to", "--device", "--kind", "--last"}, {"--include-volatile"}},
      {"history", "history --device HOST --kind KIND --key KEY [--last N]",
       "the runs in which one object changed, and its values then", 0, {"--device", "--kind", "--key", "--last"},
       {"--include-volatile"}},
      {"raw", "raw --run N --file FILE --offset A --length B", "print the exact stored bytes of a range", 0,
       {"--run", "--file", "--offset", "--length"}, {}},
      {"metrics", "metrics [--device HOST | --site SITE] [--metric NAME] [--since TIME] [--tags]",
       "per device per run metric time series (without --metric: the names stored; --tags: device tags)", 0,
       {"--device", "--site", "--metric", "--since"}, {"--tags"}},
      {"insights", "insights [--run N] [--device HOST] [--min-severity S]",
       "insight cards, ranked by severity, with evidence lines, runbook and the commands to collect next", 0,
       {"--run", "--device", "--min-severity"}, {}},
      {"clusters", "clusters [--run N]", "incident clusters: related findings across ports and devices, with their cards", 0,
       {"--run"}, {}},
      {"rules", "rules list|show|enable|disable|set|test|save|history|rollback|export|import|feedback|suppress|suppressions|unsuppress ...",
       "detection rules: list, enable/disable, thresholds (set RULE NAME VALUE), dry-run on a stored run (test RULE|FILE "
       "--run N), user rules and their versions, rule packs, false positives, maintenance windows (statetrace-cli rules help)",
       1, {"--run", "--note", "--site", "--device", "--rule", "--from", "--until", "--reason", "--name"},
       {"--false-positive", "--clear"}, 4},
      {"generate", "generate OUT_DIR [--devices N] [--runs M] [--seed S]",
       "write synthetic capture bundles and a manifest [--profile full|lean] [--change-rate PERCENT] [--tidy]", 1,
       {"--devices", "--runs", "--seed", "--profile", "--change-rate"}, {"--tidy"}},
      {"runbook", "runbook SIGNATURE", "print the runbook for a signature (--json: checklist and next commands per vendor)",
       1, {}, {}},
      {"checklist", "checklist --incident ID [--device HOST] [--check ITEM --done|--undone [--note TEXT]]",
       "an incident's runbook checklist: who ticked what, when", 0, {"--incident", "--device", "--check", "--note"},
       {"--done", "--undone"}},
      {"escalation", "escalation list|set --site S --severity SEV --contact C [--sla T]",
       "who to call per site and severity (else the runbook's contact)", 1,
       {"--site", "--severity", "--contact", "--sla"}, {}},
  };
  return specs;
}

std::string usage_text() {
  std::string out =
      "usage: statetrace-cli COMMAND [ARGS] [--store FILE] [--json]\n\n"
      "The store is --store FILE, else $STATETRACE_STORE, else\n"
      "${XDG_DATA_HOME:-~/.local/share}/statetrace/store.sqlite.\n\ncommands:\n";
  for (const auto& spec : command_specs()) out += fmt::format("  {:<52} {}\n", spec.synopsis, spec.summary);
  out += "\nlistings also take --site S, --zone Z, --building B and --room R (where devices are: site and zone\n"
         "from the hostname, building and room from `snmp-server location`).\n";
  out += "\nexit codes: 0 ok, 1 error, 2 usage, 3 input refused\n";
  return out;
}

Result<CliArgs> parse_args(int argc, char** argv) {
  CliArgs args;
  if (argc < 2) return fail(ErrorKind::Usage, "missing command");
  args.command = argv[1];
  if (args.command == "--help" || args.command == "-h" || args.command == "help") {
    args.command = "help";
    return args;
  }
  if (args.command == "--version") return args;
  const CommandSpec* spec = nullptr;
  for (const auto& s : command_specs()) {
    if (s.name == args.command) spec = &s;
  }
  if (!spec) return fail(ErrorKind::Usage, fmt::format("unknown command '{}'", args.command));

  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      args.command = "help";
      return args;
    }
    if (arg == "--json") {
      args.json = true;
    } else if (arg == "--store" || spec->value_options.contains(arg)) {
      if (i + 1 >= argc) return fail(ErrorKind::Usage, fmt::format("{} needs a value", arg));
      args.options[arg] = argv[++i];
    } else if (spec->flag_options.contains(arg)) {
      args.options[arg] = "";
    } else if (arg.starts_with("--")) {
      return fail(ErrorKind::Usage, fmt::format("{}: unknown option {}", args.command, arg));
    } else {
      args.positional.push_back(arg);
    }
  }
  if (args.positional.size() < spec->positional || args.positional.size() > std::max(spec->positional, spec->max_positional)) {
    return fail(ErrorKind::Usage, fmt::format("usage: statetrace-cli {}", spec->synopsis));
  }
  return args;
}

}  // namespace st::cli
