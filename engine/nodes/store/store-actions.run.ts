import {
  cancelOrderSpec, closeOrderSpec, fulfilOrderSpec, lazadaCancelSpec, lazadaReadyToShipSpec, markPaidSpec, removeOrderTagsSpec, setOrderAttributeSpec, setOrderNoteSpec,
  type NodeSpec, type WriteRequest,
} from '../../contract/index.ts';
import { defineNodeType, type NodeType, type StepContext, type StepResult, type TriggerData } from '../node-type.ts';
import type { IntentOf } from '../intents.ts';

/** The write-back intent for this order, or why there is no order to write to. */
export function storeWrite(data: TriggerData, request: WriteRequest, optional = false): IntentOf<'store.write'> | null {
  const orderId = data.order.id;
  if (!orderId || !data.event.connectionId) return null;
  return {
    kind: 'store.write',
    orderId,
    connectionId: data.event.connectionId,
    platformOrderId: data.order.platformOrderId,
    orderNumber: data.order.number,
    platformCustomerId: data.order.customer?.platformCustomerId ?? null,
    request,
    ...(optional ? { optional: true } : {}),
  };
}

const noOrder = (input: unknown): StepResult => ({ status: 'skipped', reason: 'the trigger has no stored order to change', code: 'no_order', input });

/** A write-back step: its request from the rendered params, one intent, and what it shows as its input. */
function storeStep<S extends NodeSpec>(spec: S, request: (ctx: StepContext<Record<string, unknown>>) => Promise<WriteRequest | StepResult>): NodeType {
  return defineNodeType(spec, async (ctx) => {
    const built = await request(ctx as StepContext<Record<string, unknown>>);
    if ('status' in built) return built;
    const intent = storeWrite(ctx.data, built);
    if (!intent) return noOrder(built);
    return { status: 'done', port: 'out', input: built, output: { order: ctx.data.order.number, ...built }, intents: [intent] };
  });
}

async function renderTags(ctx: StepContext<Record<string, unknown>>): Promise<string[]> {
  const out: string[] = [];
  for (const t of ctx.params['tags'] as string[]) {
    const r = (await ctx.render(t)).trim();
    if (r && !out.includes(r)) out.push(r);
  }
  return out;
}

const text = async (ctx: StepContext<Record<string, unknown>>, name: string) => (await ctx.render(String(ctx.params[name] ?? ''))).trim();

export const storeActionNodes: readonly NodeType[] = [
  storeStep(removeOrderTagsSpec, async (ctx) => {
    const tags = await renderTags(ctx);
    return tags.length > 0 ? { action: 'order.tags.remove', tags } : { status: 'skipped', reason: 'every tag rendered empty', code: 'tags_empty', input: { tags: ctx.params['tags'] } };
  }),
  storeStep(setOrderNoteSpec, async (ctx) => {
    const note = await text(ctx, 'note');
    return note ? { action: 'order.note.set', note, mode: ctx.params['mode'] === 'replace' ? 'replace' : 'append' } : { status: 'skipped', reason: 'the note rendered empty', code: 'note_empty', input: { template: ctx.params['note'] } };
  }),
  storeStep(setOrderAttributeSpec, async (ctx) => ({ action: 'order.attribute.set', key: String(ctx.params['key']), value: await text(ctx, 'value') })),
  storeStep(markPaidSpec, async () => ({ action: 'order.mark_paid' })),
  storeStep(cancelOrderSpec, async (ctx) => ({
    action: 'order.cancel',
    reason: ctx.params['reason'] as Extract<WriteRequest, { action: 'order.cancel' }>['reason'],
    restock: ctx.params['restock'] === true,
    notifyCustomer: ctx.params['notifyCustomer'] === true,
    staffNote: (await text(ctx, 'staffNote')).slice(0, 255),
  })),
  storeStep(closeOrderSpec, async () => ({ action: 'order.close' })),
  storeStep(fulfilOrderSpec, async (ctx) => ({
    action: 'order.fulfil',
    trackingNumber: await text(ctx, 'trackingNumber'),
    carrier: String(ctx.params['carrier'] ?? '').trim(),
    trackingUrl: await text(ctx, 'trackingUrl'),
    notifyCustomer: ctx.params['notifyCustomer'] === true,
  })),
  storeStep(lazadaReadyToShipSpec, async (ctx) => ({
    action: 'marketplace.ready_to_ship',
    shipmentProvider: String(ctx.params['shipmentProvider'] ?? '').trim(),
    deliveryType: ctx.params['deliveryType'] as Extract<WriteRequest, { action: 'marketplace.ready_to_ship' }>['deliveryType'],
  })),
  storeStep(lazadaCancelSpec, async (ctx) => ({ action: 'marketplace.cancel', reasonId: String(ctx.params['reasonId']).trim() })),
];
