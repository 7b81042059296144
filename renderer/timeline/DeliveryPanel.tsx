import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { platformLabels, type InboxEntryDto } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { pageHref } from '../app/routes.ts';
import { Badge } from '../components/Badge.tsx';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { DeliveryTools } from '../bench/DeliveryTools.tsx';
import { RawRequest } from './RawRequest.tsx';
import { processingTone, sourceTone, verdictTone } from './verdict-tones.ts';
import './delivery-panel.css';

interface DeliveryPanelProps {
  id: number;
  /** The row as the list has it now, kept current by `delivery.received`. */
  row: InboxEntryDto | undefined;
  connectionName: (id: string) => string;
  onClose: () => void;
}

/** One delivery opened from the Inbox: what the listener decided, why, its runs, the tester's tools, and the raw request. */
export function DeliveryPanel({ id, row, connectionName, onClose }: DeliveryPanelProps) {
  const { t } = useTranslation('inbox');
  const client = useApiClient();
  const load = useCallback(() => client.call('inbox.get', { id }), [client, id]);
  const loaded = useApiQuery(load);
  const d: InboxEntryDto | null = row ?? loaded.data;
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `delivery-${id}-title`;

  useEffect(() => heading.current?.focus(), [id]);

  return (
    <section
      className="delivery-panel"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header className="delivery-panel-head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {t('detail.title', { id })}
        </h2>
        <button type="button" onClick={onClose}>
          {t('detail.close')}
        </button>
      </header>
      {!d ? (
        <LoadNotice
          loading={loaded.loading}
          error={loaded.error}
          empty
          texts={{ loading: t('detail.loading'), empty: '', failed: (message) => t('detail.failed', { id, message }), retry: t('detail.retry') }}
          onRetry={loaded.reload}
        />
      ) : (
        <>
          <dl className="delivery-facts">
            <dt>{t('detail.verdict')}</dt>
            <dd>
              <Badge value={t(`verdict.${d.verdict}`)} tone={verdictTone[d.verdict]} />
            </dd>
            <dt>{t('detail.reason')}</dt>
            <dd className="delivery-reason">{d.reason ?? t('detail.none')}</dd>
            <dt>{t('detail.received')}</dt>
            <dd>
              <Timestamp iso={d.receivedAt} />
            </dd>
            <dt>{t('detail.connection')}</dt>
            <dd>{d.connectionId ? connectionName(d.connectionId) : t('detail.none')}</dd>
            <dt>{t('detail.platform')}</dt>
            <dd>{d.platform ? platformLabels[d.platform] : t('detail.none')}</dd>
            <dt>{t('detail.topic')}</dt>
            <dd className="mono">{d.topic ?? t('detail.none')}</dd>
            <dt>{t('detail.source')}</dt>
            <dd>
              <Badge value={t(`source.${d.source}`)} tone={sourceTone[d.source]} />
            </dd>
            {d.source === 'webhook' ? (
              <>
                <dt>{t('detail.answered')}</dt>
                <dd className="mono">HTTP {d.httpStatus}</dd>
              </>
            ) : null}
            {d.deliveryKey ? (
              <>
                <dt>{t('detail.deliveryKey')}</dt>
                <dd className="mono">{d.deliveryKey}</dd>
              </>
            ) : null}
            {d.duplicateOf !== null ? (
              <>
                <dt>{t('detail.duplicateOf')}</dt>
                <dd className="mono">#{d.duplicateOf}</dd>
              </>
            ) : null}
            <dt>{t('detail.processing')}</dt>
            <dd>
              <Badge value={t(`processing.${d.processing}`)} tone={processingTone[d.processing]} />
              {d.outcome ? <div className="sub">{d.outcome}</div> : null}
            </dd>
            {d.orderId ? (
              <>
                <dt>{t('detail.order')}</dt>
                <dd>
                  <a href={pageHref('orders', d.orderId)}>{t('detail.openOrder')}</a>
                </dd>
              </>
            ) : null}
          </dl>
          <DeliveryTools delivery={d} />
          <RawRequest inboxId={id} />
        </>
      )}
    </section>
  );
}
