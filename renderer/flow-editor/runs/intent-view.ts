import type { TFunction } from 'i18next';

/** An intent kind in words ("order.addTags" → "Add order tag"); a kind with no words yet shows as it is. */
export function intentWords(t: TFunction, kind: string): string {
  return t(`intent.kind.${kind}`, { ns: 'runs', defaultValue: kind });
}

/** One of an intent's inputs as the run view lists it. */
export interface IntentArgRow {
  key: string;
  /** `time`: an ISO time (a wait's `until`); `json`: an object, shown as JSON; `none`: null or missing. */
  shape: 'text' | 'time' | 'json' | 'none';
  text: string;
}

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function row(key: string, value: unknown): IntentArgRow {
  if (value === null || value === undefined) return { key, shape: 'none', text: '' };
  if (typeof value === 'string') return { key, shape: isoTime.test(value) ? 'time' : 'text', text: value };
  if (typeof value === 'number' || typeof value === 'boolean') return { key, shape: 'text', text: String(value) };
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return { key, shape: 'text', text: value.join(', ') };
  }
  return { key, shape: 'json', text: JSON.stringify(value, null, 2) };
}

/** An intent's rendered inputs, in the order the connector described them. */
export function intentArgRows(args: Record<string, unknown>): IntentArgRow[] {
  return Object.entries(args).map(([key, value]) => row(key, value));
}
