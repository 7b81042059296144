import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionDto, Platform, PlatformInfoDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { buildCreateArgs, emptyForm, type ConnectionFormValues } from './connection-form.ts';
import { ConnectionSettings } from './ConnectionSettings.tsx';
import { SecretInput } from './SecretInput.tsx';
import { ApiAccessSection } from './ApiAccessSection.tsx';
import { useFormProblem } from './useFormProblem.ts';
import { usePlatformWords } from './usePlatformWords.ts';

interface ConnectionFormProps {
  platforms: readonly PlatformInfoDto[];
  onCreated: (connection: ConnectionDto) => void;
  onCancel: (() => void) | null;
}

/** A new connection, for any platform the engine supports: what `connections.platforms` asks for. */
export function ConnectionForm({ platforms, onCreated, onCancel }: ConnectionFormProps) {
  const { t } = useTranslation('connections');
  const problemText = useFormProblem();
  const words = usePlatformWords();
  const client = useApiClient();
  const ids = { heading: useId(), platform: useId(), storeId: useId(), name: useId(), store: useId(), storeHint: useId(), secretsHint: useId() };
  const [values, setValues] = useState<ConnectionFormValues>(() => emptyForm(platforms[0]!));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const info = platforms.find((p) => p.platform === values.platform) ?? platforms[0]!;
  const set = (patch: Partial<ConnectionFormValues>) => setValues((v) => ({ ...v, ...patch }));

  function choosePlatform(platform: Platform): void {
    const next = platforms.find((p) => p.platform === platform);
    if (next) setValues((v) => ({ ...emptyForm(next), storeId: v.storeId, name: v.name, store: v.store }));
    setError(null);
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const built = buildCreateArgs(values, info);
    if (!built.ok) {
      setError(problemText(built));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onCreated(await client.call('connections.create', built.args));
    } catch (e) {
      setError(t('form.failed', { message: toApiError(e).message }));
      setBusy(false);
    }
  }

  return (
    <form className="conn-panel conn-form" aria-labelledby={ids.heading} onSubmit={(e) => void submit(e)}>
      <h2 id={ids.heading}>{t('form.title')}</h2>
      <div className="conn-grid">
        <div className="conn-field">
          <label htmlFor={ids.platform}>{t('form.platform')}</label>
          <select id={ids.platform} value={values.platform} onChange={(e) => choosePlatform(e.target.value as Platform)}>
            {platforms.map((p) => (
              <option key={p.platform} value={p.platform}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="conn-field">
          <label htmlFor={ids.storeId}>{words.storeIdLabel(info)}</label>
          <input
            id={ids.storeId}
            required
            autoComplete="off"
            spellCheck={false}
            value={values.storeId}
            onChange={(e) => set({ storeId: e.target.value })}
          />
        </div>
        <div className="conn-field">
          <label htmlFor={ids.name}>{t('form.name')}</label>
          <input id={ids.name} value={values.name} placeholder={t('form.namePlaceholder')} onChange={(e) => set({ name: e.target.value })} />
        </div>
        <div className="conn-field">
          <label htmlFor={ids.store}>{t('form.store')}</label>
          <input
            id={ids.store}
            value={values.store}
            placeholder={values.storeId.trim() || undefined}
            aria-describedby={ids.storeHint}
            onChange={(e) => set({ store: e.target.value })}
          />
          <p id={ids.storeHint} className="conn-hint">
            {t('form.storeHint')}
          </p>
        </div>
      </div>

      <fieldset className="conn-secrets" aria-describedby={ids.secretsHint}>
        <legend>{t('form.secrets')}</legend>
        <p id={ids.secretsHint} className="conn-hint">
          {t('form.secretsHint')}
        </p>
        {info.secrets.map((secret) => (
          <SecretInput
            key={`${info.platform}:${secret.name}`}
            label={secret.optional ? `${words.secretLabel(info, secret)} (${t('form.optional')})` : words.secretLabel(info, secret)}
            required={!secret.optional}
            value={values.secrets[secret.name] ?? ''}
            onChange={(value) => set({ secrets: { ...values.secrets, [secret.name]: value } })}
          />
        ))}
      </fieldset>

      <ConnectionSettings
        key={info.platform}
        info={info}
        settings={values.settings}
        settingsText={values.settingsText}
        onSettings={(settings) => set({ settings })}
        onText={(settingsText) => set({ settingsText })}
      />

      <ApiAccessSection key={`api:${info.platform}`} info={info} storeId={values.storeId} values={values.api} onChange={(api) => set({ api })} collapsible />

      {error ? (
        <p className="conn-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="conn-buttons">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('form.submitting') : t('form.submit')}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
