/** What the panel says it will run on, as an i18n key (in manual-run's `bulk`) and its values. */
export interface BulkScope {
  key: 'scopePending' | 'scopeNone' | 'scopeCapped' | 'scopeSearch' | 'scopeAll';
  values: { count?: number; query?: string };
}

/**
 * The orders a run would start on are the ones the list shows. While the search is typed or
 * the list loads, that is about to change; a full list may leave out orders the search finds.
 */
export function bulkScope(a: { pending: boolean; count: number; capped: boolean; query: string }): BulkScope {
  if (a.pending) return { key: 'scopePending', values: {} };
  if (a.count === 0) return { key: 'scopeNone', values: {} };
  if (a.capped) return { key: 'scopeCapped', values: { count: a.count } };
  if (a.query) return { key: 'scopeSearch', values: { count: a.count, query: a.query } };
  return { key: 'scopeAll', values: { count: a.count } };
}
