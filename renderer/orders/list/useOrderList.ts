import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderListDto } from '../../../engine/contract/index.ts';
import { toApiError, type ApiError } from '../../api/api-error.ts';
import { useApiClient } from '../../api/useApiClient.ts';
import { listArgs, type OrderListFilters } from './order-list-filter.ts';

export const PAGE = 100;
/** The most rows a refresh loads again at once (the API's own limit). */
const MOST = 1000;

export interface OrderList {
  page: OrderListDto | null;
  error: ApiError | null;
  loading: boolean;
  loadingMore: boolean;
  more: () => void;
  reload: () => void;
}

/**
 * The orders list for the filters: the first page, more pages on demand, and a refresh (the
 * rows shown, the total and the counts) shortly after any order changes, since a change can
 * move an order in or out of the filters and changes every count beside them.
 */
export function useOrderList(filters: OrderListFilters, query: string): OrderList {
  const client = useApiClient();
  const [page, setPage] = useState<OrderListDto | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const shown = useRef(PAGE);
  const generation = useRef(0);

  const load = useCallback(
    (limit: number) => {
      const mine = ++generation.current;
      setLoading(true);
      client.call('orders.list', listArgs(filters, query, limit)).then(
        (result) => {
          if (mine !== generation.current) return;
          setPage(result);
          setError(null);
          setLoading(false);
        },
        (e: unknown) => {
          if (mine !== generation.current) return;
          setError(toApiError(e));
          setLoading(false);
        },
      );
    },
    [client, filters, query],
  );

  // New filters: back to the first page.
  useEffect(() => {
    shown.current = PAGE;
    load(PAGE);
  }, [load]);

  const reload = useCallback(() => load(Math.min(MOST, Math.max(PAGE, shown.current))), [load]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Webhooks come in bursts: one refresh for a burst, not one per order.
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(reload, 400);
    };
    const offOrder = client.subscribe('order.changed', soon);
    // Tags that flows add come with no order.changed; their timeline entry says the row changed.
    const offTimeline = client.subscribe('timeline.appended', (entry) => {
      if (entry.kind === 'tag_added') soon();
    });
    let wasDown = false;
    const offStatus = client.onStatus((status) => {
      if (status.state === 'down') wasDown = true;
      if (status.state === 'open' && wasDown) {
        wasDown = false;
        soon();
      }
    });
    return () => {
      clearTimeout(timer);
      offOrder();
      offTimeline();
      offStatus();
    };
  }, [client, reload]);

  const more = useCallback(() => {
    const cursor = page?.nextCursor;
    if (!cursor || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    client.call('orders.list', listArgs(filters, query, PAGE, cursor)).then(
      (next) => {
        setLoadingMore(false);
        if (mine !== generation.current) return;
        setPage((p) => (p ? { ...next, rows: [...p.rows, ...next.rows] } : next));
        shown.current += next.rows.length;
      },
      (e: unknown) => {
        setLoadingMore(false);
        if (mine === generation.current) setError(toApiError(e));
      },
    );
  }, [client, filters, query, page, loadingMore]);

  return { page, error, loading, loadingMore, more, reload };
}
