import type { CopiedPiece } from '../../canvas/core/clipboard.ts';

/**
 * The app's clipboard for steps: one for the whole window, so steps copied in one flow can be
 * pasted in another. Each paste lands a little further from the original.
 */
let held: { piece: CopiedPiece; pastes: number } | null = null;

export function holdPiece(piece: CopiedPiece): void {
  held = { piece, pastes: 0 };
}

export function nextPaste(): { piece: CopiedPiece; offset: { x: number; y: number } } | null {
  if (!held || held.piece.nodes.length === 0) return null;
  held.pastes += 1;
  const step = 32 * held.pastes;
  return { piece: held.piece, offset: { x: step, y: step } };
}
