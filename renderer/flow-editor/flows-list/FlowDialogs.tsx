import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowSummaryDto } from '../../../engine/contract/index.ts';
import { Dialog } from './Dialog.tsx';

export function RenameDialog({ flow, onRename, onClose }: { flow: FlowSummaryDto; onRename: (name: string) => void; onClose: () => void }) {
  const { t } = useTranslation('flows');
  const [name, setName] = useState(flow.name);
  const id = useId();
  const trimmed = name.trim();
  return (
    <Dialog
      title={t('rename.title')}
      confirm={{ label: t('rename.confirm'), disabled: trimmed === '' || trimmed === flow.name }}
      cancelLabel={t('dialog.cancel')}
      onConfirm={() => onRename(trimmed)}
      onClose={onClose}
    >
      <div className="field">
        <label htmlFor={id}>{t('rename.name')}</label>
        <input id={id} value={name} maxLength={200} autoFocus onChange={(e) => setName(e.target.value)} />
      </div>
      <p className="muted">{t('rename.note')}</p>
    </Dialog>
  );
}

export function DeleteDialog({ flow, onDelete, onClose }: { flow: FlowSummaryDto; onDelete: () => void; onClose: () => void }) {
  const { t } = useTranslation('flows');
  return (
    <Dialog title={t('delete.title', { name: flow.name })} confirm={{ label: t('delete.confirm'), danger: true }} cancelLabel={t('dialog.cancel')} onConfirm={onDelete} onClose={onClose}>
      <p>{flow.activeVersion !== null ? t('delete.activeNote') : t('delete.note')}</p>
    </Dialog>
  );
}
