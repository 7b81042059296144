import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';

const node = (id: string, type: string, params: Record<string, unknown> = {}, label?: string) => ({ id, type, typeVersion: 1, position: { x: 0, y: 0 }, params, ...(label ? { label } : {}) });
const edge = (source: string, target: string, sourcePort = 'out') => ({ id: `${source}-${target}`, source, sourcePort, target, targetPort: 'in' });
const condition = { condition: { id: 'root', join: 'all', rules: [{ id: 'r1', type: 'number', field: 'order.totalPrice', operator: 'gt', value: 100 }] } };

describe('steps that would never run are warned about before save', () => {
  let t: TempEngine;
  beforeEach(async () => {
    t = await startTempEngine();
  });
  afterEach(() => t.close());
  const warnings = async (doc: FlowDocument) => (await t.engine.call('flows.validate', { document: doc })).filter((p) => p.severity === 'warning').map((p) => [p.code, p.nodeId]);

  it('names a step no path from the trigger reaches, and a condition nothing follows', async () => {
    const doc: FlowDocument = {
      name: 'Loose ends',
      nodes: [
        node('trigger', 'orders.order_created', { platforms: [] }),
        node('big', 'logic.condition', condition, 'Big order?'),
        node('tag', 'flowdesk.add_order_tag', { tags: ['VIP'] }),
        node('note', 'flowdesk.add_timeline_note', { text: 'never' }),
      ],
      edges: [edge('trigger', 'big')],
    };
    expect(await warnings(doc)).toEqual([['condition_leads_nowhere', 'big'], ['unreachable', 'tag'], ['unreachable', 'note']]);
    const [unreachable] = (await t.engine.call('flows.validate', { document: doc })).filter((p) => p.code === 'unreachable');
    expect(unreachable?.message).toBe('Add order tag: no path from the trigger leads here, so this step never runs');
    // Warnings, not errors: it saves.
    expect((await t.engine.call('flows.save', { document: doc })).latestVersion).toBe(1);
  });

  it('a condition with one branch connected is a filter: nothing to say', async () => {
    const doc: FlowDocument = {
      name: 'VIP',
      nodes: [node('trigger', 'orders.order_created', { platforms: [] }), node('big', 'logic.condition', condition), node('tag', 'flowdesk.add_order_tag', { tags: ['VIP'] })],
      edges: [edge('trigger', 'big'), edge('big', 'tag', 'yes')],
    };
    expect(await warnings(doc)).toEqual([]);
  });
});
