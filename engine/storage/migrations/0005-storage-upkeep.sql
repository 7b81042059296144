-- Storage that looks after itself: user settings (retention, size budget) and the record of
-- a raw body removed by retention (the delivery's metadata, verdict and timeline stay).
CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
ALTER TABLE inbox ADD COLUMN body_pruned_at TEXT;
CREATE INDEX inbox_received ON inbox (received_at);
CREATE INDEX runs_finished ON runs (finished_at);
