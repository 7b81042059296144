import { describe, expect, it } from 'vitest';
import { copyPiece, pastePiece } from './clipboard.ts';
import { canConnect } from './connection-rules.ts';
import { fold, paletteGroups } from './palette.ts';
import type { NodeSpecDto } from '../../../engine/contract/index.ts';

const node = (id: string, x = 0) => ({ id, type: 't.x', typeVersion: 1, position: { x, y: 0 }, params: { tags: ['VIP'] } });

describe('copy and paste', () => {
  it('copies the chosen nodes and the edges between them, and pastes them with new ids and moved', () => {
    const piece = copyPiece(
      [node('a'), node('b', 100), node('c')],
      [
        { id: 'e1', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' },
        { id: 'e2', source: 'b', sourcePort: 'out', target: 'c', targetPort: 'in' },
      ],
      new Set(['a', 'b']),
    );
    expect(piece.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(piece.edges.map((e) => e.id)).toEqual(['e1']);
    const pasted = pastePiece(piece, new Set(['a', 'b', 'c', 'e1', 'e2']), { x: 32, y: 32 });
    const [a, b] = pasted.nodes;
    expect(new Set([a!.id, b!.id, 'a', 'b', 'c']).size).toBe(5);
    expect(b!.position).toEqual({ x: 132, y: 32 });
    expect(pasted.edges).toEqual([{ id: expect.not.stringMatching(/^e1$/), source: a!.id, sourcePort: 'out', target: b!.id, targetPort: 'in' }]);
    // Params are copies, not shared.
    expect(a!.params['tags']).not.toBe(piece.nodes[0]!.params['tags']);
  });
});

describe('canConnect', () => {
  const links = [{ source: 'a', target: 'b', sourcePort: 'out', targetPort: 'in' }];
  it('refuses a loop, a self-connection and a duplicate', () => {
    expect(canConnect(['a', 'b', 'c'], links, { source: 'b', target: 'c', sourcePort: 'out', targetPort: 'in' })).toBe(true);
    expect(canConnect(['a', 'b'], links, { source: 'b', target: 'a', sourcePort: 'out', targetPort: 'in' })).toBe(false);
    expect(canConnect(['a', 'b'], links, { source: 'a', target: 'a', sourcePort: 'out', targetPort: 'in' })).toBe(false);
    expect(canConnect(['a', 'b'], links, links[0]!)).toBe(false);
  });
});

describe('paletteGroups', () => {
  const spec = (type: string, category: NodeSpecDto['category'], label: string): NodeSpecDto => ({
    type, version: 1, label, description: '', category, connector: 'x', icon: '', inputs: [], outputs: [], paramsSchema: {},
  });
  const specs = [spec('a.tag', 'action', 'Gắn tag đơn hàng'), spec('t.created', 'trigger', 'Đơn hàng được tạo'), spec('l.if', 'condition', 'Điều kiện')];
  const words = (s: NodeSpecDto) => ({ label: s.label, description: s.description });

  it('groups Triggers, Conditions, Actions in that order', () => {
    expect(paletteGroups(specs, '', words).map((g) => g.category)).toEqual(['trigger', 'condition', 'action']);
  });

  it('finds Vietnamese words typed without accents', () => {
    expect(fold('Điều kiện')).toBe('dieu kien');
    expect(paletteGroups(specs, 'dieu kien', words).flatMap((g) => g.entries.map((e) => e.spec.type))).toEqual(['l.if']);
    expect(paletteGroups(specs, 'don hang', words).flatMap((g) => g.entries.map((e) => e.spec.type))).toEqual(['t.created', 'a.tag']);
  });
});
