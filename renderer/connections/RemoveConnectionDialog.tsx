import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult, ConnectionDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useRemovalImpact } from './useRemovalImpact.ts';
import './remove-dialog.css';

export type RemoveResult = ApiResult<'connections.remove'> & { name: string };

interface RemoveConnectionDialogProps {
  connection: ConnectionDto;
  connections: readonly ConnectionDto[];
  onRemoved: (result: RemoveResult) => void;
  onCancel: () => void;
}

/** Asks before removing, naming the flows that will be turned off. A modal <dialog>: focus stays inside, Escape cancels. */
export function RemoveConnectionDialog({ connection, connections, onRemoved, onCancel }: RemoveConnectionDialogProps) {
  const { t } = useTranslation('connections');
  const client = useApiClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const leadId = useId();
  const impact = useRemovalImpact(connection, connections);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  async function remove(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const result = await client.call('connections.remove', { id: connection.id });
      onRemoved({ ...result, name: connection.name });
    } catch (e) {
      setError(t('remove.failed', { message: toApiError(e).message }));
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      className="conn-dialog"
      aria-labelledby={headingId}
      aria-describedby={leadId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={headingId}>{t('remove.title', { name: connection.name })}</h2>
      <p id={leadId}>{t('remove.lead')}</p>
      <div className="conn-impact" aria-live="polite">
        {impact.state === 'checking' ? <p className="muted">{t('remove.checking')}</p> : null}
        {impact.state === 'unknown' ? <p>{t('remove.checkFailed', { message: impact.message })}</p> : null}
        {impact.state === 'known' && impact.flows.length === 0 ? <p>{t('remove.noFlows')}</p> : null}
        {impact.state === 'known' && impact.flows.length > 0 ? (
          <>
            <p>{t('remove.flows', { count: impact.flows.length })}</p>
            <ul>
              {impact.flows.map((f) => (
                <li key={f.id}>{f.name}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      {error ? (
        <p className="conn-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="conn-buttons">
        <button type="button" className="button-danger" disabled={busy} onClick={() => void remove()}>
          {busy ? t('remove.removing') : t('remove.confirm')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel} autoFocus>
          {t('remove.cancel')}
        </button>
      </div>
    </dialog>
  );
}
