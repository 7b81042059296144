import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { platformLabels, type ConnectionDto, type Intake, type PlatformInfoDto } from '../../engine/contract/index.ts';
import { apiFormInUse, noApiFor, requiredApiSecret, type ApiFormValues } from './api-access.ts';
import { ApiSupportList } from './ApiSupportList.tsx';
import './api-access.css';

interface ApiAccessSectionProps {
  info: PlatformInfoDto;
  storeId: string;
  values: ApiFormValues;
  onChange: (values: ApiFormValues) => void;
  /** Editing a saved connection: its stored secrets (masked), its API base URL in use, why it has no API. */
  connection?: ConnectionDto;
  /** In the new-connection form it folds away (off is the usual); on a connection's own panel it is open. */
  collapsible: boolean;
}

/**
 * A connection's use of its platform's API (issue 13), generated from `PlatformInfoDto.api`:
 * write-back, reconciliation and polling toggles; the API's credentials and options only once
 * something is on; what the platform can do; and, for a platform with no API, a plain note.
 */
export function ApiAccessSection({ info, storeId, values, onChange, connection, collapsible }: ApiAccessSectionProps) {
  const { t } = useTranslation('write-back');
  const ids = { title: useId(), lead: useId() };
  const platform = info.label || platformLabels[info.platform];
  const blocked = noApiFor(info, storeId, connection);
  const set = (patch: Partial<ApiFormValues>) => onChange({ ...values, ...patch });

  const body = blocked ? (
    <p className="conn-api-note" role="note">
      <strong>{t('api.noApi.title')}:</strong>{' '}
      {blocked.reason === 'unavailable' ? t('api.noApi.unavailable', { platform }) : t(`noApi.${blocked.reason}`, { defaultValue: blocked.english })}
    </p>
  ) : (
    <ApiControls info={info} platform={platform} values={values} set={set} connection={connection} leadId={ids.lead} />
  );

  if (collapsible) {
    return (
      <details className="conn-api" aria-labelledby={ids.title}>
        <summary id={ids.title}>
          {t('api.title')} <span className="conn-api-optional">— {t('api.optional')}</span>
        </summary>
        {body}
      </details>
    );
  }
  // On the connection's own panel, whose heading names it already.
  return <div className="conn-api conn-api-open">{body}</div>;
}

interface ControlsProps {
  info: PlatformInfoDto;
  platform: string;
  values: ApiFormValues;
  set: (patch: Partial<ApiFormValues>) => void;
  connection: ConnectionDto | undefined;
  leadId: string;
}

