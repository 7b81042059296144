import { describe, expect, it } from 'vitest';
import type { NodeSpecDto } from '../../../engine/contract/index.ts';
import { documentKey, toDocument } from '../../canvas/document-mapping.ts';
import { createFlowEditorStore } from './create-flow-editor-store.ts';

const specs: NodeSpecDto[] = [
  {
    type: 't.trigger', version: 1, label: 'Order created', description: '', category: 'trigger', connector: 'orders', icon: 'order',
    inputs: [], outputs: [{ id: 'out', label: 'Next' }],
    paramsSchema: { type: 'object', properties: { platforms: { type: 'array', default: [], items: { type: 'string', enum: ['shopify'] } } } },
  },
  {
    type: 't.if', version: 1, label: 'Condition', description: '', category: 'condition', connector: 'logic', icon: 'condition',
    inputs: [{ id: 'in', label: 'In' }], outputs: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }],
    paramsSchema: { type: 'object', properties: { field: { type: 'string' }, value: { type: 'string', default: '' } }, required: ['field'] },
  },
];

function editor() {
  let now = 0;
  const store = createFlowEditorStore({ specs, newName: 'New flow', now: () => (now += 5000) });
  const dirty = () => documentKey(toDocument(store.getState())) !== store.getState().savedKey;
  return { store, s: () => store.getState(), dirty };
}

describe('the flow editor store', () => {
  it('adds nodes with their schema defaults, selected, and connects their ports', () => {
    const { s, dirty } = editor();
    expect(dirty()).toBe(false);
    const a = s().addNode('t.trigger', { x: 0, y: 0 })!;
    const b = s().addNode('t.if', { x: 0, y: 200 })!;
    expect(s().nodes.map((n) => [n.data.type, n.data.params, Boolean(n.selected)])).toEqual([
      ['t.trigger', { platforms: [] }, false],
      ['t.if', { value: '' }, true],
    ]);
    expect(s().connect({ source: a, sourceHandle: 'out', target: b, targetHandle: 'in' })).toBe(true);
    // The same connection twice, or back up into a loop, is refused.
    expect(s().connect({ source: a, sourceHandle: 'out', target: b, targetHandle: 'in' })).toBe(false);
    expect(s().edges).toHaveLength(1);
    expect(dirty()).toBe(true);
  });

  it('undoes and redoes each change, typing in one field making one step', () => {
    let clock = 0;
    const store = createFlowEditorStore({ specs, newName: 'New flow', now: () => clock });
    const s = () => store.getState();
    const id = s().addNode('t.if', { x: 0, y: 0 })!;
    clock = 5000;
    for (const text of ['o', 'or', 'order']) {
      clock += 100;
      s().setParam(id, 'field', text);
    }
    expect(s().past).toHaveLength(2);
    s().undo();
    expect(s().nodes[0]!.data.params['field']).toBeUndefined();
    s().undo();
    expect(s().nodes).toHaveLength(0);
    s().redo();
    s().redo();
    expect(s().nodes[0]!.data.params['field']).toBe('order');
    expect(s().future).toHaveLength(0);
  });

  it('pastes copies with new ids, selected, as one undoable step', () => {
    const { s } = editor();
    const a = s().addNode('t.trigger', { x: 0, y: 0 })!;
    const b = s().addNode('t.if', { x: 0, y: 200 })!;
    s().connect({ source: a, sourceHandle: 'out', target: b, targetHandle: 'in' });
    s().onNodesChange([{ type: 'select', id: a, selected: true }]);
    expect(s().copySelection()).toBe(2);
    expect(s().paste()).toBe(2);
    expect(s().nodes).toHaveLength(4);
    expect(new Set(s().nodes.map((n) => n.id)).size).toBe(4);
    expect(s().edges).toHaveLength(2);
    const copies = s().nodes.filter((n) => n.selected);
    expect(copies.map((n) => n.position)).toEqual([{ x: 32, y: 32 }, { x: 32, y: 232 }]);
    s().undo();
    expect(s().nodes).toHaveLength(2);
  });

  it('shows a run read-only: nothing moves, nothing is removed', () => {
    const store = createFlowEditorStore({
      specs,
      run: {
        document: { name: 'r', nodes: [{ id: 'a', type: 't.trigger', typeVersion: 1, position: { x: 0, y: 0 }, params: {} }], edges: [] },
        steps: [{ seq: 1, nodeId: 'a', nodeType: 't.trigger', status: 'done', reason: null, port: 'out', input: {}, output: {}, startedAt: '', durationMs: 1, intents: [], dueAt: null }],
      },
    });
    const s = store.getState();
    s.onNodesChange([{ type: 'position', id: 'a', position: { x: 50, y: 50 } }, { type: 'remove', id: 'a' }]);
    expect(store.getState().nodes[0]!.position).toEqual({ x: 0, y: 0 });
    expect(s.addNode('t.if', { x: 0, y: 0 })).toBeNull();
    expect(store.getState().steps.get('a')?.status).toBe('done');
  });
});
