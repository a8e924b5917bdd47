-- 0009: per device per run metrics and tags (src/store/metrics_writer.h, docs/metrics.md),
-- computed at ingest so timelines and rules never re-parse logs. Rows reference only the run
-- and the device: pruning a run's snapshot rows (interfaces, objects, events) keeps them;
-- deleting the run removes them.

CREATE TABLE metrics (
  run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id   INTEGER NOT NULL REFERENCES devices(id),
  site        TEXT NOT NULL,             -- the device's site, copied for per-site range queries
  captured_at TEXT,                      -- the run's capture time (UTC ISO-8601), copied likewise
  metric      TEXT NOT NULL,             -- InterfacesUp, PortFlapEvents, CrcErrorsDelta, ...
  value       REAL NOT NULL,
  PRIMARY KEY (run_id, device_id, metric)
) WITHOUT ROWID;
CREATE INDEX metrics_by_device ON metrics(device_id, metric, captured_at);
CREATE INDEX metrics_by_site ON metrics(site, metric, captured_at);

CREATE TABLE device_tags (
  run_id    INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id INTEGER NOT NULL REFERENCES devices(id),
  tag       TEXT NOT NULL,               -- flapping, auth-failing, err-disabled, reloaded, crc-growing
  PRIMARY KEY (run_id, device_id, tag)
) WITHOUT ROWID;
CREATE INDEX device_tags_by_device ON device_tags(device_id, run_id);
