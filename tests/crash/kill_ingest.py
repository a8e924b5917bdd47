#!/usr/bin/env python3
"""Crash test: an ingest killed with SIGKILL at random moments leaves the store intact.

Generates a bundle, stores one run as a baseline, then starts the same ingest (with --force)
N times and kills it after a random delay within the time a whole ingest takes. After every
kill the store must pass PRAGMA integrity_check, hold no partial run (every run's files have
all their chunks, every run has device snapshots) and hold either the runs it had or exactly
one more complete run (when the kill came after the commit)."""
import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def check_store(path):
    db = sqlite3.connect(path)
    try:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            return f"integrity_check: {integrity}"
        runs = [r[0] for r in db.execute("SELECT id FROM runs ORDER BY id")]
        for run in runs:
            status = db.execute("SELECT status FROM runs WHERE id = ?", (run,)).fetchone()[0]
            if status != "complete":
                return f"run {run} has status {status}"
            short = db.execute(
                "SELECT f.path FROM files f WHERE f.run_id = ? AND f.size != "
                "(SELECT COALESCE(SUM(raw_length), 0) FROM file_chunks c WHERE c.file_id = f.id)", (run,)).fetchall()
            if short:
                return f"run {run}: chunks do not cover {short[0][0]}"
            if db.execute("SELECT COUNT(*) FROM device_snapshots WHERE run_id = ?", (run,)).fetchone()[0] == 0:
                return f"run {run} has no device snapshots"
        return runs
    finally:
        db.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--tries", type=int, default=20)
    parser.add_argument("--devices", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as tmp:
        gen = os.path.join(tmp, "gen")
        subprocess.run([args.cli, "generate", gen, "--devices", str(args.devices), "--runs", "1", "--seed",
                        str(args.seed), "--profile", "full"], check=True, capture_output=True)
        bundle = os.path.join(gen, "run-1")
        store = os.path.join(tmp, "store.sqlite")
        started = time.monotonic()
        subprocess.run([args.cli, "ingest", bundle, "--store", store], check=True, capture_output=True)
        full_time = time.monotonic() - started
        runs = check_store(store)
        if isinstance(runs, str):
            sys.exit(f"baseline store is broken: {runs}")
        print(f"baseline: {len(runs)} run, one ingest takes {full_time:.2f} s")

        killed = completed = 0
        for attempt in range(1, args.tries + 1):
            delay = rng.uniform(0.0, full_time * 1.1)
            proc = subprocess.Popen([args.cli, "ingest", bundle, "--store", store, "--force"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                killed += 1
            code = proc.wait()
            after = check_store(store)
            if isinstance(after, str):
                sys.exit(f"try {attempt} (killed after {delay:.3f} s, exit {code}): store damaged: {after}")
            grew = len(after) - len(runs)
            if grew not in (0, 1) or (grew == 1 and code not in (0, -signal.SIGKILL)):
                sys.exit(f"try {attempt}: runs went from {len(runs)} to {len(after)} (exit {code})")
            if grew == 1:
                completed += 1
            runs = after
            print(f"try {attempt:2}: {'killed' if code == -signal.SIGKILL else 'finished'} after {delay:.3f} s; "
                  f"store ok with {len(runs)} run(s)")
        print(f"{args.tries} tries: {killed} killed mid-ingest, {completed} completed; integrity ok every time")
        if killed == 0:
            sys.exit("no try was killed mid-ingest: the test proved nothing")


if __name__ == "__main__":
    main()
