-- The dialogue record, its search index and its history.

CREATE TABLE source (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL CHECK (trim(title) <> ''),
    date      TEXT,             -- EntryDate as JSON
    publisher TEXT,
    text      TEXT NOT NULL,
    sha256    TEXT NOT NULL UNIQUE
);

CREATE TABLE dialogue (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (trim(name) <> ''),
    name_es    TEXT,
    short_name TEXT NOT NULL,
    parties    TEXT NOT NULL DEFAULT '[]',  -- JSON array of party codes
    launched   TEXT,                        -- EntryDate as JSON
    position   INTEGER NOT NULL
);

CREATE TABLE pillar (
    id          INTEGER PRIMARY KEY,
    dialogue_id INTEGER NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL CHECK (number > 0),
    title       TEXT NOT NULL CHECK (trim(title) <> ''),
    title_es    TEXT,
    UNIQUE (dialogue_id, number)
);
CREATE INDEX pillar_by_number ON pillar (number);

CREATE TABLE initiative (
    id         INTEGER PRIMARY KEY,
    pillar_id  INTEGER NOT NULL REFERENCES pillar (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL CHECK (trim(title) <> ''),
    title_es   TEXT,
    summary    TEXT,
    summary_es TEXT
);
CREATE INDEX initiative_by_pillar ON initiative (pillar_id, position);

CREATE TABLE agency (
    id      INTEGER PRIMARY KEY,
    key     TEXT NOT NULL UNIQUE,   -- acronym, or the name when there is none
    name    TEXT NOT NULL CHECK (trim(name) <> ''),
    name_es TEXT,
    acronym TEXT,
    country TEXT NOT NULL
);

CREATE TABLE entry (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
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
    line_end      INTEGER
);
CREATE INDEX entry_by_initiative ON entry (initiative_id, position);
CREATE INDEX entry_by_date ON entry (date_lower, date_upper);

CREATE TABLE entry_agency (
    entry_id  INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    agency_id INTEGER NOT NULL REFERENCES agency (id) ON DELETE RESTRICT,
    position  INTEGER NOT NULL,
    PRIMARY KEY (entry_id, agency_id)
) WITHOUT ROWID;
CREATE INDEX entry_agency_by_agency ON entry_agency (agency_id, entry_id);

CREATE TABLE note (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER REFERENCES initiative (id) ON DELETE CASCADE,
    entry_id      INTEGER REFERENCES entry (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    text          TEXT NOT NULL CHECK (trim(text) <> ''),
    text_es       TEXT,
    CHECK ((initiative_id IS NULL) <> (entry_id IS NULL))
);
CREATE INDEX note_by_initiative ON note (initiative_id);
CREATE INDEX note_by_entry ON note (entry_id);

CREATE TABLE history (
    id        INTEGER PRIMARY KEY,
    batch     INTEGER NOT NULL,     -- one user action or one import; undo reverts a batch
    at        TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    field     TEXT NOT NULL,        -- '*' for a row created or deleted
    old_value TEXT,
    new_value TEXT,
    origin    TEXT NOT NULL,        -- Origin as JSON
    context   TEXT NOT NULL,
    pillar    INTEGER,
    undone    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX history_by_batch ON history (batch);

-- One full-text index over entries, initiatives and notes. rowid = id * 4 + kind
-- (0 entry, 1 initiative, 2 note) so triggers can address a row without a lookup.
-- New rows are indexed in bulk at the end of each write (store/index.rs): an insert
-- trigger would make FTS5 flush its pending data on every statement, 5x slower.
CREATE VIRTUAL TABLE search_index USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    -- Search as you type asks for 1- and 2-letter prefixes; without these indexes FTS5
    -- walks every term that starts with them.
    prefix = '1 2'
);

CREATE TRIGGER entry_reindexed AFTER UPDATE OF text, text_es ON entry BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
    INSERT INTO search_index (rowid, body)
    VALUES (new.id * 4, new.text || ' ' || coalesce(new.text_es, ''));
END;
CREATE TRIGGER entry_unindexed AFTER DELETE ON entry BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
END;

CREATE TRIGGER initiative_reindexed AFTER UPDATE OF title, title_es, summary, summary_es ON initiative BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
    INSERT INTO search_index (rowid, body)
    VALUES (new.id * 4 + 1, new.title || ' ' || coalesce(new.summary, '') || ' '
            || coalesce(new.title_es, '') || ' ' || coalesce(new.summary_es, ''));
END;
CREATE TRIGGER initiative_unindexed AFTER DELETE ON initiative BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
END;

CREATE TRIGGER note_reindexed AFTER UPDATE OF text, text_es ON note BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
    INSERT INTO search_index (rowid, body)
    VALUES (new.id * 4 + 2, new.text || ' ' || coalesce(new.text_es, ''));
END;
CREATE TRIGGER note_unindexed AFTER DELETE ON note BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
END;

-- Saved packet definitions and the renders made from them.
CREATE TABLE packet_spec (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
    spec TEXT NOT NULL              -- PacketSpec as JSON
);

CREATE TABLE packet_render (
    id      INTEGER PRIMARY KEY,
    spec_id INTEGER REFERENCES packet_spec (id) ON DELETE SET NULL,
    spec    TEXT NOT NULL,          -- the spec as rendered, JSON
    at      TEXT NOT NULL,
    path    TEXT NOT NULL,
    sha256  TEXT NOT NULL,
    pages   INTEGER NOT NULL
);
