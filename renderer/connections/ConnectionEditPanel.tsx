import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUpdateArgs, editFormFrom, type ConnectionEditValues } from './connection-form.ts';
import { ConnectionSettings } from './ConnectionSettings.tsx';
import { SecretInput } from './SecretInput.tsx';
import { useFormProblem } from './useFormProblem.ts';
import { usePlatformWords } from './usePlatformWords.ts';
import { useConnectionUpdate, type ConnectionPanelProps } from './useConnectionUpdate.ts';

/**
 * A saved connection's name, store, settings (the same form as a new connection's: the Lazada
 * status table, the stock location, KiotViet's signature lock…) and secrets, saved with
 * `connections.update`. A secret left blank keeps the one stored; nothing is shown back.
 */
export function ConnectionEditPanel({ connection, info, onSaved, onClose }: ConnectionPanelProps) {
  const { t } = useTranslation('connections');
  const problemText = useFormProblem();
  const words = usePlatformWords();
  const ids = { heading: useId(), name: useId(), store: useId(), secretsHint: useId() };
  const [values, setValues] = useState<ConnectionEditValues>(() => editFormFrom(connection, info));
  const { busy, message, setMessage, update } = useConnectionUpdate({ saved: t('edit.saved'), failed: (message) => t('edit.failed', { message }) }, onSaved);
  const set = (patch: Partial<ConnectionEditValues>) => setValues((v) => ({ ...v, ...patch }));

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const built = buildUpdateArgs(values, connection, info);
    if (!built.ok) {
      setMessage({ kind: 'error', text: problemText(built) });
      return;
    }
    if (Object.keys(built.args).length === 1) {
      setMessage({ kind: 'saved', text: t('edit.unchanged') });
      return;
    }
    const saved = await update(built.args);
    if (saved) setValues(editFormFrom(saved, info));
  }

  return (
    <form className="conn-panel conn-form" aria-labelledby={ids.heading} onSubmit={(e) => void save(e)}>
      <h2 id={ids.heading}>{t('edit.title', { name: connection.name })}</h2>
      <div className="conn-grid">
        <div className="conn-field">
          <label htmlFor={ids.name}>{t('edit.name')}</label>
          <input id={ids.name} required value={values.name} onChange={(e) => set({ name: e.target.value })} />
        </div>
        <div className="conn-field">
          <label htmlFor={ids.store}>{t('edit.store')}</label>
          <input id={ids.store} required value={values.store} onChange={(e) => set({ store: e.target.value })} />
        </div>
      </div>

      <fieldset className="conn-secrets" aria-describedby={ids.secretsHint}>
        <legend>{t('form.secrets')}</legend>
        <p id={ids.secretsHint} className="conn-hint">
          {t('edit.secretsHint')}
        </p>
        {info.secrets.map((secret) => (
          <SecretInput
            key={secret.name}
            label={words.secretLabel(info, secret)}
            required={false}
            placeholder={connection.secretHints[secret.name] ?? t('edit.noSecret')}
            value={values.secrets[secret.name] ?? ''}
            onChange={(value) => set({ secrets: { ...values.secrets, [secret.name]: value } })}
          />
        ))}
      </fieldset>

      <ConnectionSettings
        info={info}
        settings={values.settings}
        settingsText={values.settingsText}
        onSettings={(settings) => set({ settings })}
        onText={(settingsText) => set({ settingsText })}
      />

      {message ? (
        <p className={message.kind === 'error' ? 'conn-error' : 'conn-saved'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      <div className="conn-buttons">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('edit.saving') : t('edit.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('edit.close')}
        </button>
      </div>
    </form>
  );
}
