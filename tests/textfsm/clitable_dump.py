#!/usr/bin/python3
"""Dumps Python TextFSM's results for every ntc case as one JSON document.

Run with Debian's interpreter (/usr/bin/python3, which has python3-textfsm):

    /usr/bin/python3 clitable_dump.py CORPUS_ROOT [--check-yml] > out.json

For each <platform>/<command>/<case>.raw under CORPUS_ROOT/ntc it records what
clitable.CliTable("index", CORPUS_ROOT/ntc-templates).ParseCmd() gives for
{"Command": <command folder with _ as spaces>, "Platform": <platform>}, exactly as
ntc-templates' own tests call it (header plus rows, values as clitable's TextTable
stores them), and, per template of the index row, TextFSM.ParseText()'s raw records
(None as null, nested-group List items as objects). --check-yml also compares the
clitable rows with the case's .yml parsed_sample (header keys lower-cased, as
ntc-templates does) and reports the count on stderr.
"""
import io
import json
import os
import sys

import textfsm
from textfsm import clitable


def cases(root):
    ntc = os.path.join(root, "ntc")
    for platform in sorted(os.listdir(ntc)):
        pdir = os.path.join(ntc, platform)
        for command_dir in sorted(os.listdir(pdir)):
            cdir = os.path.join(pdir, command_dir)
            for name in sorted(os.listdir(cdir)):
                if name.endswith(".raw"):
                    yield platform, command_dir, os.path.join(cdir, name)


def main(argv):
    root = argv[1]
    check_yml = "--check-yml" in argv
    template_dir = os.path.join(root, "ntc-templates")
    out = []
    ok = 0
    for platform, command_dir, raw_path in cases(root):
        command = " ".join(command_dir.split("_"))
        with open(raw_path, "r", encoding="utf-8") as f:
            data = f.read()
        entry = {"case": os.path.relpath(raw_path, os.path.join(root, "ntc")),
                 "platform": platform, "command": command}
        table = clitable.CliTable("index", template_dir)
        attrs = {"Command": command, "Platform": platform}
        row_idx = table.index.GetRowMatch(attrs)
        entry["templates"] = table.index.index[row_idx]["Template"].split(":") if row_idx else []
        try:
            table.ParseCmd(data, attrs)
            entry["header"] = list(table.header.values)
            entry["rows"] = [list(row.values) for row in table]
            entry["error"] = None
        except Exception as err:  # noqa: BLE001 - recorded, compared by kind
            entry["header"] = []
            entry["rows"] = []
            entry["error"] = "%s: %s" % (type(err).__name__, err)
        fsm_results = []
        for name in entry["templates"]:
            with open(os.path.join(template_dir, name), "r") as t:
                try:
                    fsm = textfsm.TextFSM(t)
                    records = fsm.ParseText(data)
                    fsm_results.append({"header": fsm.header, "records": records, "error": None})
                except Exception as err:  # noqa: BLE001
                    fsm_results.append({"header": [], "records": [],
                                        "error": "%s: %s" % (type(err).__name__, err)})
        entry["fsm"] = fsm_results
        if check_yml:
            import yaml
            with open(raw_path[:-4] + ".yml", "r", encoding="utf-8") as f:
                expected = yaml.safe_load(f)["parsed_sample"]
            got = [{h.lower(): v for h, v in zip(entry["header"], r)} for r in entry["rows"]]
            if entry["error"] is None and got == expected:
                ok += 1
            else:
                print("yml mismatch: %s" % entry["case"], file=sys.stderr)
        out.append(entry)
    json.dump(out, sys.stdout)
    if check_yml:
        print("python clitable matches yml: %d/%d" % (ok, len(out)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
