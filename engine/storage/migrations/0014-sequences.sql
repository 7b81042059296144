-- Sequences (issue 12): a customer's enrolments, each with when it began and when it ended, and
-- which runs each one started, so that leaving a sequence cancels exactly that enrolment's
-- waiting runs, and a run that wakes after its enrolment ended is cancelled, not continued.
-- customers.sequences (0011) keeps the names the customer is in now; this keeps the history.
CREATE TABLE sequence_enrolments (
  id            TEXT PRIMARY KEY,
  customer_id   TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  sequence      TEXT NOT NULL,          -- the name as the enrolling step gave it
  sequence_key  TEXT NOT NULL,          -- the name folded (NFC, trimmed, lower case) for matching
  order_id      TEXT,                   -- the order whose run enrolled them
  enrolled_at   TEXT NOT NULL,
  enrolled_by   TEXT,                   -- the run that enrolled them
  left_at       TEXT,
  left_by       TEXT                    -- the run that took them out
);
-- One open enrolment per customer and sequence: enrolling again while in it does nothing.
CREATE UNIQUE INDEX sequence_enrolments_open ON sequence_enrolments (customer_id, sequence_key) WHERE left_at IS NULL;
CREATE INDEX sequence_enrolments_customer ON sequence_enrolments (customer_id, enrolled_at);
CREATE INDEX sequence_enrolments_key ON sequence_enrolments (sequence_key) WHERE left_at IS NULL;

CREATE TABLE sequence_runs (
  run_id        TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
  enrolment_id  TEXT NOT NULL REFERENCES sequence_enrolments (id) ON DELETE CASCADE
);
CREATE INDEX sequence_runs_enrolment ON sequence_runs (enrolment_id);
