import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionDto, PlatformInfoDto } from '../../engine/contract/index.ts';
import { CopyButton } from './CopyButton.tsx';
import { usePlatformWords } from './usePlatformWords.ts';

interface ConnectionCreatedProps {
  connection: ConnectionDto;
  info: PlatformInfoDto | undefined;
  onDone: () => void;
}

/** Right after adding: the exact URL to paste into the platform, and how to set the platform up. */
export function ConnectionCreated({ connection, info, onDone }: ConnectionCreatedProps) {
  const { t } = useTranslation('connections');
  const words = usePlatformWords();
  const headingId = useId();
  const urlId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const platform = info?.label ?? connection.platform;

  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="conn-panel conn-created" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        <span className="conn-created-check" aria-hidden="true">
          ✓
        </span>
        {t('created.title', { name: connection.name })}
      </h2>
      {connection.api.intake === 'polling' ? (
        <p>{t('created.polling', { platform, seconds: connection.api.pollEverySeconds })}</p>
      ) : (
        <>
          <p>{t('created.lead', { platform })}</p>
          <div className="conn-url">
            <label htmlFor={urlId}>{t('created.webhookUrl')}</label>
            <div className="conn-url-row">
              <input id={urlId} type="text" readOnly value={connection.webhookUrl} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton text={connection.webhookUrl} what={t('copy.url')} />
            </div>
          </div>
        </>
      )}
      {info && info.setup.length > 0 && connection.api.intake !== 'polling' ? (
        <>
          <h3>{t('created.setup', { platform })}</h3>
          <ol className="conn-setup">
            {words.setup(info).map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      ) : null}
      <div className="conn-buttons">
        <button type="button" className="button-primary" onClick={onDone}>
          {t('created.done')}
        </button>
      </div>
    </section>
  );
}
