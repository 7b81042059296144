import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface BulkRunConfirmProps {
  flowName: string;
  count: number;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a real run on many orders, naming the flow and how many. A modal <dialog>: Escape is "Don't run". */
export function BulkRunConfirm({ flowName, count, onConfirm, onCancel }: BulkRunConfirmProps) {
  const { t } = useTranslation('manual-run');
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const bodyId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="bulk-confirm"
      aria-labelledby={headingId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={headingId}>{t('bulk.confirmTitle', { flow: flowName, count })}</h2>
      <p id={bodyId}>{t('bulk.confirmBody', { flow: flowName, count })}</p>
      <div className="bulk-confirm-buttons">
        <button type="button" onClick={onCancel} autoFocus>
          {t('bulk.confirmBack')}
        </button>
        <button type="button" className="button-primary" onClick={onConfirm}>
          {t('bulk.confirmRun', { count })}
        </button>
      </div>
    </dialog>
  );
}
