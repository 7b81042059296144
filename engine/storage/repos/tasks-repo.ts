import type { Db } from '../database.ts';
import type { TaskDto } from '../../contract/index.ts';

/** A task as stored: the DTO less what is joined in (the order's number). */
export type TaskRow = Omit<TaskDto, 'orderNumber' | 'done'> & { orderNumber: string | null; stepKey: string | null };

export interface NewTaskRow {
  id: string;
  orderId: string;
  stepKey: string | null;
  title: string;
  notes: string;
  assignee: string | null;
  dueAt: string | null;
  flowId: string | null;
  flowName: string | null;
  runId: string | null;
  createdAt: string;
}

interface RawRow {
  id: string;
  order_id: string;
  order_number: string | null;
  step_key: string | null;
  title: string;
  notes: string;
  assignee: string | null;
  due_at: string | null;
  done_at: string | null;
  flow_id: string | null;
  flow_name: string | null;
  run_id: string | null;
  created_at: string;
  updated_at: string;
}

const toRow = (r: RawRow): TaskRow => ({
  id: r.id,
  orderId: r.order_id,
  orderNumber: r.order_number,
  stepKey: r.step_key,
  title: r.title,
  notes: r.notes,
  assignee: r.assignee,
  dueAt: r.due_at,
  doneAt: r.done_at,
  flowId: r.flow_id,
  flowName: r.flow_name,
  runId: r.run_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const dueMs = (iso: string | null) => (iso === null ? null : Date.parse(iso));
const select = 'SELECT t.*, o.number AS order_number FROM tasks t LEFT JOIN orders o ON o.id = t.order_id';

/** The order page's tasks. */
export function createTasksRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO tasks (id, order_id, step_key, title, notes, assignee, due_at, due_ms, flow_id, flow_name, run_id, created_at, updated_at)
    VALUES (@id, @orderId, @stepKey, @title, @notes, @assignee, @dueAt, @dueMs, @flowId, @flowName, @runId, @createdAt, @createdAt)
    ON CONFLICT (step_key) WHERE step_key IS NOT NULL DO NOTHING`);
  const byId = db.prepare(`${select} WHERE t.id = ?`);
  const byStepKey = db.prepare(`${select} WHERE t.step_key = ?`);
  // Open first, soonest due first (none last); then done, latest done first.
  const forOrder = db.prepare(`${select} WHERE t.order_id = ?
    ORDER BY t.done_at IS NOT NULL, CASE WHEN t.done_at IS NULL THEN t.due_ms IS NULL END, t.due_ms, t.done_at DESC, t.created_at, t.id`);
  const open = db.prepare(`${select} WHERE t.done_at IS NULL ORDER BY t.due_ms IS NULL, t.due_ms, t.created_at, t.id LIMIT ?`);
  const setDone = db.prepare('UPDATE tasks SET done_at = ?, updated_at = ? WHERE id = ?');
  const update = db.prepare('UPDATE tasks SET assignee = @assignee, due_at = @dueAt, due_ms = @dueMs, updated_at = @updatedAt WHERE id = @id');
  const remove = db.prepare('DELETE FROM tasks WHERE id = ?');

  const get = (id: string): TaskRow | undefined => {
    const r = byId.get(id) as RawRow | undefined;
    return r && toRow(r);
  };
  return {
    /** Inserts the task; a step that made one already (same key) gets that one back, and `created` false. */
    insert(t: NewTaskRow): { task: TaskRow; created: boolean } {
      const created = insert.run({ ...t, dueMs: dueMs(t.dueAt) }).changes === 1;
      const row = (t.stepKey !== null && !created ? byStepKey.get(t.stepKey) : byId.get(t.id)) as RawRow;
      return { task: toRow(row), created };
    },
    get,
    forOrder: (orderId: string): TaskRow[] => (forOrder.all(orderId) as RawRow[]).map(toRow),
    open: (limit: number): TaskRow[] => (open.all(limit) as RawRow[]).map(toRow),
    setDone(id: string, doneAt: string | null, at: string): void {
      setDone.run(doneAt, at, id);
    },
    update(id: string, fields: { assignee: string | null; dueAt: string | null }, at: string): void {
      update.run({ id, assignee: fields.assignee, dueAt: fields.dueAt, dueMs: dueMs(fields.dueAt), updatedAt: at });
    },
    remove: (id: string): boolean => remove.run(id).changes === 1,
  };
}
export type TasksRepo = ReturnType<typeof createTasksRepo>;
