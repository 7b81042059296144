import type { Command } from 'commander';
import type { ApiArgsInput, OrderSummaryDto } from '../../contract/index.ts';
import { printObject, printTable, text, time, type Output } from '../format.ts';
import type { ClientFor } from '../main.ts';
import { timelineText } from '../timeline-text.ts';

export function ordersCommands(program: Command, client: ClientFor, out: (cmd: Command) => Output): void {
  const cmd = program.command('orders').description('orders Flowdesk has received');
  cmd
    .command('list')
    .description('orders, newest placed first, with how many match each filter')
    .option('--search <text>', 'order number, email, phone, platform or customer name')
    .option('--payment <status>', 'payment status: pending, paid, refunded, voided, …')
    .option('--fulfillment <status>', 'unfulfilled, partial, fulfilled, restocked')
    .option('--delivery <status>', 'none, in_transit, delivered, delivery_failed, returned')
    .option('--store-status <word>', "the store's status word (seed 002's mapping for marketplaces)")
    .option('--cancelled <yes|no|all>', 'cancelled orders only, or none of them', 'all')
    .option('--platform <platform>', 'shopify, haravan, lazada, …')
    .option('--connection <id>', 'one store connection')
    .option('--tag <tag>', "one tag, the platform's or Flowdesk's")
    .option('--from <date>', 'placed on or after (ISO date or time)')
    .option('--to <date>', 'placed before (ISO date or time)')
    .option('--cursor <cursor>', 'the next page, as the previous one printed it')
    .option('--limit <n>', 'how many', (v) => Number(v), 50)
    .action(async function (this: Command, o: ListOptions) {
      const list = await client(this).call('orders.list', listArgs(o));
      const output = out(this);
      if (output.json) {
        output.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      printTable<OrderSummaryDto>(output, list.rows, [
        ['id', (r) => r.id],
        ['number', (r) => r.number],
        ['platform', (r) => r.platform],
        ['store', (r) => r.connectionName ?? r.connectionId],
        ['customer', (r) => r.customerName ?? r.email],
        ['total', (r) => `${r.totalPrice} ${r.currency}`],
        // A cancelled order is read as cancelled first: never as pending or unfulfilled.
        ['status', (r) => (r.cancelledAt ? `cancelled (${r.financialStatus})` : r.financialStatus)],
        ['fulfillment', (r) => r.fulfillmentStatus],
        ['delivery', (r) => r.deliveryStatus],
        ['store status', (r) => r.storeStatus],
        ['tags', (r) => r.tags],
        ['placed', (r) => time(r.placedAt)],
      ], 'No orders match.');
      output.write(`${list.total} order(s) match${list.nextCursor ? `; next page: --cursor ${list.nextCursor}` : ''}\n`);
    });
  cmd
    .command('show <ref>')
    .description('one order (by id or number): the canonical order, its customer and its whole timeline')
    .action(async function (this: Command, ref: string) {
      const d = await client(this).call('orders.get', { ref });
      printObject(out(this), d, () => {
        const o = d.order;
        const c = d.customer;
        return [
          `Order ${o.number} (${d.summary.id}) from ${o.platform} store ${o.storeId}, platform id ${o.platformOrderId}`,
          `  Total ${o.totalPrice} ${o.currency}; financial ${o.financialStatus}; fulfillment ${o.fulfillmentStatus}; updated ${o.updatedAt}`,
          `  Tags: ${text(d.summary.tags)}`,
          `  Items: ${o.lineItems.map((li) => `${li.quantity} × ${li.title}${li.sku ? ` [${li.sku}]` : ''} @ ${li.price}`).join('; ') || '—'}`,
          c ? `Customer ${c.name ?? '(no name)'} <${c.email}>${c.phone ? `, ${c.phone}` : ''}; tags ${text(c.tags)}` : 'Customer: none (the order has no email)',
          '',
          'Timeline:',
          ...d.timeline.map((e) => `  ${time(e.at)}  ${e.kind.padEnd(14)} ${timelineText(e)}`),
        ];
      });
    });
}

interface ListOptions {
  search?: string;
  payment?: string;
  fulfillment?: string;
  delivery?: string;
  storeStatus?: string;
  cancelled: string;
  platform?: string;
  connection?: string;
  tag?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** The command's options as orders.list arguments; the engine checks them (a wrong status is refused there, by name). */
function listArgs(o: ListOptions): ApiArgsInput<'orders.list'> {
  const iso = (d: string | undefined) => (d === undefined ? undefined : new Date(/T/.test(d) ? d : `${d}T00:00:00`).toISOString());
  const args: Record<string, unknown> = {
    limit: o.limit, query: o.search, financialStatus: o.payment, fulfillmentStatus: o.fulfillment, deliveryStatus: o.delivery,
    storeStatus: o.storeStatus, cancelled: o.cancelled, platform: o.platform, connectionId: o.connection, tag: o.tag,
    placedFrom: iso(o.from), placedTo: iso(o.to), cursor: o.cursor,
  };
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined)) as ApiArgsInput<'orders.list'>;
}
