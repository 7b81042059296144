import { expect } from 'vitest';
import type { CanonicalEventType, DeliveryStatus, FinancialStatus, FulfillmentStatus, Order } from '../../engine/contract/index.ts';
import { deriveOrderEvents, type DeriveOptions } from '../../engine/domain/order-events.ts';

/** A status-table row's expected canonical state; `cancelled` and `cod` are checked only when given. */
export interface ExpectedState {
  financial: FinancialStatus;
  fulfillment: FulfillmentStatus;
  delivery: DeliveryStatus;
  cancelled?: boolean;
  cod?: boolean;
}

/**
 * One row of a platform's status table: the order as the adapter mapped it has the expected
 * canonical state, and the one event module derives the expected events from before → after.
 */
export function expectStatusRow(before: Order | null, after: Order, state: ExpectedState, events: CanonicalEventType[], options?: DeriveOptions): void {
  expect({
    financial: after.financialStatus,
    fulfillment: after.fulfillmentStatus,
    delivery: after.deliveryStatus,
    ...(state.cancelled !== undefined ? { cancelled: after.cancelledAt != null } : {}),
    ...(state.cod !== undefined ? { cod: after.cashOnDelivery } : {}),
  }).toEqual(state);
  expect(deriveOrderEvents(before, after, options)).toEqual(events);
}
