-- 0003: member hashes (re-ingest detection) and ingestion telemetry per file and device.
-- Chunks written from now on use codec 'zstd'; older 'none' chunks stay readable.

ALTER TABLE files ADD COLUMN sha256 TEXT;
CREATE INDEX files_by_sha256 ON files(sha256);

CREATE TABLE ingest_telemetry (
  run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  file_id       INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  device_id     INTEGER REFERENCES devices(id),      -- null: text before the first prompt
  bytes         INTEGER NOT NULL,                    -- bytes of this device's sections in this file
  parse_seconds REAL NOT NULL,
  parsed        INTEGER NOT NULL,
  unknown       INTEGER NOT NULL,
  failed        INTEGER NOT NULL
);
CREATE INDEX ingest_telemetry_by_run ON ingest_telemetry(run_id);
