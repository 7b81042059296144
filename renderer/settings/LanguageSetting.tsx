import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, languages } from '../i18n/i18n.ts';

/** Tiếng Việt or English, switched at once and remembered. */
export function LanguageSetting() {
  const { t, i18n } = useTranslation('settings');
  const headingId = useId();
  const hintId = useId();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <section className="settings-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('language.title')}</h2>
      <fieldset className="settings-languages" aria-describedby={hintId}>
        <legend className="visually-hidden">{t('language.legend')}</legend>
        {languages.map((language) => (
          <label key={language.id} className="settings-language" lang={language.id}>
            <input
              type="radio"
              name="language"
              value={language.id}
              checked={current === language.id}
              onChange={() => chooseLanguage(i18n, language.id)}
            />
            {language.label}
          </label>
        ))}
      </fieldset>
      <p id={hintId} className="settings-hint">
        {t('language.hint')}
      </p>
    </section>
  );
}
