import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLinkStatus } from '../api/useLinkStatus.ts';

/**
 * Says whether the app is hearing from the engine, in the chosen language. Also writes the state
 * to `<html data-engine-link>`, which end-to-end tests wait on.
 */
export function LinkIndicator() {
  const { t } = useTranslation('common');
  const status = useLinkStatus();
  useEffect(() => {
    document.documentElement.dataset.engineLink = status.state;
  }, [status.state]);
  return (
    <div className={`link link-${status.state}`} role="status" aria-label={t('link.label')}>
      <span className="link-dot" aria-hidden="true" />
      <span>{t(`link.${status.state}`)}</span>
      {status.detail ? <span className="link-detail">{status.detail}</span> : null}
    </div>
  );
}
