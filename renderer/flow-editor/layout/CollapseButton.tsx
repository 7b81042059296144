interface CollapseButtonProps {
  /** Which way the panel folds: the palette to the left, the side panel to the right. */
  side: 'left' | 'right';
  open: boolean;
  /** The panel's name ("Steps"), shown along the collapsed strip. */
  label: string;
  /** What a click does ("Hide the steps"), as a tooltip. */
  hint: string;
  controls: string;
  onToggle: () => void;
}

// Chevrons: ‹ folds to the left, › to the right.
const chevron = { left: 'M15 18l-6-6 6-6', right: 'M9 18l6-6-6-6' } as const;

/** The button that shows or collapses a panel beside the canvas; the panel's name is always on it. */
export function CollapseButton({ side, open, label, hint, controls, onToggle }: CollapseButtonProps) {
  const points = open ? side : side === 'left' ? 'right' : 'left';
  return (
    <button type="button" className={`collapse-button collapse-${side}${open ? '' : ' is-collapsed'}`} aria-expanded={open} aria-controls={controls} title={hint} onClick={onToggle}>
      <svg width={16} height={16} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={chevron[points]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className={open ? 'fe-sr-only' : 'collapse-label'}>{label}</span>
    </button>
  );
}
