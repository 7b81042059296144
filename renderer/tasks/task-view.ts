import type { TaskDto } from '../../engine/contract/index.ts';

const time = (iso: string | null) => (iso === null ? Number.NaN : Date.parse(iso));

/** Open and past its due time. */
export function isOverdue(task: TaskDto, nowMs: number): boolean {
  return !task.done && task.dueAt !== null && time(task.dueAt) < nowMs;
}

/**
 * The order the panel shows (the engine's `tasks.forOrder` order, kept after a change made
 * here): open tasks first, soonest due first, those with no due date after; then done ones,
 * latest done first.
 */
export function sortTasks(tasks: readonly TaskDto[]): TaskDto[] {
  return [...tasks].sort((a, b) => {
    if (a.done !== b.done) return a.done ? 1 : -1;
    if (a.done) return time(b.doneAt) - time(a.doneAt) || a.createdAt.localeCompare(b.createdAt);
    if ((a.dueAt === null) !== (b.dueAt === null)) return a.dueAt === null ? 1 : -1;
    return (a.dueAt === null ? 0 : time(a.dueAt) - time(b.dueAt)) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  });
}

export function taskCounts(tasks: readonly TaskDto[], nowMs: number): { open: number; overdue: number } {
  return { open: tasks.filter((t) => !t.done).length, overdue: tasks.filter((t) => isOverdue(t, nowMs)).length };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `datetime-local` input shows it: the local wall clock, to the minute. */
export function toLocalInput(iso: string | null): string {
  if (iso === null) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** What a `datetime-local` input holds, as an instant; empty (or unreadable) is no due date. */
export function fromLocalInput(value: string): string | null {
  if (value.trim() === '') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A task replaced by its newer copy (from the engine's answer), or dropped when gone. */
export function replaceTask(tasks: readonly TaskDto[], id: string, next: TaskDto | null): TaskDto[] {
  return sortTasks(next === null ? tasks.filter((t) => t.id !== id) : tasks.map((t) => (t.id === id ? next : t)));
}
