import type { TFunction } from 'i18next';
import type { TimelineDataOf, TimelineEntryDto } from '../../engine/contract/index.ts';
import { formatTime, humanize } from '../app/format.ts';
import { intentWords } from '../flow-editor/runs/intent-view.ts';
import { customerFieldSentence, sequenceSentence } from './customer-action-sentences.ts';
import { waitReasonWords } from '../flow-editor/runs/wait-reason-words.ts';
import { echoSentence, fetchedDeliverySentence, writeBackSentence } from './write-back-sentences.ts';
import { fulfillmentSentence } from './fulfillment-sentences.ts';
import { inventorySentence, processAtStoreSentence, returnSentence } from './marketplace-sentences.ts';

/** How a time is written in a sentence: `formatTime` in the app, something fixed in tests. */
export type FormatTime = (iso: string) => string;

/** Words for one entry: `t` is the orders namespace's; node and intent words come from `editor` and `runs`. */
interface Words {
  t: TFunction;
  time: FormatTime;
}

const list = (items: readonly string[]) => items.join(', ');
const present = (value: string | null | undefined): value is string => typeof value === 'string' && value !== '';
/** A context suffix (`key_why`) when the value is there, the plain key when not. */
const when = (value: unknown, context: string) => (value === null || value === undefined || value === '' ? undefined : context);

/** A step's name: the one given on the canvas, else its node type's (translated when there is a translation). */
export function stepName(t: TFunction, data: Pick<TimelineDataOf<'step'>, 'label' | 'nodeType' | 'typeLabel'>): string {
  if (present(data.label)) return data.label;
  const fallback = data.typeLabel ?? humanize(data.nodeType.slice(data.nodeType.lastIndexOf('.') + 1));
  return t(`nodeTypes.${data.nodeType}.label`, { ns: 'editor', defaultValue: fallback, skipInterpolation: true });
}

function orderCreated({ t }: Words, d: TimelineDataOf<'order_created'>): string | null {
  const statuses = [
    d.financialStatus ? t(`financial.${d.financialStatus}`) : null,
    d.fulfillmentStatus ? t(`fulfillmentStatus.${d.fulfillmentStatus}`) : null,
    d.deliveryStatus ? t(`deliveryStatus.${d.deliveryStatus}`) : null,
  ].filter(present);
  const joined = statuses.join(' · ');
  if (present(d.number)) return t('timeline.say.orderCreated', { number: d.number, statuses: joined, context: when(joined, 'statuses') });
  return joined ? t('timeline.say.orderStatuses', { statuses: joined }) : null;
}

function run({ t, time }: Words, d: TimelineDataOf<'run'>): string {
  const flow = d.flowName ?? d.flowId ?? '?';
  switch (d.status) {
    case 'running':
      return t('timeline.say.run.running', { flow, version: d.flowVersion, context: when(d.flowVersion, 'version') });
    case 'waiting': {
      // A provider's "not now" (quota, night hours, rate limit) says why; a wait step's run does not need to.
      const why = d.wait ? waitReasonWords(t, d.wait) : null;
      return t('timeline.say.run.waiting', { flow, time: d.dueAt ? time(d.dueAt) : '?', why, context: when(why, 'why') });
    }
    case 'failed': {
      // The cause is said once, on the failed step's own entry just above: here, which step.
      if (d.failedStep) return t('timeline.say.run.failed_at', { flow, step: stepName(t, d.failedStep) });
      const why = d.error ?? d.reason;
      return t('timeline.say.run.failed', { flow, why, context: when(why, 'why') });
    }
    case 'skipped':
    case 'cancelled': {
      // The engine's reason in the user's words where it gave a code; its English otherwise.
      const why = d.reasonCode ? t(`timeline.reason.${d.reasonCode}`, { ...d.reasonArgs, defaultValue: d.reason ?? '' }) : d.reason;
      return t(`timeline.say.run.${d.status}`, { flow, why, context: when(why, 'why') });
    }
    case 'queued':
    case 'succeeded':
      return t(`timeline.say.run.${d.status}`, { flow });
  }
}

function step({ t, time }: Words, d: TimelineDataOf<'step'>): string {
  const name = stepName(t, d);
  if (d.wouldDo && d.wouldDo.length > 0) {
    // Lower-cased to sit in the middle of a sentence ("would do: add order tag, send an HTTP request").
    const intents = d.wouldDo.map((kind) => {
      const words = intentWords(t, kind);
      return words.charAt(0).toLocaleLowerCase() + words.slice(1);
    });
    return t('timeline.say.step.wouldDo', { step: name, intents: list(intents) });
  }
  switch (d.status) {
    case 'done': {
      const port = d.port && d.port !== 'out' ? t(`ports.${d.port}`, { ns: 'editor', defaultValue: d.port }) : null;
      // "Send SMS: sent to 0912345678": to whom a message (or a request) went.
      const targets = (d.did ?? []).map((x) => x.to).filter(present);
      if (targets.length > 0) return t('timeline.say.step.sentTo', { step: name, to: list(targets) });
      return t('timeline.say.step.done', { step: name, port, context: when(port, 'port') });
    }
    case 'waiting':
      return t('timeline.say.step.waiting', { step: name, time: d.dueAt ? time(d.dueAt) : '?' });
    case 'skipped':
    case 'failed': {
      // A skip the engine names by code is said in the user's words; a failure keeps the words
      // of whoever failed (a provider's answer, a template's problem with its position).
      const why = stepReasonText(t, d);
      return t(`timeline.say.step.${d.status}`, { step: name, why, context: when(why, 'why') });
    }
  }
}

