import { createTrelloCardSpec } from '../../contract/index.ts';
import { defineNodeType } from '../node-type.ts';
import { notADate, readDue } from './due.ts';

/** Trello takes a card name of at most 16384 characters. */
const TRELLO_MAX_TEXT = 16_384;

/** Renders the card; the Trello connector creates it (connectors/trello/). A name that renders empty skips. */
export const createTrelloCardNode = defineNodeType(createTrelloCardSpec, async ({ params, render, nowMs }) => {
  const name = (await render(params.name)).trim();
  if (name === '') return { status: 'skipped', port: 'out', reason: 'the card name rendered empty', code: 'task_title_empty', input: { template: params.name } };
  if (name.length > TRELLO_MAX_TEXT) throw new Error(`the card name is ${name.length} characters long; Trello takes at most ${TRELLO_MAX_TEXT}`);
  const desc = (await render(params.desc)).trim();
  if (desc.length > TRELLO_MAX_TEXT) throw new Error(`the description is ${desc.length} characters long; Trello takes at most ${TRELLO_MAX_TEXT}`);
  const dueText = await render(params.due);
  const due = readDue(dueText, nowMs, params.timeZone);
  const labels = params.labels === '' ? [] : params.labels.split(/\s*,\s*/);
  const input = { listId: params.listId, name, due: dueText.trim() || null };
  if (due.kind === 'bad') return notADate(due.text, input);
  const dueAt = due.kind === 'at' ? new Date(due.ms).toISOString() : null;
  return {
    status: 'done',
    port: 'out',
    input,
    output: { listId: params.listId, name, dueAt },
    intents: [{ kind: 'trello.createCard', account: params.account, listId: params.listId, name, desc, dueAt, labels }],
  };
});
