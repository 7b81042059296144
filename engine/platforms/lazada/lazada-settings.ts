import { z } from 'zod';

/**
 * Seed 002's table (Lazada → store status), with the Lazada status codes each row stands for
 * (reference §5.5). The merchant edits it per connection; a code in no row maps to no store
 * status (null), and the Lazada word stays in `platformStatus`.
 */
export const defaultStoreStatuses = [
  { lazada: 'Pending', statuses: ['pending', 'packed', 'repacked', 'topack'], storeStatus: 'Chưa giao hàng' },
  { lazada: 'Ready to ship', statuses: ['ready_to_ship', 'ready_to_ship_pending', 'toship'], storeStatus: 'Chờ giao hàng' },
  { lazada: 'In transit', statuses: ['shipped', 'shipping'], storeStatus: 'Đang giao hàng' },
  { lazada: 'Delivered', statuses: ['delivered', 'confirmed'], storeStatus: 'Đã giao hàng' },
  { lazada: 'Delivered failed', statuses: ['failed_delivery', 'failed', 'lost', 'lost_by_3pl', 'damaged_by_3pl'], storeStatus: 'Hủy giao hàng' },
];

export const StoreStatusRow = z.object({
  lazada: z.string().meta({ title: 'Lazada status', description: 'The name Seller Center shows.' }),
  statuses: z.array(z.string().min(1)).min(1).meta({ title: 'Lazada status codes', description: 'order_status values this row covers (pending, ready_to_ship, shipped…).' }),
  storeStatus: z.string().meta({ title: 'Store status' }),
});

export const LazadaSettings = z.object({
  appKey: z.string().default('').meta({ title: 'App key', description: 'Your Lazada Open Platform app key: part of every push signature and API call.', requiredOnSave: true }),
  apiBaseUrl: z.url().default('https://api.lazada.vn/rest').meta({
    title: 'API base URL',
    description: 'The Open Platform gateway of the seller\'s country (api.lazada.vn/rest, api.lazada.sg/rest…).',
  }),
  storeStatuses: z
    .array(StoreStatusRow)
    .default(() => defaultStoreStatuses.map((r) => ({ ...r, statuses: [...r.statuses] })))
    .meta({ title: 'Lazada → store status', description: 'Seed 002\'s mapping; edit it to match your store\'s statuses.' }),
  salesChannel: z.string().min(1).default('Lazada').meta({ title: 'Sales channel name' }),
  stockLocation: z.string().trim().min(1).max(100).default('default').meta({
    title: 'Stock location',
    description: 'The warehouse this shop\'s orders take stock from; a cancellation or a recorded return puts it back there.',
  }),
});
export type LazadaSettings = z.infer<typeof LazadaSettings>;

/** The store status a Lazada status code maps to in this connection's table, or null. */
export function storeStatusFor(status: string, rows: LazadaSettings['storeStatuses']): string | null {
  const code = status.toLowerCase();
  return rows.find((r) => r.statuses.some((s) => s.toLowerCase() === code))?.storeStatus ?? null;
}
