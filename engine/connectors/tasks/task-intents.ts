import type { Repositories } from '../../storage/repositories.ts';
import type { Timeline } from '../../domain/timeline.ts';
import { createTaskService } from '../../domain/tasks.ts';
import { defineIntentHandler, type IntentHandler } from '../../nodes/intents.ts';

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** A task on the order's task list, its fields rendered; `dueAt` an ISO time or null. */
    'task.create': { orderId: string; title: string; notes: string; assignee: string | null; dueAt: string | null };
  }
}

/**
 * The in-app task list: a task is made in the transaction that records its step, keyed by the
 * step's idempotency key, so a step run again (a retried job, a restart) finds the task it made.
 */
export function taskIntentHandlers(repos: Repositories, timeline: Timeline): IntentHandler[] {
  const tasks = createTaskService({ repos, timeline });
  return [
    defineIntentHandler({
      kind: 'task.create',
      mode: 'local',
      describe: (i) => ({
        title: i.title,
        ...(i.assignee ? { assignee: i.assignee } : {}),
        ...(i.dueAt ? { due: i.dueAt } : {}),
        ...(i.notes ? { notes: i.notes } : {}),
      }),
      apply(intent, ctx) {
        const { orderId, ...fields } = intent;
        const { task, created, entries } = tasks.createFromStep(
          { orderId, title: fields.title, notes: fields.notes, assignee: fields.assignee, dueAt: fields.dueAt },
          { stepKey: ctx.idempotencyKey, flowId: ctx.flowId, flowName: ctx.flowName, runId: ctx.runId, atMs: ctx.atMs },
        );
        return { result: { taskId: task.id, ...(created ? {} : { note: 'the step had made this task already' }) }, entries };
      },
    }),
  ];
}
