-- Normalized event kind (link_down, auth_fail, ...; parse/event_kind.h, rules/event_kinds.json).
ALTER TABLE events ADD COLUMN kind TEXT NOT NULL DEFAULT 'other';
