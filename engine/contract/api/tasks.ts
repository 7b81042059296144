import { z } from 'zod';
import { method } from './method.ts';

/** A task on an order's task list: made by a flow's "Create task" step, ticked off on the order page. */
export const TaskDto = z.object({
  id: z.string(),
  orderId: z.string(),
  /** The order's number as the shop shows it (#1001), for lists across orders. */
  orderNumber: z.string().nullable(),
  title: z.string(),
  notes: z.string(),
  /** Who does it, as the flow or a person wrote it (a name); null: nobody yet. */
  assignee: z.string().nullable(),
  dueAt: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  /** The flow and run that made it; null for a flow since deleted. */
  flowId: z.string().nullable(),
  flowName: z.string().nullable(),
  runId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TaskDto = z.infer<typeof TaskDto>;

const TaskId = z.object({ id: z.string().min(1) });
const Instant = z.iso.datetime({ offset: true });

export const tasksApi = {
  /** An order's tasks: open ones first (soonest due first, no due date last), then done ones, latest done first. */
  'tasks.forOrder': method(z.object({ orderId: z.string().min(1) }), z.array(TaskDto)),
  /** Every open task of every order, overdue first (soonest due first), those with no due date last. */
  'tasks.open': method(z.object({ limit: z.number().int().min(1).max(1_000).default(200) }), z.array(TaskDto)),
  /** Ticks a task off (done) or opens it again; says so on the order's timeline. */
  'tasks.setDone': method(TaskId.extend({ done: z.boolean() }), TaskDto),
  /** Changes who does it or by when; a field left out stays, null clears it. */
  'tasks.update': method(
    TaskId.extend({
      assignee: z.string().trim().max(200).nullable().optional(),
      dueAt: Instant.nullable().optional(),
    }),
    TaskDto,
  ),
  'tasks.delete': method(TaskId, z.object({ id: z.string() })),
};
