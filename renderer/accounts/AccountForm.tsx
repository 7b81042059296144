import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDto, ConnectorInfoDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { accountArgs, accountFormFields, accountFormValues, type AccountFormValues } from './account-form.ts';
import { AccountFieldInput } from './AccountFieldInput.tsx';

interface AccountFormProps {
  info: ConnectorInfoDto;
  /** Editing this account; absent for a new one. */
  existing?: AccountDto | undefined;
  onSaved: (account: AccountDto) => void;
  onCancel: () => void;
}

/** A connector account's form, generated from the connector's credential and settings schemas. */
export function AccountForm({ info, existing, onSaved, onCancel }: AccountFormProps) {
  const { t } = useTranslation('accounts');
  const client = useApiClient();
  const headingId = useId();
  const nameId = useId();
  const fields = useMemo(() => accountFormFields(info), [info]);
  const [values, setValues] = useState<AccountFormValues>(() => accountFormValues(info, existing));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = t(`connectors.${info.id}.label`, { defaultValue: info.label });

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const args = accountArgs(info, values, existing ? 'update' : 'create');
      const saved = existing
        ? await client.call('accounts.update', { id: existing.id, ...args })
        : await client.call('accounts.create', { connector: info.id, ...args });
      onSaved(saved);
    } catch (e) {
      setError(t('form.failed', { message: toApiError(e).message }));
      setBusy(false);
    }
  }

  const group = (which: 'credentials' | 'settings') =>
    fields[which].map((field) => (
      <AccountFieldInput
        key={field.key}
        connector={info.id}
        group={which}
        field={field}
        secret={which === 'credentials' && fields.secrets.has(field.key)}
        hint={existing?.secretHints[field.key] || null}
        value={values[which][field.key] ?? ''}
        onChange={(value) => setValues((v) => ({ ...v, [which]: { ...v[which], [field.key]: value } }))}
      />
    ));

  return (
    <form className="conn-panel conn-form acc-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)}>
      <h2 id={headingId}>{existing ? t('form.editTitle', { name: existing.name }) : t('form.title', { connector: label })}</h2>
      <div className="conn-grid">
        <div className="conn-field">
          <label htmlFor={nameId}>{t('form.name')}</label>
          <input id={nameId} required value={values.name} placeholder={t('form.namePlaceholder')} onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))} />
        </div>
      </div>
      <fieldset className="conn-secrets">
        <legend>{t('form.credentials')}</legend>
        <p className="conn-hint">{t('form.credentialsHint')}</p>
        <div className="conn-grid">{group('credentials')}</div>
      </fieldset>
      {fields.settings.length > 0 ? (
        <details className="conn-settings">
          <summary>{t('form.settings')}</summary>
          <div className="conn-grid">{group('settings')}</div>
        </details>
      ) : null}
      {error ? (
        <p className="conn-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="conn-buttons">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('form.saving') : existing ? t('form.save') : t('form.submit')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
