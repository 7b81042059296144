import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { diffFlows, diffSize, type FlowDiff } from './flow-diff.ts';
import type { FlowDocument, FlowEdge, FlowNode } from './flow-document.ts';

/** "order created → total over 100 → tag VIP", the base every row changes one thing of. */
function base(): FlowDocument {
  return {
    name: 'Tag big orders',
    nodes: [
      { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: [] } },
      {
        id: 'big',
        type: 'logic.compare',
        typeVersion: 1,
        position: { x: 0, y: 120 },
        label: 'Total over 100',
        params: { field: 'order.totalPrice', valueType: 'number', operator: 'gt', value: '100' },
      },
      { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 240 }, params: { tags: ['VIP'] } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'big', targetPort: 'in' },
      { id: 'e2', source: 'big', sourcePort: 'yes', target: 'tag', targetPort: 'in' },
    ],
  };
}

type Change = (doc: FlowDocument) => void;
const node = (doc: FlowDocument, id: string): FlowNode => doc.nodes.find((n) => n.id === id)!;
const none: FlowDiff = { nodesAdded: [], nodesRemoved: [], nodesChanged: [], moved: 0, edgesAdded: [], edgesRemoved: [] };
const note: FlowNode = { id: 'note', type: 'flowdesk.add_timeline_note', typeVersion: 1, position: { x: 0, y: 360 }, params: { text: 'Đơn lớn' } };
const toNote: FlowEdge = { id: 'e3', source: 'tag', sourcePort: 'out', target: 'note', targetPort: 'in' };

const rows: [what: string, change: Change, expected: Partial<FlowDiff>][] = [
  ['nothing', () => {}, {}],
  ['keys written in another order', (d) => (node(d, 'big').params = { value: '100', operator: 'gt', valueType: 'number', field: 'order.totalPrice' }), {}],
  ['a step dragged: counted, not listed', (d) => (node(d, 'tag').position = { x: 40, y: 260 }), { moved: 1 }],
  [
    'a param changed: key, before and after',
    (d) => (node(d, 'big').params['value'] = '2000000'),
    { nodesChanged: [{ id: 'big', type: 'logic.compare', label: 'Total over 100', params: [{ key: 'value', before: '100', after: '2000000' }] }] },
  ],
  [
    'a list param changed, Vietnamese text',
    (d) => (node(d, 'tag').params['tags'] = ['VIP', 'Khách quen']),
    { nodesChanged: [{ id: 'tag', type: 'flowdesk.add_order_tag', params: [{ key: 'tags', before: ['VIP'], after: ['VIP', 'Khách quen'] }] }] },
  ],
  [
    'a param set that was not there, and one removed',
    (d) => {
      node(d, 'trigger').params = { onlyPaid: true };
    },
    {
      nodesChanged: [
        {
          id: 'trigger',
          type: 'orders.order_created',
          params: [
            { key: 'platforms', before: [] },
            { key: 'onlyPaid', after: true },
          ],
        },
      ],
    },
  ],
  [
    'a label changed, and moved too: a change (the move is part of it)',
    (d) => {
      node(d, 'big').label = 'Total over 2,000,000';
      node(d, 'big').position = { x: 10, y: 10 };
    },
    { nodesChanged: [{ id: 'big', type: 'logic.compare', label: 'Total over 2,000,000', params: [], labelChange: { before: 'Total over 100', after: 'Total over 2,000,000' } }] },
  ],
  [
    'a label cleared',
    (d) => delete node(d, 'big').label,
    { nodesChanged: [{ id: 'big', type: 'logic.compare', params: [], labelChange: { before: 'Total over 100' } }] },
  ],
  [
    'a step added with its connection',
    (d) => {
      d.nodes.push(note);
      d.edges.push(toNote);
    },
    { nodesAdded: [{ id: 'note', type: 'flowdesk.add_timeline_note' }], edgesAdded: [toNote] },
  ],
  [
    'a step removed with its connection',
    (d) => {
      d.nodes = d.nodes.filter((n) => n.id !== 'tag');
      d.edges = d.edges.filter((e) => e.target !== 'tag');
    },
    {
      nodesRemoved: [{ id: 'tag', type: 'flowdesk.add_order_tag' }],
      edgesRemoved: [{ id: 'e2', source: 'big', sourcePort: 'yes', target: 'tag', targetPort: 'in' }],
    },
  ],
  [
    'a connection moved from yes to no',
    (d) => (d.edges[1] = { ...d.edges[1]!, sourcePort: 'no' }),
    {
      edgesAdded: [{ id: 'e2', source: 'big', sourcePort: 'no', target: 'tag', targetPort: 'in' }],
      edgesRemoved: [{ id: 'e2', source: 'big', sourcePort: 'yes', target: 'tag', targetPort: 'in' }],
    },
  ],
  ['a connection drawn again with a new id: no change', (d) => (d.edges[0] = { ...d.edges[0]!, id: 'xy-edge-7' }), {}],
  [
    'the same id now another type: removed and added',
    (d) => (d.nodes[2] = { ...note, id: 'tag' }),
    { nodesAdded: [{ id: 'tag', type: 'flowdesk.add_timeline_note' }], nodesRemoved: [{ id: 'tag', type: 'flowdesk.add_order_tag' }] },
  ],
  [
    'a newer version of a step type',
    (d) => (node(d, 'tag').typeVersion = 2),
    { nodesChanged: [{ id: 'tag', type: 'flowdesk.add_order_tag', params: [], typeVersion: { before: 1, after: 2 } }] },
  ],
  ['the name changed', (d) => (d.name = 'Đơn lớn → VIP'), { name: { before: 'Tag big orders', after: 'Đơn lớn → VIP' } }],
  ['a description added', (d) => (d.description = 'Gắn thẻ VIP'), { description: { after: 'Gắn thẻ VIP' } }],
  ['an empty description is no description', (d) => (d.description = ''), {}],
];

describe('diffFlows', () => {
  it.each(rows)('%s', (_what, change, expected) => {
    const after = base();
    change(after);
    const diff = diffFlows(base(), after);
    expect(diff).toEqual({ ...none, ...expected });
    const listed = diffSize({ ...none, ...expected });
    expect(diffSize(diff)).toBe(listed);
  });

  it('reads the diff back: from the changed document to the base, added and removed swap', () => {
    const after = base();
    after.nodes.push(note);
    after.edges.push(toNote);
    const back = diffFlows(after, base());
    expect(back.nodesRemoved).toEqual([{ id: 'note', type: 'flowdesk.add_timeline_note' }]);
    expect(back.edgesRemoved).toEqual([toNote]);
    expect(back.nodesAdded).toEqual([]);
  });

  it('survives a JSON round trip (it crosses the API as it is)', () => {
    const after = base();
    node(after, 'trigger').params = { onlyPaid: true };
    const diff = diffFlows(base(), after);
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });
});

describe('canonicalJson', () => {
  it.each([
    ['keys sorted at every level', { b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}'],
    ['undefined keys left out, undefined in arrays is null', { a: undefined, b: [undefined, 1] }, '{"b":[null,1]}'],
    ['numeric keys sorted as text', { 10: 'x', 2: 'y' }, '{"10":"x","2":"y"}'],
    ['text with diacritics kept as is', { note: 'Đơn hàng' }, '{"note":"Đơn hàng"}'],
    ['non-finite numbers as null', { n: Number.NaN }, '{"n":null}'],
  ])('%s', (_what, value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });
});
