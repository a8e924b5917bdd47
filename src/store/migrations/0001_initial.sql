-- 0001: the first snapshot schema.
-- Every normalized row carries run_id, device_id, a stable object_key, a content_hash
-- and its source (file_id, offset, length) in the raw log.

CREATE TABLE runs (
  id                 INTEGER PRIMARY KEY,
  bundle             TEXT NOT NULL,          -- the path given to ingest, as given
  site               TEXT,                   -- the run's --site, if any
  ingested_at        TEXT NOT NULL,          -- UTC ISO-8601
  captured_at        TEXT,                   -- UTC ISO-8601
  captured_at_source TEXT NOT NULL CHECK (captured_at_source IN ('show_clock', 'syslog', 'file_mtime', 'unknown')),
  status             TEXT NOT NULL CHECK (status IN ('complete'))
);

CREATE TABLE files (
  id       INTEGER PRIMARY KEY,
  run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  path     TEXT NOT NULL,                    -- path inside the bundle
  size     INTEGER NOT NULL,
  mtime    TEXT,                             -- UTC ISO-8601
  UNIQUE (run_id, path)
);

-- Raw bytes in chunks, so `raw` reads a byte range without loading the whole file.
-- codec 'none' for now; compressed codecs arrive with a later migration.
CREATE TABLE file_chunks (
  file_id     INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  raw_offset  INTEGER NOT NULL,
  raw_length  INTEGER NOT NULL,
  codec       TEXT NOT NULL DEFAULT 'none',
  data        BLOB NOT NULL,
  PRIMARY KEY (file_id, seq)
) WITHOUT ROWID;

-- A device's identity across runs: hostname within a site.
CREATE TABLE devices (
  id       INTEGER PRIMARY KEY,
  site     TEXT NOT NULL,
  hostname TEXT NOT NULL,
  UNIQUE (site, hostname)
);

-- One row per device per run: the device facts of that capture.
CREATE TABLE device_snapshots (
  run_id          INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id       INTEGER NOT NULL REFERENCES devices(id),
  object_key      TEXT NOT NULL,
  content_hash    TEXT NOT NULL,
  file_id         INTEGER REFERENCES files(id),
  offset          INTEGER,
  length          INTEGER,
  hostname_source TEXT NOT NULL CHECK (hostname_source IN ('prompt', 'show_version', 'config')),
  vendor          TEXT,
  platform        TEXT,
  model           TEXT,
  os_version      TEXT,
  serial          TEXT,
  uptime          TEXT,
  PRIMARY KEY (run_id, device_id)
);
CREATE INDEX device_snapshots_by_device ON device_snapshots(device_id, run_id);

CREATE TABLE sections (
  id                INTEGER PRIMARY KEY,
  run_id            INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id         INTEGER REFERENCES devices(id),     -- null: text before the first prompt
  file_id           INTEGER NOT NULL REFERENCES files(id),
  offset            INTEGER NOT NULL,
  length            INTEGER NOT NULL,
  output_offset     INTEGER NOT NULL,
  prompt            TEXT,
  command           TEXT NOT NULL,                      -- as typed
  canonical_command TEXT,
  filter            TEXT,                               -- "| include X": output is partial
  status            TEXT NOT NULL CHECK (status IN ('parsed', 'unknown', 'failed')),
  reason            TEXT,
  parser            TEXT,
  record_count      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sections_by_run ON sections(run_id, device_id);

CREATE TABLE parse_warnings (
  run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
  file_id    INTEGER NOT NULL REFERENCES files(id),
  offset     INTEGER NOT NULL,
  length     INTEGER NOT NULL,
  message    TEXT NOT NULL
);

CREATE TABLE interfaces (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  object_key   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES files(id),
  offset       INTEGER NOT NULL,
  length       INTEGER NOT NULL,
  name         TEXT NOT NULL,
  name_raw     TEXT NOT NULL,
  status       TEXT,
  vlan         TEXT,
  duplex       TEXT,
  speed        TEXT,
  type         TEXT,
  description  TEXT,
  PRIMARY KEY (run_id, device_id, object_key)
) WITHOUT ROWID;

CREATE TABLE events (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id     INTEGER NOT NULL REFERENCES devices(id),
  object_key    TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  file_id       INTEGER NOT NULL REFERENCES files(id),
  offset        INTEGER NOT NULL,
  length        INTEGER NOT NULL,
  timestamp     TEXT,
  timestamp_raw TEXT NOT NULL,
  time_quality  TEXT NOT NULL CHECK (time_quality IN ('exact', 'year_inferred', 'zone_assumed', 'uptime_only')),
  sequence      INTEGER,
  facility      TEXT NOT NULL,
  severity      INTEGER,
  mnemonic      TEXT NOT NULL,
  message_id    TEXT NOT NULL,
  interface     TEXT,
  message       TEXT NOT NULL
);
CREATE INDEX events_by_run_device ON events(run_id, device_id, timestamp);

-- Parsed output with no normalized table yet: one JSON object per record.
CREATE TABLE records (
  id           INTEGER PRIMARY KEY,
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  object_key   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES files(id),
  offset       INTEGER NOT NULL,
  length       INTEGER NOT NULL,
  command      TEXT NOT NULL,
  parser       TEXT NOT NULL,
  row_json     TEXT NOT NULL
);
CREATE INDEX records_by_run_command ON records(run_id, command);
