import { describe, expect, it } from 'vitest';
import type { RunDiffDto } from '../../engine/contract/index.ts';
import { diffView, showValue } from './run-diff-view.ts';

const diff = {
  inboxId: 1, flowId: 'flw_1', original: null, replay: null as never,
  path: { original: ['t', 'check', 'mail'], replay: ['t', 'check', 'tag'] },
  samePath: false,
  nodes: [
    { nodeId: 't', label: null, nodeType: 'orders.order_created', original: { status: 'done', port: null }, replay: { status: 'done', port: null }, same: true, inputs: [] },
    { nodeId: 'check', label: 'Big order?', nodeType: 'logic.compare', original: { status: 'done', port: 'false' }, replay: { status: 'done', port: 'true' }, same: false, inputs: [] },
    { nodeId: 'mail', label: null, nodeType: 'email.send', original: { status: 'done', port: null }, replay: null, same: false, inputs: [] },
    { nodeId: 'tag', label: null, nodeType: 'flowdesk.add_order_tag', original: null, replay: { status: 'done', port: null }, same: false, inputs: [{ kind: 'tag', field: 'tags', original: undefined, replay: ['vip'] }] },
  ],
} satisfies Omit<RunDiffDto, 'replay'> & { replay: never };

describe('diffView', () => {
  it('marks the nodes that differ on each path and lists them, the current version first', () => {
    const v = diffView(diff as unknown as RunDiffDto);
    expect(v.original.map((s) => [s.nodeId, s.status, s.differs])).toEqual([['t', 'done', false], ['check', 'done', true], ['mail', 'done', true]]);
    expect(v.replay.map((s) => [s.nodeId, s.status, s.differs])).toEqual([['t', 'done', false], ['check', 'done', true], ['tag', 'done', true]]);
    expect(v.changed.map((n) => n.nodeId)).toEqual(['check', 'tag', 'mail']);
  });
});

describe('showValue', () => {
  it('shows text as it is, the rest as JSON, nothing as a dash', () => {
    expect(showValue('Hi')).toBe('Hi');
    expect(showValue(['vip'])).toBe('["vip"]');
    expect(showValue(undefined)).toBe('—');
  });
});
