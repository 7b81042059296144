import { createTaskSpec } from '../../contract/index.ts';
import { defineNodeType } from '../node-type.ts';
import { notADate, readDue } from './due.ts';

/**
 * Renders the task; the in-app connector puts it on the order's list (connectors/tasks/).
 * A task belongs to an order: a trigger with no stored order, or a title that renders empty,
 * skips the step with the reason.
 */
export const createTaskNode = defineNodeType(createTaskSpec, async ({ params, data, render, nowMs }) => {
  const orderId = data.order.id;
  if (!orderId) return { status: 'skipped', port: 'out', reason: 'the trigger has no stored order to put the task on', code: 'no_order', input: { title: params.title } };
  const title = (await render(params.title)).trim();
  if (title === '') return { status: 'skipped', port: 'out', reason: 'the task rendered empty', code: 'task_title_empty', input: { template: params.title } };
  const assignee = (await render(params.assignee)).trim() || null;
  const notes = (await render(params.notes)).trim();
  const dueText = await render(params.due);
  const due = readDue(dueText, nowMs, params.timeZone);
  const input = { title, assignee, due: dueText.trim() || null };
  if (due.kind === 'bad') return notADate(due.text, input);
  const dueAt = due.kind === 'at' ? new Date(due.ms).toISOString() : null;
  return {
    status: 'done',
    port: 'out',
    input,
    output: { title, assignee, dueAt },
    intents: [{ kind: 'task.create', orderId, title, notes, assignee, dueAt }],
  };
});
