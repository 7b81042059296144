-- The order page's task list: tasks a flow's "Create task" step made (who, by when, done).
-- `step_key` is the step's idempotency key (run, node): a step tried again finds its task
-- instead of making a second one. The run and flow are kept as plain ids (retention deletes
-- old runs; a task outlives them), with the flow's name as it was.
CREATE TABLE tasks (
  id          TEXT PRIMARY KEY,
  order_id    TEXT NOT NULL REFERENCES orders (id),
  step_key    TEXT,
  title       TEXT NOT NULL,
  notes       TEXT NOT NULL DEFAULT '',
  assignee    TEXT,
  due_at      TEXT,
  due_ms      INTEGER,
  done_at     TEXT,
  flow_id     TEXT,
  flow_name   TEXT,
  run_id      TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX tasks_step_key ON tasks (step_key) WHERE step_key IS NOT NULL;
CREATE INDEX tasks_by_order ON tasks (order_id, created_at);
-- Open tasks across orders, soonest due first: the "open tasks" list reads only this.
CREATE INDEX tasks_open_by_due ON tasks (due_ms) WHERE done_at IS NULL;
