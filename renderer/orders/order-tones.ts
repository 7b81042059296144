import type { DeliveryStatus, FinancialStatus, FulfillmentStatus } from '../../engine/contract/index.ts';
import type { BadgeTone } from '../components/Badge.tsx';

export const paymentTone: Record<FinancialStatus, BadgeTone> = {
  paid: 'good',
  authorized: 'neutral',
  pending: 'warn',
  partially_paid: 'warn',
  partially_refunded: 'neutral',
  refunded: 'neutral',
  voided: 'bad',
  expired: 'bad',
  failed: 'bad',
  unknown: 'neutral',
};

export const fulfillmentTone: Record<FulfillmentStatus, BadgeTone> = {
  fulfilled: 'good',
  partial: 'warn',
  unfulfilled: 'neutral',
  restocked: 'neutral',
  unknown: 'neutral',
};

export const deliveryTone: Record<DeliveryStatus, BadgeTone> = {
  none: 'neutral',
  in_transit: 'neutral',
  delivered: 'good',
  delivery_failed: 'bad',
  returned: 'warn',
};
