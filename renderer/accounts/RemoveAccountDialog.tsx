import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDto, ApiResult } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import '../connections/remove-dialog.css';

type Impact = { state: 'checking' } | { state: 'known'; answer: ApiResult<'accounts.remove'> } | { state: 'unknown'; message: string };

interface RemoveAccountDialogProps {
  account: AccountDto;
  onRemoved: (result: ApiResult<'accounts.remove'>) => void;
  onCancel: () => void;
}

/** Asks first (the engine's dry run), naming the flows whose steps use the account and those it turns off. */
export function RemoveAccountDialog({ account, onRemoved, onCancel }: RemoveAccountDialogProps) {
  const { t } = useTranslation('accounts');
  const client = useApiClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [impact, setImpact] = useState<Impact>({ state: 'checking' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  useEffect(() => {
    let current = true;
    client.call('accounts.remove', { id: account.id, dryRun: true }).then(
      (answer) => current && setImpact({ state: 'known', answer }),
      (e: unknown) => current && setImpact({ state: 'unknown', message: toApiError(e).message }),
    );
    return () => {
      current = false;
    };
  }, [client, account.id]);

  async function remove(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      onRemoved(await client.call('accounts.remove', { id: account.id }));
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
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={headingId}>{t('remove.title', { name: account.name })}</h2>
      <p>{t('remove.lead')}</p>
      <div className="conn-impact" aria-live="polite">
        {impact.state === 'checking' ? <p className="muted">{t('remove.checking')}</p> : null}
        {impact.state === 'unknown' ? <p>{t('remove.checkFailed', { message: impact.message })}</p> : null}
        {impact.state === 'known' && impact.answer.usedBy.length === 0 ? <p>{t('remove.unused')}</p> : null}
        {impact.state === 'known' && impact.answer.usedBy.length > 0 ? (
          <>
            <p>{t('remove.usedBy', { count: impact.answer.usedBy.length })}</p>
            <ul>
              {impact.answer.usedBy.map((f) => (
                <li key={f.id}>
                  {f.name} {f.active ? <span className="acc-off">{t('remove.turnedOff')}</span> : null}
                </li>
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
        <button type="button" className="button-danger" disabled={busy || impact.state === 'checking'} onClick={() => void remove()}>
          {busy ? t('remove.removing') : t('remove.confirm')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel} autoFocus>
          {t('remove.cancel')}
        </button>
      </div>
    </dialog>
  );
}
