import type { DeliveryStatus } from '../contract/index.ts';

/**
 * A status word read through a connection's editable table, then the platform's built-in one
 * (WooCommerce and Nhanh.vn plugins add their own words). An entry saved before delivery was
 * tracked has no delivery status: the built-in entry's, else none.
 */
export function lookupStatus<E extends { deliveryStatus?: DeliveryStatus | undefined }>(
  own: Record<string, E>,
  builtIns: Record<string, E>,
  status: string,
): (E & { deliveryStatus: DeliveryStatus }) | undefined {
  const mine = Object.hasOwn(own, status) ? own[status] : undefined;
  const builtIn = Object.hasOwn(builtIns, status) ? builtIns[status] : undefined;
  const entry = mine ?? builtIn;
  if (!entry) return undefined;
  return { ...entry, deliveryStatus: entry.deliveryStatus ?? builtIn?.deliveryStatus ?? 'none' };
}
