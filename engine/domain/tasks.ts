import type { TaskDto, TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { TaskRow } from '../storage/repos/tasks-repo.ts';
import type { Timeline } from './timeline.ts';
import type { EventBus } from '../shared/event-bus.ts';
import { systemClock, type Clock } from '../shared/clock.ts';
import { newId } from '../shared/ids.ts';
import { notFound } from '../shared/errors.ts';

/** What a flow's "Create task" step asks for, rendered. */
export interface NewTask {
  orderId: string;
  title: string;
  notes: string;
  assignee: string | null;
  dueAt: string | null;
}

/** Who made it: the step (its idempotency key), the flow and run. */
export interface TaskOrigin {
  stepKey: string;
  flowId: string;
  flowName: string;
  runId: string;
  atMs: number;
}

const toDto = ({ stepKey: _key, ...t }: TaskRow): TaskDto => ({ ...t, done: t.doneAt !== null });

/**
 * The order page's tasks: made by flows (inside the step's transaction, once per step),
 * ticked off, reassigned or removed by people. Making one and ticking it off say so on the
 * order's timeline; the words are the editor's.
 */
export function createTaskService(d: { repos: Repositories; timeline: Timeline; bus?: EventBus; clock?: Clock }) {
  const clock = d.clock ?? systemClock;
  const { repos, timeline } = d;
  const load = (id: string): TaskRow => {
    const task = repos.tasks.get(id);
    if (!task) throw notFound('task', id);
    return task;
  };
  const emit = (entries: TimelineEntryDto[]) => {
    for (const e of entries) d.bus?.emit('timeline.appended', e);
  };

  return {
    /**
     * Makes the task a step asked for; call inside the step's transaction. A step tried again
     * (the same key) finds the task it made and writes nothing more.
     */
    createFromStep(t: NewTask, from: TaskOrigin): { task: TaskDto; created: boolean; entries: TimelineEntryDto[] } {
      const at = new Date(from.atMs).toISOString();
      const { task, created } = repos.tasks.insert({
        id: newId('tsk'),
        stepKey: from.stepKey,
        ...t,
        flowId: from.flowId,
        flowName: from.flowName,
        runId: from.runId,
        createdAt: at,
      });
      const entries = created
        ? [timeline.append(t.orderId, from.atMs, { kind: 'task_created', taskId: task.id, title: t.title, assignee: t.assignee, dueAt: t.dueAt, flowName: from.flowName }, { runId: from.runId })]
        : [];
      return { task: toDto(task), created, entries };
    },

    forOrder: (orderId: string): TaskDto[] => repos.tasks.forOrder(orderId).map(toDto),
    open: (limit: number): TaskDto[] => repos.tasks.open(limit).map(toDto),

    /** Ticks a task off or opens it again; asking for what it already is changes nothing. */
    setDone(id: string, done: boolean): TaskDto {
      const nowMs = clock.now();
      const at = new Date(nowMs).toISOString();
      const { task, entries } = repos.tx(() => {
        const before = load(id);
        if ((before.doneAt !== null) === done) return { task: before, entries: [] };
        repos.tasks.setDone(id, done ? at : null, at);
        const entry = timeline.append(before.orderId, nowMs, { kind: 'task_done', taskId: id, title: before.title, done });
        return { task: load(id), entries: [entry] };
      });
      emit(entries);
      return toDto(task);
    },

    update(id: string, change: { assignee?: string | null | undefined; dueAt?: string | null | undefined }): TaskDto {
      const at = new Date(clock.now()).toISOString();
      return toDto(
        repos.tx(() => {
          const before = load(id);
          const assignee = change.assignee === undefined ? before.assignee : change.assignee === null || change.assignee === '' ? null : change.assignee;
          const dueAt = change.dueAt === undefined ? before.dueAt : change.dueAt === null ? null : new Date(change.dueAt).toISOString();
          repos.tasks.update(id, { assignee, dueAt }, at);
          return load(id);
        }),
      );
    },

    remove(id: string): { id: string } {
      if (!repos.tasks.remove(id)) throw notFound('task', id);
      return { id };
    },
  };
}
export type TaskService = ReturnType<typeof createTaskService>;
