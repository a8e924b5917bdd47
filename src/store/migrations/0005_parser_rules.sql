-- 0005: user and pack parser rules with version history (src/store/rule_store.h).
-- Every save is a new row; a rule's current text is its highest version; a rollback saves an
-- earlier version's text again as a new version, so history is never rewritten.
CREATE TABLE parser_rules (
  id        INTEGER PRIMARY KEY,
  rule_id   TEXT NOT NULL,                 -- the rule's "id"
  version   INTEGER NOT NULL,              -- 1, 2, ... per rule_id
  origin    TEXT NOT NULL CHECK (origin IN ('user', 'pack')),
  pack      TEXT,                          -- "name@version" when it came from a pack
  rule_json TEXT NOT NULL,                 -- the rule as saved (templates inlined)
  checksum  TEXT NOT NULL,                 -- sha256 of rule_json
  saved_at  TEXT NOT NULL,                 -- UTC ISO-8601
  note      TEXT NOT NULL,                 -- "saved", "rollback to version 2", "imported from pack x@1"
  UNIQUE (rule_id, version)
);
