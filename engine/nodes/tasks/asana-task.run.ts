import { createAsanaTaskSpec } from '../../contract/index.ts';
import { defineNodeType } from '../node-type.ts';
import { notADate, readDue } from './due.ts';

const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

/**
 * Renders the task; the Asana connector creates it (connectors/asana/). A name that renders
 * empty, or an assignee that is not an email, skips the step with the reason. A due day
 * ("in 2 days", "2026-12-24") goes as Asana's due_on, a due time ("in 4 hours") as due_at.
 */
export const createAsanaTaskNode = defineNodeType(createAsanaTaskSpec, async ({ params, render, nowMs }) => {
  const name = (await render(params.name)).trim();
  if (name === '') return { status: 'skipped', port: 'out', reason: 'the task name rendered empty', code: 'task_title_empty', input: { template: params.name } };
  const notes = (await render(params.notes)).trim();
  const assignee = (await render(params.assignee)).trim();
  const dueText = await render(params.due);
  const input = { [params.placeIn]: params.gid, name, assignee: assignee || null, due: dueText.trim() || null };
  if (assignee !== '' && !looksLikeEmail(assignee)) {
    return { status: 'skipped', port: 'out', reason: `"${assignee}" is not an email address`, code: 'bad_email', args: { address: assignee }, input };
  }
  const due = readDue(dueText, nowMs, params.timeZone);
  if (due.kind === 'bad') return notADate(due.text, input);
  const dueOn = due.kind === 'at' && due.dateOnly ? due.day : null;
  const dueAt = due.kind === 'at' && !due.dateOnly ? new Date(due.ms).toISOString() : null;
  return {
    status: 'done',
    port: 'out',
    input,
    output: { name, dueOn, dueAt },
    intents: [{ kind: 'asana.createTask', account: params.account, placeIn: params.placeIn, gid: params.gid, name, notes, dueOn, dueAt, assignee: assignee || null }],
  };
});
