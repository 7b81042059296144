import { describe, expect, it } from 'vitest';
import type { FlowDocument, NodeSpecDto } from '../../engine/contract/index.ts';
import { flowRequirements, flowsTurnedOff } from './removal-impact.ts';

const spec = (type: string, category: NodeSpecDto['category'], requiresPlatform?: NodeSpecDto['requiresPlatform']) =>
  ({ type, category, ...(requiresPlatform ? { requiresPlatform } : {}) }) as NodeSpecDto;
const specs = new Map(
  [spec('orders.order_created', 'trigger'), spec('flowdesk.add_order_tag', 'action'), spec('haravan.confirm', 'action', 'haravan')].map((s) => [s.type, s]),
);
const doc = (nodes: { type: string; params?: Record<string, unknown> }[]): FlowDocument =>
  ({
    name: 'f',
    nodes: nodes.map((n, i) => ({ id: `n${i}`, type: n.type, typeVersion: 1, position: { x: 0, y: 0 }, params: n.params ?? {} })),
    edges: [],
  }) as FlowDocument;

describe('flowRequirements', () => {
  it('needs one of the trigger’s platforms and the platform of each node acting on one', () => {
    const d = doc([{ type: 'orders.order_created', params: { platforms: ['shopify', 'sapo'] } }, { type: 'haravan.confirm' }, { type: 'unknown.node' }]);
    expect(flowRequirements(d, specs)).toEqual([['shopify', 'sapo'], ['haravan']]);
    expect(flowRequirements(doc([{ type: 'orders.order_created', params: { platforms: [] } }]), specs)).toEqual([]);
  });
});

describe('flowsTurnedOff', () => {
  it('lists the active flows whose needs the remaining connections no longer meet', () => {
    const flows = [
      { id: 'a', name: 'Shopify only', document: doc([{ type: 'orders.order_created', params: { platforms: ['shopify'] } }]) },
      { id: 'b', name: 'Any platform', document: doc([{ type: 'orders.order_created', params: { platforms: [] } }]) },
      { id: 'c', name: 'Shopify or Sapo', document: doc([{ type: 'orders.order_created', params: { platforms: ['shopify', 'sapo'] } }]) },
    ];
    expect(flowsTurnedOff(flows, specs, ['sapo'])).toEqual([{ id: 'a', name: 'Shopify only' }]);
    expect(flowsTurnedOff(flows, specs, [])).toEqual([
      { id: 'a', name: 'Shopify only' },
      { id: 'c', name: 'Shopify or Sapo' },
    ]);
  });
});
