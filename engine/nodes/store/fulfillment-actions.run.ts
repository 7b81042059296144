import {
  holdFulfillmentSpec, markFoFulfilledSpec, releaseHoldSpec, requestFoCancellationSpec, requestFulfillmentSpec,
  type CanonicalEvent, type FoAction, type NodeSpec,
} from '../../contract/index.ts';
import { defineNodeType, type NodeType, type StepContext } from '../node-type.ts';
import type { Intent } from '../intents.ts';
import { storeWrite } from './store-actions.run.ts';

type Params = Record<string, unknown>;
const text = async (ctx: StepContext<Params>, name: string) => (await ctx.render(String(ctx.params[name] ?? ''))).trim();
const optional = (s: string) => (s ? s : undefined);

/** The FO the trigger is about (`event.fulfillment`), when a fulfillment event started the run. */
function triggerFo(ctx: StepContext<Params>): string | null {
  const event = ctx.data.event as { fulfillment?: CanonicalEvent['fulfillment'] };
  return event.fulfillment?.fulfillmentOrder.id ?? null;
}

/** An FO step: its action from the rendered params, and one `fulfillment_order.act` write per FO it applies to. */
function foStep(spec: NodeSpec, action: (ctx: StepContext<Params>) => Promise<FoAction>): NodeType {
  return defineNodeType(spec, async (raw) => {
    const ctx = raw as StepContext<Params>;
    const fo = await action(ctx);
    const orderId = ctx.data.order.id;
    if (!orderId) return { status: 'skipped', reason: 'the trigger has no stored order to change', code: 'no_order', input: fo };
    const fromTrigger = triggerFo(ctx);
    const foIds = fromTrigger ? [fromTrigger] : (ctx.fulfillmentOrders?.(orderId, fo) ?? []);
    if (foIds.length === 0) {
      return {
        status: 'skipped', input: fo, code: 'no_fulfillment_order', args: { action: spec.label },
        reason: `the order has no fulfillment order on which to ${spec.label.toLowerCase()} now`,
      };
    }
    const intents: Intent[] = [];
    for (const foId of foIds) {
      const intent = storeWrite(ctx.data, { action: 'fulfillment_order.act', foId, fo });
      if (intent) intents.push(intent);
    }
    if (intents.length === 0) return { status: 'skipped', reason: 'the trigger has no stored order to change', code: 'no_order', input: fo };
    return { status: 'done', port: 'out', input: { ...fo, fulfillmentOrders: foIds }, output: { order: ctx.data.order.number, fulfillmentOrders: foIds, ...fo }, intents };
  });
}

export const fulfillmentActionNodes: readonly NodeType[] = [
  foStep(requestFulfillmentSpec, async (ctx) => ({ kind: 'request_fulfillment', message: optional(await text(ctx, 'message')) })),
  foStep(requestFoCancellationSpec, async (ctx) => ({ kind: 'request_cancellation', note: optional(await text(ctx, 'note')) })),
  foStep(holdFulfillmentSpec, async (ctx) => ({ kind: 'hold', reason: String(ctx.params['reason'] ?? 'other'), note: optional(await text(ctx, 'note')) })),
  foStep(releaseHoldSpec, async () => ({ kind: 'release_hold' })),
  foStep(markFoFulfilledSpec, async (ctx) => ({
    kind: 'fulfil', by: 'merchant',
    trackingNumber: optional(await text(ctx, 'trackingNumber')),
    carrier: optional(String(ctx.params['carrier'] ?? '').trim()),
    trackingUrl: optional(await text(ctx, 'trackingUrl')),
    notifyCustomer: ctx.params['notifyCustomer'] === true,
  })),
];
