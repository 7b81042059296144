import '../flows-list/flows-list.css';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../flows-list/Dialog.tsx';

interface RestoreDialogProps {
  version: number;
  /** The number the restored copy gets. */
  next: number;
  /** The version running now, or null when the flow is off. */
  active: number | null;
  unsaved: boolean;
  onRestore: () => void;
  onClose: () => void;
}

/** Says what restoring does before it is done: a new version, what runs, what is lost. */
export function RestoreDialog({ version, next, active, unsaved, onRestore, onClose }: RestoreDialogProps) {
  const { t } = useTranslation('versions');
  return (
    <Dialog title={t('dialog.title', { version })} confirm={{ label: t('dialog.confirm') }} cancelLabel={t('dialog.cancel')} onConfirm={onRestore} onClose={onClose}>
      <p>{t('dialog.body', { next })}</p>
      <p>{active !== null ? t('dialog.runs', { next, active }) : t('dialog.staysOff')}</p>
      {unsaved ? <p className="version-warning">{t('dialog.unsaved')}</p> : null}
    </Dialog>
  );
}
