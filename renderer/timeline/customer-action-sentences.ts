import type { TFunction } from 'i18next';
import type { TimelineDataOf } from '../../engine/contract/index.ts';

type FormatTime = (iso: string) => string;

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** "Customer field “hạng” set to vàng by flow “Rank”", or a built-in field by its name ("Zalo user id"). */
export function customerFieldSentence(t: TFunction, time: FormatTime, d: TimelineDataOf<'customer_field'>): string {
  const custom = d.field.startsWith('fields.');
  const field = custom ? d.field.slice('fields.'.length) : t(`timeline.customerField.${d.field}`, { defaultValue: d.field });
  const value = typeof d.value === 'boolean'
    ? t(`timeline.customerField.${d.value ? 'yes' : 'no'}`)
    : typeof d.value === 'string' && isoTime.test(d.value) ? time(d.value) : String(d.value ?? '');
  const what = d.value === null ? 'cleared' : 'set';
  const flow = d.flowName ?? null;
  return t(`timeline.say.customerField.${custom ? 'custom' : 'builtin'}.${what}`, { field, value, flow, context: flow ? 'by' : undefined });
}

/** "Enrolled in sequence “Chăm sóc”: 1 flow started" / "Left sequence “Chăm sóc”: 1 waiting run cancelled". */
export function sequenceSentence(t: TFunction, d: TimelineDataOf<'sequence'>): string {
  return t(`timeline.say.sequence.${d.change}`, { sequence: d.sequence, count: d.runs, flow: d.flowName ?? '' });
}
