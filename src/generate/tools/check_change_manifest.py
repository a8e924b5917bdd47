#!/usr/bin/python3
"""Independent check of the generator's change manifest (src/generate/README.md, schema 2).

Generates bundles, ingests every run with statetrace-cli into a new store, and compares each
device's objects between consecutive runs straight from the store tables (sqlite3, no StateTrace
code): the objects whose non-volatile columns differ must be exactly the keys the manifest lists
for that device and run (details.expect + details.affects), each expect entry must be found with
its change and field values, and every change kind must occur. Volatile columns are read from
src/model/object_kind.cpp. Exit status 0 when all holds; the findings are printed otherwise.

  check_change_manifest.py --cli build/src/statetrace-cli [--devices 18 --runs 3 --seed 7 --profile full]
"""

import argparse
import collections
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# The fixed tables' fields (docs/device-model.md); uptime is the device's volatile field.
DEVICE_FIELDS = ("vendor platform model os_version serial reload_reason location zone building floor room row "
                 "rack").split()
INTERFACE_FIELDS = ("status vlan duplex speed type description mode access_vlan voice_vlan port_type auth_template "
                    "auth_state auth_method compliance compliance_template missing_auth_commands learned_macs").split()

# What a generate call of this size must show at least once (kind, change).
REQUIRED = [("device", "changed"), ("device", "not_captured"), ("device", "added"), ("interface", "changed"),
            ("vlan", "added"), ("vlan", "removed"), ("vlan", "changed"), ("mac", "added"), ("mac", "removed"),
            ("auth_session", "added"), ("auth_session", "removed"), ("stp_port", "changed"),
            ("neighbor", "changed"), ("poe_port", "changed"), ("inventory_item", "changed"),
            ("stack_member", "changed"), ("interface_config", "changed")]
REQUIRED_ITEMS = ["err_disable", "err_disable_recovered", "interface_changed", "vlan_moved", "os_upgrade",
                  "vlan_added", "vlan_removed", "vlan_renamed", "client_replaced", "stp_root_moved",
                  "neighbor_replaced", "pd_unplugged", "module_replaced", "config_line_changed",
                  "stack_member_changed", "not_captured", "device_added"]
# Tables whose volatile columns must move between runs somewhere (the diff has to ignore them).
VOLATILE_MOVES = ["device_snapshots", "transceivers", "poe_ports"]


def object_kinds(path):
    """table -> (non-volatile columns, volatile columns), from object_kind.cpp."""
    text = open(path, encoding="utf-8").read()
    arrays = {}
    for m in re.finditer(r"constexpr Column (k\w+)\[\] = \{(.*?)\};", text, re.S):
        cols = []
        for c in re.finditer(r'\{"(\w+)"([^{}]*)\}', m.group(2)):
            parts = [p.strip() for p in c.group(2).split(",") if p.strip()]
            cols.append((c.group(1), len(parts) >= 3 and parts[2] == "true"))
        arrays[m.group(1)] = cols
    kinds = {}
    for m in re.finditer(r'ObjectKind\{"(\w+)", "(\w+)",.*?(k\w+)\}', text, re.S):
        cols = arrays[m.group(3)]
        kinds[m.group(2)] = ([c for c, v in cols if not v], [c for c, v in cols if v])
    if len(kinds) < 10:
        sys.exit(f"could not read the object kinds from {path}")
    kinds["device_snapshots"] = (DEVICE_FIELDS, ["uptime"])
    kinds["interfaces"] = (INTERFACE_FIELDS, [])
    return kinds


def run(cmd):
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr}")


