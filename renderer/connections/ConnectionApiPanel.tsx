import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiInUse } from '../../engine/contract/index.ts';
import { apiFormFrom, buildApiArgs, noApiFor } from './api-access.ts';
import { ApiAccessSection } from './ApiAccessSection.tsx';
import { ReconcileNow } from './ReconcileNow.tsx';
import { useFormProblem } from './useFormProblem.ts';
import { useConnectionUpdate, type ConnectionPanelProps } from './useConnectionUpdate.ts';

/** A saved connection's API access: the same section as the new-connection form, saved with `connections.update`; then "Reconcile now". */
export function ConnectionApiPanel({ connection, info, onSaved, onClose }: ConnectionPanelProps) {
  const { t } = useTranslation('write-back');
  const problemText = useFormProblem();
  const headingId = useId();
  const [values, setValues] = useState(() => apiFormFrom(info, connection.api));
  const { busy, message, setMessage, update } = useConnectionUpdate({ saved: t('edit.saved'), failed: (message) => t('edit.failed', { message }) }, onSaved);
  const blocked = noApiFor(info, connection.storeId, connection);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const built = buildApiArgs(values, info, connection.storeId, connection);
    if (!built.ok) {
      setMessage({ kind: 'error', text: problemText(built) });
      return;
    }
    if (!built.api) return;
    const secrets = Object.keys(built.secrets).length > 0 ? { secrets: built.secrets } : {};
    const saved = await update({ id: connection.id, api: built.api, ...secrets });
    if (saved) setValues(apiFormFrom(info, saved.api));
  }

  return (
    <form className="conn-panel conn-form conn-api-panel" aria-labelledby={headingId} onSubmit={(e) => void save(e)}>
      <h2 id={headingId}>{t('edit.title', { name: connection.name })}</h2>
      <ApiAccessSection info={info} storeId={connection.storeId} values={values} onChange={setValues} connection={connection} collapsible={false} />
      {message ? (
        <p className={message.kind === 'error' ? 'conn-error' : 'conn-saved'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      <div className="conn-buttons">
        {blocked ? null : (
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('edit.saving') : t('edit.save')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('edit.close')}
        </button>
      </div>
      {blocked ? null : apiInUse(connection.api) ? <ReconcileNow connection={connection} /> : <p className="conn-hint conn-reconcile">{t('reconcile.needsApi')}</p>}
    </form>
  );
}
