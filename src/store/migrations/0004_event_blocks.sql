-- 0004: syslog events move from one row each to compressed column blocks (store/event_block.h).
-- A block holds up to 4096 events of one device from one file, in file order; each event
-- keeps its own byte range inside the block. The summary columns let readers skip blocks
-- by device, time or kind without decompressing them. Rows of the old `events` table are
-- re-encoded into blocks by the migration step in store/migration_steps.cpp, which then
-- drops the table.

CREATE TABLE event_blocks (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id     INTEGER NOT NULL REFERENCES devices(id),
  file_id       INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  first_offset  INTEGER NOT NULL,          -- byte range in the raw file covering every event
  end_offset    INTEGER NOT NULL,
  event_count   INTEGER NOT NULL,
  first_time    INTEGER,                   -- unix seconds, min and max over the block
  last_time     INTEGER,
  kinds         TEXT NOT NULL,             -- distinct event kinds, sorted, comma-separated
  codec         TEXT NOT NULL,
  data          BLOB NOT NULL
);
CREATE INDEX event_blocks_by_run_device ON event_blocks(run_id, device_id);
