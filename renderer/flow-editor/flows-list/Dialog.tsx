import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  children: ReactNode;
  /** The confirming button's words, and whether it destroys something. */
  confirm: { label: string; danger?: boolean; disabled?: boolean };
  cancelLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}

/** A modal dialog (the platform's <dialog>): Escape or Cancel closes it, focus stays inside. */
export function Dialog({ title, children, confirm, cancelLabel, onConfirm, onClose }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    onConfirm();
  }

  return (
    <dialog ref={ref} className="fe-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id={titleId}>{title}</h2>
        <div className="fe-dialog-body">{children}</div>
        <div className="fe-dialog-actions">
          <button type="button" onClick={onClose}>
            {cancelLabel}
          </button>
          <button type="submit" className={confirm.danger ? 'fe-danger-solid' : 'fe-primary'} disabled={confirm.disabled}>
            {confirm.label}
          </button>
        </div>
      </form>
    </dialog>
  );
}
