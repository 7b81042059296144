import { describe, expect, it } from 'vitest';
import type { InboxEntryDto } from '../../engine/contract/index.ts';
import { emptyFilterForm, matchesFilter, toDeliveryFilter } from './inbox-filter.ts';

const row = (over: Partial<InboxEntryDto> = {}): InboxEntryDto => ({
  id: 1, receivedAt: '2026-12-01T10:00:00.000Z', connectionId: 'con_1', platform: 'shopify', topic: 'orders/create', deliveryKey: 'k1',
  verdict: 'accepted', reason: null, duplicateOf: null, httpStatus: 200, bodySize: 100, processing: 'processed', outcome: null, orderId: 'ord_1',
  source: 'webhook', ...over,
});

describe('toDeliveryFilter', () => {
  it('asks only for what is set, trimmed', () => {
    expect(toDeliveryFilter(emptyFilterForm)).toEqual({});
    expect(toDeliveryFilter({ ...emptyFilterForm, topic: ' orders/create ', verdict: 'bad_signature', duplicate: 'none', query: ' 1001 ' })).toEqual({
      topic: 'orders/create', verdict: 'bad_signature', duplicate: false, query: '1001',
    });
    expect(toDeliveryFilter({ ...emptyFilterForm, duplicate: 'only' }).duplicate).toBe(true);
  });

  it('reads since/until as instants and drops what cannot be read', () => {
    const f = toDeliveryFilter({ ...emptyFilterForm, since: '2026-12-01T08:00', until: 'nonsense' });
    expect(f.since).toBe(new Date('2026-12-01T08:00').toISOString());
    expect(f.until).toBeUndefined();
  });
});

describe('matchesFilter', () => {
  it('keeps a new delivery only when every set field matches', () => {
    expect(matchesFilter(row(), {})).toBe(true);
    expect(matchesFilter(row(), { platform: 'shopify', verdict: 'accepted', connectionId: 'con_1' })).toBe(true);
    expect(matchesFilter(row(), { verdict: 'bad_signature' })).toBe(false);
    expect(matchesFilter(row({ duplicateOf: 3, verdict: 'duplicate' }), { duplicate: false })).toBe(false);
    expect(matchesFilter(row({ duplicateOf: 3, verdict: 'duplicate' }), { duplicate: true })).toBe(true);
    expect(matchesFilter(row(), { since: '2026-12-02T00:00:00.000Z' })).toBe(false);
    expect(matchesFilter(row(), { until: '2026-12-02T00:00:00.000Z' })).toBe(true);
  });

  it('leaves free text to the engine', () => {
    expect(matchesFilter(row(), { query: 'orders' })).toBe(false);
  });
});
