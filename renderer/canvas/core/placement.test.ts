import { describe, expect, it } from 'vitest';
import { placeNext } from './placement.ts';

describe('where a step added from the keyboard goes', () => {
  it('on an empty canvas, at the place given', () => {
    expect(placeNext([], { x: 10, y: 20 })).toEqual({ x: 10, y: 20 });
  });

  it('under the selected step, with room for the warning its card may show later', () => {
    const nodes = [
      { id: 'a', position: { x: 0, y: 0 }, measured: { height: 84 } },
      { id: 'b', position: { x: 0, y: 400 }, measured: { height: 84 }, selected: true },
    ];
    const at = placeNext(nodes, { x: 0, y: 0 });
    expect(at.x).toBe(0);
    // A card of 84 px may grow to ~150 with a problem: the next one starts below that.
    expect(at.y).toBeGreaterThanOrEqual(400 + 150);
  });

  it('beside a step already there, never on it', () => {
    const nodes = [
      { id: 'a', position: { x: 0, y: 0 }, measured: { height: 84 }, selected: true },
      { id: 'b', position: { x: 0, y: 230 }, measured: { height: 84 } },
    ];
    const at = placeNext(nodes, { x: 0, y: 0 });
    expect(Math.abs(at.x - 0)).toBeGreaterThanOrEqual(240);
  });
});
