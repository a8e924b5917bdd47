-- 0008: what the diff engine (src/diff/) keeps per run.
-- snapshot_digests: one row per device and object kind a run captured, with the number of
--   objects and a digest of their keys and content hashes, so a diff skips a kind whose digest
--   did not change without reading its rows. A row with rows = 0 says the kind was captured
--   and is empty (e.g. every auth session ended), which is not the same as not captured.
-- diff_changes: each device's changes against its previous run, worked out at ingest.
-- diff_summaries: their counts per device, kept when old snapshots are pruned.

CREATE TABLE snapshot_digests (
  run_id    INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id INTEGER NOT NULL REFERENCES devices(id),
  kind      TEXT NOT NULL,
  rows      INTEGER NOT NULL,
  digest    TEXT NOT NULL,
  PRIMARY KEY (run_id, device_id, kind)
) WITHOUT ROWID;

CREATE TABLE diff_changes (
  run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id   INTEGER NOT NULL REFERENCES devices(id),
  from_run_id INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  object_key  TEXT NOT NULL,
  change      TEXT NOT NULL CHECK (change IN ('added', 'removed', 'changed', 'not_captured')),
  detail_json TEXT NOT NULL,   -- fields [{name, old, new}], sources, missing_in
  PRIMARY KEY (run_id, device_id, kind, object_key)
) WITHOUT ROWID;

CREATE TABLE diff_summaries (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  from_run_id  INTEGER,        -- null: the device's first run
  added        INTEGER NOT NULL,
  removed      INTEGER NOT NULL,
  changed      INTEGER NOT NULL,
  not_captured INTEGER NOT NULL,
  PRIMARY KEY (run_id, device_id)
) WITHOUT ROWID;
