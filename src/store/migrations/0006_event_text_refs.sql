-- Event blocks may now be "STE2": an event's message and printed timestamp can be a reference
-- into the file's stored raw bytes instead of a copy (store/event_block.h). No table changes;
-- the version step keeps an older StateTrace, which reads only "STE1", from opening the store.
SELECT 1;
