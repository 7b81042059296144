/**
 * Puts the keyboard focus on a step of the canvas (React Flow's focusable node). A step just
 * added is shown only once React Flow has measured it, so this tries again for a few frames.
 */
export function focusNode(nodeId: string, frames = 20): void {
  const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`);
  el?.focus({ preventScroll: true });
  if (el && document.activeElement === el) return;
  if (frames > 0) requestAnimationFrame(() => focusNode(nodeId, frames - 1));
}
