import type { OrderDetailDto, OrderSummaryDto, TimelineEntryDto } from '../../engine/contract/index.ts';
import type { ApiError } from '../api/api-error.ts';
import { mergeTimeline } from '../timeline/timeline-entry-view.ts';

/**
 * One open order: what `orders.get` answered, and its timeline kept current by
 * `timeline.appended` and `order.changed`. Entries that arrive while the order loads wait in
 * `pending` and are merged once it is known whose they are.
 */
export interface OrderDetailState {
  detail: OrderDetailDto | null;
  timeline: TimelineEntryDto[];
  pending: TimelineEntryDto[];
  error: ApiError | null;
  loading: boolean;
}

export type OrderDetailAction =
  | { type: 'loading' }
  | { type: 'loaded'; detail: OrderDetailDto }
  | { type: 'failed'; error: ApiError }
  | { type: 'appended'; entry: TimelineEntryDto }
  | { type: 'changed'; summary: OrderSummaryDto };

export const initialOrderDetail: OrderDetailState = { detail: null, timeline: [], pending: [], error: null, loading: true };

/** Pending entries kept while loading, at most: an order page is not a log of everything. */
const maxPending = 500;

export function orderDetailReducer(state: OrderDetailState, action: OrderDetailAction): OrderDetailState {
  switch (action.type) {
    case 'loading':
      return { ...state, loading: true };
    case 'loaded': {
      const { detail } = action;
      const id = detail.summary.id;
      const sameOrder = state.detail?.summary.id === id;
      const waiting = state.pending.filter((e) => e.orderId === id);
      const timeline = mergeTimeline(mergeTimeline(sameOrder ? state.timeline : [], detail.timeline), waiting);
      return { detail, timeline, pending: [], error: null, loading: false };
    }
    case 'failed':
      return { ...state, error: action.error, loading: false };
    case 'appended': {
      if (!state.detail) return { ...state, pending: [...state.pending, action.entry].slice(-maxPending) };
      if (action.entry.orderId !== state.detail.summary.id) return state;
      return { ...state, timeline: mergeTimeline(state.timeline, [action.entry]) };
    }
    case 'changed': {
      if (!state.detail || action.summary.id !== state.detail.summary.id) return state;
      return { ...state, detail: { ...state.detail, summary: action.summary } };
    }
  }
}
