#!/usr/bin/env python3
"""Golden test: ingest a bundle through statetrace-cli and compare every listing's
--json output with tests/expected/<listing>.json. Run with --update to rewrite them
on purpose (tests/golden/update_expected.sh), then review the diff like code."""
import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile

LISTINGS = ["runs", "devices", "interfaces", "events", "sections"]


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
    parser.add_argument("--bundle", required=True)
    parser.add_argument("--expected", required=True)
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()

    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = os.path.join(tmp, "store.sqlite")
        summary = json.loads(run(args.cli, ["ingest", args.bundle, "--json"], store))
        print(f"ingested run {summary['run']}: {summary['devices']} devices, sections {summary['sections']}")
        for listing in LISTINGS:
            rows = normalize(listing, json.loads(run(args.cli, [listing, "--json"], store)))
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
