import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxEntryDto, ReplayMode, ReplayResultDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { BenchDialog } from './BenchDialog.tsx';
import { ReplayResult } from './ReplayResult.tsx';

const modes: readonly ReplayMode[] = ['current', 'as_ran', 'from_failed'];

interface ReplayDialogProps {
  delivery: InboxEntryDto;
  onClose: () => void;
  /** A replay made runs: the delivery's run list is out of date. */
  onReplayed: () => void;
}

/**
 * "Replay…": how (as it ran, on the current version, from the failed step), dry (the default)
 * or live, and optionally with an edited payload, signed again or sent unsigned. The answer
 * says what the stored bytes verify as now and which runs the replay made.
 */
export function ReplayDialog({ delivery, onClose, onReplayed }: ReplayDialogProps) {
  const { t } = useTranslation('bench');
  const client = useApiClient();
  const loadRaw = useCallback(() => client.call('inbox.get', { id: delivery.id }), [client, delivery.id]);
  const raw = useApiQuery(loadRaw);
  const [mode, setMode] = useState<ReplayMode>('current');
  const [live, setLive] = useState(false);
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState<string | null>(null);
  const [sign, setSign] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ReplayResultDto | null>(null);
  const ids = { mode: useId(), run: useId(), body: useId(), warn: useId() };

  // Only text can be edited here; a body that is not UTF-8 is replayed as it is.
  const text = raw.data?.bodyEncoding === 'utf8' && raw.data.bodyPrunedAt === null ? raw.data.body : null;
  const edited = editing && body !== null && body !== text;

  async function replay() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const answer = await client.call('deliveries.replay', {
        inboxId: delivery.id,
        mode,
        dryRun: !live,
        ...(edited ? { body: body ?? '', sign } : {}),
      });
      setResult(answer);
      onReplayed();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <BenchDialog title={t('replay.title', { id: delivery.id })} closeLabel={t('close')} onClose={onClose}>
      <form
        className="bench-form"
        onSubmit={(e) => {
          e.preventDefault();
          void replay();
        }}
      >
        <fieldset>
          <legend id={ids.mode}>{t('replay.mode')}</legend>
          {modes.map((m) => (
            <label key={m} className="bench-choice">
              <input type="radio" name={ids.mode} checked={mode === m} onChange={() => setMode(m)} />
              <span>
                <strong>{t(`mode.${m}`)}</strong>
                <span className="muted">{t(`mode.${m}Hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('replay.how')}</legend>
          <label className="bench-choice">
            <input type="radio" name={ids.run} checked={!live} onChange={() => setLive(false)} />
            <span>
              <strong>{t('replay.dry')}</strong>
              <span className="muted">{t('replay.dryHint')}</span>
            </span>
          </label>
          <label className="bench-choice">
            <input type="radio" name={ids.run} checked={live} onChange={() => setLive(true)} aria-describedby={live ? ids.warn : undefined} />
            <span>
              <strong>{t('replay.live')}</strong>
              <span className="muted">{t('replay.liveHint')}</span>
            </span>
          </label>
          {live ? (
            <p id={ids.warn} className="bench-warning" role="alert">
              {t('replay.liveWarning')}
            </p>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>{t('replay.payload')}</legend>
          <label className="bench-check">
            <input
              type="checkbox"
              checked={editing}
              disabled={text === null}
              onChange={(e) => {
                setEditing(e.target.checked);
                if (e.target.checked && body === null) setBody(text);
              }}
            />
            {t('replay.edit')}
          </label>
          {raw.data && text === null ? <p className="muted">{raw.data.bodyPrunedAt ? t('replay.pruned') : t('replay.notText')}</p> : null}
          {editing && text !== null ? (
            <>
              <label htmlFor={ids.body} className="visually-hidden">
                {t('replay.body')}
              </label>
              <textarea id={ids.body} className="bench-body-edit mono" value={body ?? ''} spellCheck={false} rows={10} onChange={(e) => setBody(e.target.value)} />
              <div className="bench-sign" role="radiogroup" aria-label={t('replay.signing')}>
                <label className="bench-check">
                  <input type="radio" checked={sign} onChange={() => setSign(true)} />
                  {t('replay.resign')}
                </label>
                <label className="bench-check">
                  <input type="radio" checked={!sign} onChange={() => setSign(false)} />
                  {t('replay.unsigned')}
                </label>
              </div>
              {!edited ? <p className="muted">{t('replay.unchanged')}</p> : null}
            </>
          ) : null}
        </fieldset>
        <div className="bench-buttons">
          <button type="submit" className={live ? 'button-danger' : 'button-primary'} disabled={busy}>
            {busy ? t('replay.working') : live ? t('replay.goLive') : t('replay.goDry')}
          </button>
        </div>
        {error ? (
          <p className="bench-error" role="alert">
            {t('replay.failed', { message: error })}
          </p>
        ) : null}
      </form>
      {result ? <ReplayResult result={result} /> : null}
    </BenchDialog>
  );
}
