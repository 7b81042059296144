import type { FlowDocument, Platform, ReconcileProgress } from '../../engine/contract/index.ts';
import type { TempEngine } from './temp-engine.ts';

/** A flow "<trigger> → add order tag <tag>" on one platform's orders. */
export function tagFlow(platform: Platform, name: string, trigger: string, tag: string): FlowDocument {
  return {
    name,
    nodes: [
      { id: 'trigger', type: trigger, typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: [platform] } },
      { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 120 }, params: { tags: [tag] } },
    ],
    edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'tag', targetPort: 'in' }],
  };
}

/** Waits for the connection's reconciliation to finish, then for the deliveries it queued to be processed. */
export async function settled(t: TempEngine, id: string): Promise<ReconcileProgress> {
  for (let i = 0; i < 1000; i++) {
    const p = await t.engine.call('connections.reconcileStatus', { id });
    if (p.state !== 'running' && p.state !== 'idle') {
      await t.engine.idle();
      return p;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('reconciliation did not finish');
}
