import type { FlowDocument, FlowNode, RunDetailDto } from '../../engine/contract/index.ts';
import type { TempEngine } from './temp-engine.ts';
import { postShopify, sampleOrder } from './shopify.ts';

/** "Shopify order created → one message": for the chat connectors' tests (Telegram, Slack). */
export function createdThen(action: FlowNode, name = 'New order message'): FlowDocument {
  return {
    name,
    nodes: [{ id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: ['shopify'] } }, action],
    edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: action.id, targetPort: 'in' }],
  };
}

export function telegramNode(account: string, params: Record<string, unknown> = {}): FlowNode {
  return {
    id: 'telegram',
    type: 'telegram.send_message',
    typeVersion: 1,
    position: { x: 0, y: 160 },
    label: 'Tell the shop on Telegram',
    params: { account, chatId: '123456789', text: 'Đơn mới {{ order.number }}: {{ order.totalPrice | money }} — cảm ơn bạn!', ...params },
  };
}

export function slackNode(account: string, params: Record<string, unknown> = {}): FlowNode {
  return {
    id: 'slack',
    type: 'slack.post_message',
    typeVersion: 1,
    position: { x: 0, y: 160 },
    label: 'Tell the team on Slack',
    params: { account, text: 'Đơn mới {{ order.number }}: {{ order.totalPrice | money }} — giao hàng nhé!', ...params },
  };
}

/** Posts a signed Shopify orders/create for order `#<n>` and waits until the engine has nothing left due now. */
export async function postOrderCreated(t: TempEngine, hookUrl: string, n: number, overrides: Record<string, unknown> = {}): Promise<void> {
  const body = JSON.stringify(sampleOrder({ id: n, admin_graphql_api_id: `gid://shopify/Order/${n}`, name: `#${n}`, order_number: n, ...overrides }));
  const res = await postShopify(hookUrl, { body });
  if (res.status !== 200) throw new Error(`the webhook answered ${res.status}: ${JSON.stringify(res.json)}`);
  await t.engine.idle(2_000);
}

/** A signed Shopify orders/create for order `#<n>`; the run it started. */
export async function orderCreated(t: TempEngine, hookUrl: string, n: number, overrides: Record<string, unknown> = {}): Promise<RunDetailDto> {
  await postOrderCreated(t, hookUrl, n, overrides);
  const order = await t.engine.call('orders.get', { ref: `#${n}` });
  const [run] = await t.engine.call('runs.list', { orderId: order.summary.id });
  return t.engine.call('runs.get', { id: run!.id });
}

/** Waits until a parked run has been woken and run again (a provider's "retry after" honoured). */
export async function settled(t: TempEngine, runId: string, timeoutMs = 10_000): Promise<RunDetailDto> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await t.engine.idle(2_000);
    const run = await t.engine.call('runs.get', { id: runId });
    if (!['waiting', 'queued', 'running'].includes(run.status) || Date.now() > deadline) return run;
    await new Promise((r) => setTimeout(r, 100));
  }
}
