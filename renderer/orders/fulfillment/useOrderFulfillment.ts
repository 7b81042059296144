import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { FoAction, FoMoveLocation, OrderFulfillmentDto, WriteRequest } from '../../../engine/contract/index.ts';
import { toApiError, type ApiError } from '../../api/api-error.ts';
import { useApiClient } from '../../api/useApiClient.ts';
import { refetchesPanel } from './fo-panel-view.ts';

export interface OrderFulfillment {
  data: OrderFulfillmentDto | null;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
  /** Reads the FOs from the platform again first (`refresh: true`). */
  refresh: () => Promise<void>;
  /** Acts on one FO; resolves to the engine's warning, if it gave one. Throws the ApiError when refused or failed. */
  act: (foId: string, action: FoAction) => Promise<string | null>;
  orderAct: (request: WriteRequest) => Promise<string | null>;
  /** Where an FO can be moved, as the platform lists it now. */
  locations: (foId: string) => Promise<FoMoveLocation[]>;
}

/**
 * An order's fulfilment, live: read once, then again whenever the order's timeline gains an
 * entry that can change it (an FO step from a webhook, a write-back). An answer to an action
 * replaces it at once; a read that was overtaken by a newer one is dropped.
 */
export function useOrderFulfillment(orderId: string): OrderFulfillment {
  const client = useApiClient();
  const [data, setData] = useState<OrderFulfillmentDto | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, reload] = useReducer((n: number) => n + 1, 0);
  // Every read or answer takes a number; only the newest one is shown.
  const latest = useRef(0);

  const writeBack = useRef(false);
  const show = useCallback((dto: OrderFulfillmentDto, ticket: number) => {
    if (ticket !== latest.current) return;
    writeBack.current = dto.writeBack;
    setData(dto);
    setError(null);
    setLoading(false);
  }, []);

  const read = useCallback(
    async (refresh: boolean, rethrow: boolean) => {
      const ticket = ++latest.current;
      setLoading(true);
      try {
        show(await client.call('fulfillment.get', { orderId, refresh }), ticket);
      } catch (e) {
        if (ticket === latest.current) {
          setError(toApiError(e));
          setLoading(false);
        }
        if (rethrow) throw toApiError(e);
      }
    },
    [client, orderId, show],
  );

  useEffect(() => {
    void read(false, false);
  }, [read, generation]);

  useEffect(() => client.subscribe('timeline.appended', (entry) => refetchesPanel(entry, orderId) && reload()), [client, orderId]);

  // A failed action changed nothing here, but it overtook any read under way, and the platform
  // may have refused because its FO moved on without us: read it again from the platform (quietly,
  // when the connection may), then say why.
  const failed = useCallback(
    (ticket: number) =>
      (e: unknown): never => {
        if (ticket === latest.current) void read(writeBack.current, false);
        throw toApiError(e);
      },
    [read],
  );

  const refresh = useCallback(() => read(true, true), [read]);

  const act = useCallback(
    async (foId: string, action: FoAction) => {
      const ticket = ++latest.current;
      const answer = await client.call('fulfillment.act', { orderId, foId, action }).catch(failed(ticket));
      show(answer.fulfillment, ticket);
      return answer.warning;
    },
    [client, orderId, show, failed],
  );

  const orderAct = useCallback(
    async (request: WriteRequest) => {
      const ticket = ++latest.current;
      const answer = await client.call('fulfillment.orderAct', { orderId, request }).catch(failed(ticket));
      show(answer.fulfillment, ticket);
      return answer.answer;
    },
    [client, orderId, show, failed],
  );

  const locations = useCallback(async (foId: string) => (await client.call('fulfillment.locations', { orderId, foId })).locations, [client, orderId]);

  return { data, loading, error, reload, refresh, act, orderAct, locations };
}
