-- Search across English and Spanish: the index gains a `stems` column holding the English
-- and Spanish Snowball stems of every word where they differ from the word (store/stems.rs,
-- SQL function briefbook_stems), so "chains" finds "chain" and "cooperacion" finds
-- "cooperation". A query word matches the word itself in `body` (exact, or as a prefix
-- while typing) or one of its stems in `body` or `stems`.
--
-- FTS5 cannot add a column, so the index is rebuilt from the tables, with the same rowids
-- (id * 4 + kind). Matches in `body` weigh twice those in `stems` (the rank setting).

DROP TRIGGER IF EXISTS entry_reindexed;
DROP TRIGGER IF EXISTS initiative_reindexed;
DROP TRIGGER IF EXISTS note_reindexed;
DROP TABLE search_index;

CREATE VIRTUAL TABLE search_index USING fts5 (
    body,
    stems,
    tokenize = 'unicode61 remove_diacritics 2',
    -- Search as you type asks for 1- and 2-letter prefixes; without these indexes FTS5
    -- walks every term that starts with them.
    prefix = '1 2'
);
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(2.0, 1.0)');

INSERT INTO search_index (rowid, body, stems)
SELECT id * 4, text || ' ' || coalesce(text_es, ''),
       briefbook_stems(text || ' ' || coalesce(text_es, ''))
FROM entry;
INSERT INTO search_index (rowid, body, stems)
SELECT id * 4 + 1, title || ' ' || coalesce(summary, '') || ' ' || coalesce(title_es, '')
       || ' ' || coalesce(summary_es, ''),
       briefbook_stems(title || ' ' || coalesce(summary, '') || ' ' || coalesce(title_es, '')
       || ' ' || coalesce(summary_es, ''))
FROM initiative;
INSERT INTO search_index (rowid, body, stems)
SELECT id * 4 + 2, text || ' ' || coalesce(text_es, ''),
       briefbook_stems(text || ' ' || coalesce(text_es, ''))
FROM note;

CREATE TRIGGER entry_reindexed AFTER UPDATE OF text, text_es ON entry BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
    INSERT INTO search_index (rowid, body, stems)
    VALUES (new.id * 4, new.text || ' ' || coalesce(new.text_es, ''),
            briefbook_stems(new.text || ' ' || coalesce(new.text_es, '')));
END;

CREATE TRIGGER initiative_reindexed AFTER UPDATE OF title, title_es, summary, summary_es ON initiative BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
    INSERT INTO search_index (rowid, body, stems)
    VALUES (new.id * 4 + 1, new.title || ' ' || coalesce(new.summary, '') || ' '
            || coalesce(new.title_es, '') || ' ' || coalesce(new.summary_es, ''),
            briefbook_stems(new.title || ' ' || coalesce(new.summary, '') || ' '
            || coalesce(new.title_es, '') || ' ' || coalesce(new.summary_es, '')));
END;

CREATE TRIGGER note_reindexed AFTER UPDATE OF text, text_es ON note BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
    INSERT INTO search_index (rowid, body, stems)
    VALUES (new.id * 4 + 2, new.text || ' ' || coalesce(new.text_es, ''),
            briefbook_stems(new.text || ' ' || coalesce(new.text_es, '')));
END;
