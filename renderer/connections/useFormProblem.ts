import { useTranslation } from 'react-i18next';
import type { BuildResult } from './connection-form.ts';

type Problem = Exclude<BuildResult, { ok: true }>;

/** A form's problem before anything is sent, in the user's words: bad JSON settings, or an API number out of range. */
export function useFormProblem(): (problem: Problem) => string {
  const { t } = useTranslation('connections');
  const { t: tw } = useTranslation('write-back');
  return (p) => {
    switch (p.problem) {
      case 'settings_invalid':
        return t('form.settingsInvalid', { message: p.message });
      case 'settings_not_object':
        return t('form.settingsNotObject');
      case 'api_number':
        return tw('api.invalidNumber', { field: tw(p.field === 'reconcileEveryMinutes' ? 'api.reconcileEvery' : 'api.pollEvery'), min: p.min, max: p.max });
    }
  };
}
