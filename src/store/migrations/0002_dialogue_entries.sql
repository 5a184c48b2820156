-- Dialogue-level entries ("General"): statements that belong to no pillar. An entry now
-- sits either in an initiative or directly in a dialogue, never both.
--
-- SQLite cannot drop NOT NULL in place, so the entry table is rebuilt. This runs inside
-- the migration transaction, where foreign keys stay on: dropping the old entry table
-- while note and entry_agency still reference it would cascade-delete them. So the two
-- child tables are rebuilt first to reference the new table, the old one is dropped once
-- nothing references it, and the new one takes its name (which rewrites the children's
-- references back to "entry"). Row ids are kept, so the search index stays valid.

CREATE TABLE entry_new (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER REFERENCES initiative (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    text          TEXT NOT NULL CHECK (trim(text) <> ''),
    text_es       TEXT,
    status        TEXT NOT NULL,
    status_phrase TEXT,
    date_edtf     TEXT,
    date_text     TEXT,
    cadence       TEXT,
    -- Bounds of date_edtf as ISO days, open ends at 0000-01-01 / 9999-12-31; NULL when undated.
    date_lower    TEXT,
    date_upper    TEXT,
    other_dates   TEXT NOT NULL DEFAULT '[]',  -- JSON array of EntryDate
    source_id     INTEGER REFERENCES source (id) ON DELETE SET NULL,
    source_title  TEXT,
    line          INTEGER,
    line_end      INTEGER,
    -- Set only for a dialogue-level entry (initiative_id NULL).
    dialogue_id   INTEGER REFERENCES dialogue (id) ON DELETE CASCADE,
    CHECK ((initiative_id IS NULL) <> (dialogue_id IS NULL))
);
INSERT INTO entry_new (id, initiative_id, position, kind, text, text_es, status, status_phrase,
                       date_edtf, date_text, cadence, date_lower, date_upper, other_dates,
                       source_id, source_title, line, line_end, dialogue_id)
SELECT id, initiative_id, position, kind, text, text_es, status, status_phrase,
       date_edtf, date_text, cadence, date_lower, date_upper, other_dates,
       source_id, source_title, line, line_end, NULL
FROM entry;

CREATE TABLE entry_agency_new (
    entry_id  INTEGER NOT NULL REFERENCES entry_new (id) ON DELETE CASCADE,
    agency_id INTEGER NOT NULL REFERENCES agency (id) ON DELETE RESTRICT,
    position  INTEGER NOT NULL,
    PRIMARY KEY (entry_id, agency_id)
) WITHOUT ROWID;
INSERT INTO entry_agency_new (entry_id, agency_id, position)
SELECT entry_id, agency_id, position FROM entry_agency;
-- Nothing references entry_agency; dropping it deletes only its own rows.
DROP TABLE entry_agency;
ALTER TABLE entry_agency_new RENAME TO entry_agency;

CREATE TABLE note_new (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER REFERENCES initiative (id) ON DELETE CASCADE,
    entry_id      INTEGER REFERENCES entry_new (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    text          TEXT NOT NULL CHECK (trim(text) <> ''),
    text_es       TEXT,
    CHECK ((initiative_id IS NULL) <> (entry_id IS NULL))
);
INSERT INTO note_new (id, initiative_id, entry_id, position, kind, text, text_es)
SELECT id, initiative_id, entry_id, position, kind, text, text_es FROM note;
-- The implicit delete of DROP TABLE fires no trigger, so the notes stay indexed.
DROP TABLE note;
ALTER TABLE note_new RENAME TO note;

-- Nothing references the old entry table any more.
DROP TABLE entry;
ALTER TABLE entry_new RENAME TO entry;

-- The dropped tables took their indexes and triggers with them.
CREATE INDEX entry_by_initiative ON entry (initiative_id, position);
CREATE INDEX entry_by_dialogue ON entry (dialogue_id, position) WHERE dialogue_id IS NOT NULL;
CREATE INDEX entry_by_date ON entry (date_lower, date_upper);
CREATE INDEX entry_agency_by_agency ON entry_agency (agency_id, entry_id);
CREATE INDEX note_by_initiative ON note (initiative_id);
CREATE INDEX note_by_entry ON note (entry_id);

CREATE TRIGGER entry_reindexed AFTER UPDATE OF text, text_es ON entry BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
    INSERT INTO search_index (rowid, body)
    VALUES (new.id * 4, new.text || ' ' || coalesce(new.text_es, ''));
END;
CREATE TRIGGER entry_unindexed AFTER DELETE ON entry BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
END;
CREATE TRIGGER note_reindexed AFTER UPDATE OF text, text_es ON note BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
    INSERT INTO search_index (rowid, body)
    VALUES (new.id * 4 + 2, new.text || ' ' || coalesce(new.text_es, ''));
END;
CREATE TRIGGER note_unindexed AFTER DELETE ON note BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
END;
