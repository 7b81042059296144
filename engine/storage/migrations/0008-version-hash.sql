-- Each flow version keeps the sha256 of its document's canonical JSON (keys sorted), so that
-- saving an unchanged document makes no new version and the history can show which versions
-- are the same. SQLite cannot compute it: versions saved before this migration get theirs from
-- the engine the first time they are read (flows-repo.setHash), and NULL means "not yet".
ALTER TABLE flow_versions ADD COLUMN hash TEXT;