def snapshots(store, kinds):
    """(run_id, hostname) -> {object_key: ({field: value}, {volatile field: value})}."""
    db = sqlite3.connect(store)
    hosts = dict(db.execute("select id, hostname from devices"))
    out = collections.defaultdict(dict)
    for table, (cols, vol) in kinds.items():
        names = ",".join(f'"{c}"' for c in cols + vol)
        for row in db.execute(f"select run_id, device_id, object_key, {names} from {table}"):
            values = [str(v) if v is not None else None for v in row[3:]]
            out[(row[0], hosts[row[1]])][row[2]] = (dict(zip(cols, values[:len(cols)])),
                                                    dict(zip(vol, values[len(cols):])))
    runs = [r for (r,) in db.execute("select id from runs order by id")]
    return out, runs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--work", help="folder for the bundles and the store (default: a temporary one)")
    ap.add_argument("--devices", type=int, default=18)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--profile", default="full")
    ap.add_argument("--mess", action="store_true", help="untidy captures (pager residue, CRLF, ...)")
    ap.add_argument("--bundles", help="check these generated bundles instead of generating")
    ap.add_argument("--no-coverage", action="store_true", help="do not require every change kind")
    ap.add_argument("--object-kinds", default=os.path.join(HERE, "..", "..", "model", "object_kind.cpp"))
    a = ap.parse_args()
    kinds = object_kinds(a.object_kinds)
    work = a.work or tempfile.mkdtemp(prefix="st-change-check-")
    bundles, store = a.bundles or os.path.join(work, "gen"), os.path.join(work, "store.sqlite")
    if not a.bundles:
        cmd = [a.cli, "generate", bundles, "--devices", str(a.devices), "--runs", str(a.runs), "--seed", str(a.seed),
               "--profile", a.profile]
        run(cmd + ([] if a.mess else ["--tidy"]))
    manifest = json.load(open(os.path.join(bundles, "manifest.json"), encoding="utf-8"))
    for r in manifest["runs"]:
        run([a.cli, "ingest", os.path.join(bundles, r["directory"]), "--store", store, "--threads", "1"])
    snap, run_ids = snapshots(store, kinds)
    a.runs = len(manifest["runs"])
    if len(run_ids) != a.runs:
        sys.exit(f"expected {a.runs} runs in the store, found {len(run_ids)}")

    problems = []
    items = collections.defaultdict(list)
    item_kinds = collections.Counter()
    for it in manifest["items"]:
        items[(it["run"], it["device"])].append(it)
        item_kinds[it["kind"]] += 1
        if it["run"] >= 2 and not (isinstance(it["details"].get("expect"), list)
                                   and isinstance(it["details"].get("affects"), list)):
            problems.append(f"run {it['run']} {it['device']} {it['kind']}: no details.expect / details.affects")
    seen = collections.Counter()
    volatile_moves = collections.Counter()
    checked = expected_total = affects_total = 0
    for r in range(2, a.runs + 1):
        old_run, new_run = run_ids[r - 2], run_ids[r - 1]
        for dev in manifest["devices"]:
            host = dev["hostname"]
            its = items[(r, host)]
            expect = {}
            claimed = set()
            for it in its:
                for e in it["details"].get("expect", []):
                    expect[e["key"]] = (it, e)
                    claimed.add(e["key"])
                claimed.update(it["details"].get("affects", []))
            old, new = snap.get((old_run, host)), snap.get((new_run, host))
            where = f"run {r} {host}"
            if new is None or old is None:
                change = "not_captured" if new is None else "added"
                e = expect.get("device:" + host)
                if old is None and new is None:
                    continue
                if not e or e[1]["change"] != change:
                    problems.append(f"{where}: device {change} in the store, the manifest does not say so")
                else:
                    seen[("device", change)] += 1
                if len(claimed) != 1:
                    problems.append(f"{where}: a device {change} run lists more than the device: {sorted(claimed)}")
                continue
            checked += 1
            actual = {}
            for key in old.keys() | new.keys():
                if key not in old:
                    actual[key] = ("added", None)
                elif key not in new:
                    actual[key] = ("removed", None)
                else:
                    (o, ov), (n, nv) = old[key], new[key]
                    if o != n:
                        actual[key] = ("changed", {f: (o[f], n[f]) for f in o if o[f] != n[f]})
                    elif ov != nv:
                        volatile_moves[key.split(":")[0]] += 1
            for key, (change, fields) in sorted(actual.items()):
                if key not in claimed:
                    problems.append(f"{where}: {change} {key} {fields or ''} is in no item's expect or affects")
            for key in sorted(claimed - actual.keys()):
                problems.append(f"{where}: {key} is listed but did not change")
            for key, (it, e) in sorted(expect.items()):
                expected_total += 1
                if key not in actual:
                    continue
                change, fields = actual[key]
                if e["change"] != change:
                    problems.append(f"{where} {it['kind']}: {key} expected {e['change']}, the store shows {change}")
                    continue
                seen[(e["kind"], change)] += 1
                if e["kind"] != key.split(":")[0]:
                    problems.append(f"{where}: {key} has kind {e['kind']}")
                for f in e.get("fields", []):
                    got = fields.get(f["name"])
                    want = (f["old"], f["new"])
                    if got != want:
                        problems.append(f"{where} {it['kind']}: {key} field {f['name']} expected {want}, store {got}")
            affects_total += len(claimed) - len(expect)
    if not a.no_coverage:
        for need in REQUIRED:
            if not seen[need]:
                problems.append(f"no {need[1]} {need[0]} was injected and found")
        for k in REQUIRED_ITEMS:
            if not item_kinds[k]:
                problems.append(f"no {k} item in the manifest")
        for table in VOLATILE_MOVES:
            kind = {"device_snapshots": "device", "transceivers": "transceiver", "poe_ports": "poe_port"}[table]
            if not volatile_moves[kind]:
                problems.append(f"no {kind} changed only in volatile columns")
    print(f"{checked} device-run pairs compared, {expected_total} expected changes, {affects_total} affects keys, "
          f"found by kind: {dict(sorted((f'{k}/{c}', n) for (k, c), n in seen.items()))}, "
          f"volatile-only changes: {dict(volatile_moves)}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