/**
 * A template that failed in a step's field, in the user's words: the field by its translated
 * title ("Nội dung"), the problem by its kind with its place; a runtime failure keeps the
 * engine's words (a filter's own message).
 */
type StepReasonFacts = Pick<TimelineDataOf<'step'>, 'nodeType' | 'reason' | 'reasonCode' | 'reasonArgs'>;

/**
 * Why a step was skipped or failed, in the user's language when the engine gave a code (a skip,
 * a template failure), else in the words of whoever failed. The timeline and the run view say it
 * the same way (`t` is the orders namespace's).
 */
export function stepReasonText(t: TFunction, d: StepReasonFacts): string | null | undefined {
  if (!d.reasonCode) return d.reason;
  const args = d.reasonCode === 'template_failed' ? templateFailure(t, d) : d.reasonArgs;
  return t(`timeline.stepReason.${d.reasonCode}`, { ...args, defaultValue: d.reason ?? '' });
}

function templateFailure(t: TFunction, d: StepReasonFacts): Record<string, string> {
  const a = d.reasonArgs ?? {};
  const fieldName = t(`nodeTypes.${d.nodeType}.params.${a['field'] ?? ''}.title`, { ns: 'editor', defaultValue: a['fieldTitle'] ?? a['field'] ?? '', skipInterpolation: true });
  const problem = a['problem'] ?? 'runtime';
  const problemWords = problem === 'runtime' || !a['line']
    ? (a['message'] ?? '')
    : t(`timeline.templateProblem.${problem}`, { token: a['token'] ?? '', line: a['line'], col: a['col'] ?? '', defaultValue: a['message'] ?? '' });
  return { ...a, fieldName, problemWords };
}

function tagAdded({ t }: Words, d: TimelineDataOf<'tag_added'>): string {
  if (d.added.length === 0) return t(`timeline.say.tag.${d.target}Had`, { tags: list(d.tags), count: d.tags.length });
  return t(`timeline.say.tag.${d.target}`, { tags: list(d.added), count: d.added.length, flow: d.flowName, context: when(d.flowName, 'by') });
}

/** "Task “Call back” created — for Lan, due 24 Dec 17:00, by flow “Calls”": each detail only when there is one. */
function taskCreated({ t, time }: Words, d: TimelineDataOf<'task_created'>): string {
  const details = [
    present(d.assignee) ? t('timeline.say.task.for', { who: d.assignee }) : null,
    present(d.dueAt) ? t('timeline.say.task.due', { time: time(d.dueAt) }) : null,
    present(d.flowName) ? t('timeline.say.task.by', { flow: d.flowName }) : null,
  ].filter(present);
  const said = t('timeline.say.task.created', { title: d.title });
  return details.length > 0 ? `${said} — ${details.join(', ')}` : said;
}

/**
 * One line saying what happened, in the user's language, from the entry's facts. Null when
 * the facts the timeline draws say it all (a status change's changes, a delivery's topic and
 * signature). An entry written before entries were typed says its English title.
 */
export function timelineSentence(entry: TimelineEntryDto, t: TFunction, time: FormatTime = formatTime): string | null {
  const d = entry.data?.kind === entry.kind ? entry.data : null;
  if (!d) return entry.legacyTitle;
  const words: Words = { t, time };
  switch (d.kind) {
    case 'delivery':
      if (d.source) return fetchedDeliverySentence(t, d);
      return present(d.connectionName) ? t('timeline.say.delivery', { connection: d.connectionName }) : null;
    case 'order_created':
      return orderCreated(words, d);
    case 'status_change':
      return null;
    case 'stale_delivery':
      return t('timeline.say.stale', { incoming: time(d.incomingUpdatedAt), stored: time(d.storedUpdatedAt) });
    case 'customer':
      return t(`timeline.say.customer.${d.change}`, { who: d.who, context: when(d.who, 'who') });
    case 'run':
      return run(words, d);
    case 'step':
      return step(words, d);
    case 'tag_added':
      return tagAdded(words, d);
    case 'note':
      return d.text ?? entry.legacyTitle;
    case 'task_created':
      return taskCreated(words, d);
    case 'task_done':
      return t(`timeline.say.task.${d.done ? 'done' : 'reopened'}`, { title: d.title });
    case 'customer_field':
      return customerFieldSentence(t, time, d);
    case 'sequence':
      return sequenceSentence(t, d);
    case 'write_back':
      return writeBackSentence(t, d);
    case 'echo':
      return echoSentence(t, d);
    case 'fulfillment':
      return fulfillmentSentence(t, d);
    case 'inventory':
      return inventorySentence(t, d);
    case 'return':
      return returnSentence(t, d);
    case 'process_at_store':
      return processAtStoreSentence(t, d);
  }
}
