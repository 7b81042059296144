import { describe, expect, it } from 'vitest';
import { anyOverlap, autoLayout } from './auto-layout.ts';

const size = { width: 240, height: 80 };
const portOrder = (id: string) => (id === 'cond' ? ['yes', 'no'] : ['out']);

describe('autoLayout', () => {
  it('puts the trigger on top and each step below what leads to it', () => {
    const at = autoLayout(
      [{ id: 'tag', ...size }, { id: 'cond', ...size }, { id: 'trigger', ...size }],
      [
        { source: 'trigger', target: 'cond', sourcePort: 'out' },
        { source: 'cond', target: 'tag', sourcePort: 'yes' },
      ],
      { portOrder },
    );
    expect(at.get('trigger')!.y).toBeLessThan(at.get('cond')!.y - size.height);
    expect(at.get('cond')!.y).toBeLessThan(at.get('tag')!.y - size.height);
    // One column: the same x for a straight line.
    expect(new Set([...at.values()].map((p) => p.x)).size).toBe(1);
  });

  it("puts a condition's Yes branch left of its No branch, whatever the order of the lists", () => {
    const nodes = [{ id: 'no-step', ...size }, { id: 'yes-step', ...size }, { id: 'cond', ...size }, { id: 'trigger', ...size }];
    const edges = [
      { source: 'cond', target: 'no-step', sourcePort: 'no' },
      { source: 'trigger', target: 'cond', sourcePort: 'out' },
      { source: 'cond', target: 'yes-step', sourcePort: 'yes' },
    ];
    const at = autoLayout(nodes, edges, { portOrder });
    expect(at.get('yes-step')!.x).toBeLessThan(at.get('no-step')!.x);
    expect(at.get('yes-step')!.y).toBe(at.get('no-step')!.y);
    expect(anyOverlap(nodes.map((n) => ({ ...n, ...at.get(n.id)! })))).toBe(false);
  });

  it('tells overlapping boxes from separate ones', () => {
    expect(anyOverlap([{ id: 'a', x: 0, y: 0, ...size }, { id: 'b', x: 0, y: 60, ...size }])).toBe(true);
    expect(anyOverlap([{ id: 'a', x: 0, y: 0, ...size }, { id: 'b', x: 0, y: 200, ...size }])).toBe(false);
  });
});
