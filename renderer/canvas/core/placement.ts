export interface Placed {
  id: string;
  position: { x: number; y: number };
  selected?: boolean;
  measured?: { width?: number; height?: number };
}

export const defaultNodeSize = { width: 240, height: 84 };
const gap = 56;
/**
 * The height a card may grow to once its problems show (a warning under the title, clamped to
 * three lines): a step placed under another leaves this much room, so neither covers the other.
 */
const roomFor = 150;

/**
 * Where a step added from the keyboard goes: under the selected step (or the lowest one),
 * or at `fallback` on an empty canvas.
 */
export function placeNext(nodes: readonly Placed[], fallback: { x: number; y: number }): { x: number; y: number } {
  const anchor = nodes.find((n) => n.selected) ?? [...nodes].sort((a, b) => bottom(b) - bottom(a))[0];
  if (!anchor) return fallback;
  const below = { x: anchor.position.x, y: bottom(anchor) + gap };
  // Step aside from any node already there.
  while (nodes.some((n) => Math.abs(n.position.x - below.x) < defaultNodeSize.width && Math.abs(n.position.y - below.y) < roomFor)) {
    below.x += defaultNodeSize.width + 32;
  }
  return below;
}

function bottom(n: Placed): number {
  return n.position.y + Math.max(n.measured?.height ?? defaultNodeSize.height, roomFor);
}
