import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DeliveryFilter, InboxEntryDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useLiveList } from '../api/useLiveList.ts';
import { matchesFilter } from './inbox-filter.ts';

export const inboxPage = 200;

export interface InboxSearch {
  rows: InboxEntryDto[];
  loading: boolean;
  error: ReturnType<typeof useLiveList>['error'];
  reload: () => void;
  /** Another page may be older than the last row. */
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: string | null;
  loadOlder: () => void;
}

/**
 * The deliveries the filter finds (`inbox.search`), newest first, kept current by
 * `delivery.received`; "Older" pages back from the last row shown.
 */
export function useInboxSearch(filter: DeliveryFilter): InboxSearch {
  const client = useApiClient();
  const key = JSON.stringify(filter);
  // The filter is a new object each render; its contents are what decides a new search.
  const stable = useMemo(() => filter, [key]);
  const load = useCallback(() => client.call('inbox.search', { filter: stable, limit: inboxPage }), [client, stable]);
  const acceptNew = useCallback((row: InboxEntryDto) => matchesFilter(row, stable), [stable]);
  const list = useLiveList({ load, event: 'delivery.received', key: (row) => row.id, acceptNew, limit: inboxPage });
  const [older, setOlder] = useState<InboxEntryDto[]>([]);
  const [olderDone, setOlderDone] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);

  useEffect(() => {
    setOlder([]);
    setOlderDone(false);
    setOlderError(null);
  }, [stable]);

  const first = list.rows ?? [];
  const seen = new Set(first.map((r) => r.id));
  const rows = [...first, ...older.filter((r) => !seen.has(r.id))];
  const lastId = rows.at(-1)?.id;
  const hasOlder = !olderDone && (older.length > 0 || first.length >= inboxPage);

  const loadOlder = useCallback(() => {
    if (lastId === undefined) return;
    setLoadingOlder(true);
    setOlderError(null);
    client.call('inbox.search', { filter: stable, limit: inboxPage, beforeId: lastId }).then(
      (page) => {
        setOlder((o) => [...o, ...page]);
        if (page.length < inboxPage) setOlderDone(true);
        setLoadingOlder(false);
      },
      (e: unknown) => {
        setOlderError(toApiError(e).message);
        setLoadingOlder(false);
      },
    );
  }, [client, stable, lastId]);

  return { rows, loading: list.loading, error: list.error, reload: list.reload, hasOlder, loadingOlder, olderError, loadOlder };
}
