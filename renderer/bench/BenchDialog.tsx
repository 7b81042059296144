import { useEffect, useId, useRef, type ReactNode } from 'react';
import './bench.css';

interface BenchDialogProps {
  title: string;
  closeLabel: string;
  onClose: () => void;
  /** The diff view needs the screen's width; the replay dialog reads better narrow. */
  wide?: boolean;
  children: ReactNode;
}

/** A modal <dialog> of the tester's bench: Escape or Close closes it, focus stays inside. */
export function BenchDialog({ title, closeLabel, onClose, wide = false, children }: BenchDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'bench-dialog bench-dialog-wide' : 'bench-dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="bench-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" onClick={onClose}>
          {closeLabel}
        </button>
      </header>
      {children}
    </dialog>
  );
}
