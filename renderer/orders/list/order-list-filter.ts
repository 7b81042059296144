import {
  DeliveryStatus, FinancialStatus, FulfillmentStatus, Platform, type ApiArgsInput, type OrderListDto,
} from '../../../engine/contract/index.ts';

/** The filter bar's state: a select per status (empty for any), the tag and the dates as typed. */
export interface OrderListFilters {
  financialStatus: FinancialStatus | '';
  fulfillmentStatus: FulfillmentStatus | '';
  deliveryStatus: DeliveryStatus | '';
  /** null: any store status; '' picks the orders that have none. */
  storeStatus: string | null;
  cancelled: 'all' | 'yes' | 'no';
  platform: Platform | '';
  connectionId: string;
  tag: string;
  /** yyyy-MM-dd from a date input, in the user's own time zone; '' for no bound. */
  from: string;
  to: string;
}

export const noFilters: OrderListFilters = {
  financialStatus: '', fulfillmentStatus: '', deliveryStatus: '', storeStatus: null, cancelled: 'all',
  platform: '', connectionId: '', tag: '', from: '', to: '',
};

export type FacetName = keyof OrderListDto['counts'];

/** Local midnight of a yyyy-MM-dd day, plus `days`, as an ISO time; null for a day that is not one. */
function dayStart(day: string, days = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The filters as orders.list arguments. The "to" day is included: the bound is the next midnight. */
export function listArgs(f: OrderListFilters, query: string, limit: number, cursor?: string): ApiArgsInput<'orders.list'> {
  const from = f.from ? dayStart(f.from) : null;
  const to = f.to ? dayStart(f.to, 1) : null;
  const tag = f.tag.trim();
  return {
    limit,
    ...(query ? { query } : {}),
    ...(f.financialStatus ? { financialStatus: f.financialStatus } : {}),
    ...(f.fulfillmentStatus ? { fulfillmentStatus: f.fulfillmentStatus } : {}),
    ...(f.deliveryStatus ? { deliveryStatus: f.deliveryStatus } : {}),
    ...(f.storeStatus !== null ? { storeStatus: f.storeStatus } : {}),
    ...(f.cancelled !== 'all' ? { cancelled: f.cancelled } : {}),
    ...(f.platform ? { platform: f.platform } : {}),
    ...(f.connectionId ? { connectionId: f.connectionId } : {}),
    ...(tag ? { tag } : {}),
    ...(from ? { placedFrom: from } : {}),
    ...(to ? { placedTo: to } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/** How many filters are set (the text query aside). */
export function activeFilters(f: OrderListFilters): number {
  return (Object.keys(noFilters) as (keyof OrderListFilters)[]).filter((k) => f[k] !== noFilters[k] && !(k === 'tag' && f.tag.trim() === '')).length;
}

export interface FacetOption {
  value: string;
  count: number;
}

/**
 * A select's options with their counts: the known values first in their usual order, then
 * any other value the counts name, busiest first. Values with no order are left out, except
 * the one picked (it stays choosable, showing 0).
 */
export function facetOptions(counts: Record<string, number> | undefined, known: readonly string[], picked: string | null): FacetOption[] {
  const c = counts ?? {};
  const others = Object.keys(c).filter((v) => !known.includes(v)).sort((a, b) => (c[b] ?? 0) - (c[a] ?? 0) || a.localeCompare(b));
  const out = [...known, ...others].filter((v) => (c[v] ?? 0) > 0 || v === picked).map((value) => ({ value, count: c[value] ?? 0 }));
  return out;
}

export const knownValues = {
  financialStatus: FinancialStatus.options,
  fulfillmentStatus: FulfillmentStatus.options,
  deliveryStatus: DeliveryStatus.options,
  platform: Platform.options,
} as const;
