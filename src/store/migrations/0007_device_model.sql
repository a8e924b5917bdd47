-- 0007: the device model's object tables (src/model/object_kind.cpp lists the same columns;
-- tests/unit/test_object_kinds.cpp checks they agree), the interface facts derived from
-- config, sessions and MAC tables, and the device facts from config and hostname.

CREATE TABLE vlans (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  object_key   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES files(id),
  offset       INTEGER NOT NULL,
  length       INTEGER NOT NULL,
  vlan_id INTEGER,
  name TEXT,
  status TEXT,
  ports TEXT,
  PRIMARY KEY (run_id, device_id, object_key)
) WITHOUT ROWID;

CREATE TABLE mac_entries (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  object_key   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES files(id),
  offset       INTEGER NOT NULL,
  length       INTEGER NOT NULL,
  vlan INTEGER,
  mac TEXT,
  interface TEXT,
  type TEXT,
  PRIMARY KEY (run_id, device_id, object_key)
) WITHOUT ROWID;

CREATE TABLE auth_sessions (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  object_key   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES files(id),
  offset       INTEGER NOT NULL,
  length       INTEGER NOT NULL,
  interface TEXT,
  mac TEXT,
  ip TEXT,
  user TEXT,
  method TEXT,
  domain TEXT,
  status TEXT,
  vlan TEXT,
  session_id TEXT,
  PRIMARY KEY (run_id, device_id, object_key)
) WITHOUT ROWID;

CREATE TABLE stp_ports (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  object_key   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES files(id),
  offset       INTEGER NOT NULL,
  length       INTEGER NOT NULL,
  instance TEXT,
  interface TEXT,
  role TEXT,
  state TEXT,
  cost INTEGER,
  port_priority TEXT,
  link_type TEXT,
  protocol TEXT,
  root_bridge TEXT,
  root_priority TEXT,
  root_cost INTEGER,
  root_port TEXT,
  bridge_id TEXT,
  bridge_priority TEXT,
  PRIMARY KEY (run_id, device_id, object_key)
) WITHOUT ROWID;

CREATE TABLE neighbors (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  object_key   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES files(id),
  offset       INTEGER NOT NULL,
  length       INTEGER NOT NULL,
  protocol TEXT,
  local_interface TEXT,
  neighbor TEXT,
  neighbor_interface TEXT,
  platform TEXT,
  mgmt_address TEXT,
  capabilities TEXT,
  software TEXT,
  chassis_id TEXT,
  PRIMARY KEY (run_id, device_id, object_key)
) WITHOUT ROWID;

CREATE TABLE poe_ports (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  object_key   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES files(id),
  offset       INTEGER NOT NULL,
  length       INTEGER NOT NULL,
  interface TEXT,
  admin TEXT,
  oper TEXT,
  power TEXT,
  max_power TEXT,
  device TEXT,
  "class" TEXT,
  PRIMARY KEY (run_id, device_id, object_key)
) WITHOUT ROWID;

CREATE TABLE transceivers (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  object_key   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES files(id),
  offset       INTEGER NOT NULL,
  length       INTEGER NOT NULL,
  interface TEXT,
  type TEXT,
  temperature TEXT,
  voltage TEXT,
  bias_current TEXT,
  tx_power TEXT,
  rx_power TEXT,
  PRIMARY KEY (run_id, device_id, object_key)
) WITHOUT ROWID;

CREATE TABLE inventory_items (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  object_key   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES files(id),
  offset       INTEGER NOT NULL,
  length       INTEGER NOT NULL,
  name TEXT,
  description TEXT,
  pid TEXT,
  vid TEXT,
  serial TEXT,
  PRIMARY KEY (run_id, device_id, object_key)
) WITHOUT ROWID;

CREATE TABLE interface_counters (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  object_key   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES files(id),
  offset       INTEGER NOT NULL,
  length       INTEGER NOT NULL,
  interface TEXT,
  link_status TEXT,
  protocol_status TEXT,
  description TEXT,
  hardware TEXT,
  mac TEXT,
  mtu INTEGER,
  bandwidth TEXT,
  duplex TEXT,
  speed TEXT,
  input_packets INTEGER,
  input_errors INTEGER,
  crc INTEGER,
  output_packets INTEGER,
  output_errors INTEGER,
  interface_resets INTEGER,
  last_input TEXT,
  last_output TEXT,
  last_change TEXT,
  PRIMARY KEY (run_id, device_id, object_key)
) WITHOUT ROWID;

CREATE TABLE power_supplies (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  object_key   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES files(id),
  offset       INTEGER NOT NULL,
  length       INTEGER NOT NULL,
  name TEXT,
  pid TEXT,
  serial TEXT,
  status TEXT,
  system_power TEXT,
  poe_power TEXT,
  watts TEXT,
  PRIMARY KEY (run_id, device_id, object_key)
) WITHOUT ROWID;

CREATE TABLE stack_members (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  object_key   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES files(id),
  offset       INTEGER NOT NULL,
  length       INTEGER NOT NULL,
  "switch" TEXT,
  role TEXT,
  mac TEXT,
  priority TEXT,
  state TEXT,
  model TEXT,
  serial TEXT,
  version TEXT,
  PRIMARY KEY (run_id, device_id, object_key)
) WITHOUT ROWID;

CREATE TABLE interface_configs (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  object_key   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES files(id),
  offset       INTEGER NOT NULL,
  length       INTEGER NOT NULL,
  interface TEXT,
  description TEXT,
  mode TEXT,
  access_vlan TEXT,
  voice_vlan TEXT,
  native_vlan TEXT,
  allowed_vlans TEXT,
  shutdown TEXT,
  auth_commands TEXT,
  stanza TEXT,
  PRIMARY KEY (run_id, device_id, object_key)
) WITHOUT ROWID;

ALTER TABLE interfaces ADD COLUMN mode TEXT;
ALTER TABLE interfaces ADD COLUMN access_vlan TEXT;
ALTER TABLE interfaces ADD COLUMN voice_vlan TEXT;
ALTER TABLE interfaces ADD COLUMN port_type TEXT;
ALTER TABLE interfaces ADD COLUMN auth_template TEXT;
ALTER TABLE interfaces ADD COLUMN auth_state TEXT;
ALTER TABLE interfaces ADD COLUMN auth_method TEXT;
ALTER TABLE interfaces ADD COLUMN compliance TEXT;
ALTER TABLE interfaces ADD COLUMN compliance_template TEXT;
ALTER TABLE interfaces ADD COLUMN missing_auth_commands TEXT;
ALTER TABLE interfaces ADD COLUMN learned_macs TEXT;
ALTER TABLE interfaces ADD COLUMN learned_mac_count INTEGER;

ALTER TABLE device_snapshots ADD COLUMN reload_reason TEXT;
ALTER TABLE device_snapshots ADD COLUMN location TEXT;
ALTER TABLE device_snapshots ADD COLUMN zone TEXT;
ALTER TABLE device_snapshots ADD COLUMN building TEXT;
ALTER TABLE device_snapshots ADD COLUMN floor TEXT;
ALTER TABLE device_snapshots ADD COLUMN room TEXT;
ALTER TABLE device_snapshots ADD COLUMN "row" TEXT;
ALTER TABLE device_snapshots ADD COLUMN rack TEXT;
