import { useTranslation } from 'react-i18next';
import type { PlatformInfoDto } from '../../engine/contract/index.ts';
import { workaroundWords } from '../canvas/write-support-words.ts';
import { supportRows } from './api-access.ts';

/** What the platform can do through its API (reference §9.1), with what a workaround does instead. */
export function ApiSupportList({ info, platform }: { info: PlatformInfoDto; platform: string }) {
  const { t } = useTranslation('write-back');
  const { can, cannot } = supportRows(info);
  return (
    <div className="conn-api-supports">
      <h4>{t('api.supports', { platform })}</h4>
      {can.length > 0 ? (
        <ul aria-label={t('api.supportsLabel', { platform })}>
          {can.map(({ action, support }) => (
            <li key={action} className={`conn-api-support conn-api-support-${support}`}>
              <span className="conn-api-mark" aria-hidden="true">
                {support === 'yes' ? '✓' : '≈'}
              </span>
              <span>
                {t(`action.${action}`)}
                {support === 'workaround' ? (
                  <span className="conn-api-how">
                    {' '}
                    — {t('support.workaround')}: {workaroundWords(t, info.platform, action)}
                  </span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {cannot.length > 0 ? (
        <p className="conn-hint">
          {t('support.no')}: {cannot.map((a) => t(`action.${a}`)).join(', ')}
        </p>
      ) : null}
    </div>
  );
}
