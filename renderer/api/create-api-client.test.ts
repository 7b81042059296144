import { describe, expect, it } from 'vitest';
import type { OrderSummaryDto } from '../../engine/contract/index.ts';
import { ApiError } from './api-error.ts';
import { createApiClient } from './create-api-client.ts';
import type { LinkStatus, Transport, TransportListener } from './transport.ts';

/** A transport in memory: replies from a function, events pushed by the test. */
function memoryTransport(reply: (method: string, args: unknown) => unknown) {
  const listeners = new Set<TransportListener>();
  const calls: { method: string; args: unknown }[] = [];
  const transport: Transport = {
    kind: 'http',
    invoke: async (method, args) => {
      calls.push({ method, args });
      return reply(method, args);
    },
    listen(listener) {
      listeners.add(listener);
      listener.status({ state: 'open', detail: null });
      return () => listeners.delete(listener);
    },
  };
  const push = (name: string, payload: unknown) => listeners.forEach((l) => l.event(name, payload));
  const setStatus = (status: LinkStatus) => listeners.forEach((l) => l.status(status));
  return { transport, calls, listeners, push, setStatus };
}

const order: OrderSummaryDto = {
  id: 'ord_1',
  connectionId: 'con_1',
  platform: 'shopify',
  platformOrderId: '820982911946154508',
  number: '#1001',
  email: 'jon@example.com',
  phone: null,
  customerId: null,
  customerName: 'Jon',
  totalPrice: '403.00',
  currency: 'USD',
  financialStatus: 'paid',
  fulfillmentStatus: 'unfulfilled',
  deliveryStatus: 'none',
  storeStatus: null,
  cancelledAt: null,
  connectionName: 'My shop',
  placedAt: '2026-11-20T10:15:00-05:00',
  tags: ['vip'],
  localTags: [],
  platformUpdatedAt: '2026-11-20T10:15:00-05:00',
  createdAt: '2026-11-20T15:15:00.000Z',
  updatedAt: '2026-11-20T15:15:00.000Z',
};

describe('createApiClient', () => {
  it('sends the method and arguments and answers with the result', async () => {
    const page = { rows: [order], total: 1, counts: { financialStatus: { paid: 1 }, fulfillmentStatus: {}, deliveryStatus: {}, storeStatus: {}, platform: {}, connectionId: {}, cancelled: {} }, nextCursor: null };
    const m = memoryTransport(() => ({ ok: true, result: page }));
    const client = createApiClient(m.transport, { validate: true });
    await expect(client.call('orders.list', { query: '1001' })).resolves.toEqual(page);
    expect(m.calls).toEqual([{ method: 'orders.list', args: { query: '1001' } }]);
  });

  it("throws the contract's error as an ApiError", async () => {
    const m = memoryTransport(() => ({ ok: false, error: { code: 'not_found', message: 'no order #9' } }));
    const error = await createApiClient(m.transport).call('orders.get', { ref: '#9' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'not_found', message: 'no order #9', method: 'orders.get' });
  });

  it('refuses an answer that is not an envelope, or a result off the contract', async () => {
    const garbage = memoryTransport(() => 'hello');
    await expect(createApiClient(garbage.transport).call('flows.list', {})).rejects.toMatchObject({ code: 'bad_reply' });
    const offContract = memoryTransport(() => ({ ok: true, result: [{ id: 1 }] }));
    const client = createApiClient(offContract.transport, { validate: true });
    await expect(client.call('orders.list', {})).rejects.toMatchObject({ code: 'bad_reply' });
  });

  it('refuses a method the contract does not have without sending it', async () => {
    const m = memoryTransport(() => ({ ok: true, result: null }));
    const client = createApiClient(m.transport);
    const call = client.call as (method: string, args: unknown) => Promise<unknown>;
    await expect(call('orders.drop', {})).rejects.toMatchObject({ code: 'unknown_method' });
    expect(m.calls).toEqual([]);
  });

  it('hands each event to its own subscribers, and listens only while someone does', () => {
    const m = memoryTransport(() => null);
    const client = createApiClient(m.transport, { validate: true });
    expect(m.listeners.size).toBe(0);
    const seen: string[] = [];
    const stop = client.subscribe('order.changed', (o) => seen.push(o.number));
    expect(m.listeners.size).toBe(1);
    m.push('order.changed', order);
    m.push('delivery.received', { id: 1 });
    m.push('order.changed', { number: 'not an order' });
    expect(seen).toEqual(['#1001']);
    stop();
    expect(m.listeners.size).toBe(0);
  });

  it('reports the link status', () => {
    const m = memoryTransport(() => null);
    const client = createApiClient(m.transport);
    const states: string[] = [];
    const stop = client.onStatus((s) => states.push(s.state));
    m.setStatus({ state: 'down', detail: 'gone' });
    expect(states).toEqual(['open', 'down']);
    expect(client.status()).toEqual({ state: 'down', detail: 'gone' });
    stop();
  });
});
