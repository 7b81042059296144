import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformInfoDto } from '../../engine/contract/index.ts';
import { parseSettingsText } from './connection-form.ts';
import { settingFields } from './connection-settings.ts';
import { SettingInput } from './SettingInput.tsx';
import './connection-settings.css';

interface ConnectionSettingsProps {
  info: PlatformInfoDto;
  settings: Record<string, unknown>;
  /** The JSON text while "Edit as JSON" is open, else null. */
  settingsText: string | null;
  onSettings: (settings: Record<string, unknown>) => void;
  onText: (text: string | null) => void;
}

/**
 * A platform's adapter settings as a form generated from their schema: what the shop must fill in
 * (an app key) up front with its help, the rest under "More settings", and JSON as a last resort.
 */
export function ConnectionSettings({ info, settings, settingsText, onSettings, onText }: ConnectionSettingsProps) {
  const { t } = useTranslation('connections');
  const ids = { upFront: useId(), json: useId(), jsonHint: useId() };
  const fields = useMemo(() => settingFields(info.settingsSchema), [info]);
  const [jsonError, setJsonError] = useState<string | null>(null);
  // Remounts the controls after JSON editing, so tables and JSON fields start from the new values.
  const [generation, setGeneration] = useState(0);
  if (fields.length === 0) return null;

  const input = (setting: (typeof fields)[number]) => (
    <SettingInput
      key={`${generation}:${setting.field.key}`}
      platform={info.platform}
      setting={setting}
      value={settings[setting.field.key]}
      onChange={(value) => onSettings({ ...settings, [setting.field.key]: value })}
    />
  );
  const upFront = fields.filter((f) => f.upFront);
  const more = fields.filter((f) => !f.upFront);

  function backToForm(): void {
    const parsed = parseSettingsText(settingsText ?? '');
    if (!parsed.ok) {
      setJsonError(parsed.problem === 'settings_invalid' ? t('form.settingsInvalid', { message: parsed.message }) : t('form.settingsNotObject'));
      return;
    }
    setJsonError(null);
    onSettings(parsed.settings);
    onText(null);
    setGeneration((g) => g + 1);
  }

  if (settingsText !== null) {
    return (
      <section className="conn-settings conn-settings-json" aria-labelledby={ids.json}>
        <h3 id={ids.json}>{t('settings.jsonTitle')}</h3>
        <p id={ids.jsonHint} className="conn-hint">
          {t('settings.jsonHint')}
        </p>
        <textarea
          aria-labelledby={ids.json}
          aria-describedby={ids.jsonHint}
          rows={Math.min(18, settingsText.split('\n').length + 1)}
          spellCheck={false}
          value={settingsText}
          onChange={(e) => onText(e.target.value)}
        />
        {jsonError ? (
          <p className="conn-error" role="alert">
            {jsonError}
          </p>
        ) : null}
        <button type="button" onClick={backToForm}>
          {t('settings.backToForm')}
        </button>
      </section>
    );
  }

  return (
    <>
      {upFront.length > 0 ? (
        <fieldset className="conn-secrets conn-upfront">
          <legend>{t('settings.upFront', { platform: info.label })}</legend>
          <div className="conn-grid">{upFront.map(input)}</div>
        </fieldset>
      ) : null}
      {more.length > 0 ? (
        <details className="conn-settings">
          <summary>{t('settings.more')}</summary>
          <p className="conn-hint">{t('settings.moreHint')}</p>
          <div className="conn-settings-fields">{more.map(input)}</div>
          <button type="button" className="conn-json-button" onClick={() => onText(JSON.stringify(settings, null, 2))}>
            {t('settings.editJson')}
          </button>
        </details>
      ) : null}
    </>
  );
}
