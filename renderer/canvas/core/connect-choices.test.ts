import { describe, expect, it } from 'vitest';
import type { NodeSpecDto } from '../../../engine/contract/index.ts';
import { connectTargets, sourcePorts } from './connect-choices.ts';

const spec = (type: string, label: string, category: NodeSpecDto['category'], inputs: string[], outputs: string[]): NodeSpecDto => ({
  type, version: 1, label, description: '', category, connector: 'x', icon: 'x',
  inputs: inputs.map((id) => ({ id, label: id })), outputs: outputs.map((id) => ({ id, label: id })), paramsSchema: { type: 'object' },
});
const specs = new Map([
  ['trigger', spec('trigger', 'Order created', 'trigger', [], ['out'])],
  ['if', spec('if', 'Condition', 'condition', ['in'], ['yes', 'no'])],
  ['tag', spec('tag', 'Add order tag', 'action', ['in'], ['out'])],
  ['merge', spec('merge', 'Merge', 'action', ['a', 'b'], ['out'])],
].map(([k, v]) => [k as string, v as NodeSpecDto]));

const nodes = [
  { id: 't', type: 'trigger', y: 0 },
  { id: 'tag2', type: 'tag', y: 600, label: 'Tag VIP' },
  { id: 'c', type: 'if', y: 200 },
  { id: 'above', type: 'tag', y: -200 },
];
const name = (n: { label?: string | undefined }, s: NodeSpecDto) => n.label ?? s.label;

describe('choosing a connection with the keyboard', () => {
  it('lists the source’s outputs in the spec’s order', () => {
    expect(sourcePorts(nodes[2], specs).map((p) => p.id)).toEqual(['yes', 'no']);
    expect(sourcePorts(undefined, specs)).toEqual([]);
  });

  it('offers the steps below first, nearest first, never a trigger or the source itself', () => {
    expect(connectTargets('t', 'out', nodes, [], specs, name).map((x) => [x.nodeId, x.name])).toEqual([
      ['c', 'Condition'],
      ['tag2', 'Tag VIP'],
      ['above', 'Add order tag'],
    ]);
  });

  it('leaves out a connection already drawn and one that would close a loop', () => {
    const links = [
      { source: 't', sourcePort: 'out', target: 'c', targetPort: 'in' },
      { source: 'c', sourcePort: 'yes', target: 'tag2', targetPort: 'in' },
    ];
    expect(connectTargets('t', 'out', nodes, links, specs, name).map((x) => x.nodeId)).toEqual(['tag2', 'above']);
    // From the tag back up to the condition would loop; the same port to the same step twice is refused.
    expect(connectTargets('tag2', 'out', nodes, links, specs, name).map((x) => x.nodeId)).toEqual(['above']);
    expect(connectTargets('c', 'yes', nodes, links, specs, name).map((x) => x.nodeId)).toEqual(['above']);
    expect(connectTargets('c', 'no', nodes, links, specs, name).map((x) => x.nodeId)).toEqual(['tag2', 'above']);
  });

  it('names the input of a step that has several', () => {
    const withMerge = [...nodes, { id: 'm', type: 'merge', y: 300 }];
    expect(connectTargets('t', 'out', withMerge, [], specs, name).filter((x) => x.nodeId === 'm').map((x) => x.input?.id)).toEqual(['a', 'b']);
  });
});
