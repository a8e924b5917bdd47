-- 0010: detection (src/insights/, docs/insights.md). Findings of the rule engine are stored
-- per run as insight cards with their evidence (byte ranges into the raw logs), grouped into
-- incident clusters; operators' decisions (rules disabled, thresholds changed, false
-- positives, maintenance windows, checklist progress, escalation contacts) are kept beside
-- them. Cards reference the run and the device only: retention pruning object rows keeps them.

-- Detection rules saved by users or imported from packs, versioned like parser_rules.
CREATE TABLE detection_rules (
  id        INTEGER PRIMARY KEY,
  rule_id   TEXT NOT NULL,
  version   INTEGER NOT NULL,
  origin    TEXT NOT NULL CHECK (origin IN ('user', 'pack')),
  pack      TEXT,                        -- the pack's name for origin 'pack'
  body      TEXT NOT NULL,               -- the rule's JSON, as validated
  active    INTEGER NOT NULL DEFAULT 1,  -- 0: superseded by a later version or rolled back
  saved_at  TEXT NOT NULL,               -- UTC ISO-8601
  saved_by  TEXT NOT NULL,
  UNIQUE (rule_id, origin, version)
);

-- Per rule operator settings: enabled flag and threshold overrides, over any origin.
CREATE TABLE rule_settings (
  rule_id    TEXT PRIMARY KEY,
  enabled    INTEGER,                    -- null: the rule's own flag
  params     TEXT NOT NULL DEFAULT '{}', -- JSON object: parameter name -> value
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

-- Time-bounded silences (planned maintenance) per site and/or device, all rules or one.
CREATE TABLE suppressions (
  id         INTEGER PRIMARY KEY,
  site       TEXT,                       -- null: any site
  device     TEXT,                       -- hostname; null: any device of the site
  rule_id    TEXT,                       -- null: every rule
  starts_at  TEXT NOT NULL,              -- UTC ISO-8601, compared with the finding's time
  ends_at    TEXT NOT NULL,
  reason     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE incident_clusters (
  id         INTEGER PRIMARY KEY,
  run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  pattern    TEXT NOT NULL,              -- rules/patterns/<id>.json
  signature  TEXT NOT NULL,              -- runbook key
  severity   TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'major', 'critical')),
  title      TEXT NOT NULL,
  summary    TEXT NOT NULL,
  devices    TEXT NOT NULL,              -- JSON list of hostnames
  first_seen TEXT,
  last_seen  TEXT
);
CREATE INDEX incident_clusters_by_run ON incident_clusters(run_id);

CREATE TABLE insights (
  id               INTEGER PRIMARY KEY,
  run_id           INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id        INTEGER REFERENCES devices(id),   -- null: a finding about the run
  rule_id          TEXT NOT NULL,
  rule_origin      TEXT NOT NULL,                    -- shipped, pack, user
  signature        TEXT NOT NULL,                    -- runbook key
  severity         TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'major', 'critical')),
  title            TEXT NOT NULL,
  summary          TEXT NOT NULL,                    -- one line, with the numbers
  objects          TEXT NOT NULL,                    -- JSON list of affected objects ("Gi1/0/5", "PS2")
  first_seen       TEXT,                             -- UTC ISO-8601 of the earliest evidence
  last_seen        TEXT,
  evidence_count   INTEGER NOT NULL,                 -- all matching lines; the stored ones are capped
  missing_commands TEXT NOT NULL,                    -- JSON list of {command, syntax}
  fingerprint      TEXT NOT NULL,                    -- rule, device and objects: the same finding in any run
  suppression_id   INTEGER REFERENCES suppressions(id) ON DELETE SET NULL,
  cluster_id       INTEGER REFERENCES incident_clusters(id) ON DELETE SET NULL
);
CREATE INDEX insights_by_run ON insights(run_id, severity);
CREATE INDEX insights_by_fingerprint ON insights(fingerprint);

CREATE TABLE insight_evidence (
  insight_id INTEGER NOT NULL REFERENCES insights(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  file_id    INTEGER NOT NULL REFERENCES files(id),
  offset     INTEGER NOT NULL,
  length     INTEGER NOT NULL,
  PRIMARY KEY (insight_id, seq)
) WITHOUT ROWID;

-- Operators' verdicts on findings, by fingerprint, so a false positive stays marked in later runs.
CREATE TABLE finding_feedback (
  fingerprint TEXT PRIMARY KEY,
  rule_id     TEXT NOT NULL,
  verdict     TEXT NOT NULL CHECK (verdict IN ('false_positive')),
  note        TEXT,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL
);

-- Checklist progress per incident ("insight:12", "cluster:3") and device.
CREATE TABLE checklist_progress (
  incident   TEXT NOT NULL,
  device     TEXT NOT NULL,              -- hostname ('' for a cluster-wide item)
  item       TEXT NOT NULL,              -- the checklist item's id in its runbook
  done       INTEGER NOT NULL,
  updated_by TEXT NOT NULL,              -- the OS user name unless a display name is set
  updated_at TEXT NOT NULL,
  note       TEXT,
  PRIMARY KEY (incident, device, item)
) WITHOUT ROWID;

-- Who to call, per site ('*' any) and severity; runbooks' front matter gives the defaults.
CREATE TABLE escalation_contacts (
  site     TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'major', 'critical')),
  contact  TEXT NOT NULL,
  sla      TEXT,
  PRIMARY KEY (site, severity)
) WITHOUT ROWID;