function ApiControls({ info, platform, values, set, connection, leadId }: ControlsProps) {
  const { t } = useTranslation('write-back');
  const inUse = apiFormInUse(values);
  const field = (name: string, english: string) => labelAndHint(t(`apiFields.${info.platform}.${name}`, { defaultValue: english, skipInterpolation: true }));
  return (
    <>
      <p id={leadId} className="conn-hint conn-api-lead">
        {t('api.lead')}
      </p>
      {info.platform === 'sapo' ? <p className="conn-hint">{t('api.noApi.sapoWeb')}</p> : null}

      <div className="conn-api-toggles">
        <Toggle label={t('api.writeBack', { platform })} hint={t('api.writeBackHint', { platform })} checked={values.writeBack} onChange={(writeBack) => set({ writeBack })} />
        <Toggle label={t('api.reconcile')} hint={t('api.reconcileHint')} checked={values.reconcile} onChange={(reconcile) => set({ reconcile })}>
          {values.reconcile ? (
            <NumberField
              label={t('api.reconcileEvery')}
              hint={t('api.reconcileEveryHint', { platform, minutes: info.api.reconcileMinutes })}
              value={values.reconcileEveryMinutes}
              placeholder={String(info.api.reconcileMinutes)}
              min={5}
              max={1440}
              onChange={(reconcileEveryMinutes) => set({ reconcileEveryMinutes })}
            />
          ) : null}
        </Toggle>
        <fieldset className="conn-api-intake">
          <legend>{t('api.intake')}</legend>
          {(['webhook', 'polling'] as const satisfies readonly Intake[]).map((intake) => (
            <label key={intake} className="conn-api-radio">
              <input type="radio" name={`${leadId}-intake`} value={intake} checked={values.intake === intake} onChange={() => set({ intake })} />
              {intake === 'webhook' ? t('api.intakeWebhook', { platform }) : t('api.intakePolling', { platform })}
            </label>
          ))}
          {values.intake === 'polling' ? (
            <NumberField
              label={t('api.pollEvery')}
              hint={t('api.pollEveryHint')}
              value={values.pollEverySeconds}
              placeholder="60"
              min={30}
              max={3600}
              onChange={(pollEverySeconds) => set({ pollEverySeconds })}
            />
          ) : null}
        </fieldset>
      </div>

      {inUse ? (
        <fieldset className="conn-secrets conn-api-credentials">
          <legend>{t('api.credentials', { platform })}</legend>
          <p className="conn-hint">{t('api.credentialsHint')}</p>
          {info.api.secrets.map((secret) => (
            <ApiInput
              key={secret.name}
              secret
              {...field(secret.name, secret.label)}
              required={requiredApiSecret(secret, connection)}
              placeholder={connection?.secretHints[secret.name] ? t('api.kept', { hint: connection.secretHints[secret.name] }) : undefined}
              value={values.secrets[secret.name] ?? ''}
              onChange={(v) => set({ secrets: { ...values.secrets, [secret.name]: v } })}
            />
          ))}
          {info.api.options.map((option) => (
            <ApiInput
              key={option.name}
              {...field(option.name, option.label)}
              required={false}
              placeholder={option.default || undefined}
              value={values.options[option.name] ?? ''}
              onChange={(v) => set({ options: { ...values.options, [option.name]: v } })}
            />
          ))}
          <ApiInput
            label={t('api.baseUrl')}
            hint={t('api.baseUrlHint', { platform })}
            required={false}
            placeholder={connection?.apiBaseUrl ?? t('api.baseUrlDefault', { platform })}
            value={values.baseUrl}
            onChange={(baseUrl) => set({ baseUrl })}
          />
        </fieldset>
      ) : null}

      <ApiSupportList info={info} platform={platform} />
    </>
  );
}

/** "Admin API access token (starts with shpat_): where to find it…": the words before the first colon label the field, the rest help. */
function labelAndHint(words: string): { label: string; hint?: string } {
  const at = words.indexOf(': ');
  return at > 0 && at < 80 ? { label: words.slice(0, at), hint: words.slice(at + 2) } : { label: words };
}

function Toggle({ label, hint, checked, onChange, children }: { label: string; hint: string; checked: boolean; onChange: (on: boolean) => void; children?: ReactNode }) {
  const hintId = useId();
  return (
    <div className="conn-api-toggle">
      <label>
        <input type="checkbox" checked={checked} aria-describedby={hintId} onChange={(e) => onChange(e.target.checked)} /> {label}
      </label>
      <p id={hintId} className="conn-hint">
        {hint}
      </p>
      {children}
    </div>
  );
}

interface NumberFieldProps {
  label: string;
  hint: string;
  value: string;
  placeholder: string;
  min: number;
  max: number;
  onChange: (value: string) => void;
}

function NumberField({ label, hint, value, placeholder, min, max, onChange }: NumberFieldProps) {
  const id = useId();
  return (
    <div className="conn-field conn-api-number">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" inputMode="numeric" min={min} max={max} step={1} value={value} placeholder={placeholder} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value)} />
      <p id={`${id}-hint`} className="conn-hint">
        {hint}
      </p>
    </div>
  );
}

interface ApiInputProps {
  label: string;
  hint?: string;
  secret?: boolean;
  required: boolean;
  placeholder: string | undefined;
  value: string;
  onChange: (value: string) => void;
}

function ApiInput({ label, hint, secret = false, required, placeholder, value, onChange }: ApiInputProps) {
  const id = useId();
  return (
    <div className="conn-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={secret ? 'password' : 'text'}
        required={required}
        autoComplete={secret ? 'new-password' : 'off'}
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <p id={`${id}-hint`} className="conn-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
