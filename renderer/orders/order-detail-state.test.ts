import { describe, expect, it } from 'vitest';
import type { OrderDetailDto, OrderSummaryDto, TimelineEntryDto } from '../../engine/contract/index.ts';
import { initialOrderDetail, orderDetailReducer, type OrderDetailAction, type OrderDetailState } from './order-detail-state.ts';

const summary = { id: 'ord_1', number: '#1001', financialStatus: 'pending' } as OrderSummaryDto;
const entry = (id: number, orderId = 'ord_1'): TimelineEntryDto => ({
  id, orderId, at: '2026-01-01T00:00:00.000Z', kind: 'note', data: { kind: 'note', text: `e${id}` }, legacyTitle: null, inboxId: null, runId: null,
});
const detail = (timeline: TimelineEntryDto[]): OrderDetailDto => ({ summary, timeline }) as unknown as OrderDetailDto;
const run = (...actions: OrderDetailAction[]): OrderDetailState => actions.reduce(orderDetailReducer, initialOrderDetail);

describe('orderDetailReducer', () => {
  it('keeps entries that arrive while loading and merges those of this order', () => {
    const state = run(
      { type: 'appended', entry: entry(3) },
      { type: 'appended', entry: entry(9, 'ord_other') },
      { type: 'appended', entry: entry(2) },
      { type: 'loaded', detail: detail([entry(1), entry(2)]) },
    );
    expect(state.timeline.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(state.pending).toEqual([]);
    expect(state.loading).toBe(false);
  });

  it('appends live entries for this order only', () => {
    const state = run(
      { type: 'loaded', detail: detail([entry(1)]) },
      { type: 'appended', entry: entry(2) },
      { type: 'appended', entry: entry(5, 'ord_other') },
      { type: 'appended', entry: entry(2) },
    );
    expect(state.timeline.map((e) => e.id)).toEqual([1, 2]);
  });

  it('takes the new summary from order.changed, and a reload never loses entries already shown', () => {
    const state = run(
      { type: 'loaded', detail: detail([entry(1)]) },
      { type: 'appended', entry: entry(2) },
      { type: 'changed', summary: { ...summary, financialStatus: 'paid' } },
      { type: 'changed', summary: { ...summary, id: 'ord_other', financialStatus: 'voided' } },
      { type: 'loading' },
      { type: 'loaded', detail: detail([entry(1)]) },
    );
    expect(state.timeline.map((e) => e.id)).toEqual([1, 2]);
    expect(run({ type: 'loaded', detail: detail([]) }, { type: 'changed', summary: { ...summary, financialStatus: 'paid' } }).detail?.summary.financialStatus).toBe('paid');
  });
});
