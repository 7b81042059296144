import type { Command } from 'commander';
import type { OrderSummaryDto } from '../../contract/index.ts';
import { printObject, printTable, text, time, type Output } from '../format.ts';
import type { ClientFor } from '../main.ts';
import { timelineText } from '../timeline-text.ts';

export function ordersCommands(program: Command, client: ClientFor, out: (cmd: Command) => Output): void {
  const cmd = program.command('orders').description('orders Flowdesk has received');
  cmd
    .command('list')
    .description('orders, newest first')
    .option('--search <text>', 'order number, email, phone or platform')
    .option('--limit <n>', 'how many', (v) => Number(v), 50)
    .action(async function (this: Command, o: { search?: string; limit: number }) {
      const list = await client(this).call('orders.list', { limit: o.limit, ...(o.search ? { query: o.search } : {}) });
      printTable<OrderSummaryDto>(out(this), list, [
        ['id', (r) => r.id],
        ['number', (r) => r.number],
        ['platform', (r) => r.platform],
        ['customer', (r) => r.customerName ?? r.email],
        ['total', (r) => `${r.totalPrice} ${r.currency}`],
        ['financial', (r) => r.financialStatus],
        ['fulfillment', (r) => r.fulfillmentStatus],
        ['tags', (r) => r.tags],
        ['updated', (r) => time(r.platformUpdatedAt)],
      ], 'No orders yet.');
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
