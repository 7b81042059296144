import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntryDto } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { pageHref } from '../app/routes.ts';
import { RunStatusBadge } from '../flow-editor/runs/RunStatusBadge.tsx';

type RunEntry = TimelineEntryDto & { data: Extract<TimelineEntryDto['data'], { kind: 'run' }> };

/**
 * Step 4: the delivery landing, as it goes: its inbox row (received, signature checked,
 * processed), the order it became, and the runs of flows on that order's timeline.
 */
export function WatchStep({ deliveryId }: { deliveryId: number | null }) {
  const { t } = useTranslation('guide');
  const client = useApiClient();
  const load = useCallback(async () => {
    if (deliveryId === null) return null;
    const delivery = await client.call('inbox.get', { id: deliveryId });
    const order = delivery.orderId ? await client.call('orders.get', { ref: delivery.orderId }) : null;
    return { delivery, order };
  }, [client, deliveryId]);
  const trail = useApiQuery(load, ['delivery.received', 'order.changed', 'run.finished', 'timeline.appended']);

  if (deliveryId === null) return <p>{t('watch.nothingYet')}</p>;
  const delivery = trail.data?.delivery;
  const order = trail.data?.order ?? null;
  // A run is on the timeline when it starts and again when it ends: its last word is its state.
  const runs = [...new Map((order?.timeline ?? []).filter((e): e is RunEntry => e.data?.kind === 'run').map((e) => [e.runId ?? String(e.id), e])).values()];
  const processed = delivery?.processing === 'processed';

  return (
    <ol className="guide-trail" aria-label={t('watch.trailLabel')}>
      <li data-done={delivery ? 'yes' : 'no'}>
        <span className="guide-trail-what">{t('watch.inbox')}</span>
        {delivery ? (
          <span>
            {t('watch.delivery', { id: delivery.id, topic: delivery.topic ?? '' })}{' '}
            <span className={`badge badge-${delivery.verdict === 'accepted' ? 'good' : 'bad'}`}>{t(`verdict.${delivery.verdict}`, { ns: 'inbox' })}</span>{' '}
            <span className={`badge badge-${processed ? 'good' : delivery.processing === 'pending' ? 'neutral' : 'bad'}`}>{t(`processing.${delivery.processing}`, { ns: 'inbox' })}</span>
            {delivery.verdict !== 'accepted' && delivery.reason ? <span className="guide-note"> {delivery.reason}</span> : null}
          </span>
        ) : (
          <span>{t('watch.waiting')}</span>
        )}
      </li>
      <li data-done={order ? 'yes' : 'no'}>
        <span className="guide-trail-what">{t('watch.order')}</span>
        {order ? (
          <span>
            <a href={pageHref('orders', order.summary.id)}>{t('watch.orderLink', { number: order.summary.number, customer: order.summary.customerName ?? '' })}</a>
          </span>
        ) : (
          <span>{delivery?.processing === 'failed' || delivery?.processing === 'dead' ? delivery.outcome ?? t('watch.notAnOrder') : t('watch.waiting')}</span>
        )}
      </li>
      <li data-done={runs.length > 0 ? 'yes' : 'no'}>
        <span className="guide-trail-what">{t('watch.timeline')}</span>
        {runs.length > 0 ? (
          <ul className="guide-runs">
            {runs.map((entry) => (
              <li key={entry.id}>
                {entry.data.flowName ?? entry.data.flowId ?? ''} <RunStatusBadge status={entry.data.status} />
              </li>
            ))}
          </ul>
        ) : (
          <span>{order && processed ? t('watch.noRuns') : t('watch.waiting')}</span>
        )}
      </li>
      {order ? (
        <li className="guide-trail-open">
          <a className="button-link button-primary" href={pageHref('orders', order.summary.id)}>
            {t('watch.openOrder')}
          </a>
        </li>
      ) : null}
    </ol>
  );
}
