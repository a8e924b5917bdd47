#!/usr/bin/env python3
"""Golden test: ingest bundles (in the order given: the sample site's run-1, then run-2) through
statetrace-cli into one store and compare the listings' --json output with
tests/expected/<name>.json. Run with --update to rewrite them on purpose
(tests/golden/update_expected.sh), then review the diff like code."""
import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile

# (expected file, CLI arguments). Without --run a listing shows each device's latest snapshot,
# which for the sample site is run 2; run 1 is asked for by number.
LISTINGS = [
    ("runs", ["runs"]),
    ("devices-run-1", ["devices", "--run", "1"]),
    ("devices", ["devices"]),
    ("interfaces-run-1", ["interfaces", "--run", "1"]),
    ("interfaces", ["interfaces"]),
    ("events", ["events"]),
    ("sections-run-1", ["sections", "--run", "1"]),
    ("sections", ["sections"]),
    ("coverage", ["coverage"]),
    # The device model over the mixed-vendor site (Cisco IOS / IOS-XE, Arista EOS, FastIron).
    ("vlans", ["vlans"]),
    ("macs", ["macs"]),
    ("auth-sessions", ["auth-sessions"]),
    ("stp", ["stp"]),
    ("interface-config-run-1", ["interface-config", "--run", "1"]),
    ("interfaces-zone-f2", ["interfaces", "--zone", "F2"]),
    ("diff", ["diff"]),
    ("insights-run-1", ["insights", "--run", "1"]),
    ("insights", ["insights"]),
    ("clusters", ["clusters"]),
]


def run(cli, args, store):
    result = subprocess.run([cli, *args, "--store", store], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"statetrace-cli {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return result.stdout


def normalize(listing, rows):
    # Only what differs between machines or moments is replaced; everything else is locked.
    for row in rows:
        if listing == "runs":
            row["ingested_at"] = "<ingested_at>"
            row["bundle"] = os.path.basename(row["bundle"].rstrip("/"))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--bundle", required=True, action="append", help="repeat: ingested in order")
    parser.add_argument("--expected", required=True)
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()

    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = os.path.join(tmp, "store.sqlite")
        for bundle in args.bundle:
            summary = json.loads(run(args.cli, ["ingest", bundle, "--json"], store))
            print(f"ingested run {summary['run']}: {summary['devices']} devices, sections {summary['sections']}")
            if summary["sections"].get("failed"):
                print(f"FAIL {bundle}: {summary['sections']['failed']} failed sections")
                failures += 1
        for listing, cli_args in LISTINGS:
            rows = normalize(cli_args[0], json.loads(run(args.cli, [*cli_args, "--json"], store)))
            actual = json.dumps(rows, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
            path = os.path.join(args.expected, f"{listing}.json")
            if args.update:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(actual)
                print(f"wrote {path} ({len(rows)} rows)")
                continue
            try:
                with open(path, encoding="utf-8") as f:
                    expected = f.read()
            except FileNotFoundError:
                print(f"FAIL {listing}: {path} is missing (run tests/golden/update_expected.sh)")
                failures += 1
                continue
            if expected != actual:
                failures += 1
                print(f"FAIL {listing}: output differs from {path}")
                sys.stdout.writelines(difflib.unified_diff(
                    expected.splitlines(True), actual.splitlines(True), "expected", "actual", n=2))
            else:
                print(f"ok   {listing}: {len(rows)} rows match")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
