import { useEffect, useReducer, useRef } from 'react';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { initialOrderDetail, orderDetailReducer, type OrderDetailState } from './order-detail-state.ts';

export interface OrderDetail extends OrderDetailState {
  reload: () => void;
}

/**
 * An order and its timeline, live: `timeline.appended` adds entries without reloading,
 * `order.changed` replaces the summary at once and reloads the rest (customer, line items)
 * quietly, as does a `tag_added` entry (flows' tags come with no `order.changed`). Loads again when the link to the engine comes back, for what it missed.
 */
export function useOrderDetail(ref: string): OrderDetail {
  const client = useApiClient();
  const [state, dispatch] = useReducer(orderDetailReducer, initialOrderDetail);
  const [generation, reload] = useReducer((n: number) => n + 1, 0);
  const orderId = useRef<string | null>(null);
  const loadedId = state.detail?.summary.id ?? null;
  useEffect(() => {
    orderId.current = loadedId;
  }, [loadedId]);

  useEffect(
    () =>
      client.subscribe('timeline.appended', (entry) => {
        dispatch({ type: 'appended', entry });
        // A flow's tag changes the order, but the engine sends no order.changed for it: reload.
        // So does a flow's change to the customer (a field, a sequence): the customer card shows them.
        if (['tag_added', 'customer_field', 'sequence'].includes(entry.kind) && entry.orderId === orderId.current) reload();
      }),
    [client],
  );

  useEffect(
    () =>
      client.subscribe('order.changed', (summary) => {
        if (summary.id !== orderId.current) return;
        dispatch({ type: 'changed', summary });
        reload();
      }),
    [client],
  );

  useEffect(() => {
    let current = true;
    dispatch({ type: 'loading' });
    client.call('orders.get', { ref }).then(
      (detail) => current && dispatch({ type: 'loaded', detail }),
      (error: unknown) => current && dispatch({ type: 'failed', error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, ref, generation]);

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

  return { ...state, reload };
}
