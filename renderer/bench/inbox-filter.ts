import type { DeliveryFilter, InboxEntryDto, InboxVerdict, Platform } from '../../engine/contract/index.ts';

/** The Inbox's filter bar as the person left it: every field a string, '' for "any". */
export interface FilterForm {
  connectionId: string;
  platform: Platform | '';
  topic: string;
  verdict: InboxVerdict | '';
  duplicate: '' | 'only' | 'none';
  /** `<input type="datetime-local">` values, read in the person's time zone. */
  since: string;
  until: string;
  query: string;
}

export const emptyFilterForm: FilterForm = { connectionId: '', platform: '', topic: '', verdict: '', duplicate: '', since: '', until: '', query: '' };

/** A datetime-local value as the ISO instant it names here; '' or an unreadable value is no bound. */
function instant(local: string): string | undefined {
  if (!local) return undefined;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** What `inbox.search` (and the bulk replay, and the export) is asked for: only the fields set. */
export function toDeliveryFilter(form: FilterForm): DeliveryFilter {
  const f: DeliveryFilter = {};
  if (form.connectionId) f.connectionId = form.connectionId;
  if (form.platform) f.platform = form.platform;
  if (form.topic.trim()) f.topic = form.topic.trim();
  if (form.verdict) f.verdict = form.verdict;
  if (form.duplicate) f.duplicate = form.duplicate === 'only';
  if (form.query.trim()) f.query = form.query.trim();
  const since = instant(form.since);
  const until = instant(form.until);
  if (since) f.since = since;
  if (until) f.until = until;
  return f;
}

export function isFiltered(filter: DeliveryFilter): boolean {
  return Object.keys(filter).length > 0;
}

/**
 * Whether a delivery that just arrived belongs in the filtered list. Free text is the engine's to
 * match (topic, key, reason, outcome, order number): a new delivery is left out while a search is
 * typed, and shows when the list loads again.
 */
export function matchesFilter(row: InboxEntryDto, f: DeliveryFilter): boolean {
  if (f.query) return false;
  if (f.connectionId && row.connectionId !== f.connectionId) return false;
  if (f.platform && row.platform !== f.platform) return false;
  if (f.topic && row.topic !== f.topic) return false;
  if (f.verdict && row.verdict !== f.verdict) return false;
  if (f.duplicate !== undefined && (row.duplicateOf !== null || row.verdict === 'duplicate') !== f.duplicate) return false;
  const at = Date.parse(row.receivedAt);
  if (f.since && at < Date.parse(f.since)) return false;
  if (f.until && at >= Date.parse(f.until)) return false;
  return true;
}

/** A delivery recorded as a duplicate of an earlier one. */
export function isDuplicate(row: InboxEntryDto): boolean {
  return row.duplicateOf !== null || row.verdict === 'duplicate';
}
