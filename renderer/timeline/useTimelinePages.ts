import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { TimelineEntryDto, TimelineKind, TimelinePageDto } from '../../engine/contract/index.ts';
import { toApiError, type ApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { mergeTimeline } from './timeline-entry-view.ts';
import { groupOf, kindsOf, type TimelineGroupId } from './timeline-filter.ts';

/** Whose timeline: one order's, or all a customer's orders' joined. */
export type TimelineSource = { orderId: string } | { customerId: string; orderIds: readonly string[] };

export interface TimelinePages {
  /** Oldest first, the newest last (where live entries arrive). */
  entries: TimelineEntryDto[];
  counts: Partial<Record<TimelineKind, number>>;
  group: TimelineGroupId | null;
  setGroup: (group: TimelineGroupId | null) => void;
  /** Whether an older page is left, and how to load it. */
  hasOlder: boolean;
  loadOlder: () => void;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}

const pageSize = 100;

/**
 * A timeline read a page at a time from the newest entry, filtered by a group of kinds, and kept
 * live: `timeline.appended` adds the entries of this order (or customer's orders) that pass the
 * filter, and counts every one. Loads again when the link to the engine comes back.
 */
export function useTimelinePages(source: TimelineSource): TimelinePages {
  const client = useApiClient();
  const [group, setGroup] = useState<TimelineGroupId | null>(null);
  const [entries, setEntries] = useState<TimelineEntryDto[]>([]);
  const [counts, setCounts] = useState<Partial<Record<TimelineKind, number>>>({});
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, reload] = useReducer((n: number) => n + 1, 0);
  const orderId = 'orderId' in source ? source.orderId : null;
  const customerId = 'customerId' in source ? source.customerId : null;
  const orderIds = useRef<ReadonlySet<string>>(new Set());
  orderIds.current = new Set('orderIds' in source ? source.orderIds : [source.orderId]);
  const groupNow = useRef(group);
  groupNow.current = group;

  const fetchPage = useCallback(
    (before: string | null): Promise<TimelinePageDto> => {
      const filter = { ...(group ? { kinds: kindsOf(group) } : {}), ...(before ? { before } : {}), limit: pageSize };
      return customerId !== null
        ? client.call('timeline.forCustomer', { customerId, ...filter })
        : client.call('timeline.forOrder', { orderId: orderId!, ...filter });
    },
    [client, orderId, customerId, group],
  );

  useEffect(() => {
    let current = true;
    setLoading(true);
    fetchPage(null).then(
      (page) => {
        if (!current) return;
        // Entries that arrived live while it loaded are kept (the merge drops the doubles).
        setEntries((live) => mergeTimeline(page.entries, live.filter((e) => e.id > (page.entries.at(-1)?.id ?? 0))));
        setCounts(page.counts);
        setCursor(page.nextCursor);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(toApiError(e));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [fetchPage, generation]);

  const chooseGroup = useCallback((next: TimelineGroupId | null) => {
    setEntries([]);
    setCursor(null);
    setGroup(next);
  }, []);

  const loadOlder = useCallback(() => {
    if (!cursor) return;
    setLoading(true);
    fetchPage(cursor).then(
      (page) => {
        setEntries((now) => mergeTimeline(now, page.entries));
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (e: unknown) => {
        setError(toApiError(e));
        setLoading(false);
      },
    );
  }, [cursor, fetchPage]);

  useEffect(
    () =>
      client.subscribe('timeline.appended', (entry) => {
        if (!orderIds.current.has(entry.orderId)) return;
        setCounts((now) => ({ ...now, [entry.kind]: (now[entry.kind] ?? 0) + 1 }));
        if (groupNow.current === null || groupOf(entry.kind) === groupNow.current) setEntries((now) => mergeTimeline(now, [entry]));
      }),
    [client],
  );

  const wasDown = useRef(false);
  useEffect(
    () =>
      client.onStatus((status) => {
        if (status.state === 'down') wasDown.current = true;
        if (status.state === 'open' && wasDown.current) {
          wasDown.current = false;
          reload();
        }
      }),
    [client],
  );

  return { entries, counts, group, setGroup: chooseGroup, hasOlder: cursor !== null, loadOlder, loading, error, reload };
}
