-- Meetings of a dialogue (what a briefing book is prepared for) with their parts, and an
-- answer on notes (an "if raised" question and the answer to give).
--
-- Every part hangs off its meeting with ON DELETE CASCADE, so removing a meeting removes
-- it whole; `position` keeps the order the person gave. Dates are EntryDate JSON (like
-- dialogue.launched); `date_lower` / `date_time` order meetings earliest first.

CREATE TABLE meeting (
    id               INTEGER PRIMARY KEY,
    dialogue_id      INTEGER NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,
    title            TEXT NOT NULL CHECK (trim(title) <> ''),
    title_es         TEXT,
    date             TEXT NOT NULL,      -- EntryDate as JSON
    -- First day of the date (ISO) and, for a date-time, its instant (UTC when the offset
    -- is known), for ordering.
    date_lower       TEXT NOT NULL,
    date_time        TEXT,
    place            TEXT,
    kind             TEXT NOT NULL,
    our_delegation   TEXT,
    their_delegation TEXT,
    scope_note       TEXT,
    scope_note_es    TEXT
);
CREATE INDEX meeting_by_dialogue ON meeting (dialogue_id, date_lower, date_time);

CREATE TABLE meeting_objective (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL CHECK (trim(text) <> ''),
    text_es     TEXT,
    initiatives TEXT NOT NULL DEFAULT '[]'   -- JSON array of initiative titles
);
CREATE INDEX meeting_objective_by_meeting ON meeting_objective (meeting_id, position);

CREATE TABLE agenda_item (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    starts      TEXT,                        -- EntryDate as JSON
    ends        TEXT,                        -- EntryDate as JSON
    item        TEXT NOT NULL CHECK (trim(item) <> ''),
    item_es     TEXT,
    place       TEXT,
    lead        TEXT,
    pillars     TEXT NOT NULL DEFAULT '[]',  -- JSON array of pillar numbers
    initiatives TEXT NOT NULL DEFAULT '[]'   -- JSON array of initiative titles
);
CREATE INDEX agenda_item_by_meeting ON agenda_item (meeting_id, position);

CREATE TABLE participant (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL CHECK (trim(name) <> ''),
    title        TEXT,
    organisation TEXT,
    side         TEXT NOT NULL CHECK (side IN ('ours', 'theirs')),
    role         TEXT,
    bio          TEXT,
    bio_es       TEXT
);
CREATE INDEX participant_by_meeting ON participant (meeting_id, position);

CREATE TABLE press_line (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL CHECK (trim(text) <> ''),
    text_es    TEXT,
    answer     TEXT,
    answer_es  TEXT
);
CREATE INDEX press_line_by_meeting ON press_line (meeting_id, position);

-- Points to make, if raised and background on the meeting as a whole. Kept apart from
-- `note` (whose rows sit on an initiative or an entry, and which the search index covers).
CREATE TABLE meeting_note (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    text       TEXT NOT NULL CHECK (trim(text) <> ''),
    text_es    TEXT,
    answer     TEXT,
    answer_es  TEXT
);
CREATE INDEX meeting_note_by_meeting ON meeting_note (meeting_id, position);

-- The drafted / cleared block: at most one per meeting.
CREATE TABLE clearance (
    meeting_id INTEGER PRIMARY KEY REFERENCES meeting (id) ON DELETE CASCADE,
    drafted_by TEXT,
    office     TEXT,
    drafted_on TEXT,
    cleared_by TEXT NOT NULL DEFAULT '[]'    -- JSON array of names
);

ALTER TABLE note ADD COLUMN answer TEXT;
ALTER TABLE note ADD COLUMN answer_es TEXT;
