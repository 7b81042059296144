import { describe, expect, it } from 'vitest';
import type { TaskDto } from '../../engine/contract/index.ts';
import { fromLocalInput, isOverdue, replaceTask, sortTasks, taskCounts, toLocalInput } from './task-view.ts';

function task(id: string, over: Partial<TaskDto> = {}): TaskDto {
  return {
    id, orderId: 'ord_1', orderNumber: '#1', title: id, notes: '', assignee: null, dueAt: null, done: false, doneAt: null,
    flowId: null, flowName: null, runId: null, createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z', ...over,
  };
}
const NOW = Date.parse('2026-12-10T12:00:00.000Z');

describe('the order page’s task list', () => {
  it('shows open tasks first, soonest due first, no due date after; then done ones, latest done first', () => {
    const tasks = [
      task('done-early', { done: true, doneAt: '2026-12-02T00:00:00.000Z' }),
      task('no-due'),
      task('later', { dueAt: '2026-12-20T00:00:00.000Z' }),
      task('done-late', { done: true, doneAt: '2026-12-05T00:00:00.000Z' }),
      task('overdue', { dueAt: '2026-12-01T00:00:00.000Z' }),
    ];
    expect(sortTasks(tasks).map((t) => t.id)).toEqual(['overdue', 'later', 'no-due', 'done-late', 'done-early']);
  });

  it('counts a task overdue when it is open and its due time has passed', () => {
    expect(isOverdue(task('a', { dueAt: '2026-12-10T11:59:00.000Z' }), NOW)).toBe(true);
    expect(isOverdue(task('a', { dueAt: '2026-12-10T12:01:00.000Z' }), NOW)).toBe(false);
    expect(isOverdue(task('a', { dueAt: '2026-12-01T00:00:00.000Z', done: true, doneAt: '2026-12-02T00:00:00.000Z' }), NOW)).toBe(false);
    expect(isOverdue(task('a'), NOW)).toBe(false);
    expect(taskCounts([task('a', { dueAt: '2026-12-01T00:00:00.000Z' }), task('b'), task('c', { done: true, doneAt: '2026-12-02T00:00:00.000Z' })], NOW)).toEqual({ open: 2, overdue: 1 });
  });

  it('reads and writes a datetime-local field in local time, empty meaning no due date', () => {
    const iso = fromLocalInput('2026-12-24T17:00');
    expect(iso).toBe(new Date(2026, 11, 24, 17, 0).toISOString());
    expect(toLocalInput(iso)).toBe('2026-12-24T17:00');
    expect(fromLocalInput('')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });

  it('puts a changed task back in its place, and drops a deleted one', () => {
    const tasks = sortTasks([task('a', { dueAt: '2026-12-01T00:00:00.000Z' }), task('b')]);
    expect(replaceTask(tasks, 'a', { ...tasks[0]!, done: true, doneAt: '2026-12-10T00:00:00.000Z' }).map((t) => t.id)).toEqual(['b', 'a']);
    expect(replaceTask(tasks, 'a', null).map((t) => t.id)).toEqual(['b']);
  });
});
